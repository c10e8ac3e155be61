#include "core/text/BertBasicTokenizer.h"

#include "core/util/Utf8.h"

#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <utility>

namespace tagbench {

namespace {

using CodePoints = std::u32string;

// _is_control: every C* category (Cc, Cf, Cs, Co, Cn) except tab, newline and carriage return.
bool isControl(char32_t cp)
{
    if (cp == U'\t' || cp == U'\n' || cp == U'\r') return false;
    return (U_GET_GC_MASK(static_cast<UChar32>(cp)) & U_GC_C_MASK) != 0;
}

// _is_whitespace: the four ASCII blanks and category Zs (turned into a plain space).
bool isBertWhitespace(char32_t cp)
{
    if (cp == U' ' || cp == U'\t' || cp == U'\n' || cp == U'\r') return true;
    return u_charType(static_cast<UChar32>(cp)) == U_SPACE_SEPARATOR;
}

// Python's str.isspace(), which whitespace_tokenize's str.split() uses: category Zs or bidi class
// WS, B or S. After cleaning this still splits on U+2028/U+2029, which _is_whitespace does not map.
bool isPythonSpace(char32_t cp)
{
    const auto c = static_cast<UChar32>(cp);
    if (u_charType(c) == U_SPACE_SEPARATOR) return true;
    const UCharDirection direction = u_charDirection(c);
    return direction == U_WHITE_SPACE_NEUTRAL || direction == U_BLOCK_SEPARATOR || direction == U_SEGMENT_SEPARATOR;
}

// True when lowercasing and NFD can change nothing but ASCII letters: ASCII and the unified CJK
// ideographs (which have no case and no decomposition, unlike the compatibility ideographs).
bool isCaseAndAccentFree(const CodePoints& text)
{
    for (const char32_t cp : text) {
        if (cp < 0x80 || (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
            (cp >= 0x20000 && cp <= 0x2CEAF))
            continue;
        return false;
    }
    return true;
}

CodePoints decodeUtf8(std::string_view text)
{
    CodePoints out;
    out.reserve(text.size());
    for (std::size_t pos = 0; pos < text.size();) out.push_back(utf8::decode(text, pos));
    return out;
}

std::string encodeUtf8(const CodePoints& text)
{
    std::string out;
    out.reserve(text.size());
    for (const char32_t cp : text) utf8::append(out, cp);
    return out;
}

icu::UnicodeString toIcu(const CodePoints& text)
{
    icu::UnicodeString out;
    for (const char32_t cp : text) out.append(static_cast<UChar32>(cp));
    return out;
}

template <typename Keep>
CodePoints fromIcu(const icu::UnicodeString& text, Keep keep)
{
    CodePoints out;
    for (int32_t i = 0; i < text.length();) {
        const UChar32 c = text.char32At(i);
        i += U16_LENGTH(c);
        if (keep(c)) out.push_back(static_cast<char32_t>(c));
    }
    return out;
}

// Python's str.lower(): full Unicode lowercase mapping with the Final_Sigma context, which ICU's
// root-locale lowercasing applies the same way.
CodePoints lowercase(CodePoints text)
{
    if (isCaseAndAccentFree(text)) {
        for (char32_t& cp : text)
            if (cp >= U'A' && cp <= U'Z') cp += 32;
        return text;
    }
    icu::UnicodeString icuText = toIcu(text);
    icuText.toLower(icu::Locale::getRoot());
    return fromIcu(icuText, [](UChar32) { return true; });
}

// _run_strip_accents: NFD, then drop every non-spacing mark (Mn).
CodePoints stripAccents(const CodePoints& text)
{
    if (isCaseAndAccentFree(text)) return text;
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
    if (U_FAILURE(status) || nfd == nullptr) return text;  // ICU data missing: leave the word as it is
    const icu::UnicodeString decomposed = nfd->normalize(toIcu(text), status);
    if (U_FAILURE(status)) return text;
    return fromIcu(decomposed, [](UChar32 c) { return u_charType(c) != U_NON_SPACING_MARK; });
}

// whitespace_tokenize: str.split() on Python whitespace, dropping empty pieces.
template <typename Sink>
void splitOnPythonSpace(const CodePoints& text, Sink&& sink)
{
    std::size_t begin = 0;
    for (std::size_t i = 0; i <= text.size(); ++i) {
        if (i == text.size() || isPythonSpace(text[i])) {
            if (i > begin) sink(text.substr(begin, i - begin));
            begin = i + 1;
        }
    }
}

} // namespace

BertBasicTokenizer::BertBasicTokenizer(BertBasicOptions options) : m_options(std::move(options)) {}

bool BertBasicTokenizer::isPunctuation(char32_t cp)
{
    // The ASCII symbols ($, +, <, ^, `, ~ ...) are not P* in Unicode but BERT splits them anyway.
    if ((cp >= 33 && cp <= 47) || (cp >= 58 && cp <= 64) || (cp >= 91 && cp <= 96) || (cp >= 123 && cp <= 126))
        return true;
    return (U_GET_GC_MASK(static_cast<UChar32>(cp)) & U_GC_P_MASK) != 0;
}

bool BertBasicTokenizer::isChineseChar(char32_t cp)
{
    return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x20000 && cp <= 0x2A6DF) ||
           (cp >= 0x2A700 && cp <= 0x2B73F) || (cp >= 0x2B740 && cp <= 0x2B81F) || (cp >= 0x2B820 && cp <= 0x2CEAF) ||
           (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x2F800 && cp <= 0x2FA1F);
}

std::string BertBasicTokenizer::lowercaseEachCodePoint(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (std::size_t pos = 0; pos < text.size();) {
        const char32_t cp = utf8::decode(text, pos);
        if (cp < 0x80) {
            out.push_back(static_cast<char>(cp >= U'A' && cp <= U'Z' ? cp + 32 : cp));
            continue;
        }
        if (isChineseChar(cp) && !(cp >= 0xF900 && cp <= 0xFAFF) && !(cp >= 0x2F800 && cp <= 0x2FA1F)) {
            utf8::append(out, cp);  // unified ideographs have no case
            continue;
        }
        icu::UnicodeString single(static_cast<UChar32>(cp));
        single.toLower(icu::Locale::getRoot());
        for (int32_t i = 0; i < single.length();) {
            const UChar32 c = single.char32At(i);
            i += U16_LENGTH(c);
            utf8::append(out, static_cast<char32_t>(c));
        }
    }
    return out;
}

std::vector<std::string> BertBasicTokenizer::splitOnWhitespace(std::string_view text)
{
    std::vector<std::string> out;
    splitOnPythonSpace(decodeUtf8(text), [&](const CodePoints& part) { out.push_back(encodeUtf8(part)); });
    return out;
}

std::vector<std::string> BertBasicTokenizer::tokenize(std::string_view text, const std::set<std::string>& neverSplit) const
{
    // _clean_text, then _tokenize_chinese_chars, in one pass.
    CodePoints cleaned;
    cleaned.reserve(text.size());
    for (const char32_t cp : decodeUtf8(text)) {
        if (cp == 0 || cp == 0xFFFD || isControl(cp)) continue;
        if (isBertWhitespace(cp)) {
            cleaned.push_back(U' ');
        } else if (m_options.tokenizeChineseChars && isChineseChar(cp)) {
            cleaned.push_back(U' ');
            cleaned.push_back(cp);
            cleaned.push_back(U' ');
        } else {
            cleaned.push_back(cp);
        }
    }

    const bool strip = m_options.lowercase ? m_options.stripAccents.value_or(true) : m_options.stripAccents.value_or(false);
    std::vector<std::string> out;
    splitOnPythonSpace(cleaned, [&](CodePoints word) {
        if (neverSplit.count(encodeUtf8(word)) == 0) {
            if (m_options.lowercase) word = lowercase(std::move(word));
            if (strip) word = stripAccents(word);
        }
        // _run_split_on_punc looks at never_split again, after the case and accent changes.
        const std::string whole = encodeUtf8(word);
        if (neverSplit.count(whole) != 0) {
            out.push_back(whole);
            return;
        }
        // Each punctuation mark becomes its own token; the final whitespace_tokenize of the
        // joined pieces also splits any whitespace the case mapping or NFD could have produced.
        CodePoints piece;
        const auto flush = [&] {
            splitOnPythonSpace(piece, [&](const CodePoints& part) { out.push_back(encodeUtf8(part)); });
            piece.clear();
        };
        for (const char32_t cp : word) {
            if (isPunctuation(cp)) {
                flush();
                out.push_back(encodeUtf8(CodePoints(1, cp)));
            } else {
                piece.push_back(cp);
            }
        }
        flush();
    });
    return out;
}

} // namespace tagbench
