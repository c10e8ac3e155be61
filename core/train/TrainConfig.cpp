#include "core/train/TrainConfig.h"

#include "core/model/ModelRegistry.h"
#include "core/util/ConfigReader.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace tagbench {

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr std::int64_t kDefaultEmbeddingDim = 128;

void readTokenizer(ConfigReader& r, const json& t, TokenizerSettings& out)
{
    r.readChoice(t, "tokenizer", "kind", out.kind, {"char", "word", "sentencepiece"});
    r.readBool(t, "tokenizer", "lowercase", out.lowercase);
    r.readBool(t, "tokenizer", "keep_punctuation", out.keepPunctuation);
    if (const json* v = r.section(t, "tokenizer", "vocab")) {
        r.readInt(*v, "tokenizer.vocab", "min_count", out.minCount, 1);
        r.readInt(*v, "tokenizer.vocab", "max_size", out.maxSize, 0);
        r.reportUnknown(*v, "tokenizer.vocab");
    }
    if (const json* s = r.section(t, "tokenizer", "sentencepiece")) {
        const std::string p = "tokenizer.sentencepiece";
        r.readPath(*s, p, "model", out.sentencepieceModel, false);
        r.readInt(*s, p, "vocab_size", out.sentencepieceVocabSize, 100, 1000000);
        r.readChoice(*s, p, "model_type", out.sentencepieceModelType, {"unigram", "bpe"});
        r.readDouble(*s, p, "character_coverage", out.sentencepieceCharacterCoverage, 0.9, 1.0);
        r.reportUnknown(*s, p);
    }
    r.reportUnknown(t, "tokenizer");
}

void readTrain(ConfigReader& r, const json& t, TrainConfig::Train& out)
{
    const std::string p = "train";
    r.readInt(t, p, "batch_size", out.batchSize, 1, 1 << 20);
    r.readInt(t, p, "epochs", out.epochs, 1, 100000);
    r.readDouble(t, p, "learning_rate", out.learningRate, 0.0, 100.0, true);
    r.readChoice(t, p, "optimizer", out.optimizer, {"adam", "adamw", "sgd"});
    r.readChoice(t, p, "lr_schedule", out.lrSchedule, {"constant", "linear", "cosine"});
    r.readDouble(t, p, "warmup_ratio", out.warmupRatio, 0.0, 0.9);
    r.readDouble(t, p, "weight_decay", out.weightDecay, 0.0, 1.0);
    r.readChoice(t, p, "loss", out.loss, {"bce", "focal"});
    r.readDouble(t, p, "focal_gamma", out.focalGamma, 0.0, 10.0);
    if (const json* w = r.value(t, p, "pos_weight")) {
        if (w->is_string() && (*w == "none" || *w == "auto")) {
            out.posWeight = w->get<std::string>();
        } else if (w->is_array() && !w->empty()
                   && std::all_of(w->begin(), w->end(), [](const json& x) { return x.is_number() && x.get<double>() > 0; })) {
            out.posWeight = "list";
            out.posWeights.clear();
            for (const auto& x : *w) out.posWeights.push_back(x.get<double>());
        } else {
            r.fail("train.pos_weight", "expected \"none\", \"auto\" or an array of positive numbers (one per label), got "
                                           + ConfigReader::describe(*w));
        }
    }
    r.readDouble(t, p, "pos_weight_cap", out.posWeightCap, 1.0, 1e6);
    r.readDouble(t, p, "oversample", out.oversample, 1.0, 100.0);
    r.readDouble(t, p, "unlabelled_keep", out.unlabelledKeep, 0.0, 1.0, /*exclusiveMin=*/true);
    r.readInt(t, p, "early_stopping_patience", out.earlyStoppingPatience, 0);
    auto seed = static_cast<std::int64_t>(out.seed);
    r.readInt(t, p, "seed", seed, 0);
    out.seed = static_cast<std::uint64_t>(seed);
    r.readInt(t, p, "threads", out.threads, 0, 1024);
    r.readBool(t, p, "bf16", out.bf16);
    r.readBool(t, p, "fp16", out.fp16);
    r.readInt(t, p, "gradient_accumulation", out.gradientAccumulation, 1, 4096);
    r.readChoice(t, p, "loss_reduction", out.lossReduction, {"sum", "mean"});
    r.readDouble(t, p, "gradient_clip", out.gradientClip, 0.0, 1e6);
    r.readChoice(t, p, "select_best_by", out.selectBestBy, {"micro_f1", "macro_f1", "dev_loss"});
    r.readInt(t, p, "divergence_retries", out.divergenceRetries, 0, 20);
    r.reportUnknown(t, p);
}

} // namespace

TrainConfig::TrainConfig()
{
    model.options = ModelRegistry::instance().find(model.kind)->defaultOptions();
    model.embeddingDim = kDefaultEmbeddingDim;
}

TrainConfig TrainConfig::defaults(const std::string& modelKind)
{
    const ModelKind* kind = ModelRegistry::instance().find(modelKind);
    if (!kind) return TrainConfig();
    json document = {{"model", kind->name()}};
    document.merge_patch(json::parse(kind->recommendedSettings()));
    auto config = parse(document.dump(), kind->name() + " defaults", "/", Files::MayBeMissing);
    return config ? *config : TrainConfig();
}

Result<TrainConfig> TrainConfig::parse(const std::string& jsonText, const std::string& origin, const std::string& baseDir,
                                       Files files)
{
    json root;
    try {
        root = json::parse(jsonText);
    } catch (const json::parse_error& e) {
        const std::size_t byte = std::min<std::size_t>(e.byte, jsonText.size());
        const auto line = 1 + std::count(jsonText.begin(), jsonText.begin() + static_cast<std::ptrdiff_t>(byte), '\n');
        std::string what = e.what();
        if (const auto p = what.find("syntax error"); p != std::string::npos) what = what.substr(p);
        return Error{origin + ":" + std::to_string(line) + ": invalid JSON: " + what};
    }
    if (!root.is_object()) return Error{origin + ":1: expected a JSON object at the top level"};

    const ModelRegistry& registry = ModelRegistry::instance();
    TrainConfig c;
    ConfigReader r(jsonText, origin, baseDir);
    r.setCheckFiles(files == Files::MustExist);

    std::string model;
    r.readChoice(root, "", "model", model, registry.names());
    if (model.empty() && !root.contains("model")) r.fail("model", "missing (" + registry.namesText() + ")");
    const ModelKind* kind = registry.find(model.empty() ? c.model.kind : model);
    c.model.kind = kind->name();
    std::string task = taskKindName(TaskKind::MultiLabel);
    r.readChoice(root, "", "task", task, {taskKindName(TaskKind::MultiLabel), taskKindName(TaskKind::SingleLabel)});
    c.model.task = task == taskKindName(TaskKind::SingleLabel) ? TaskKind::SingleLabel : TaskKind::MultiLabel;

    // Every kind's section is validated; the chosen kind's becomes the model, the others are kept.
    for (const auto& each : registry.kinds()) {
        auto options = each->defaultOptions();
        if (const json* section = r.section(root, "", each->name())) options->read(r, *section, each->name());
        else if (each.get() != kind) continue;
        else options->read(r, json::object(), each->name());  // the chosen kind may require keys
        if (each.get() == kind) c.model.options = std::move(options);
        else c.otherModels[each->name()] = std::move(options);
    }

    // A template (Files::MayBeMissing, e.g. a model's defaults) may leave the data out.
    const bool dataRequired = files == Files::MustExist;
    if (const json* d = r.section(root, "", "data")) {
        r.readPath(*d, "data", "train", c.data.train, dataRequired);
        r.readPath(*d, "data", "dev", c.data.dev, dataRequired);
        r.readPath(*d, "data", "test", c.data.test, false);
        r.reportUnknown(*d, "data");
    } else if (!root.contains("data") && dataRequired) {
        r.fail("data", "missing (an object with train, dev and optionally test files)");
    }
    if (const json* t = r.section(root, "", "tokenizer")) readTokenizer(r, *t, c.tokenizer);

    std::int64_t dimension = kDefaultEmbeddingDim;
    if (const json* e = r.section(root, "", "embedding")) {
        r.readInt(*e, "embedding", "dimension", dimension, 1, 4096);
        r.readPath(*e, "embedding", "pretrained", c.embedding.pretrained, false);
        r.readBool(*e, "embedding", "trainable", c.embedding.trainable);
        r.reportUnknown(*e, "embedding");
    }
    c.model.embeddingDim = kind->usesEmbedding() ? dimension : 0;
    if (const json* t = r.section(root, "", "train")) readTrain(r, *t, c.train);
    if (const json* e = r.section(root, "", "eval")) {
        if (const json* th = r.value(*e, "eval", "threshold")) {
            if (th->is_string() && *th == "dev") c.eval.thresholdFromDev = true;
            else r.readDouble(*e, "eval", "threshold", c.eval.threshold, 0.0, 1.0, true);
        }
        r.readInt(*e, "eval", "top_k", c.eval.topK, 0, 100000);
        r.reportUnknown(*e, "eval");
    }
    r.reportUnknown(root, "");

    // Combinations that are individually valid but meaningless together.
    if (c.model.task == TaskKind::SingleLabel && (c.train.loss == "focal" || c.train.posWeight != "none"))
        r.fail("train.loss", "single_label trains with softmax cross-entropy: loss focal and pos_weight apply to multi_label only");
    if (c.tokenizer.kind != "sentencepiece" && !c.tokenizer.sentencepieceModel.empty())
        r.fail("tokenizer.sentencepiece.model", "set, but tokenizer.kind is " + c.tokenizer.kind);
    if (c.train.bf16 && c.train.fp16) r.fail("train.fp16", "set together with train.bf16: choose one");
    if (!kind->usesEmbedding() && !c.embedding.pretrained.empty())
        r.fail("embedding.pretrained", "set, but a " + kind->name() + " model has no token embedding table");

    if (!r.ok()) return Error{r.message()};
    return c;
}

Result<TrainConfig> TrainConfig::load(const std::string& path, Files files)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) return Error{path + ": cannot open the training config"};
    std::ostringstream text;
    text << in.rdbuf();
    std::error_code ec;
    const fs::path dir = fs::absolute(fs::path(path), ec).parent_path();
    return parse(text.str(), path, dir.string(), files);
}

std::string TrainConfig::toJson() const
{
    const ModelKind* kind = ModelRegistry::instance().find(model.kind);
    json j;
    j["model"] = model.kind;
    j["task"] = taskKindName(model.task);
    j[model.kind] = model.options->toJson();
    for (const auto& [name, options] : otherModels) j[name] = options->toJson();
    j["data"] = {{"train", data.train}, {"dev", data.dev}};
    if (!data.test.empty()) j["data"]["test"] = data.test;
    if (!kind || kind->usesTokenizer()) {
        j["tokenizer"] = {{"kind", tokenizer.kind},
                          {"lowercase", tokenizer.lowercase},
                          {"keep_punctuation", tokenizer.keepPunctuation},
                          {"vocab", {{"min_count", tokenizer.minCount}, {"max_size", tokenizer.maxSize}}},
                          {"sentencepiece",
                           {{"vocab_size", tokenizer.sentencepieceVocabSize},
                            {"model_type", tokenizer.sentencepieceModelType},
                            {"character_coverage", tokenizer.sentencepieceCharacterCoverage}}}};
        if (!tokenizer.sentencepieceModel.empty()) j["tokenizer"]["sentencepiece"]["model"] = tokenizer.sentencepieceModel;
    }
    if (!kind || kind->usesEmbedding()) {
        j["embedding"] = {{"dimension", model.embeddingDim}, {"trainable", embedding.trainable}};
        if (!embedding.pretrained.empty()) j["embedding"]["pretrained"] = embedding.pretrained;
    }
    json t = {{"batch_size", train.batchSize},
              {"epochs", train.epochs},
              {"learning_rate", train.learningRate},
              {"optimizer", train.optimizer},
              {"lr_schedule", train.lrSchedule},
              {"warmup_ratio", train.warmupRatio},
              {"weight_decay", train.weightDecay},
              {"loss", train.loss},
              {"focal_gamma", train.focalGamma},
              {"pos_weight_cap", train.posWeightCap},
              {"oversample", train.oversample},
              {"unlabelled_keep", train.unlabelledKeep},
              {"early_stopping_patience", train.earlyStoppingPatience},
              {"seed", train.seed},
              {"threads", train.threads},
              {"bf16", train.bf16},
              {"fp16", train.fp16},
              {"gradient_accumulation", train.gradientAccumulation},
              {"loss_reduction", train.lossReduction},
              {"gradient_clip", train.gradientClip},
              {"select_best_by", train.selectBestBy},
              {"divergence_retries", train.divergenceRetries}};
    if (train.posWeight == "list") t["pos_weight"] = train.posWeights;
    else t["pos_weight"] = train.posWeight;
    j["train"] = t;
    j["eval"] = {{"top_k", eval.topK}};
    if (eval.thresholdFromDev) j["eval"]["threshold"] = "dev";
    else j["eval"]["threshold"] = eval.threshold;
    return j.dump(2) + "\n";
}

} // namespace tagbench
