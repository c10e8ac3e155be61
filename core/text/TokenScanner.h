#pragma once

#include "core/text/AsciiBlockScan.h"
#include "core/text/CaseFolding.h"
#include "core/text/Tokenizer.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <type_traits>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

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

/// One decoded non-ASCII character: its class and its length in bytes (1 for an invalid byte).
struct WideChar {
    WideClass cls;
    std::uint8_t length;
};

/// Decodes and classifies the non-ASCII sequence at p (p < end); undecodable bytes and U+FFFD
/// are separators, so invalid input never becomes part of a token.
WideChar classifyWide(const char* p, const char* end);

#if defined(__SSE2__)
/// Bit i set when byte i of the 16 at p is an ASCII token byte (letters and digits; for
/// pretokenized text every printable ASCII byte); upper gets the bits of A-Z.
inline unsigned asciiWordBits(const char* p, bool whitespaceOnly, unsigned& upper)
{
    // Signed compares: bytes >= 0x80 are negative, so they never fall in an ASCII range.
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    const auto inRange = [](__m128i x, char lo, char hi) {
        return _mm_and_si128(_mm_cmpgt_epi8(x, _mm_set1_epi8(static_cast<char>(lo - 1))),
                             _mm_cmplt_epi8(x, _mm_set1_epi8(static_cast<char>(hi + 1))));
    };
    upper = static_cast<unsigned>(_mm_movemask_epi8(inRange(v, 'A', 'Z')));
    if (whitespaceOnly) {
        const __m128i printable = _mm_andnot_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(0x7F)),
                                                   _mm_cmpgt_epi8(v, _mm_set1_epi8(' ')));
        return static_cast<unsigned>(_mm_movemask_epi8(printable));
    }
    // v | 0x20 maps A-Z onto a-z and nothing else onto a-z.
    const __m128i letters = inRange(_mm_or_si128(v, _mm_set1_epi8(0x20)), 'a', 'z');
    return static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(letters, inRange(v, '0', '9'))));
}
#endif

/// classifyWide with the common case inline: a CJK Unified Ideograph U+4E00..U+9FFF (lead bytes
/// E4..E9 cannot start an overlong or a surrogate), which is neither space nor punctuation.
inline WideChar classifyWideInline(const char* p, const char* end)
{
    const auto b0 = static_cast<unsigned char>(p[0]);
    if (b0 >= 0xE4 && b0 <= 0xE9 && end - p >= 3) {
        const auto b1 = static_cast<unsigned char>(p[1]);
        const auto b2 = static_cast<unsigned char>(p[2]);
        if ((b1 & 0xC0) == 0x80 && (b2 & 0xC0) == 0x80 && (b0 > 0xE4 || b1 >= 0xB8))  // E4 B8 80 = U+4E00
            return {WideClass::Cjk, 3};
    }
    return classifyWide(p, end);
}

/// Returns the end of the run of ASCII token bytes that starts at p (a token byte); sets upper
/// when the run holds A-Z. Sixteen bytes per step where the text allows, so the loop exit is
/// usually predicted (the byte loop mispredicts at the end of nearly every word).
inline const char* asciiRunEnd(const char* p, const char* end, const std::uint8_t* classes, bool whitespaceOnly,
                               bool& upper)
{
#if defined(__SSE2__)
    unsigned seenUpper = 0;
    while (end - p >= 16) {
        unsigned upperBits = 0;
        const unsigned word = asciiWordBits(p, whitespaceOnly, upperBits);
        const auto run = static_cast<unsigned>(__builtin_ctz(~word));  // <= 16: bits 16+ of ~word are set
        seenUpper |= upperBits & ((1u << run) - 1);
        p += run;
        if (run < 16) {
            upper = seenUpper != 0;
            return p;
        }
    }
    upper = seenUpper != 0;
#else
    (void)whitespaceOnly;
    upper = false;
#endif
    std::uint8_t seen = 0;
    while (p < end) {
        const std::uint8_t cls = classes[static_cast<unsigned char>(*p)];
        if (!(cls & kWordByte)) break;
        seen |= cls;
        ++p;
    }
    upper = upper || (seen & kUpperByte) != 0;
    return p;
}

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
    const bool keepPunctuation = rules.keepPunctuation;
    const bool splitCjk = rules.splitCjk;
    const bool whitespaceOnly = rules.whitespaceOnly;
    TokenEmitter<std::remove_reference_t<Sink>> emitter(rules.lowercase, sink);
    const auto classOf = [classes](const char* at) { return classes[static_cast<unsigned char>(*at)]; };

    // A word is left open only when a non-ASCII character ended or may extend it; a run of ASCII
    // letters and digits followed by a separator is emitted at once.
    const char* open = nullptr;
    bool openIsCjk = false;
    bool foldAscii = false;  // the open word holds A-Z
    bool foldWide = false;   // the open word holds a fullwidth letter or digit
    const auto closeOpen = [&](const char* at) {
        if (open) {
            emitter.emit(open, static_cast<std::size_t>(at - open), foldAscii, foldWide);
            open = nullptr;
        }
    };
    // A run of CJK and a run of Latin letters/digits are separate words ("2024款" -> "2024", "款"),
    // since Chinese text puts no space between them.
    const auto openWord = [&](const char* at, bool cjk) {
        if (open && openIsCjk != cjk) closeOpen(at);
        if (!open) {
            open = at;
            openIsCjk = cjk;
            foldAscii = foldWide = false;
        }
    };

    const char* p = text.data();
    const char* const end = p + text.size();
#if defined(__SSE2__)
    // All-ASCII stretches go 64 bytes at a time through bit masks; the byte loop below takes the
    // blocks with non-ASCII bytes (until past the last of them) and words longer than a block.
    const char* blockRetry = p;
#endif
    while (p < end) {
#if defined(__SSE2__)
        if (!open && p >= blockRetry) {
            if (end - p >= 64) {
                const AsciiBlockMasks masks = asciiBlockMasks(p, whitespaceOnly);
                if (masks.high == 0) {
                    const std::size_t used = scanAsciiBlock(p, masks, rules.lowercase, keepPunctuation, sink);
                    p += used;
                    if (used != 0) continue;
                    blockRetry = p + 64;  // one word fills the block: let the byte loop find its end
                } else {
                    blockRetry = p + (64 - __builtin_clzll(masks.high));
                }
            } else {
                // The tail, padded with spaces (which end its last word) to a whole block.
                char padded[64];
                const auto size = static_cast<std::size_t>(end - p);
                std::memcpy(padded, p, size);
                std::memset(padded + size, ' ', sizeof padded - size);
                const AsciiBlockMasks masks = asciiBlockMasks(padded, whitespaceOnly);
                if (masks.high == 0) {
                    scanAsciiBlock(padded, masks, rules.lowercase, keepPunctuation, sink);
                    return;
                }
                blockRetry = end;
            }
        }
#endif
        const std::uint8_t cls = classOf(p);
        if (cls & kWordByte) {
            // The hot path: a run of ASCII letters and digits.
            const char* const start = p;
            bool upper = false;
            p = asciiRunEnd(p, end, classes, whitespaceOnly, upper);
            openWord(start, false);
            foldAscii |= upper;
            if (p == end || !(classOf(p) & kHighByte)) closeOpen(p);  // else a non-ASCII letter may follow
            continue;
        }
        if (cls & kSpaceByte) {
            closeOpen(p);
            ++p;
            continue;
        }
        if (cls & kPunctByte) {
            closeOpen(p);
            if (keepPunctuation) emitter.emit(p, 1, false, false);
            ++p;
            continue;
        }
        const char* const start = p;
        const WideChar wide = classifyWideInline(p, end);
        p += wide.length;
        WideClass wideClass = wide.cls;
        if (whitespaceOnly && wideClass != WideClass::Space && wideClass != WideClass::FoldingWord)
            wideClass = WideClass::Word;
        switch (wideClass) {
        case WideClass::Word:
        case WideClass::FoldingWord:
            openWord(start, false);
            foldWide |= wideClass == WideClass::FoldingWord;
            break;
        case WideClass::Cjk:
            if (!splitCjk) {
                openWord(start, true);
                break;
            }
            closeOpen(start);
            emitter.emit(start, static_cast<std::size_t>(p - start), false, false);
            break;
        case WideClass::Punct:
            closeOpen(start);
            if (keepPunctuation) emitter.emit(start, static_cast<std::size_t>(p - start), false, false);
            break;
        case WideClass::Space:
            closeOpen(start);
            break;
        }
    }
    closeOpen(end);
}

/// Calls fn(std::string_view) for every token of text: the inlined scan for the char and word
/// tokenizers, tokenizer.tokenize() (one std::function call per token) for the others.
template <typename Fn>
void forEachToken(const Tokenizer& tokenizer, std::string_view text, Fn&& fn)
{
    if (const TokenScanRules* rules = tokenizer.scanRules()) scanTokens(text, *rules, fn);
    else tokenizer.tokenize(text, std::ref(fn));
}

} // namespace tagbench
