#include "core/text/WordPieceSettings.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace tagbench {

namespace {

using nlohmann::json;

// A special token is a string or, when saved as an AddedToken, an object with "content".
Status readToken(const json& value, const std::string& where, std::string& out)
{
    if (value.is_null()) {
        out.clear();
        return {};
    }
    if (value.is_string()) {
        out = value.get<std::string>();
        return {};
    }
    if (value.is_object()) {
        const auto content = value.find("content");
        if (content != value.end() && content->is_string()) {
            out = content->get<std::string>();
            return {};
        }
    }
    return Error{where + " must be a string or an object with a string \"content\""};
}

Status readBool(const json& config, const char* key, const std::string& path, bool& out)
{
    const auto it = config.find(key);
    if (it == config.end()) return {};
    if (!it->is_boolean()) return Error{path + ": field \"" + key + "\" must be true or false"};
    out = it->get<bool>();
    return {};
}

} // namespace

std::vector<std::string> WordPieceSettings::specialTokens() const
{
    std::vector<std::string> out;
    for (const std::string* token : {&unkToken, &sepToken, &padToken, &clsToken, &maskToken})
        if (!token->empty()) out.push_back(*token);
    for (const auto& token : additionalSpecialTokens)
        if (!token.empty()) out.push_back(token);
    return out;
}

Status WordPieceSettings::applyFile(WordPieceSettings& settings, const std::string& path, bool specialTokensOnly)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) return Error{path + ": cannot open the file"};
    std::stringstream buffer;
    buffer << in.rdbuf();
    return applyJson(settings, buffer.str(), path, specialTokensOnly);
}

Status WordPieceSettings::applyJson(WordPieceSettings& settings, std::string_view text, const std::string& path,
                                    bool specialTokensOnly)
{
    const json config = json::parse(text.begin(), text.end(), nullptr, false);
    if (config.is_discarded() || !config.is_object()) return Error{path + ": not a JSON object"};

    if (!specialTokensOnly) {
        if (const auto it = config.find("tokenizer_class"); it != config.end() && !it->is_null()) {
            const std::string name = it->is_string() ? it->get<std::string>() : std::string();
            if (name != "BertTokenizer" && name != "BertTokenizerFast")
                return Error{path + ": field \"tokenizer_class\" is \"" + name +
                             "\"; only BertTokenizer (WordPiece with vocab.txt) is supported"};
        }
        if (auto s = readBool(config, "do_lower_case", path, settings.basic.lowercase); !s) return s;
        if (auto s = readBool(config, "tokenize_chinese_chars", path, settings.basic.tokenizeChineseChars); !s) return s;
        if (auto s = readBool(config, "do_basic_tokenize", path, settings.doBasicTokenize); !s) return s;
        if (const auto it = config.find("strip_accents"); it != config.end()) {
            if (it->is_null()) settings.basic.stripAccents.reset();
            else if (it->is_boolean()) settings.basic.stripAccents = it->get<bool>();
            else return Error{path + ": field \"strip_accents\" must be null, true or false"};
        }
        if (const auto it = config.find("model_max_length"); it != config.end()) {
            // transformers writes int(1e30) for "no limit"; that, or any float, means unlimited.
            if (it->is_number_unsigned() || it->is_number_integer()) {
                const auto value = it->get<std::int64_t>();
                if (value <= 0) return Error{path + ": field \"model_max_length\" must be positive"};
                settings.modelMaxLength = value;
            } else if (it->is_number_float() || it->is_null()) {
                settings.modelMaxLength = 0;
            } else {
                return Error{path + ": field \"model_max_length\" must be a number"};
            }
        }
    }
    const std::pair<const char*, std::string*> tokens[] = {
        {"unk_token", &settings.unkToken}, {"sep_token", &settings.sepToken}, {"pad_token", &settings.padToken},
        {"cls_token", &settings.clsToken}, {"mask_token", &settings.maskToken}};
    for (const auto& [key, target] : tokens) {
        const auto it = config.find(key);
        if (it == config.end()) continue;
        if (auto s = readToken(*it, path + ": field \"" + key + "\"", *target); !s) return s;
    }
    if (const auto it = config.find("additional_special_tokens"); it != config.end() && !it->is_null()) {
        if (!it->is_array()) return Error{path + ": field \"additional_special_tokens\" must be a list"};
        settings.additionalSpecialTokens.clear();
        for (std::size_t i = 0; i < it->size(); ++i) {
            std::string token;
            const std::string where = path + ": field \"additional_special_tokens\"[" + std::to_string(i) + "]";
            if (auto s = readToken((*it)[i], where, token); !s) return s;
            settings.additionalSpecialTokens.push_back(std::move(token));
        }
    }
    return {};
}

std::string WordPieceSettings::toJson() const
{
    json j = {{"tokenizer_class", "BertTokenizer"},
              {"do_lower_case", basic.lowercase},
              {"tokenize_chinese_chars", basic.tokenizeChineseChars},
              {"strip_accents", basic.stripAccents ? json(*basic.stripAccents) : json(nullptr)},
              {"do_basic_tokenize", doBasicTokenize},
              {"unk_token", unkToken},
              {"sep_token", sepToken},
              {"pad_token", padToken},
              {"cls_token", clsToken},
              {"mask_token", maskToken},
              {"additional_special_tokens", additionalSpecialTokens}};
    if (modelMaxLength > 0) j["model_max_length"] = modelMaxLength;
    return j.dump();
}

Result<WordPieceSettings> WordPieceSettings::fromFolder(const std::string& folder)
{
    namespace fs = std::filesystem;
    WordPieceSettings settings;
    const std::string config = (fs::path(folder) / "tokenizer_config.json").string();
    const std::string specials = (fs::path(folder) / "special_tokens_map.json").string();
    std::error_code ec;
    if (fs::exists(config, ec))
        if (auto s = applyFile(settings, config, false); !s) return s.error();
    if (fs::exists(specials, ec))
        if (auto s = applyFile(settings, specials, true); !s) return s.error();
    return settings;
}

} // namespace tagbench
