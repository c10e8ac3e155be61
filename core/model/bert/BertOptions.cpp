#include "core/model/bert/BertOptions.h"

#include "core/util/ConfigReader.h"

#include <nlohmann/json.hpp>

#include <filesystem>

namespace tagbench {

void BertOptions::read(ConfigReader& r, const nlohmann::json& section, const std::string& path)
{
    r.readPath(section, path, "checkpoint", checkpoint, false, /*directory=*/true);
    r.readInt(section, path, "max_length", maxLength, 2, 8192);
    std::string poolingName(bertPoolingName(pooling));
    r.readChoice(section, path, "pooling", poolingName, {"cls", "mean"});
    pooling = poolingName == "mean" ? BertPooling::Mean : BertPooling::Cls;
    r.readDouble(section, path, "head_learning_rate", headLearningRate, 0.0, 1.0);
    r.readBool(section, path, "freeze_encoder", freezeEncoder);
    r.readDouble(section, path, "layer_lr_decay", layerLearningRateDecay, 0.0, 1.0, /*exclusiveMin=*/true);
    r.readBool(section, path, "no_decay_bias_layernorm", noDecayOnBiasAndLayerNorm);
    if (const nlohmann::json* l = r.section(section, path, "lora")) {
        const std::string lp = ConfigReader::join(path, "lora");
        r.readInt(*l, lp, "rank", lora.rank, 0, 4096);
        r.readDouble(*l, lp, "alpha", lora.alpha, 0.0, 1e6, true);
        r.readDouble(*l, lp, "dropout", lora.dropout, 0.0, 0.95);
        r.readStringArray(*l, lp, "target_modules", lora.targetModules, {"query", "key", "value"});
        r.reportUnknown(*l, lp);
    }

    // The architecture and tokenizer as recorded (a run's config.json, a bundle), else from the
    // checkpoint folder.
    const std::string encoderPath = ConfigReader::join(path, "encoder");
    const std::string tokenizerPath = ConfigReader::join(path, "tokenizer");
    const nlohmann::json* encoderJson = r.section(section, path, "encoder");
    const nlohmann::json* tokenizerJson = r.section(section, path, "tokenizer");
    std::error_code ec;
    const bool folder = !checkpoint.empty() && std::filesystem::is_directory(checkpoint, ec);
    if (encoderJson) {
        auto parsed = BertConfig::fromJson(encoderJson->dump(), encoderPath);
        if (parsed) encoder = std::move(*parsed);
        else r.fail(encoderPath, parsed.message());
    } else if (folder) {
        auto parsed = BertConfig::fromFile((std::filesystem::path(checkpoint) / "config.json").string());
        if (parsed) encoder = std::move(*parsed);
        else r.fail(ConfigReader::join(path, "checkpoint"), parsed.message());
    } else if (checkpoint.empty()) {
        r.fail(ConfigReader::join(path, "checkpoint"), "missing (a Hugging Face BERT folder with config.json, vocab.txt and weights)");
    }
    if (tokenizerJson) {
        WordPieceSettings settings;
        if (auto s = WordPieceSettings::applyJson(settings, tokenizerJson->dump(), tokenizerPath, false); s) tokenizer = settings;
        else r.fail(tokenizerPath, s.message());
    } else if (folder) {
        auto settings = WordPieceSettings::fromFolder(checkpoint);
        if (settings) tokenizer = std::move(*settings);
        else r.fail(ConfigReader::join(path, "checkpoint"), settings.message());
    }
    if (auto s = lora.validate(); !s) r.fail(ConfigReader::join(path, "lora"), s.message());
    if (maxLength > encoder.maxPositionEmbeddings)
        r.fail(ConfigReader::join(path, "max_length"), std::to_string(maxLength) + " is more than the model's max_position_embeddings ("
                                                           + std::to_string(encoder.maxPositionEmbeddings) + ")");
    r.reportUnknown(section, path);
}

nlohmann::json BertOptions::toJson() const
{
    return {{"checkpoint", checkpoint},
            {"max_length", maxLength},
            {"pooling", std::string(bertPoolingName(pooling))},
            {"head_learning_rate", headLearningRate},
            {"freeze_encoder", freezeEncoder},
            {"layer_lr_decay", layerLearningRateDecay},
            {"no_decay_bias_layernorm", noDecayOnBiasAndLayerNorm},
            {"lora", {{"rank", lora.rank}, {"alpha", lora.alpha}, {"dropout", lora.dropout}, {"target_modules", lora.targetModules}}},
            {"encoder", nlohmann::json::parse(encoder.toJson())},
            {"tokenizer", nlohmann::json::parse(tokenizer.toJson())}};
}

BertClassifierOptions BertOptions::classifierOptions(std::int64_t labels) const
{
    BertClassifierOptions options;
    options.config = encoder;
    options.numLabels = labels;
    options.pooling = pooling;
    options.lora = lora;
    return options;
}

} // namespace tagbench
