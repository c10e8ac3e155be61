#include "core/export/BundleExporter.h"

#include "core/data/DatasetReader.h"
#include "core/eval/ScoreMatrix.h"
#include "core/eval/EnsembleRun.h"
#include "core/export/Bundle.h"
#include "core/export/EnsembleExporter.h"
#include "core/export/BundleFile.h"
#include "core/export/Safetensors.h"
#include "core/export/Sha256.h"
#include "core/export/torch/BundleModel.h"
#include "core/model/ModelRegistry.h"
#include "core/train/TrainConfig.h"
#include "core/train/TrainingData.h"
#include "core/train/TrainingRule.h"
#include "core/train/torch/Checkpoint.h"

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

namespace tagbench {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;

Result<std::string> readText(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) return Error{path + ": cannot open"};
    std::ostringstream text;
    text << in.rdbuf();
    if (in.bad()) return Error{path + ": read error"};
    return text.str();
}

Result<json> readJson(const std::string& path)
{
    auto text = readText(path);
    if (!text) return text.error();
    try {
        return json::parse(*text);
    } catch (const json::parse_error& e) {
        return Error{path + ": invalid JSON: " + e.what()};
    }
}

std::string utcNow()
{
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm utc{};
    gmtime_r(&now, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
}

// The trainer tokenizes pretokenized (NeuralClassifier doc_token) training data on spaces only
// and does not record that in config.json; recover it from the training file when it is still there.
bool trainedPretokenized(const std::string& trainPath)
{
    std::error_code ec;
    if (trainPath.empty() || !fs::is_regular_file(trainPath, ec)) return false;
    const auto format = detectFormat(trainPath);
    return format.ok() && *format == DatasetFormat::NeuralClassifier;
}

Result<std::vector<MetricsCard>> metricsCards(const std::string& runDir, const std::vector<std::string>& labels,
                                              const eval::DecisionRule& rule)
{
    std::vector<MetricsCard> cards;
    for (const char* split : {"dev", "test"}) {
        const std::string path = runDir + "/scores/" + split + ".scores";
        std::error_code ec;
        if (!fs::is_regular_file(path, ec)) continue;
        auto scores = eval::ScoreMatrix::load(path);
        if (!scores) return scores.error();
        if (scores->labelNames() != labels)
            return Error{path + ": its labels differ from " + runDir + "/labels.txt"};
        cards.push_back({split, eval::evaluate(*scores, rule)});
    }
    return cards;
}

Result<ExportSummary> exportUnchecked(const std::string& runDir, const std::string& outPath)
{
    // A run must stay exportable after its training data moved: the data files are not required.
    auto config = TrainConfig::load(runDir + "/config.json", TrainConfig::Files::MayBeMissing);
    if (!config) return config.error();
    auto configText = readText(runDir + "/config.json");
    if (!configText) return configText.error();
    auto labels = loadLabelNames(runDir + "/labels.txt");
    if (!labels) return labels.error();
    const ModelKind* kind = ModelRegistry::instance().find(config->model.kind);
    if (!kind) return Error{runDir + "/config.json: model: unknown model kind \"" + config->model.kind + "\""};
    InputLoadRequest request;
    request.runDir = runDir;
    request.tokenizer = config->tokenizer;
    request.pretokenized = trainedPretokenized(config->data.train);
    request.spec = &config->model;
    auto input = kind->loadInput(request);
    if (!input) return input.error();

    BundleManifest manifest;
    manifest.tagbenchVersion = TAGBENCH_VERSION;
    manifest.created = utcNow();
    manifest.model = config->model;
    manifest.model.vocabularySize = static_cast<std::int64_t>((*input)->vocabularySize());
    manifest.model.labels = static_cast<std::int64_t>(labels->size());
    manifest.tokenizer = (*input)->tokenizerConfig();
    manifest.vocabulary = (*input)->vocabularyTokens();
    manifest.labels = *labels;
    manifest.hierarchy = LabelTree::fromLabels(manifest.labels);
    manifest.trainingConfigJson = *configText;
    manifest.sourceRun = fs::absolute(runDir).lexically_normal().string();

    float threshold = static_cast<float>(config->eval.threshold);
    const std::string runJsonPath = runDir + "/run.json";
    std::error_code ec;
    if (fs::is_regular_file(runJsonPath, ec)) {
        auto run = readJson(runJsonPath);
        if (!run) return run.error();
        manifest.bestEpoch = run->value("best_epoch", std::int64_t{0});
        if (run->contains("threshold") && (*run)["threshold"].is_number())
            threshold = (*run)["threshold"].get<float>();
    } else if (config->eval.thresholdFromDev) {
        return Error{runJsonPath + ": missing; the run chose its threshold on dev and only run.json records it"};
    }
    const std::string rulePath = runDir + "/rule.json";
    if (fs::is_regular_file(rulePath, ec)) {
        auto rule = eval::DecisionRule::load(rulePath, manifest.labels);
        if (!rule) return rule.error();
        manifest.rule = std::move(*rule);
        manifest.ruleSource = "rule.json";
    } else {
        manifest.rule = trainingRule(config->model.task, threshold, static_cast<int>(config->eval.topK));
        char source[96];
        std::snprintf(source, sizeof source, "training run (threshold %g, top_k %d)", manifest.rule.globalThreshold(),
                      manifest.rule.topK());
        manifest.ruleSource = source;
    }
    if (auto valid = manifest.rule.validate(manifest.labels.size()); !valid) return Error{rulePath + ": " + valid.message()};
    auto cards = metricsCards(runDir, manifest.labels, manifest.rule);
    if (!cards) return cards.error();
    manifest.metrics = std::move(*cards);

    // Build the network the manifest describes and load the run's weights into it: this proves
    // that a Predictor will be able to rebuild it from the manifest alone.
    auto model = buildModel(manifest.model);
    if (!model) return model.error();
    if (auto loaded = loadModel(runDir + "/model.pt", **model, torch::kCPU); !loaded) return loaded.error();
    // The bundle holds the model as it predicts (LoRA adapters folded in), described as such;
    // the rebuild below proves the manifest describes these weights.
    (*model)->prepareForExport(manifest.model);

    const auto tensors = modelTensors(**model);
    std::vector<TensorRef> refs;
    ExportSummary summary;
    for (const auto& [name, tensor] : tensors) {
        auto dtype = safetensorsDType(tensor.scalar_type());
        if (!dtype) return Error{runDir + "/model.pt: " + name + ": " + dtype.message()};
        refs.push_back({name, *dtype, tensor.sizes().vec(), tensor.data_ptr(), tensor.nbytes()});
        summary.parameters += tensor.numel();
    }
    const std::string& sentencepiece = manifest.tokenizer.sentencepieceModel;
    if (manifest.tokenizer.kind == TokenizerKind::SentencePiece)
        refs.push_back({kSentencePieceTensor, TensorDType::U8, {static_cast<std::int64_t>(sentencepiece.size())},
                        sentencepiece.data(), sentencepiece.size()});
    std::map<std::string, std::string> metadata{{"format", "pt"}, {"producer", std::string("tagbench ") + TAGBENCH_VERSION}};
    (*input)->appendTensors(refs, metadata);
    auto weights = SafetensorsWriter::create(std::move(refs), metadata);
    if (!weights) return weights.error();
    Sha256 weightsHash;
    weights->write([&weightsHash](std::string_view bytes) { weightsHash.update(bytes); });
    manifest.weightsSha256 = Sha256::toHex(weightsHash.finish());
    manifest.weightsBytes = weights->size();

    auto checksum = writeBundleFile(outPath, manifest.toJson(), *weights);
    if (!checksum) return checksum.error();

    // Read back what was written, exactly as a user of the bundle will.
    auto reopened = Bundle::open(outPath);
    if (!reopened) return Error{"the bundle just written does not verify: " + reopened.message()};
    auto rebuilt = buildModel(reopened->manifest().model);
    if (!rebuilt) return rebuilt.error();
    if (auto loaded = loadModelTensors(**rebuilt, reopened->weights(), outPath); !loaded) return loaded.error();

    summary.path = outPath;
    summary.checksum = *checksum;
    summary.bytes = reopened->fileSize();
    summary.tensors = reopened->weights().tensors().size();
    summary.manifest = std::move(manifest);
    return summary;
}

} // namespace

Result<ExportSummary> exportBundle(const std::string& runDir, const std::string& outPath)
{
    try {
        if (eval::isEnsembleRun(runDir)) return exportEnsembleBundle(runDir, outPath);
        return exportUnchecked(runDir, outPath);
    } catch (const c10::Error& e) {
        return Error{runDir + ": export failed: " + e.what_without_backtrace()};
    } catch (const std::exception& e) {
        return Error{runDir + ": export failed: " + e.what()};
    }
}

} // namespace tagbench
