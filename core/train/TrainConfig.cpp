#include "core/train/TrainConfig.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

namespace tagbench {

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

std::size_t editDistance(const std::string& a, const std::string& b)
{
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = up;
        }
    }
    return row[b.size()];
}

std::string typeName(const json& value)
{
    if (value.is_number_integer()) return "integer " + value.dump();
    if (value.is_number()) return "number " + value.dump();
    if (value.is_string()) return "string " + value.dump();
    if (value.is_boolean()) return value.dump();
    if (value.is_null()) return "null";
    return value.is_array() ? "an array" : "an object";
}

/// Walks the JSON tree, remembering which keys were read so unknown ones can be reported, and
/// collects every problem (not just the first) so a user fixes a config in one round.
class ConfigReader final {
public:
    ConfigReader(const std::string& text, std::string origin, std::string baseDir)
        : m_text(text), m_origin(std::move(origin)), m_baseDir(std::move(baseDir)) {}

    void fail(const std::string& path, const std::string& message)
    {
        m_errors.push_back(m_origin + ":" + std::to_string(lineOf(path)) + ": " + path + ": " + message);
    }

    /// The object at path, or nullptr (with an error when present but not an object).
    const json* section(const json& parent, const std::string& parentPath, const std::string& key)
    {
        markKnown(parentPath, key);
        const auto it = parent.find(key);
        if (it == parent.end()) return nullptr;
        if (!it->is_object()) {
            fail(join(parentPath, key), "expected an object, got " + typeName(*it));
            return nullptr;
        }
        return &*it;
    }

    const json* value(const json& parent, const std::string& parentPath, const std::string& key)
    {
        markKnown(parentPath, key);
        const auto it = parent.find(key);
        return it == parent.end() ? nullptr : &*it;
    }

    void readInt(const json& obj, const std::string& path, const std::string& key, std::int64_t& out,
                 std::int64_t min, std::int64_t max = INT64_MAX)
    {
        const json* v = value(obj, path, key);
        if (!v) return;
        if (!v->is_number_integer() || v->get<std::int64_t>() < min || v->get<std::int64_t>() > max) {
            fail(join(path, key), "expected an integer " + range(min, max) + ", got " + typeName(*v));
            return;
        }
        out = v->get<std::int64_t>();
    }

    void readDouble(const json& obj, const std::string& path, const std::string& key, double& out, double min,
                    double max, bool exclusiveMin = false)
    {
        const json* v = value(obj, path, key);
        if (!v) return;
        if (!v->is_number() || v->get<double>() > max || v->get<double>() < min
            || (exclusiveMin && v->get<double>() <= min)) {
            std::ostringstream bounds;
            bounds << (exclusiveMin ? "> " : ">= ") << min << (max < 1e300 ? " and <= " : "");
            if (max < 1e300) bounds << max;
            fail(join(path, key), "expected a number " + bounds.str() + ", got " + typeName(*v));
            return;
        }
        out = v->get<double>();
    }

    void readBool(const json& obj, const std::string& path, const std::string& key, bool& out)
    {
        const json* v = value(obj, path, key);
        if (!v) return;
        if (!v->is_boolean()) {
            fail(join(path, key), "expected true or false, got " + typeName(*v));
            return;
        }
        out = v->get<bool>();
    }

    void readChoice(const json& obj, const std::string& path, const std::string& key, std::string& out,
                    const std::vector<std::string>& choices)
    {
        const json* v = value(obj, path, key);
        if (!v) return;
        std::string list;
        for (const auto& c : choices) list += (list.empty() ? "" : ", ") + c;
        if (!v->is_string() || std::find(choices.begin(), choices.end(), v->get<std::string>()) == choices.end()) {
            fail(join(path, key), "expected one of " + list + ", got " + typeName(*v));
            return;
        }
        out = v->get<std::string>();
    }

    /// A file that must exist; relative paths are resolved against the config's directory.
    void readFile(const json& obj, const std::string& path, const std::string& key, std::string& out,
                  bool required)
    {
        const json* v = value(obj, path, key);
        if (!v) {
            if (required) fail(join(path, key), "missing (the path of a dataset file)");
            return;
        }
        if (!v->is_string() || v->get<std::string>().empty()) {
            fail(join(path, key), "expected a file path, got " + typeName(*v));
            return;
        }
        fs::path file = v->get<std::string>();
        if (file.is_relative()) file = fs::path(m_baseDir) / file;
        std::error_code ec;
        file = fs::weakly_canonical(file, ec);
        if (!fs::is_regular_file(file, ec)) {
            fail(join(path, key), "file not found: " + file.string());
            return;
        }
        out = file.string();
    }

    /// Reports keys of obj that no reader asked for, with the closest known key as a hint.
    void reportUnknown(const json& obj, const std::string& path)
    {
        const auto& known = m_known[path];
        for (auto it = obj.begin(); it != obj.end(); ++it) {
            if (known.count(it.key())) continue;
            std::string hint;
            std::size_t best = 3;
            for (const auto& k : known) {
                const std::size_t d = editDistance(it.key(), k);
                if (d < best) {
                    best = d;
                    hint = " (did you mean '" + k + "'?)";
                }
            }
            fail(join(path, it.key()), "unknown key" + hint);
        }
    }

    const std::vector<std::string>& errors() const { return m_errors; }

    static std::string join(const std::string& path, const std::string& key)
    {
        return path.empty() ? key : path + "." + key;
    }

private:
    void markKnown(const std::string& path, const std::string& key) { m_known[path].insert(key); }

    static std::string range(std::int64_t min, std::int64_t max)
    {
        if (max == INT64_MAX) return ">= " + std::to_string(min);
        return "in [" + std::to_string(min) + ", " + std::to_string(max) + "]";
    }

    /// Line of a JSON path in the text: each component's quoted key is searched after the
    /// previous one, which finds the right key for any config a person writes.
    std::size_t lineOf(const std::string& path) const
    {
        std::size_t pos = 0;
        std::size_t start = 0;
        while (start <= path.size()) {
            const std::size_t dot = path.find('.', start);
            const std::string key = path.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
            const std::size_t found = m_text.find("\"" + key + "\"", pos);
            if (found == std::string::npos) break;
            pos = found;
            if (dot == std::string::npos) break;
            start = dot + 1;
        }
        return 1 + static_cast<std::size_t>(std::count(m_text.begin(), m_text.begin() + static_cast<std::ptrdiff_t>(pos), '\n'));
    }

    const std::string& m_text;
    std::string m_origin;
    std::string m_baseDir;
    std::map<std::string, std::set<std::string>> m_known;
    std::vector<std::string> m_errors;
};

} // namespace

std::string modelKindName(ModelKind kind) { return kind == ModelKind::TextCnn ? "TextCNN" : "FastText"; }
std::string taskKindName(TaskKind kind) { return kind == TaskKind::MultiLabel ? "multi_label" : "single_label"; }

Result<TrainConfig> TrainConfig::parse(const std::string& jsonText, const std::string& origin,
                                       const std::string& baseDir)
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

    TrainConfig c;
    ConfigReader r(jsonText, origin, baseDir);

    std::string model;
    r.readChoice(root, "", "model", model, {"TextCNN", "FastText"});
    if (model.empty() && !root.contains("model")) r.fail("model", "missing (TextCNN or FastText)");
    c.model = model == "FastText" ? ModelKind::FastText : ModelKind::TextCnn;
    std::string task = "multi_label";
    r.readChoice(root, "", "task", task, {"multi_label", "single_label"});
    c.task = task == "single_label" ? TaskKind::SingleLabel : TaskKind::MultiLabel;

    if (const json* d = r.section(root, "", "data")) {
        r.readFile(*d, "data", "train", c.data.train, true);
        r.readFile(*d, "data", "dev", c.data.dev, true);
        r.readFile(*d, "data", "test", c.data.test, false);
        r.reportUnknown(*d, "data");
    } else if (!root.contains("data")) {
        r.fail("data", "missing (an object with train, dev and optionally test files)");
    }

    if (const json* t = r.section(root, "", "tokenizer")) {
        r.readChoice(*t, "tokenizer", "kind", c.tokenizer.kind, {"char", "word", "sentencepiece"});
        r.readBool(*t, "tokenizer", "lowercase", c.tokenizer.lowercase);
        r.readBool(*t, "tokenizer", "keep_punctuation", c.tokenizer.keepPunctuation);
        if (const json* v = r.section(*t, "tokenizer", "vocab")) {
            r.readInt(*v, "tokenizer.vocab", "min_count", c.tokenizer.minCount, 1);
            r.readInt(*v, "tokenizer.vocab", "max_size", c.tokenizer.maxSize, 0);
            r.reportUnknown(*v, "tokenizer.vocab");
        }
        if (const json* s = r.section(*t, "tokenizer", "sentencepiece")) {
            const std::string p = "tokenizer.sentencepiece";
            r.readFile(*s, p, "model", c.tokenizer.sentencepieceModel, false);
            r.readInt(*s, p, "vocab_size", c.tokenizer.sentencepieceVocabSize, 100, 1000000);
            r.readChoice(*s, p, "model_type", c.tokenizer.sentencepieceModelType, {"unigram", "bpe"});
            r.readDouble(*s, p, "character_coverage", c.tokenizer.sentencepieceCharacterCoverage, 0.9, 1.0);
            r.reportUnknown(*s, p);
        }
        r.reportUnknown(*t, "tokenizer");
    }

    if (const json* t = r.section(root, "", "TextCNN")) {
        if (const json* k = r.value(*t, "TextCNN", "kernel_sizes")) {
            bool good = k->is_array() && !k->empty() && k->size() <= 16;
            std::vector<std::int64_t> sizes;
            for (const auto& e : good ? *k : json::array()) {
                if (!e.is_number_integer() || e.get<std::int64_t>() < 1 || e.get<std::int64_t>() > 64) good = false;
                else sizes.push_back(e.get<std::int64_t>());
            }
            if (good) c.textCnn.kernelSizes = sizes;
            else r.fail("TextCNN.kernel_sizes", "expected a non-empty array of integers in [1, 64], got " + k->dump());
        }
        r.readInt(*t, "TextCNN", "num_kernels", c.textCnn.numKernels, 1, 65536);
        r.readInt(*t, "TextCNN", "top_k_max_pooling", c.textCnn.topKMaxPooling, 1, 64);
        r.readInt(*t, "TextCNN", "hidden", c.textCnn.hidden, 0, 65536);
        r.readDouble(*t, "TextCNN", "dropout", c.textCnn.dropout, 0.0, 0.95);
        r.readInt(*t, "TextCNN", "max_length", c.textCnn.maxLength, 1, 100000);
        r.reportUnknown(*t, "TextCNN");
    }
    if (const json* f = r.section(root, "", "FastText")) {
        r.readInt(*f, "FastText", "word_ngrams", c.fastText.wordNgrams, 1, 6);
        r.readInt(*f, "FastText", "buckets", c.fastText.buckets, 0, 100000000);
        r.reportUnknown(*f, "FastText");
    }
    if (const json* e = r.section(root, "", "embedding")) {
        r.readInt(*e, "embedding", "dimension", c.embedding.dimension, 1, 4096);
        r.readFile(*e, "embedding", "pretrained", c.embedding.pretrained, false);
        r.readBool(*e, "embedding", "trainable", c.embedding.trainable);
        r.reportUnknown(*e, "embedding");
    }
    if (const json* t = r.section(root, "", "train")) {
        const std::string p = "train";
        r.readInt(*t, p, "batch_size", c.train.batchSize, 1, 1 << 20);
        r.readInt(*t, p, "epochs", c.train.epochs, 1, 100000);
        r.readDouble(*t, p, "learning_rate", c.train.learningRate, 0.0, 100.0, true);
        r.readChoice(*t, p, "optimizer", c.train.optimizer, {"adam", "adamw", "sgd"});
        r.readChoice(*t, p, "lr_schedule", c.train.lrSchedule, {"constant", "linear"});
        r.readDouble(*t, p, "weight_decay", c.train.weightDecay, 0.0, 1.0);
        r.readChoice(*t, p, "loss", c.train.loss, {"bce", "focal"});
        r.readDouble(*t, p, "focal_gamma", c.train.focalGamma, 0.0, 10.0);
        if (const json* w = r.value(*t, p, "pos_weight")) {
            if (w->is_string() && (*w == "none" || *w == "auto")) {
                c.train.posWeight = w->get<std::string>();
            } else if (w->is_array() && !w->empty()
                       && std::all_of(w->begin(), w->end(), [](const json& x) { return x.is_number() && x.get<double>() > 0; })) {
                c.train.posWeight = "list";
                for (const auto& x : *w) c.train.posWeights.push_back(x.get<double>());
            } else {
                r.fail("train.pos_weight", "expected \"none\", \"auto\" or an array of positive numbers (one per label), got "
                                               + typeName(*w));
            }
        }
        r.readDouble(*t, p, "pos_weight_cap", c.train.posWeightCap, 1.0, 1e6);
        r.readDouble(*t, p, "oversample", c.train.oversample, 1.0, 100.0);
        r.readInt(*t, p, "early_stopping_patience", c.train.earlyStoppingPatience, 0);
        std::int64_t seed = static_cast<std::int64_t>(c.train.seed);
        r.readInt(*t, p, "seed", seed, 0);
        c.train.seed = static_cast<std::uint64_t>(seed);
        r.readInt(*t, p, "threads", c.train.threads, 0, 1024);
        r.readBool(*t, p, "bf16", c.train.bf16);
        r.reportUnknown(*t, p);
    }
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
    if (c.task == TaskKind::SingleLabel && (c.train.loss == "focal" || c.train.posWeight != "none"))
        r.fail("train.loss", "single_label trains with softmax cross-entropy: loss focal and pos_weight apply to multi_label only");
    if (c.tokenizer.kind != "sentencepiece" && !c.tokenizer.sentencepieceModel.empty())
        r.fail("tokenizer.sentencepiece.model", "set, but tokenizer.kind is " + c.tokenizer.kind);

    if (!r.errors().empty()) {
        std::string message;
        for (const auto& e : r.errors()) message += (message.empty() ? "" : "\n") + e;
        return Error{message};
    }
    return c;
}

Result<TrainConfig> TrainConfig::load(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) return Error{path + ": cannot open the training config"};
    std::ostringstream text;
    text << in.rdbuf();
    std::error_code ec;
    const fs::path dir = fs::absolute(fs::path(path), ec).parent_path();
    return parse(text.str(), path, dir.string());
}

std::string TrainConfig::toJson() const
{
    json j;
    j["model"] = modelKindName(model);
    j["task"] = taskKindName(task);
    j["data"] = {{"train", data.train}, {"dev", data.dev}};
    if (!data.test.empty()) j["data"]["test"] = data.test;
    j["tokenizer"] = {{"kind", tokenizer.kind},
                      {"lowercase", tokenizer.lowercase},
                      {"keep_punctuation", tokenizer.keepPunctuation},
                      {"vocab", {{"min_count", tokenizer.minCount}, {"max_size", tokenizer.maxSize}}},
                      {"sentencepiece",
                       {{"vocab_size", tokenizer.sentencepieceVocabSize},
                        {"model_type", tokenizer.sentencepieceModelType},
                        {"character_coverage", tokenizer.sentencepieceCharacterCoverage}}}};
    if (!tokenizer.sentencepieceModel.empty()) j["tokenizer"]["sentencepiece"]["model"] = tokenizer.sentencepieceModel;
    j["TextCNN"] = {{"kernel_sizes", textCnn.kernelSizes},   {"num_kernels", textCnn.numKernels},
                    {"top_k_max_pooling", textCnn.topKMaxPooling}, {"hidden", textCnn.hidden},
                    {"dropout", textCnn.dropout},            {"max_length", textCnn.maxLength}};
    j["FastText"] = {{"word_ngrams", fastText.wordNgrams}, {"buckets", fastText.buckets}};
    j["embedding"] = {{"dimension", embedding.dimension}, {"trainable", embedding.trainable}};
    if (!embedding.pretrained.empty()) j["embedding"]["pretrained"] = embedding.pretrained;
    json t = {{"batch_size", train.batchSize},
              {"epochs", train.epochs},
              {"learning_rate", train.learningRate},
              {"optimizer", train.optimizer},
              {"lr_schedule", train.lrSchedule},
              {"weight_decay", train.weightDecay},
              {"loss", train.loss},
              {"focal_gamma", train.focalGamma},
              {"pos_weight_cap", train.posWeightCap},
              {"oversample", train.oversample},
              {"early_stopping_patience", train.earlyStoppingPatience},
              {"seed", train.seed},
              {"threads", train.threads},
              {"bf16", train.bf16}};
    if (train.posWeight == "list") t["pos_weight"] = train.posWeights;
    else t["pos_weight"] = train.posWeight;
    j["train"] = t;
    j["eval"] = {{"top_k", eval.topK}};
    if (eval.thresholdFromDev) j["eval"]["threshold"] = "dev";
    else j["eval"]["threshold"] = eval.threshold;
    return j.dump(2) + "\n";
}

} // namespace tagbench
