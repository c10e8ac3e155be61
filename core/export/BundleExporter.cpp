#include "core/export/BundleExporter.h"

#include "core/data/DatasetReader.h"
#include "core/eval/ScoreMatrix.h"
#include "core/export/Bundle.h"
#include "core/export/BundleFile.h"
#include "core/export/BundleModel.h"
#include "core/export/Safetensors.h"
#include "core/export/Sha256.h"
#include "core/text/Vocabulary.h"
#include "core/train/Checkpoint.h"
#include "core/train/TrainingData.h"

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
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

// The run's config.json as the trainer normalised it (TrainConfig::toJson). It is read here
// rather than through TrainConfig::load, which insists that the training data files still exist:
// a run must stay exportable after its data moved.
struct RunConfig {
    ModelSpec model;
    TokenizerConfig tokenizer;
    double threshold = 0.5;
    bool thresholdFromDev = false;
    std::int64_t topK = 0;
    std::string trainData;
    std::string text;
};

Result<RunConfig> readRunConfig(const std::string& path)
{
    auto text = readText(path);
    if (!text) return text.error();
    RunConfig out;
    out.text = *text;
    try {
        const json j = json::parse(*text);
        const std::string model = j.at("model").get<std::string>();
        if (model == modelKindName(ModelKind::TextCnn)) out.model.kind = ModelKind::TextCnn;
        else if (model == modelKindName(ModelKind::FastText)) out.model.kind = ModelKind::FastText;
        else return Error{path + ": model: unknown model \"" + model + "\""};
        out.model.task = j.at("task").get<std::string>() == taskKindName(TaskKind::SingleLabel) ? TaskKind::SingleLabel
                                                                                               : TaskKind::MultiLabel;
        out.model.embeddingDim = j.at("embedding").at("dimension").get<std::int64_t>();
        const json& cnn = j.at("TextCNN");
        out.model.kernelSizes = cnn.at("kernel_sizes").get<std::vector<std::int64_t>>();
        out.model.numKernels = cnn.at("num_kernels").get<std::int64_t>();
        out.model.topKMaxPooling = cnn.at("top_k_max_pooling").get<std::int64_t>();
        out.model.hidden = cnn.at("hidden").get<std::int64_t>();
        out.model.dropout = cnn.at("dropout").get<double>();
        out.model.maxLength = cnn.at("max_length").get<std::int64_t>();
        const json& ft = j.at("FastText");
        out.model.wordNgrams = ft.at("word_ngrams").get<std::int64_t>();
        // createModel() gives no n-gram rows to a unigram model; record what the network has.
        out.model.buckets = out.model.wordNgrams > 1 ? ft.at("buckets").get<std::int64_t>() : 0;
        if (out.model.kind == ModelKind::FastText) out.model.maxLength = 0;  // FastText reads whole documents

        const json& tok = j.at("tokenizer");
        const auto kind = parseTokenizerKind(tok.at("kind").get<std::string>());
        if (!kind) return Error{path + ": tokenizer.kind: " + kind.message()};
        out.tokenizer.kind = *kind;
        out.tokenizer.lowercase = tok.at("lowercase").get<bool>();
        out.tokenizer.keepPunctuation = tok.value("keep_punctuation", false);

        const json& ev = j.at("eval");
        if (ev.at("threshold").is_string()) out.thresholdFromDev = true;
        else out.threshold = ev.at("threshold").get<double>();
        out.topK = ev.value("top_k", std::int64_t{0});
        out.trainData = j.at("data").at("train").get<std::string>();
    } catch (const json::exception& e) {
        return Error{path + ": not a training config written by tagbench-cli train: " + e.what()};
    }
    return out;
}

// The rule the run evaluates with when nothing was tuned (mirrors the trainer's final scoring).
eval::DecisionRule runRule(const RunConfig& config, float threshold)
{
    eval::DecisionRule rule(threshold);
    if (config.model.task == TaskKind::SingleLabel) {
        rule.setGlobalThreshold(0.0f);
        rule.setTopK(1);
        rule.setAtLeastOne(true);
    } else {
        rule.setTopK(static_cast<int>(config.topK));
    }
    return rule;
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
    auto config = readRunConfig(runDir + "/config.json");
    if (!config) return config.error();
    auto labels = loadLabelNames(runDir + "/labels.txt");
    if (!labels) return labels.error();
    auto vocabulary = Vocabulary::load(runDir + "/vocab.tsv");
    if (!vocabulary) return vocabulary.error();

    BundleManifest manifest;
    manifest.tagbenchVersion = TAGBENCH_VERSION;
    manifest.created = utcNow();
    manifest.model = config->model;
    manifest.model.vocabularySize = static_cast<std::int64_t>(vocabulary->size());
    manifest.model.labels = static_cast<std::int64_t>(labels->size());
    manifest.tokenizer = config->tokenizer;
    manifest.tokenizer.pretokenized = trainedPretokenized(config->trainData);
    manifest.vocabulary.reserve(vocabulary->size());
    for (std::size_t i = 0; i < vocabulary->size(); ++i) manifest.vocabulary.push_back(vocabulary->token(static_cast<std::int32_t>(i)));
    manifest.labels = *labels;
    manifest.hierarchy = LabelTree::fromLabels(manifest.labels);
    manifest.trainingConfigJson = config->text;
    manifest.sourceRun = fs::absolute(runDir).lexically_normal().string();

    float threshold = static_cast<float>(config->threshold);
    const std::string runJsonPath = runDir + "/run.json";
    std::error_code ec;
    if (fs::is_regular_file(runJsonPath, ec)) {
        auto run = readJson(runJsonPath);
        if (!run) return run.error();
        manifest.bestEpoch = run->value("best_epoch", std::int64_t{0});
        if (run->contains("threshold") && (*run)["threshold"].is_number())
            threshold = (*run)["threshold"].get<float>();
    } else if (config->thresholdFromDev) {
        return Error{runJsonPath + ": missing; the run chose its threshold on dev and only run.json records it"};
    }
    const std::string rulePath = runDir + "/rule.json";
    if (fs::is_regular_file(rulePath, ec)) {
        auto rule = eval::DecisionRule::load(rulePath, manifest.labels);
        if (!rule) return rule.error();
        manifest.rule = std::move(*rule);
        manifest.ruleSource = "rule.json";
    } else {
        manifest.rule = runRule(*config, threshold);
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

    const auto tensors = modelTensors(**model);
    std::vector<TensorRef> refs;
    ExportSummary summary;
    for (const auto& [name, tensor] : tensors) {
        auto dtype = safetensorsDType(tensor.scalar_type());
        if (!dtype) return Error{runDir + "/model.pt: " + name + ": " + dtype.message()};
        refs.push_back({name, *dtype, tensor.sizes().vec(), tensor.data_ptr(), tensor.nbytes()});
        summary.parameters += tensor.numel();
    }
    std::string sentencepiece;
    if (manifest.tokenizer.kind == TokenizerKind::SentencePiece) {
        auto bytes = readText(runDir + "/tokenizer.model");
        if (!bytes) return bytes.error();
        sentencepiece = std::move(*bytes);
        refs.push_back({kSentencePieceTensor, TensorDType::U8, {static_cast<std::int64_t>(sentencepiece.size())},
                        sentencepiece.data(), sentencepiece.size()});
    }
    auto weights = SafetensorsWriter::create(std::move(refs), {{"format", "pt"}, {"producer", std::string("tagbench ") + TAGBENCH_VERSION}});
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
        return exportUnchecked(runDir, outPath);
    } catch (const c10::Error& e) {
        return Error{runDir + ": export failed: " + e.what_without_backtrace()};
    } catch (const std::exception& e) {
        return Error{runDir + ": export failed: " + e.what()};
    }
}

} // namespace tagbench
