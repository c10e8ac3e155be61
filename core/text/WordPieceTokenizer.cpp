#include "core/text/WordPieceTokenizer.h"

#include "core/util/Utf8.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace tagbench {

namespace {

// Python's universal newlines: \r\n, \n and \r all end a line; a last line without one counts.
std::vector<std::string> splitLines(const std::string& text)
{
    std::vector<std::string> lines;
    std::size_t begin = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '\n' && text[i] != '\r') continue;
        lines.push_back(text.substr(begin, i - begin));
        if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
        begin = i + 1;
    }
    if (begin < text.size()) lines.push_back(text.substr(begin));
    return lines;
}

// Byte offsets of the code points of word, plus its size at the end.
std::vector<std::size_t> codePointOffsets(std::string_view word)
{
    std::vector<std::size_t> offsets;
    for (std::size_t pos = 0; pos < word.size();) {
        offsets.push_back(pos);
        utf8::decode(word, pos);
    }
    offsets.push_back(word.size());
    return offsets;
}

} // namespace

Result<WordPieceTokenizer> WordPieceTokenizer::load(const std::string& vocabPath, WordPieceSettings settings)
{
    std::ifstream in(vocabPath, std::ios::binary);
    if (!in) return Error{vocabPath + ": cannot open the vocabulary"};
    std::stringstream buffer;
    buffer << in.rdbuf();

    return fromTokens(splitLines(buffer.str()), std::move(settings), vocabPath);
}

Result<WordPieceTokenizer> WordPieceTokenizer::fromTokens(std::vector<std::string> tokens, WordPieceSettings settings,
                                                          const std::string& origin)
{
    const std::string& vocabPath = origin;
    WordPieceTokenizer tokenizer;
    tokenizer.m_idToToken = std::move(tokens);
    if (tokenizer.m_idToToken.empty()) return Error{vocabPath + ": the vocabulary is empty"};
    tokenizer.m_tokenToId.reserve(tokenizer.m_idToToken.size());
    for (std::size_t id = 0; id < tokenizer.m_idToToken.size(); ++id) {
        const std::string& token = tokenizer.m_idToToken[id];
        if (!utf8::isValid(token))
            return Error{vocabPath + ":" + std::to_string(id + 1) + ": the token is not valid UTF-8"};
        // load_vocab assigns vocab[token] = index line by line: a repeated token keeps its last id.
        tokenizer.m_tokenToId[token] = static_cast<std::int64_t>(id);
    }

    struct Required {
        const char* field;
        const std::string* token;
        std::int64_t* id;
    };
    const Required required[] = {{"unk_token", &settings.unkToken, &tokenizer.m_unkId},
                                 {"cls_token", &settings.clsToken, &tokenizer.m_clsId},
                                 {"sep_token", &settings.sepToken, &tokenizer.m_sepId},
                                 {"pad_token", &settings.padToken, &tokenizer.m_padId}};
    for (const auto& r : required) {
        const auto id = tokenizer.findId(*r.token);
        if (!id) return Error{vocabPath + ": the vocabulary has no \"" + *r.token + "\" (" + r.field + ")"};
        *r.id = *id;
    }

    for (const auto& token : settings.specialTokens()) tokenizer.m_special.insert(token);
    tokenizer.m_specialLongestFirst.assign(tokenizer.m_special.begin(), tokenizer.m_special.end());
    std::stable_sort(tokenizer.m_specialLongestFirst.begin(), tokenizer.m_specialLongestFirst.end(),
                     [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
    tokenizer.m_basic = BertBasicTokenizer(settings.basic);
    tokenizer.m_settings = std::move(settings);
    return tokenizer;
}

Result<WordPieceTokenizer> WordPieceTokenizer::fromFolder(const std::string& folder)
{
    auto settings = WordPieceSettings::fromFolder(folder);
    if (!settings) return settings.error();
    return load((std::filesystem::path(folder) / "vocab.txt").string(), std::move(*settings));
}

std::optional<std::int64_t> WordPieceTokenizer::findId(const std::string& token) const
{
    const auto it = m_tokenToId.find(token);
    if (it == m_tokenToId.end()) return std::nullopt;
    return it->second;
}

std::int64_t WordPieceTokenizer::idOf(const std::string& token) const { return findId(token).value_or(m_unkId); }

const std::string& WordPieceTokenizer::tokenOf(std::int64_t id) const
{
    static const std::string kNone;
    if (id < 0 || static_cast<std::size_t>(id) >= m_idToToken.size()) return kNone;
    return m_idToToken[static_cast<std::size_t>(id)];
}

std::vector<std::string> WordPieceTokenizer::wordPieces(std::string_view word) const
{
    const std::vector<std::size_t> offsets = codePointOffsets(word);
    const std::size_t chars = offsets.size() - 1;
    if (chars > m_settings.maxInputCharsPerWord) return {m_settings.unkToken};
    std::vector<std::string> pieces;
    std::string candidate;
    for (std::size_t start = 0; start < chars;) {
        std::size_t end = chars;
        bool found = false;
        for (; end > start; --end) {
            candidate.assign(start > 0 ? "##" : "");
            candidate.append(word.substr(offsets[start], offsets[end] - offsets[start]));
            if (m_tokenToId.count(candidate) != 0) {
                found = true;
                break;
            }
        }
        // One unmatched position makes the whole word unknown, not just that part.
        if (!found) return {m_settings.unkToken};
        pieces.push_back(candidate);
        start = end;
    }
    return pieces;
}

std::vector<std::string> WordPieceTokenizer::basicTokenize(std::string_view text) const
{
    return m_basic.tokenize(text, m_special);
}

void WordPieceTokenizer::appendPieces(std::string_view segment, std::vector<std::string>& out) const
{
    const std::vector<std::string> words =
        m_settings.doBasicTokenize ? m_basic.tokenize(segment, m_special) : BertBasicTokenizer::splitOnWhitespace(segment);
    for (const auto& word : words)
        for (auto& piece : wordPieces(word)) out.push_back(std::move(piece));
}

std::vector<std::string> WordPieceTokenizer::tokenize(std::string_view text) const
{
    const auto specialAt = [this](std::string_view s, std::size_t pos) -> std::size_t {
        for (const auto& token : m_specialLongestFirst)
            if (s.compare(pos, token.size(), token) == 0) return token.size();
        return 0;
    };

    // With do_lower_case, everything but exact special tokens is lowercased first, one code
    // point at a time (the regex in PreTrainedTokenizer.tokenize); the split below runs on that.
    std::string lowered;
    if (m_settings.basic.lowercase) {
        lowered.reserve(text.size());
        std::size_t runBegin = 0;
        for (std::size_t pos = 0; pos < text.size();) {
            if (const std::size_t length = specialAt(text, pos); length > 0) {
                lowered += BertBasicTokenizer::lowercaseEachCodePoint(text.substr(runBegin, pos - runBegin));
                lowered.append(text.substr(pos, length));
                pos += length;
                runBegin = pos;
            } else {
                ++pos;
            }
        }
        lowered += BertBasicTokenizer::lowercaseEachCodePoint(text.substr(runBegin));
        text = lowered;
    }

    // The special-token trie: leftmost-longest matches are tokens of their own; the text between
    // goes through the basic stage and WordPiece (whitespace next to a special is dropped anyway).
    std::vector<std::string> out;
    std::size_t segmentBegin = 0;
    for (std::size_t pos = 0; pos < text.size();) {
        if (const std::size_t length = specialAt(text, pos); length > 0) {
            appendPieces(text.substr(segmentBegin, pos - segmentBegin), out);
            out.emplace_back(text.substr(pos, length));
            pos += length;
            segmentBegin = pos;
        } else {
            ++pos;
        }
    }
    appendPieces(text.substr(segmentBegin), out);
    return out;
}

WordPieceEncoding WordPieceTokenizer::encode(std::string_view text, std::size_t maxLength) const
{
    WordPieceEncoding encoding;
    std::vector<std::string> pieces = tokenize(text);
    const std::size_t room = std::max<std::size_t>(maxLength, 2) - 2;
    encoding.piecesBeforeTruncation = pieces.size();
    encoding.truncated = pieces.size() > room;
    if (encoding.truncated) pieces.resize(room);

    encoding.tokens.reserve(pieces.size() + 2);
    encoding.tokens.push_back(m_settings.clsToken);
    for (auto& piece : pieces) encoding.tokens.push_back(std::move(piece));
    encoding.tokens.push_back(m_settings.sepToken);
    encoding.inputIds.reserve(encoding.tokens.size());
    for (const auto& token : encoding.tokens) encoding.inputIds.push_back(idOf(token));
    encoding.inputIds.front() = m_clsId;
    encoding.inputIds.back() = m_sepId;
    encoding.attentionMask.assign(encoding.tokens.size(), 1);
    encoding.tokenTypeIds.assign(encoding.tokens.size(), 0);
    return encoding;
}

WordPieceBatch WordPieceTokenizer::encodeBatch(const std::vector<std::string>& texts, std::size_t maxLength) const
{
    std::vector<WordPieceEncoding> encodings;
    encodings.reserve(texts.size());
    WordPieceBatch batch;
    for (const auto& text : texts) {
        encodings.push_back(encode(text, maxLength));
        batch.length = std::max(batch.length, encodings.back().inputIds.size());
    }
    batch.rows = encodings.size();
    batch.inputIds.assign(batch.rows * batch.length, m_padId);
    batch.attentionMask.assign(batch.rows * batch.length, 0);
    batch.tokenTypeIds.assign(batch.rows * batch.length, 0);
    for (std::size_t row = 0; row < batch.rows; ++row) {
        const auto& e = encodings[row];
        std::copy(e.inputIds.begin(), e.inputIds.end(), batch.inputIds.begin() + static_cast<std::ptrdiff_t>(row * batch.length));
        std::copy(e.attentionMask.begin(), e.attentionMask.end(),
                  batch.attentionMask.begin() + static_cast<std::ptrdiff_t>(row * batch.length));
        std::copy(e.tokenTypeIds.begin(), e.tokenTypeIds.end(),
                  batch.tokenTypeIds.begin() + static_cast<std::ptrdiff_t>(row * batch.length));
    }
    return batch;
}

} // namespace tagbench
