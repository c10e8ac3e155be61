#include "core/model/bert/BertConfig.h"

#include <nlohmann/json.hpp>

#include <fstream>
#include <limits>
#include <sstream>
#include <tuple>

namespace tagbench {

namespace {

using nlohmann::json;

class FieldReader final {
public:
    FieldReader(const json& config, const std::string& path) : m_config(config), m_path(path) {}

    Status integer(const char* key, std::int64_t& out, std::int64_t minimum) const
    {
        const auto it = m_config.find(key);
        if (it == m_config.end()) return {};
        if (!it->is_number_integer() || it->get<std::int64_t>() < minimum)
            return error(key, minimum == 0 ? "a non-negative integer" : "a positive integer");
        out = it->get<std::int64_t>();
        return {};
    }

    Status number(const char* key, double& out) const
    {
        const auto it = m_config.find(key);
        if (it == m_config.end()) return {};
        if (!it->is_number()) return error(key, "a number");
        out = it->get<double>();
        return {};
    }

    Error error(const char* key, const std::string& what) const
    {
        const auto it = m_config.find(key);
        return Error{m_path + ": field \"" + key + "\" must be " + what + " (found " +
                     (it == m_config.end() ? std::string("nothing") : it->dump()) + ")"};
    }

private:
    const json& m_config;
    const std::string& m_path;
};

Status readLabels(const json& config, const std::string& path, std::vector<std::string>& labels)
{
    const auto it = config.find("id2label");
    if (it == config.end() || it->is_null()) return {};
    const Error bad{path + ": field \"id2label\" must map the ids 0..N-1 to label names"};
    if (!it->is_object()) return bad;
    labels.assign(it->size(), std::string());
    std::vector<bool> seen(it->size(), false);
    for (const auto& [key, value] : it->items()) {
        std::size_t id = 0;
        try {
            std::size_t used = 0;
            id = std::stoul(key, &used);
            if (used != key.size()) return bad;
        } catch (const std::exception&) {
            return bad;
        }
        if (id >= labels.size() || seen[id] || !value.is_string()) return bad;
        seen[id] = true;
        labels[id] = value.get<std::string>();
    }
    return {};
}

} // namespace

std::string_view bertActivationName(BertActivation activation)
{
    switch (activation) {
    case BertActivation::Gelu: return "gelu";
    case BertActivation::GeluNew: return "gelu_new";
    case BertActivation::Relu: return "relu";
    }
    return "gelu";
}

Result<BertConfig> BertConfig::fromFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) return Error{path + ": cannot open the file"};
    std::stringstream buffer;
    buffer << in.rdbuf();
    return fromJson(buffer.str(), path);
}

Result<BertConfig> BertConfig::fromJson(std::string_view text, const std::string& path)
{
    const json config = json::parse(text.begin(), text.end(), nullptr, false);
    if (config.is_discarded() || !config.is_object()) return Error{path + ": not a JSON object"};

    const auto modelType = config.find("model_type");
    if (modelType == config.end())
        return Error{path + ": field \"model_type\" is missing; only \"bert\" checkpoints are supported"};
    if (!modelType->is_string() || modelType->get<std::string>() != "bert")
        return Error{path + ": field \"model_type\" is " + modelType->dump() +
                     "; only \"bert\" checkpoints are supported (BERT-architecture models such as "
                     "chinese-roberta-wwm-ext say \"bert\")"};

    BertConfig c;
    const FieldReader read(config, path);
    for (const auto& [key, target, minimum] :
         {std::tuple<const char*, std::int64_t*, std::int64_t>{"vocab_size", &c.vocabSize, 1},
          {"hidden_size", &c.hiddenSize, 1},
          {"num_hidden_layers", &c.numHiddenLayers, 1},
          {"num_attention_heads", &c.numAttentionHeads, 1},
          {"intermediate_size", &c.intermediateSize, 1},
          {"max_position_embeddings", &c.maxPositionEmbeddings, 1},
          {"type_vocab_size", &c.typeVocabSize, 1}}) {
        if (auto s = read.integer(key, *target, minimum); !s) return s.error();
    }
    // Some configs write "pad_token_id": null; the embeddings then have no padding row.
    if (const auto it = config.find("pad_token_id"); it != config.end()) {
        if (it->is_null()) {
            c.padTokenId.reset();
        } else {
            std::int64_t pad = 0;
            if (auto s = read.integer("pad_token_id", pad, 0); !s) return s.error();
            c.padTokenId = pad;
        }
    }
    for (const auto& [key, target] : {std::pair<const char*, double*>{"hidden_dropout_prob", &c.hiddenDropoutProb},
                                      {"attention_probs_dropout_prob", &c.attentionProbsDropoutProb},
                                      {"initializer_range", &c.initializerRange},
                                      {"layer_norm_eps", &c.layerNormEps}}) {
        if (auto s = read.number(key, *target); !s) return s.error();
    }
    if (const auto it = config.find("classifier_dropout"); it != config.end() && !it->is_null()) {
        double value = 0;
        if (auto s = read.number("classifier_dropout", value); !s) return s.error();
        c.classifierDropout = value;
    }
    if (const auto it = config.find("hidden_act"); it != config.end()) {
        const std::string name = it->is_string() ? it->get<std::string>() : std::string();
        if (name == "gelu") c.hiddenAct = BertActivation::Gelu;
        else if (name == "gelu_new") c.hiddenAct = BertActivation::GeluNew;
        else if (name == "relu") c.hiddenAct = BertActivation::Relu;
        else return read.error("hidden_act", "\"gelu\", \"gelu_new\" or \"relu\"");
    }
    if (const auto it = config.find("position_embedding_type"); it != config.end() && !it->is_null()) {
        if (!it->is_string() || it->get<std::string>() != "absolute")
            return read.error("position_embedding_type", "\"absolute\" (relative position embeddings are not supported)");
    }
    if (const auto it = config.find("problem_type"); it != config.end() && it->is_string())
        c.problemType = it->get<std::string>();
    if (auto s = readLabels(config, path, c.labels); !s) return s.error();
    if (auto s = c.validate(path); !s) return s.error();
    return c;
}

std::string BertConfig::toJson() const
{
    json j = {{"model_type", "bert"},
              {"vocab_size", vocabSize},
              {"hidden_size", hiddenSize},
              {"num_hidden_layers", numHiddenLayers},
              {"num_attention_heads", numAttentionHeads},
              {"intermediate_size", intermediateSize},
              {"hidden_act", std::string(bertActivationName(hiddenAct))},
              {"hidden_dropout_prob", hiddenDropoutProb},
              {"attention_probs_dropout_prob", attentionProbsDropoutProb},
              {"max_position_embeddings", maxPositionEmbeddings},
              {"type_vocab_size", typeVocabSize},
              {"initializer_range", initializerRange},
              {"layer_norm_eps", layerNormEps},
              {"pad_token_id", padTokenId ? json(*padTokenId) : json(nullptr)},
              {"classifier_dropout", classifierDropout ? json(*classifierDropout) : json(nullptr)}};
    return j.dump();
}

Status BertConfig::validate(const std::string& path) const
{
    const std::pair<const char*, std::int64_t> sizes[] = {
        {"vocab_size", vocabSize}, {"hidden_size", hiddenSize}, {"num_hidden_layers", numHiddenLayers},
        {"num_attention_heads", numAttentionHeads}, {"intermediate_size", intermediateSize},
        {"max_position_embeddings", maxPositionEmbeddings}, {"type_vocab_size", typeVocabSize}};
    for (const auto& [key, value] : sizes)
        if (value < 1) return Error{path + ": field \"" + key + "\" must be a positive integer"};
    if (hiddenSize % numAttentionHeads != 0)
        return Error{path + ": field \"hidden_size\" (" + std::to_string(hiddenSize) +
                     ") must be a multiple of \"num_attention_heads\" (" + std::to_string(numAttentionHeads) + ")"};
    const std::pair<const char*, double> probabilities[] = {{"hidden_dropout_prob", hiddenDropoutProb},
                                                            {"attention_probs_dropout_prob", attentionProbsDropoutProb},
                                                            {"classifier_dropout", classifierDropout.value_or(0.0)}};
    for (const auto& [key, value] : probabilities)
        if (!(value >= 0.0 && value < 1.0)) return Error{path + ": field \"" + key + "\" must be in [0, 1)"};
    if (!(layerNormEps > 0.0)) return Error{path + ": field \"layer_norm_eps\" must be positive"};
    if (!(initializerRange > 0.0)) return Error{path + ": field \"initializer_range\" must be positive"};
    if (padTokenId && *padTokenId >= vocabSize)
        return Error{path + ": field \"pad_token_id\" (" + std::to_string(*padTokenId) + ") must be below \"vocab_size\" (" +
                     std::to_string(vocabSize) + ")"};
    return {};
}

} // namespace tagbench
