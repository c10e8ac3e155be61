#include "core/export/BundleManifest.h"

#include "core/data/LabelHierarchy.h"
#include "core/export/BundleFile.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>

namespace tagbench {
namespace {

using json = nlohmann::ordered_json;

constexpr const char* kFormatName = "tagbench-bundle";

// Reads typed values out of the manifest and remembers the first problem with its JSON path, so
// that parsing code stays linear and every message says exactly which key is wrong.
class ManifestReader final {
public:
    explicit ManifestReader(std::string origin) : m_origin(std::move(origin)) {}

    const json* object(const json& parent, const std::string& path, const char* key, bool required = true)
    {
        const json* value = find(parent, path, key, required);
        if (value && !value->is_object()) {
            fail(join(path, key), "expected an object");
            return nullptr;
        }
        return value;
    }

    const json* array(const json& parent, const std::string& path, const char* key)
    {
        const json* value = find(parent, path, key, true);
        if (value && !value->is_array()) {
            fail(join(path, key), "expected an array");
            return nullptr;
        }
        return value;
    }

    std::string string(const json& parent, const std::string& path, const char* key, bool required = true)
    {
        const json* value = find(parent, path, key, required);
        if (!value) return {};
        if (!value->is_string()) {
            fail(join(path, key), "expected a string");
            return {};
        }
        return value->get<std::string>();
    }

    std::int64_t integer(const json& parent, const std::string& path, const char* key, std::int64_t min,
                         std::int64_t fallback = 0, bool required = true)
    {
        const json* value = find(parent, path, key, required);
        if (!value) return fallback;
        if (!value->is_number_integer() || value->get<std::int64_t>() < min) {
            fail(join(path, key), "expected an integer >= " + std::to_string(min));
            return fallback;
        }
        return value->get<std::int64_t>();
    }

    double number(const json& parent, const std::string& path, const char* key, bool required = true)
    {
        const json* value = find(parent, path, key, required);
        if (!value) return 0.0;
        if (!value->is_number()) {
            fail(join(path, key), "expected a number");
            return 0.0;
        }
        return value->get<double>();
    }

    bool boolean(const json& parent, const std::string& path, const char* key)
    {
        const json* value = find(parent, path, key, true);
        if (!value) return false;
        if (!value->is_boolean()) {
            fail(join(path, key), "expected true or false");
            return false;
        }
        return value->get<bool>();
    }

    std::vector<std::string> strings(const json& parent, const std::string& path, const char* key)
    {
        std::vector<std::string> out;
        const json* values = array(parent, path, key);
        if (!values) return out;
        out.reserve(values->size());
        for (std::size_t i = 0; i < values->size(); ++i) {
            if (!(*values)[i].is_string()) {
                fail(join(path, key) + "[" + std::to_string(i) + "]", "expected a string");
                return {};
            }
            out.push_back((*values)[i].get<std::string>());
        }
        return out;
    }

    template <typename T>
    std::vector<T> integers(const json& parent, const std::string& path, const char* key, std::int64_t min)
    {
        std::vector<T> out;
        const json* values = array(parent, path, key);
        if (!values) return out;
        for (std::size_t i = 0; i < values->size(); ++i) {
            const json& v = (*values)[i];
            if (!v.is_number_integer() || v.get<std::int64_t>() < min) {
                fail(join(path, key) + "[" + std::to_string(i) + "]", "expected an integer >= " + std::to_string(min));
                return {};
            }
            out.push_back(static_cast<T>(v.get<std::int64_t>()));
        }
        return out;
    }

    void fail(const std::string& path, const std::string& why)
    {
        if (m_error.empty()) m_error = m_origin + ": manifest: " + path + ": " + why;
    }

    bool ok() const { return m_error.empty(); }
    Error error() const { return Error{m_error}; }

    static std::string join(const std::string& path, const char* key) { return path.empty() ? key : path + "." + key; }

private:
    const json* find(const json& parent, const std::string& path, const char* key, bool required)
    {
        const auto it = parent.find(key);
        if (it == parent.end() || it->is_null()) {
            if (required) fail(join(path, key), "missing");
            return nullptr;
        }
        return &*it;
    }

    std::string m_origin;
    std::string m_error;
};

json metricsToJson(const eval::Metrics& m, const std::vector<std::string>& labels)
{
    json perLabel = json::array();
    for (std::size_t i = 0; i < m.labels.size() && i < labels.size(); ++i) {
        const auto& l = m.labels[i];
        perLabel.push_back({{"label", labels[i]},
                            {"precision", l.precision},
                            {"recall", l.recall},
                            {"f1", l.f1},
                            {"support", l.counts.support},
                            {"predicted", l.counts.predicted},
                            {"true_positives", l.counts.truePositives}});
    }
    return {{"documents", m.documents},
            {"documents_without_prediction", m.documentsWithoutPrediction},
            {"precision", m.precision},
            {"recall", m.recall},
            {"f1", m.f1},
            {"macro_f1", m.macroF1},
            {"right", m.truePositives},
            {"predict", m.predicted},
            {"standard", m.gold},
            {"labels", std::move(perLabel)}};
}

eval::Metrics metricsFromJson(ManifestReader& r, const json& j, const std::string& path,
                              const std::vector<std::string>& labels)
{
    eval::Metrics m;
    m.documents = r.integer(j, path, "documents", 0);
    m.documentsWithoutPrediction = r.integer(j, path, "documents_without_prediction", 0);
    m.precision = r.number(j, path, "precision");
    m.recall = r.number(j, path, "recall");
    m.f1 = r.number(j, path, "f1");
    m.macroF1 = r.number(j, path, "macro_f1");
    m.truePositives = r.integer(j, path, "right", 0);
    m.predicted = r.integer(j, path, "predict", 0);
    m.gold = r.integer(j, path, "standard", 0);
    const json* perLabel = r.array(j, path, "labels");
    if (!perLabel) return m;
    if (perLabel->size() != labels.size()) {
        r.fail(path + ".labels", "has " + std::to_string(perLabel->size()) + " entries for " +
                                     std::to_string(labels.size()) + " labels");
        return m;
    }
    m.labels.resize(labels.size());
    for (std::size_t i = 0; i < labels.size(); ++i) {
        const std::string at = path + ".labels[" + std::to_string(i) + "]";
        const json& l = (*perLabel)[i];
        if (!l.is_object()) {
            r.fail(at, "expected an object");
            return m;
        }
        if (r.string(l, at, "label") != labels[i]) r.fail(at + ".label", "does not match labels[" + std::to_string(i) + "]");
        auto& out = m.labels[i];
        out.precision = r.number(l, at, "precision");
        out.recall = r.number(l, at, "recall");
        out.f1 = r.number(l, at, "f1");
        out.counts.support = r.integer(l, at, "support", 0);
        out.counts.predicted = r.integer(l, at, "predicted", 0);
        out.counts.truePositives = r.integer(l, at, "true_positives", 0);
    }
    return m;
}

} // namespace

LabelTree LabelTree::fromLabels(const std::vector<std::string>& labels)
{
    LabelTree tree;
    // The same detection the dataset statistics use, so the GUI shows one tree for both.
    tree.separator = LabelHierarchy::detectSeparator(labels);
    std::map<std::string, std::int32_t> index;
    const auto node = [&](const std::string& path, std::int32_t parent) {
        const auto [it, inserted] = index.emplace(path, static_cast<std::int32_t>(tree.nodes.size()));
        if (inserted) {
            tree.nodes.push_back(path);
            tree.parent.push_back(parent);
        }
        return it->second;
    };
    for (const auto& label : labels) {
        std::int32_t parent = -1;
        if (!tree.separator.empty()) {
            for (std::size_t at = label.find(tree.separator); at != std::string::npos;
                 at = label.find(tree.separator, at + tree.separator.size()))
                if (at > 0) parent = node(label.substr(0, at), parent);
        }
        tree.labelNode.push_back(node(label, parent));
    }
    return tree;
}

std::string BundleManifest::toJson() const
{
    json j;
    j["format"] = kFormatName;
    j["format_version"] = kBundleFormatVersion;
    j["tagbench_version"] = tagbenchVersion;
    j["created"] = created;

    if (!ensembleJson.empty()) {
        // An ensemble holds no network of its own: its members are bundles in the weights.
        j["ensemble"] = json::parse(ensembleJson);
    } else {
        j["model"] = json::parse(model.toManifestJson());
        j["tokenizer"] = {{"kind", tokenizerKindName(tokenizer.kind)},
                          {"lowercase", tokenizer.lowercase},
                          {"keep_punctuation", tokenizer.keepPunctuation},
                          {"pretokenized", tokenizer.pretokenized},
                          {"sentencepiece_model", tokenizer.kind == TokenizerKind::SentencePiece
                                                      ? json(kSentencePieceTensor)
                                                      : json(nullptr)}};
        j["vocabulary"] = vocabulary;
    }
    j["labels"] = labels;
    j["hierarchy"] = {{"separator", hierarchy.separator},
                      {"nodes", hierarchy.nodes},
                      {"parents", hierarchy.parent},
                      {"label_nodes", hierarchy.labelNode}};
    j["decision_rule"] = json::parse(rule.toJson(labels));
    j["decision_rule_source"] = ruleSource;
    json cards = json::object();
    for (const auto& card : metrics) cards[card.split] = metricsToJson(card.metrics, labels);
    j["metrics"] = std::move(cards);
    json config = json::parse(trainingConfigJson.empty() ? "{}" : trainingConfigJson, nullptr, false);
    j["training"] = {{"run_dir", sourceRun}, {"best_epoch", bestEpoch},
                     {"config", config.is_discarded() ? json::object() : config}};
    j["weights"] = {{"format", "safetensors"}, {"bytes", weightsBytes}, {"sha256", weightsSha256}};
    return j.dump(1);
}

Result<BundleManifest> BundleManifest::fromJson(std::string_view text, const std::string& origin)
{
    const json j = json::parse(text.begin(), text.end(), nullptr, false);
    if (j.is_discarded() || !j.is_object()) return Error{origin + ": manifest: not a JSON object"};
    ManifestReader r(origin);
    if (r.string(j, "", "format") != kFormatName) r.fail("format", "expected \"" + std::string(kFormatName) + "\"");
    const std::int64_t version = r.integer(j, "", "format_version", 1);
    if (r.ok() && version > static_cast<std::int64_t>(kBundleFormatVersion))
        r.fail("format_version", std::to_string(version) + " is newer than this Tagbench reads (" +
                                     std::to_string(kBundleFormatVersion) + ")");
    BundleManifest out;
    out.tagbenchVersion = r.string(j, "", "tagbench_version");
    out.created = r.string(j, "", "created");

    const bool ensemble = j.contains("ensemble");
    if (ensemble) {
        if (const json* e = r.object(j, "", "ensemble")) out.ensembleJson = e->dump();
    } else if (const json* m = r.object(j, "", "model"); m && r.ok()) {
        auto spec = ModelSpec::fromManifestJson(m->dump(), origin);
        if (!spec) return spec.error();
        out.model = std::move(*spec);
    }

    if (const json* t = ensemble ? nullptr : r.object(j, "", "tokenizer")) {
        const std::string kind = r.string(*t, "tokenizer", "kind");
        if (r.ok()) {
            const auto parsed = parseTokenizerKind(kind);
            if (parsed) out.tokenizer.kind = *parsed;
            else r.fail("tokenizer.kind", parsed.message());
        }
        out.tokenizer.lowercase = r.boolean(*t, "tokenizer", "lowercase");
        out.tokenizer.keepPunctuation = r.boolean(*t, "tokenizer", "keep_punctuation");
        out.tokenizer.pretokenized = r.boolean(*t, "tokenizer", "pretokenized");
        const std::string spm = r.string(*t, "tokenizer", "sentencepiece_model", false);
        if (r.ok() && out.tokenizer.kind == TokenizerKind::SentencePiece && spm != kSentencePieceTensor)
            r.fail("tokenizer.sentencepiece_model", "expected \"" + std::string(kSentencePieceTensor) + "\"");
    }

    if (!ensemble) out.vocabulary = r.strings(j, "", "vocabulary");
    // An empty list: the kind keeps its input's vocabulary in the weights (the linear model's TF-IDF).
    if (r.ok() && !ensemble && !out.vocabulary.empty() && static_cast<std::int64_t>(out.vocabulary.size()) != out.model.vocabularySize)
        r.fail("vocabulary", "has " + std::to_string(out.vocabulary.size()) + " tokens, model.vocabulary_size is " +
                                 std::to_string(out.model.vocabularySize));
    out.labels = r.strings(j, "", "labels");
    if (ensemble) {
        out.model.kind = kEnsembleKind;
        out.model.labels = static_cast<std::int64_t>(out.labels.size());
    }
    if (r.ok() && static_cast<std::int64_t>(out.labels.size()) != out.model.labels)
        r.fail("labels", "has " + std::to_string(out.labels.size()) + " names, model.labels is " +
                             std::to_string(out.model.labels));

    if (const json* h = r.object(j, "", "hierarchy")) {
        out.hierarchy.separator = r.string(*h, "hierarchy", "separator");
        out.hierarchy.nodes = r.strings(*h, "hierarchy", "nodes");
        out.hierarchy.parent = r.integers<std::int32_t>(*h, "hierarchy", "parents", -1);
        out.hierarchy.labelNode = r.integers<std::int32_t>(*h, "hierarchy", "label_nodes", 0);
        const auto nodes = static_cast<std::int32_t>(out.hierarchy.nodes.size());
        if (r.ok() && (out.hierarchy.parent.size() != out.hierarchy.nodes.size() ||
                       out.hierarchy.labelNode.size() != out.labels.size()))
            r.fail("hierarchy", "sizes of nodes, parents and label_nodes do not match");
        for (std::int32_t i = 0; r.ok() && i < nodes; ++i)
            if (out.hierarchy.parent[static_cast<std::size_t>(i)] >= i) r.fail("hierarchy.parents", "a parent must precede its child");
        for (const auto n : out.hierarchy.labelNode)
            if (r.ok() && n >= nodes) r.fail("hierarchy.label_nodes", "node index out of range");
    }

    if (const json* rule = r.object(j, "", "decision_rule"); rule && r.ok()) {
        auto parsed = eval::DecisionRule::fromJson(rule->dump(), out.labels, origin + ": manifest: decision_rule");
        if (!parsed) return parsed.error();
        out.rule = std::move(*parsed);
    }
    out.ruleSource = r.string(j, "", "decision_rule_source");

    if (const json* cards = r.object(j, "", "metrics"); cards && r.ok()) {
        for (const auto& [split, card] : cards->items()) {
            if (!card.is_object()) {
                r.fail("metrics." + split, "expected an object");
                break;
            }
            out.metrics.push_back({split, metricsFromJson(r, card, "metrics." + split, out.labels)});
        }
    }

    if (const json* t = r.object(j, "", "training")) {
        out.sourceRun = r.string(*t, "training", "run_dir");
        out.bestEpoch = r.integer(*t, "training", "best_epoch", 0);
        if (const json* config = r.object(*t, "training", "config")) out.trainingConfigJson = config->dump(2);
    }
    if (const json* w = r.object(j, "", "weights")) {
        if (r.string(*w, "weights", "format") != "safetensors" && r.ok()) r.fail("weights.format", "expected \"safetensors\"");
        out.weightsBytes = static_cast<std::uint64_t>(r.integer(*w, "weights", "bytes", 0));
        out.weightsSha256 = r.string(*w, "weights", "sha256");
    }
    if (!r.ok()) return r.error();
    return out;
}

} // namespace tagbench
