#include "tests/core/model/bert/torch/BertProbes.h"

#include "core/export/Safetensors.h"
#include "core/model/bert/BertCheckpoint.h"
#include "core/model/bert/torch/BertClassifier.h"
#include "core/model/bert/torch/BertWeights.h"
#include "core/train/torch/ParameterGroups.h"

#include <torch/torch.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <map>
#include <sstream>

namespace tagbench::probe {

namespace fs = std::filesystem;

namespace {

std::vector<float> toVector(const torch::Tensor& t)
{
    const torch::Tensor c = t.detach().contiguous().to(torch::kFloat32);
    return std::vector<float>(c.data_ptr<float>(), c.data_ptr<float>() + c.numel());
}

double maxAbsDiff(const torch::Tensor& a, const torch::Tensor& b) { return (a - b).abs().max().item<double>(); }

TensorDType dtypeOf(torch::ScalarType type)
{
    switch (type) {
    case torch::kFloat16: return TensorDType::F16;
    case torch::kInt64: return TensorDType::I64;
    default: return TensorDType::F32;
    }
}

bool writeSafetensors(const std::string& path, const std::vector<std::pair<std::string, torch::Tensor>>& tensors,
                      std::size_t truncateBytes, std::string& error)
{
    std::vector<TensorRef> refs;
    for (const auto& [name, tensor] : tensors)
        refs.push_back({name, dtypeOf(tensor.scalar_type()), tensor.sizes().vec(), tensor.data_ptr(),
                        static_cast<std::size_t>(tensor.nbytes())});
    auto writer = SafetensorsWriter::create(std::move(refs), {{"format", "pt"}});
    if (!writer) {
        error = writer.message();
        return false;
    }
    std::string bytes = writer->toBytes();
    bytes.resize(bytes.size() - std::min(truncateBytes, bytes.size()));
    std::ofstream(path, std::ios::binary) << bytes;
    return true;
}

BertClassifierOptions optionsFor(const std::string& folder, std::int64_t numLabels)
{
    auto checkpoint = BertCheckpoint::open(folder);
    TORCH_CHECK(checkpoint.ok(), checkpoint.ok() ? "" : checkpoint.message());
    BertClassifierOptions options;
    options.config = checkpoint->config();
    options.numLabels = numLabels;
    return options;
}

} // namespace

BertLoadSummary loadBert(const std::string& folder, std::int64_t numLabels, const std::vector<std::int64_t>& ids,
                         const std::vector<std::int64_t>& mask, std::int64_t rows)
{
    BertLoadSummary summary;
    auto checkpoint = BertCheckpoint::open(folder);
    if (!checkpoint) {
        summary.error = checkpoint.message();
        return summary;
    }
    BertClassifierOptions options;
    options.config = checkpoint->config();
    options.numLabels = numLabels;
    torch::manual_seed(7);
    BertLoadReport report;
    auto model = BertWeights::loadClassifier(*checkpoint, options, &report);
    if (!model) {
        summary.error = model.message();
        return summary;
    }
    summary.ok = true;
    summary.unused = report.unused;
    summary.newlyInitialised = report.newlyInitialised;
    summary.mismatchedHead = report.mismatchedHead;
    summary.renamed = report.renamed;
    summary.loaded = report.loaded;
    (*model)->eval();
    torch::NoGradGuard noGrad;
    const torch::Tensor idTensor = torch::tensor(ids, torch::kInt64).view({rows, -1});
    const torch::Tensor maskTensor = torch::tensor(mask, torch::kInt64).view({rows, -1});
    summary.logits = toVector((*model)->forward(idTensor, maskTensor, torch::zeros_like(idTensor)));
    return summary;
}

TorchSaveRead readTorchSave(const std::string& path)
{
    TorchSaveRead result;
    auto tensors = BertWeights::readPytorchBin(path);
    if (!tensors) {
        result.error = tensors.message();
        return result;
    }
    result.ok = true;
    for (const auto& t : *tensors) result.names.push_back(t.name);
    return result;
}

bool writeBertVariant(const std::string& from, const std::string& to, const BertVariant& variant, std::string& error)
{
    std::error_code ec;
    fs::create_directories(to, ec);
    for (const char* name : {"config.json", "vocab.txt", "tokenizer_config.json", "special_tokens_map.json"})
        if (fs::exists(fs::path(from) / name))
            fs::copy_file(fs::path(from) / name, fs::path(to) / name, fs::copy_options::overwrite_existing, ec);
    auto source = BertWeights::readSafetensors((fs::path(from) / "model.safetensors").string());
    if (!source) {
        error = source.message();
        return false;
    }
    std::vector<std::pair<std::string, torch::Tensor>> tensors;
    for (auto& entry : *source) {
        std::string name = entry.name;
        torch::Tensor tensor = entry.tensor;
        if (name == variant.dropTensor) continue;
        if (variant.dropClassifier && name.rfind("classifier.", 0) == 0) continue;
        if (variant.classifierLabels > 0 && name.rfind("classifier.", 0) == 0) {
            auto sizes = tensor.sizes().vec();
            sizes[0] = variant.classifierLabels;
            tensor = torch::randn(sizes);
        }
        if (name == variant.reshapeTensor) tensor = tensor.narrow(0, 0, tensor.size(0) - 1).contiguous();
        if (variant.stripBertPrefix && name.rfind("bert.", 0) == 0) name = name.substr(5);
        if (variant.gammaBeta) {
            const auto replace = [&](const std::string& tail, const std::string& with) {
                if (name.size() > tail.size() && name.compare(name.size() - tail.size(), tail.size(), tail) == 0)
                    name = name.substr(0, name.size() - tail.size()) + with;
            };
            replace("LayerNorm.weight", "LayerNorm.gamma");
            replace("LayerNorm.bias", "LayerNorm.beta");
        }
        if (variant.halfPrecision) tensor = tensor.to(torch::kFloat16);
        tensors.emplace_back(name, tensor.contiguous());
    }
    if (variant.addPretrainingHead) {
        tensors.emplace_back("cls.predictions.bias", torch::zeros({1486}));
        tensors.emplace_back("cls.predictions.transform.dense.weight", torch::zeros({32, 32}));
        tensors.emplace_back("bert.embeddings.position_ids", torch::arange(64, torch::kInt64).view({1, 64}));
    }
    if (variant.shards <= 1)
        return writeSafetensors((fs::path(to) / "model.safetensors").string(), tensors, variant.truncateBytes, error);

    std::ostringstream index;
    index << "{\"metadata\": {\"total_size\": 0}, \"weight_map\": {";
    const std::size_t perShard = (tensors.size() + variant.shards - 1) / variant.shards;
    for (int s = 0; s < variant.shards; ++s) {
        std::ostringstream file;
        file << "model-" << std::setw(5) << std::setfill('0') << s + 1 << "-of-" << std::setw(5) << variant.shards
             << ".safetensors";
        std::vector<std::pair<std::string, torch::Tensor>> part;
        for (std::size_t i = s * perShard; i < std::min(tensors.size(), (s + 1) * perShard); ++i) {
            part.push_back(tensors[i]);
            index << (i ? ", " : "") << '"' << tensors[i].first << "\": \"" << file.str() << '"';
        }
        if (!writeSafetensors((fs::path(to) / file.str()).string(), part, 0, error)) return false;
    }
    index << "}}";
    std::ofstream(fs::path(to) / "model.safetensors.index.json") << index.str();
    return true;
}

double bertPaddingInfluence(const std::string& folder, const std::string& pooling)
{
    BertClassifierOptions options = optionsFor(folder, 3);
    options.pooling = pooling == "mean" ? BertPooling::Mean : BertPooling::Cls;
    torch::manual_seed(3);
    BertClassifier model(options);
    model->eval();
    torch::NoGradGuard noGrad;
    const torch::Tensor shortText = torch::tensor({2, 40, 41, 42, 3}, torch::kInt64).view({1, 5});
    const torch::Tensor alone = model->forward(shortText, torch::ones_like(shortText), torch::zeros_like(shortText));
    torch::Tensor ids = torch::zeros({2, 12}, torch::kInt64);
    ids[0].narrow(0, 0, 5).copy_(shortText[0]);
    ids[1].copy_(torch::randint(5, 1000, {12}, torch::kInt64));
    torch::Tensor mask = torch::zeros({2, 12}, torch::kInt64);
    mask[0].narrow(0, 0, 5).fill_(1);
    mask[1].fill_(1);
    const torch::Tensor batched = model->forward(ids, mask, torch::zeros_like(ids));
    return maxAbsDiff(alone[0], batched[0]);
}

std::size_t bertHiddenStateCount(const std::string& folder)
{
    BertClassifier model(optionsFor(folder, 2));
    torch::NoGradGuard noGrad;
    const torch::Tensor ids = torch::tensor({2, 40, 3}, torch::kInt64).view({1, 3});
    return model->run(ids, torch::ones_like(ids), torch::zeros_like(ids), true).encoder.hiddenStates.size();
}

LoraProbeResult loraProbe(const std::string& folder, std::int64_t rank, double alpha, const std::vector<std::string>& targets)
{
    LoraProbeResult result;
    auto checkpoint = BertCheckpoint::open(folder);
    TORCH_CHECK(checkpoint.ok(), checkpoint.ok() ? "" : checkpoint.message());
    BertClassifierOptions plainOptions;
    plainOptions.config = checkpoint->config();
    plainOptions.numLabels = 5;
    BertClassifierOptions loraOptions = plainOptions;
    loraOptions.lora.rank = rank;
    loraOptions.lora.alpha = alpha;
    loraOptions.lora.targetModules = targets;

    torch::manual_seed(11);
    auto plain = BertWeights::loadClassifier(*checkpoint, plainOptions);
    auto lora = BertWeights::loadClassifier(*checkpoint, loraOptions);
    TORCH_CHECK(plain.ok() && lora.ok(), "loading the checkpoint failed");
    BertClassifier plainModel = *plain;
    BertClassifier loraModel = *lora;
    result.parametersWithoutLora = plainModel->parameters().size();
    for (const auto& [name, p] : loraModel->trainableParameters()) result.trainable.push_back(name);

    const torch::Tensor ids = torch::tensor({2, 40, 41, 42, 43, 3, 2, 50, 51, 3, 0, 0}, torch::kInt64).view({2, 6});
    const torch::Tensor mask = (ids != 0).to(torch::kInt64);
    const torch::Tensor types = torch::zeros_like(ids);
    plainModel->eval();
    loraModel->eval();
    {
        torch::NoGradGuard noGrad;
        result.freshAdapterChange = maxAbsDiff(plainModel->forward(ids, mask, types), loraModel->forward(ids, mask, types));
    }

    // One AdamW step on a multi-label loss: only adapters and head may move.
    std::map<std::string, torch::Tensor> before;
    for (const auto& item : loraModel->named_parameters()) before[item.key()] = item.value().detach().clone();
    OptimizerOptions adamw;
    adamw.kind = "adamw";
    adamw.learningRate = 0.05;
    adamw.weightDecay = 0.01;
    ParameterGroups optimizer(loraModel->trainableParameters(), adamw);
    loraModel->train();
    const torch::Tensor targetsTensor = torch::tensor({1.f, 0.f, 1.f, 0.f, 0.f, 0.f, 1.f, 0.f, 0.f, 1.f}).view({2, 5});
    torch::binary_cross_entropy_with_logits(loraModel->forward(ids, mask, types), targetsTensor).backward();
    optimizer.step();
    loraModel->eval();
    result.frozenBaseChange = 0;
    result.adapterChange = 0;
    for (const auto& item : loraModel->named_parameters()) {
        const double change = maxAbsDiff(item.value().detach(), before[item.key()]);
        if (item.key().find(".lora.") != std::string::npos) result.adapterChange = std::max(result.adapterChange, change);
        else if (item.key().rfind("classifier.", 0) != 0) result.frozenBaseChange = std::max(result.frozenBaseChange, change);
    }

    torch::NoGradGuard noGrad;
    const torch::Tensor unmerged = loraModel->forward(ids, mask, types);
    loraModel->mergeLora();
    result.mergeChange = maxAbsDiff(loraModel->forward(ids, mask, types), unmerged);
    result.adaptersLeftAfterMerge = loraModel->hasLora();
    result.parametersAfterMerge = loraModel->parameters().size();
    return result;
}

} // namespace tagbench::probe
