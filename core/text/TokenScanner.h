#pragma once

#include "core/text/CaseFolding.h"
#include "core/text/Tokenizer.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>

namespace tagbench {

/// How a TokenScanner treats CJK characters and separators.
struct TokenScanRules {
    /// Each CJK character becomes a token of its own (char tokenizer); otherwise a run of CJK
    /// characters is one word, separate from adjacent Latin letters and digits.
    bool splitCjk = false;
    /// Punctuation marks become one-character tokens instead of being dropped.
    bool keepPunctuation = false;
    /// Only whitespace separates tokens (pretokenized input); punctuation stays inside tokens.
    bool whitespaceOnly = false;
    bool lowercase = false;
};

/// The splitting loop shared by the char and word tokenizers: one pass over the bytes, ASCII
/// handled through a byte table without decoding, tokens handed out as views (or a folded copy
/// when lowercasing). sink(std::string_view) is called once per token; the view is valid only
/// during the call. A template so that hot loops (vocabulary, encoding) inline their sink.
template <typename Sink>
void scanTokens(std::string_view text, const TokenScanRules& rules, Sink&& sink);

/// The same scan through the type-erased TokenSink (what Tokenizer::tokenize uses).
void scanTokens(std::string_view text, const TokenScanRules& rules, const TokenSink& sink);

/// The plain reference scan: decodes and classifies every code point, folds case per token.
/// Slower; kept as the specification the fast scan is tested against.
void scanTokensByCodePoint(std::string_view text, const TokenScanRules& rules, const TokenSink& sink);

namespace detail {

/// Byte classes of the fast path: ASCII letters and digits carry kWordByte (capitals also
/// kUpperByte), the other ASCII bytes are separators or punctuation, bytes >= 0x80 start a
/// multi-byte sequence that goes through the code-point path.
enum : std::uint8_t { kWordByte = 1, kUpperByte = 2, kSpaceByte = 4, kPunctByte = 8, kHighByte = 16 };

/// What a non-ASCII code point is to the scanner (mirrors the ASCII byte classes).
enum class WideClass : std::uint8_t { Word, FoldingWord, Space, Punct, Cjk };

constexpr std::array<std::uint8_t, 256> makeByteClasses(bool whitespaceOnly)
{
    std::array<std::uint8_t, 256> table{};
    for (int c = 0; c < 256; ++c) {
        std::uint8_t cls = 0;
        if (c >= 0x80) cls = kHighByte;
        else if (c <= 0x20 || c == 0x7F) cls = kSpaceByte;
        else if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z')) cls = kWordByte;
        else if (c >= 'A' && c <= 'Z') cls = kWordByte | kUpperByte;
        else cls = whitespaceOnly ? kWordByte : kPunctByte;  // pretokenized: punctuation is part of a token
        table[static_cast<std::size_t>(c)] = cls;
    }
    return table;
}

inline constexpr std::array<std::uint8_t, 256> kByteClasses = makeByteClasses(false);
inline constexpr std::array<std::uint8_t, 256> kPretokenizedByteClasses = makeByteClasses(true);

/// Decodes the non-ASCII sequence at text[pos] (advancing pos) and classifies it; undecodable
/// bytes and U+FFFD are separators, so invalid input never becomes part of a token.
WideClass classifyWide(std::string_view text, std::size_t& pos);

/// Hands tokens to the sink, lowercased into a reusable buffer only when they need it.
template <typename Sink>
class TokenEmitter {
public:
    TokenEmitter(bool lowercase, Sink& sink) : m_lowercase(lowercase), m_sink(sink) {}

    /// needsAscii: holds A-Z; needsWide: holds a non-ASCII character that folds.
    void emit(const char* data, std::size_t size, bool needsAscii, bool needsWide)
    {
        if (!m_lowercase || (!needsAscii && !needsWide)) {
            m_sink(std::string_view(data, size));
            return;
        }
        if (needsWide) {
            foldCaseInto(std::string_view(data, size), m_folded);
            m_sink(std::string_view(m_folded));
            return;
        }
        char* out = size <= sizeof m_small ? m_small : growLarge(size);
        for (std::size_t i = 0; i < size; ++i) {
            const auto b = static_cast<unsigned char>(data[i]);
            out[i] = static_cast<char>(static_cast<unsigned>(b - 'A') < 26u ? b + 32 : b);
        }
        m_sink(std::string_view(out, size));
    }

private:
    char* growLarge(std::size_t size)
    {
        m_folded.resize(size);
        return m_folded.data();
    }

    bool m_lowercase;
    Sink& m_sink;
    char m_small[256];
    std::string m_folded;  // long tokens and wide folding only
};

} // namespace detail

template <typename Sink>
void scanTokens(std::string_view text, const TokenScanRules& rules, Sink&& sink)
{
    using namespace detail;
    const std::uint8_t* const classes = rules.whitespaceOnly ? kPretokenizedByteClasses.data() : kByteClasses.data();
    const char* const data = text.data();
    const std::size_t n = text.size();
    TokenEmitter<std::remove_reference_t<Sink>> emitter(rules.lowercase, sink);

    constexpr std::size_t kNone = static_cast<std::size_t>(-1);
    std::size_t wordStart = kNone;  // start of the word being collected
    bool wordIsCjk = false;
    bool foldAscii = false;  // the word holds A-Z
    bool foldWide = false;   // the word holds a fullwidth letter or digit
    const auto closeWord = [&](std::size_t end) {
        if (wordStart != kNone) {
            emitter.emit(data + wordStart, end - wordStart, foldAscii, foldWide);
            wordStart = kNone;
        }
    };
    const auto extendWord = [&](std::size_t start, bool cjk) {
        // A run of CJK and a run of Latin letters/digits are separate words ("2024款" -> "2024",
        // "款"), since Chinese text puts no space between them.
        if (wordStart != kNone && wordIsCjk != cjk) closeWord(start);
        if (wordStart == kNone) {
            wordStart = start;
            wordIsCjk = cjk;
            foldAscii = foldWide = false;
        }
    };

    std::size_t pos = 0;
    while (pos < n) {
        const std::uint8_t cls = classes[static_cast<unsigned char>(data[pos])];
        if (cls & kWordByte) {
            extendWord(pos, false);
            // The hot loop: a run of ASCII letters and digits, one table lookup per byte.
            std::uint8_t seen = 0;
            do {
                seen |= classes[static_cast<unsigned char>(data[pos])];
                ++pos;
            } while (pos < n && (classes[static_cast<unsigned char>(data[pos])] & kWordByte));
            foldAscii |= (seen & kUpperByte) != 0;
            continue;
        }
        if (cls & kSpaceByte) {
            closeWord(pos);
            ++pos;
            continue;
        }
        if (cls & kPunctByte) {
            closeWord(pos);
            if (rules.keepPunctuation) emitter.emit(data + pos, 1, false, false);
            ++pos;
            continue;
        }
        // Non-ASCII: decode one code point.
        const std::size_t start = pos;
        WideClass wide = classifyWide(text, pos);
        if (rules.whitespaceOnly && wide != WideClass::Space && wide != WideClass::FoldingWord) wide = WideClass::Word;
        switch (wide) {
        case WideClass::Word:
        case WideClass::FoldingWord:
            extendWord(start, false);
            foldWide |= wide == WideClass::FoldingWord;
            break;
        case WideClass::Cjk:
            if (!rules.splitCjk) {
                extendWord(start, true);
                break;
            }
            closeWord(start);
            emitter.emit(data + start, pos - start, false, false);
            break;
        case WideClass::Punct:
            closeWord(start);
            if (rules.keepPunctuation) emitter.emit(data + start, pos - start, false, false);
            break;
        case WideClass::Space:
            closeWord(start);
            break;
        }
    }
    closeWord(n);
}

} // namespace tagbench
