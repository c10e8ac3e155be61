#include "core/util/Utf8.h"

namespace tagbench::utf8 {

namespace {

// Length of the sequence introduced by lead byte b, 0 when b cannot start one.
inline int sequenceLength(unsigned char b)
{
    if (b < 0x80) return 1;
    if (b >= 0xC2 && b <= 0xDF) return 2;
    if (b >= 0xE0 && b <= 0xEF) return 3;
    if (b >= 0xF0 && b <= 0xF4) return 4;
    return 0;
}

inline bool isContinuation(unsigned char b) { return (b & 0xC0) == 0x80; }

// Decodes one well-formed sequence at pos; returns its length or 0 when malformed.
inline int decodeChecked(std::string_view s, std::size_t pos, char32_t& cp)
{
    const auto b0 = static_cast<unsigned char>(s[pos]);
    const int len = sequenceLength(b0);
    if (len == 0 || pos + static_cast<std::size_t>(len) > s.size()) return 0;
    if (len == 1) {
        cp = b0;
        return 1;
    }
    const auto b1 = static_cast<unsigned char>(s[pos + 1]);
    if (!isContinuation(b1)) return 0;
    if (len == 2) {
        cp = (char32_t(b0 & 0x1F) << 6) | (b1 & 0x3F);
        return 2;
    }
    // Reject overlongs and surrogates (E0 80..9F, ED A0..BF) and > U+10FFFF (F0 80..8F, F4 90..).
    if ((b0 == 0xE0 && b1 < 0xA0) || (b0 == 0xED && b1 > 0x9F) || (b0 == 0xF0 && b1 < 0x90)
        || (b0 == 0xF4 && b1 > 0x8F))
        return 0;
    const auto b2 = static_cast<unsigned char>(s[pos + 2]);
    if (!isContinuation(b2)) return 0;
    if (len == 3) {
        cp = (char32_t(b0 & 0x0F) << 12) | (char32_t(b1 & 0x3F) << 6) | (b2 & 0x3F);
        return 3;
    }
    const auto b3 = static_cast<unsigned char>(s[pos + 3]);
    if (!isContinuation(b3)) return 0;
    cp = (char32_t(b0 & 0x07) << 18) | (char32_t(b1 & 0x3F) << 12) | (char32_t(b2 & 0x3F) << 6)
        | (b3 & 0x3F);
    return 4;
}

} // namespace

std::size_t findInvalid(std::string_view text)
{
    std::size_t pos = 0;
    const std::size_t n = text.size();
    while (pos < n) {
        // Fast path: skip eight ASCII bytes at a time.
        while (pos + 8 <= n) {
            std::uint64_t word = 0;
            for (int i = 0; i < 8; ++i)
                word |= std::uint64_t(static_cast<unsigned char>(text[pos + i])) << (8 * i);
            if (word & 0x8080808080808080ULL) break;
            pos += 8;
        }
        if (pos >= n) break;
        char32_t cp = 0;
        const int len = decodeChecked(text, pos, cp);
        if (len == 0) return pos;
        pos += static_cast<std::size_t>(len);
    }
    return std::string_view::npos;
}

bool isValid(std::string_view text) { return findInvalid(text) == std::string_view::npos; }

char32_t decode(std::string_view text, std::size_t& pos)
{
    char32_t cp = 0;
    const int len = decodeChecked(text, pos, cp);
    if (len == 0) {
        ++pos;
        return 0xFFFD;
    }
    pos += static_cast<std::size_t>(len);
    return cp;
}

void append(std::string& out, char32_t cp)
{
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

bool isCjk(char32_t cp)
{
    return (cp >= 0x4E00 && cp <= 0x9FFF)      // CJK Unified Ideographs
        || (cp >= 0x3400 && cp <= 0x4DBF)      // Extension A
        || (cp >= 0x20000 && cp <= 0x2EBEF)    // Extensions B..F
        || (cp >= 0xF900 && cp <= 0xFAFF)      // Compatibility Ideographs
        || (cp >= 0x3040 && cp <= 0x30FF)      // Hiragana, Katakana
        || (cp >= 0xAC00 && cp <= 0xD7AF);     // Hangul syllables
}

bool isSpace(char32_t cp)
{
    return cp == ' ' || (cp >= 0x09 && cp <= 0x0D) || cp == 0x85 || cp == 0xA0 || cp == 0x1680
        || (cp >= 0x2000 && cp <= 0x200B) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F
        || cp == 0x205F || cp == 0x3000 || cp == 0xFEFF;
}

bool isPunctuation(char32_t cp)
{
    if (cp < 0x80) {
        return (cp >= 0x21 && cp <= 0x2F) || (cp >= 0x3A && cp <= 0x40) || (cp >= 0x5B && cp <= 0x60)
            || (cp >= 0x7B && cp <= 0x7E);
    }
    return (cp >= 0x2010 && cp <= 0x2027)      // dashes, quotes, ellipsis
        || (cp >= 0x2030 && cp <= 0x205E)      // per mille, primes, misc
        || (cp >= 0x3001 && cp <= 0x3003)      // 、。〃
        || (cp >= 0x3008 && cp <= 0x3011)      // 〈〉《》「」『』【】
        || (cp >= 0x3014 && cp <= 0x301F)      // 〔〕 and friends
        || (cp >= 0xFF01 && cp <= 0xFF0F)      // fullwidth ！＂＃...／
        || (cp >= 0xFF1A && cp <= 0xFF20)      // ：；＜＝＞？＠
        || (cp >= 0xFF3B && cp <= 0xFF40) || (cp >= 0xFF5B && cp <= 0xFF65)
        || cp == 0x00B7 || cp == 0x00A1 || cp == 0x00BF || cp == 0x00AB || cp == 0x00BB;
}

char32_t foldCase(char32_t cp)
{
    if (cp >= 'A' && cp <= 'Z') return cp + 32;
    if (cp >= 0xFF21 && cp <= 0xFF3A) return cp - 0xFF21 + 'a';  // fullwidth A-Z
    if (cp >= 0xFF41 && cp <= 0xFF5A) return cp - 0xFF41 + 'a';  // fullwidth a-z
    if (cp >= 0xFF10 && cp <= 0xFF19) return cp - 0xFF10 + '0';  // fullwidth digits
    return cp;
}

} // namespace tagbench::utf8
