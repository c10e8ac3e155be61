#include "core/model/bert/torch/BertWeights.h"

#include "core/export/MappedFile.h"
#include "core/export/Safetensors.h"

#include <caffe2/serialize/inline_container.h>
#include <torch/csrc/jit/serialization/import_read.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <string_view>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

namespace tagbench {

namespace {

constexpr const char* kConvertHint =
    "; convert it to model.safetensors with Python, e.g. python3 -c \"import torch; from safetensors.torch import "
    "save_file; sd = torch.load('pytorch_model.bin', map_location='cpu', weights_only=True); "
    "save_file({k: v.contiguous().clone() for k, v in sd.items()}, 'model.safetensors', metadata={'format': 'pt'})\"";

std::string shapeText(at::IntArrayRef shape)
{
    std::ostringstream out;
    out << '[';
    for (std::size_t i = 0; i < shape.size(); ++i) out << (i ? ", " : "") << shape[i];
    out << ']';
    return out.str();
}

torch::ScalarType scalarType(TensorDType dtype)
{
    switch (dtype) {
    case TensorDType::Bool: return torch::kBool;
    case TensorDType::U8: return torch::kUInt8;
    case TensorDType::I8: return torch::kInt8;
    case TensorDType::I16: return torch::kInt16;
    case TensorDType::I32: return torch::kInt32;
    case TensorDType::I64: return torch::kInt64;
    case TensorDType::F16: return torch::kFloat16;
    case TensorDType::BF16: return torch::kBFloat16;
    case TensorDType::F32: return torch::kFloat32;
    case TensorDType::F64: return torch::kFloat64;
    }
    return torch::kFloat32;
}

// transformers' _fix_key for checkpoints converted from TensorFlow: LayerNorm.gamma/beta.
std::string fixLayerNormName(const std::string& name)
{
    const auto replaceTail = [&](const std::string& tail, const std::string& with) -> std::optional<std::string> {
        if (name.size() >= tail.size() && name.compare(name.size() - tail.size(), tail.size(), tail) == 0)
            return name.substr(0, name.size() - tail.size()) + with;
        return std::nullopt;
    };
    if (auto fixed = replaceTail("LayerNorm.gamma", "LayerNorm.weight")) return *fixed;
    if (auto fixed = replaceTail("LayerNorm.beta", "LayerNorm.bias")) return *fixed;
    return name;
}

bool startsWith(const std::string& text, const std::string& prefix) { return text.rfind(prefix, 0) == 0; }

bool endsWith(const std::string& text, const std::string& suffix)
{
    return text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string listSome(const std::vector<std::string>& names)
{
    std::string out;
    for (std::size_t i = 0; i < names.size() && i < 5; ++i) out += (i ? ", " : "") + names[i];
    if (names.size() > 5) out += " and " + std::to_string(names.size() - 5) + " more";
    return out;
}

// True when the archive's pickle starts by building a collections.OrderedDict (protocol 2:
// PROTO, then GLOBAL "collections\nOrderedDict").
bool startsWithOrderedDict(caffe2::serialize::PyTorchStreamReader& reader)
{
    try {
        const auto [data, size] = reader.getRecord("data.pkl");
        const std::string_view head(static_cast<const char*>(data.get()), std::min<std::size_t>(size, 32));
        return head.find("collections\nOrderedDict") != std::string_view::npos;
    } catch (const c10::Error&) {
        return false;
    }
}

} // namespace

Result<std::vector<CheckpointTensor>> BertWeights::readSafetensors(const std::string& path)
{
    auto file = MappedFile::open(path);
    if (!file) return file.error();
    auto reader = SafetensorsReader::parse(file->bytes());
    if (!reader) return Error{path + ": " + reader.message() + " (truncated or not a safetensors file?)"};
    std::vector<CheckpointTensor> out;
    out.reserve(reader->tensors().size());
    for (const TensorInfo& info : reader->tensors()) {
        const std::string_view bytes = reader->data(info);
        // Copied rather than viewed: the mapping goes away, and the offsets of a file mixing
        // dtypes need not be aligned for the element type.
        torch::Tensor tensor = torch::empty(info.shape, torch::TensorOptions().dtype(scalarType(info.dtype)));
        if (!bytes.empty()) std::memcpy(tensor.data_ptr(), bytes.data(), bytes.size());
        out.push_back({info.name, std::move(tensor), path});
    }
    return out;
}

Result<std::vector<CheckpointTensor>> BertWeights::readPytorchBin(const std::string& path)
{
    char magic[4] = {};
    {
        std::ifstream in(path, std::ios::binary);
        if (!in) return Error{path + ": cannot open the file"};
        in.read(magic, sizeof magic);
        if (in.gcount() < 4) return Error{path + ": too short for a torch.save file (truncated?)"};
    }
    if (std::memcmp(magic, "PK\x03\x04", 4) != 0) {
        if (static_cast<unsigned char>(magic[0]) == 0x80)
            return Error{path + ": this is the legacy torch.save format (PyTorch before 1.6), which LibTorch cannot read" +
                         std::string(kConvertHint)};
        return Error{path + ": not a torch.save zip archive" + std::string(kConvertHint)};
    }
    const std::string orderedDictHint =
        ": the pickled object is a collections.OrderedDict (as torch.save(model.state_dict()) writes), which "
        "LibTorch 1.13 reads as nothing";
    std::unique_ptr<caffe2::serialize::PyTorchStreamReader> reader;
    torch::IValue value;
    try {
        reader = std::make_unique<caffe2::serialize::PyTorchStreamReader>(path);
        // The JIT unpickler rebuilds tensors and plain containers and rejects any other global,
        // so nothing in the file can run. Tensors land on the CPU whatever device saved them.
        value = torch::jit::readArchiveAndTensors("data", "", "", {}, {}, at::Device(at::kCPU), *reader);
    } catch (const c10::Error& e) {
        if (reader && startsWithOrderedDict(*reader)) return Error{path + orderedDictHint + kConvertHint};
        std::string reason = e.what_without_backtrace();
        if (const auto newline = reason.find('\n'); newline != std::string::npos) reason.resize(newline);
        return Error{path + ": LibTorch cannot read it (" + reason + ")" + kConvertHint};
    }
    if (!value.isGenericDict()) {
        if (startsWithOrderedDict(*reader)) return Error{path + orderedDictHint + kConvertHint};
        return Error{path + ": the pickled object is not a dict of tensors" + std::string(kConvertHint)};
    }
    std::vector<CheckpointTensor> out;
    for (const auto& entry : value.toGenericDict()) {
        if (!entry.key().isString() || !entry.value().isTensor())
            return Error{path + ": the dict holds something other than name -> tensor entries" + std::string(kConvertHint)};
        out.push_back({entry.key().toStringRef(), entry.value().toTensor().contiguous(), path});
    }
    return out;
}

Result<std::vector<CheckpointTensor>> BertWeights::read(const BertCheckpoint& checkpoint)
{
    std::vector<CheckpointTensor> all;
    const bool safetensors = checkpoint.weightFormat() == BertWeightFormat::Safetensors ||
                             checkpoint.weightFormat() == BertWeightFormat::ShardedSafetensors;
    for (const auto& file : checkpoint.weightFiles()) {
        auto tensors = safetensors ? readSafetensors(file) : readPytorchBin(file);
        if (!tensors) return tensors.error();
        for (auto& tensor : *tensors) all.push_back(std::move(tensor));
    }
    // A sharded checkpoint must deliver what its index promises.
    if (!checkpoint.shardOfTensor().empty()) {
        std::set<std::string> present;
        for (const auto& t : all) present.insert(t.name);
        std::vector<std::string> absent;
        for (const auto& [name, shard] : checkpoint.shardOfTensor())
            if (!present.count(name)) absent.push_back(name + " (" + checkpoint.weightFiles()[shard] + ")");
        if (!absent.empty())
            return Error{checkpoint.indexPath() + ": tensors listed in the index are not in their shards: " + listSome(absent)};
    }
    return all;
}

Result<BertLoadReport> BertWeights::assign(BertClassifierImpl& model, const std::vector<CheckpointTensor>& tensors,
                                           const std::string& source)
{
    std::map<std::string, torch::Tensor> parameters;
    for (const auto& item : model.named_parameters()) parameters.emplace(item.key(), item.value());

    BertLoadReport report;
    std::set<std::string> assigned;
    std::map<std::string, const CheckpointTensor*> plan;
    for (const auto& entry : tensors) {
        const std::string fixed = fixLayerNormName(entry.name);
        if (endsWith(fixed, "embeddings.position_ids")) continue;  // a buffer of transformers 4.30, not a weight
        std::string target;
        if (parameters.count(fixed)) target = fixed;
        else if (parameters.count("bert." + fixed)) target = "bert." + fixed;
        if (target.empty() || target.find(".lora.") != std::string::npos || plan.count(target)) {
            report.unused.push_back(entry.name);
            continue;
        }
        const torch::Tensor& parameter = parameters.at(target);
        if (entry.tensor.sizes() != parameter.sizes()) {
            if (startsWith(target, "classifier.")) {
                report.mismatchedHead.push_back(entry.name + " " + shapeText(entry.tensor.sizes()) + " -> " +
                                                shapeText(parameter.sizes()));
                continue;
            }
            return Error{entry.file + ": tensor \"" + entry.name + "\" has shape " + shapeText(entry.tensor.sizes()) +
                         " but the model from config.json needs " + shapeText(parameter.sizes())};
        }
        if (!torch::isFloatingType(entry.tensor.scalar_type()))
            return Error{entry.file + ": tensor \"" + entry.name + "\" has an integer dtype; weights must be floats"};
        if (target != entry.name) report.renamed.push_back(entry.name + " -> " + target);
        plan.emplace(target, &entry);
    }

    std::vector<std::string> missing;
    for (const auto& [name, parameter] : parameters) {
        if (plan.count(name)) continue;
        if (name.find(".lora.") != std::string::npos || startsWith(name, "classifier.") || startsWith(name, "bert.pooler."))
            report.newlyInitialised.push_back(name);
        else
            missing.push_back(name);
    }
    if (!missing.empty())
        return Error{source + ": " + std::to_string(missing.size()) + " model tensors are missing from the checkpoint: " +
                     listSome(missing)};

    torch::NoGradGuard noGrad;
    for (const auto& [name, entry] : plan) {
        torch::Tensor& parameter = parameters.at(name);
        parameter.copy_(entry->tensor.to(parameter.scalar_type()));
        ++report.loaded;
    }
    return report;
}

Result<BertLoadReport> BertWeights::load(BertClassifierImpl& model, const BertCheckpoint& checkpoint)
{
    auto tensors = read(checkpoint);
    if (!tensors) return tensors.error();
    const std::string source = checkpoint.indexPath().empty() ? checkpoint.weightFiles().front() : checkpoint.indexPath();
    try {
        return assign(model, *tensors, source);
    } catch (const c10::Error& e) {
        return Error{source + ": " + e.what_without_backtrace()};
    }
}

Result<BertClassifier> BertWeights::loadClassifier(const BertCheckpoint& checkpoint, const BertClassifierOptions& options,
                                                   BertLoadReport* report)
{
    BertClassifier model{nullptr};
    try {
        model = BertClassifier(options);
    } catch (const c10::Error& e) {
        return Error{checkpoint.configPath() + ": " + e.what_without_backtrace()};
    }
    auto loaded = load(*model, checkpoint);
    if (!loaded) return loaded.error();
    if (report) *report = std::move(*loaded);
    return model;
}

} // namespace tagbench
