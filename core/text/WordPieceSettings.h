#pragma once

#include "core/text/BertBasicTokenizer.h"
#include "core/util/Result.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tagbench {

/// Settings of a Hugging Face BertTokenizer, as from_pretrained assembles them: BertTokenizer's
/// defaults, then tokenizer_config.json, then special_tokens_map.json (which wins for tokens).
struct WordPieceSettings {
    BertBasicOptions basic;              // do_lower_case, tokenize_chinese_chars, strip_accents
    bool doBasicTokenize = true;         // do_basic_tokenize
    std::size_t maxInputCharsPerWord = 100;
    std::int64_t modelMaxLength = 0;     // model_max_length; 0 when absent or "unlimited"
    std::string unkToken = "[UNK]";
    std::string sepToken = "[SEP]";
    std::string padToken = "[PAD]";
    std::string clsToken = "[CLS]";
    std::string maskToken = "[MASK]";
    std::vector<std::string> additionalSpecialTokens;

    /// Every non-empty special token (the ones the text is split on before anything else).
    std::vector<std::string> specialTokens() const;

    /// Reads folder/tokenizer_config.json and folder/special_tokens_map.json; either may be
    /// missing (then the defaults stand). Errors start with the file's path and name the field.
    static Result<WordPieceSettings> fromFolder(const std::string& folder);

    /// Applies one tokenizer_config.json-style file; specialTokensOnly for special_tokens_map.json.
    static Status applyFile(WordPieceSettings& settings, const std::string& path, bool specialTokensOnly);
    /// The same for JSON text; path labels the errors.
    static Status applyJson(WordPieceSettings& settings, std::string_view text, const std::string& path, bool specialTokensOnly);
    /// The settings as a tokenizer_config.json that applyJson() reads back to the same settings.
    std::string toJson() const;
};

} // namespace tagbench
