#include "core/model/linear/NgramAnalyzer.h"

#include "core/util/Utf8.h"

#include <unicode/bytestream.h>
#include <unicode/casemap.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <array>

namespace tagbench::linear {

namespace {

// `\w` for ASCII: [0-9A-Za-z_].
constexpr std::array<bool, 128> kAsciiWord = [] {
    std::array<bool, 128> table{};
    for (int c = '0'; c <= '9'; ++c) table[static_cast<std::size_t>(c)] = true;
    for (int c = 'a'; c <= 'z'; ++c) table[static_cast<std::size_t>(c)] = true;
    for (int c = 'A'; c <= 'Z'; ++c) table[static_cast<std::size_t>(c)] = true;
    table['_'] = true;
    return table;
}();

/// The code point at text[pos], advancing pos (ASCII without a call).
inline char32_t next(std::string_view text, std::size_t& pos)
{
    const auto byte = static_cast<unsigned char>(text[pos]);
    if (byte < 0x80) {
        ++pos;
        return byte;
    }
    return utf8::decode(text, pos);
}

} // namespace

NgramAnalyzer::NgramAnalyzer(Analyzer analyzer, int minN, int maxN, bool lowercase)
    : m_analyzer(analyzer), m_minN(std::max(1, minN)), m_maxN(std::max(m_minN, maxN)), m_lowercase(lowercase)
{
}

bool NgramAnalyzer::isWordChar(char32_t cp)
{
    if (cp < 0x80) return kAsciiWord[cp];
    // Python's sre matches \w with str.isalnum() or '_', and isalnum() is true exactly for the
    // letter (Lu Ll Lt Lm Lo) and number (Nd Nl No) categories. Combining marks (Mn Mc) are not
    // word characters, so a decomposed "é" splits a token, as it does in sklearn.
    return (U_GET_GC_MASK(static_cast<UChar32>(cp)) & (U_GC_L_MASK | U_GC_N_MASK)) != 0;
}

bool NgramAnalyzer::isSpace(char32_t cp)
{
    // CPython's _PyUnicode_IsWhitespace (bidirectional class WS, B or S, or category Zs); the
    // list is short and stable, and it is not ICU's u_isspace (which leaves out U+001C..U+001F).
    if (cp < 0x80) return (cp >= 0x09 && cp <= 0x0D) || (cp >= 0x1C && cp <= 0x20);
    switch (cp) {
    case 0x85: case 0xA0: case 0x1680: case 0x2028: case 0x2029: case 0x202F: case 0x205F: case 0x3000:
        return true;
    default:
        return cp >= 0x2000 && cp <= 0x200A;
    }
}

void NgramAnalyzer::lowercase(std::string_view text, std::string& out)
{
    out.resize(text.size());
    std::size_t i = 0;
    for (; i < text.size(); ++i) {
        const char c = text[i];
        if (static_cast<unsigned char>(c) >= 0x80) break;
        out[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + ('a' - 'A')) : c;
    }
    if (i == text.size()) return;
    // Full case mapping with the root locale ("" in ICU, never the process locale): what
    // Python's locale-independent str.lower() does, context-sensitive final sigma included.
    out.resize(i);
    icu::StringByteSink<std::string> sink(&out);
    UErrorCode status = U_ZERO_ERROR;
    icu::CaseMap::utf8ToLower("", 0, icu::StringPiece(text.data() + i, static_cast<std::int32_t>(text.size() - i)),
                              sink, nullptr, status);
    if (U_FAILURE(status)) out.assign(text);  // only on allocation failure; leaves the text as is
}

void NgramAnalyzer::analyze(std::string_view text, Ngrams& out) const
{
    out.m_spans.clear();
    if (m_lowercase) {
        lowercase(text, out.m_lowered);
        text = out.m_lowered;
    }
    switch (m_analyzer) {
    case Analyzer::Word: wordNgrams(text, out); break;
    case Analyzer::Char: charNgrams(text, out); break;
    case Analyzer::CharWb: charWbNgrams(text, out); break;
    }
}

void NgramAnalyzer::wordNgrams(std::string_view text, Ngrams& out) const
{
    // `(?u)\b\w\w+\b` with re.findall yields the maximal runs of word characters that are at
    // least two code points long: a match can only start where a run starts (\b), \w+ is greedy
    // and the run's end is a boundary.
    auto& bounds = out.m_marks;  // begin, end byte offset per token
    bounds.clear();
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t start = pos;
        if (!isWordChar(next(text, pos))) continue;
        std::size_t codePoints = 1;
        while (pos < text.size()) {
            std::size_t after = pos;
            if (!isWordChar(next(text, after))) break;
            pos = after;
            ++codePoints;
        }
        if (codePoints >= 2) {
            bounds.push_back(start);
            bounds.push_back(pos);
        }
    }
    const std::size_t tokens = bounds.size() / 2;
    const auto tokenLength = [&](std::size_t t) { return bounds[2 * t + 1] - bounds[2 * t]; };

    // Room for every joined n-gram up front, so that appending never moves the bytes that the
    // tokens being joined are read from.
    const std::size_t maxN = std::min<std::size_t>(static_cast<std::size_t>(m_maxN), tokens);
    std::size_t joinedBytes = 0;
    for (std::size_t n = std::max(2, m_minN); n <= maxN; ++n)
        for (std::size_t i = 0; i + n <= tokens; ++i) {
            joinedBytes += n - 1;
            for (std::size_t k = 0; k < n; ++k) joinedBytes += tokenLength(i + k);
        }
    out.m_bytes.clear();
    out.m_bytes.reserve(text.size() + joinedBytes);
    out.m_bytes.append(text);

    if (m_minN == 1)
        for (std::size_t t = 0; t < tokens; ++t) out.m_spans.emplace_back(bounds[2 * t], tokenLength(t));
    for (std::size_t n = std::max(2, m_minN); n <= maxN; ++n)
        for (std::size_t i = 0; i + n <= tokens; ++i) {
            const std::size_t begin = out.m_bytes.size();
            for (std::size_t k = 0; k < n; ++k) {
                if (k > 0) out.m_bytes.push_back(' ');
                out.m_bytes.append(out.m_bytes.data() + bounds[2 * (i + k)], tokenLength(i + k));
            }
            out.m_spans.emplace_back(begin, out.m_bytes.size() - begin);
        }
}

void NgramAnalyzer::charNgrams(std::string_view text, Ngrams& out) const
{
    // sklearn first replaces every run of two or more whitespace characters (`\s\s+`) by one
    // space; a lone tab or newline stays what it is.
    auto& marks = out.m_marks;  // byte offset of each code point of the prepared text, then its end
    marks.clear();
    out.m_bytes.clear();
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t start = pos;
        marks.push_back(out.m_bytes.size());
        if (!isSpace(next(text, pos))) {
            out.m_bytes.append(text, start, pos - start);
            continue;
        }
        std::size_t run = 1;
        while (pos < text.size()) {
            std::size_t after = pos;
            if (!isSpace(next(text, after))) break;
            pos = after;
            ++run;
        }
        if (run >= 2) out.m_bytes.push_back(' ');
        else out.m_bytes.append(text, start, pos - start);
    }
    marks.push_back(out.m_bytes.size());
    const std::size_t length = marks.size() - 1;
    const std::size_t maxN = std::min<std::size_t>(static_cast<std::size_t>(m_maxN), length);
    for (std::size_t n = static_cast<std::size_t>(m_minN); n <= maxN; ++n)
        for (std::size_t i = 0; i + n <= length; ++i) out.m_spans.emplace_back(marks[i], marks[i + n] - marks[i]);
}

void NgramAnalyzer::charWbNgrams(std::string_view text, Ngrams& out) const
{
    auto& marks = out.m_marks;
    out.m_bytes.clear();
    std::size_t pos = 0;
    while (pos < text.size()) {
        // str.split(): words are the runs between whitespace characters.
        std::size_t after = pos;
        if (isSpace(next(text, after))) {
            pos = after;
            continue;
        }
        // The word padded with one space on each side; marks: its code points' offsets + end.
        marks.clear();
        marks.push_back(out.m_bytes.size());
        out.m_bytes.push_back(' ');
        while (pos < text.size()) {
            after = pos;
            if (isSpace(next(text, after))) break;
            marks.push_back(out.m_bytes.size());
            out.m_bytes.append(text, pos, after - pos);
            pos = after;
        }
        marks.push_back(out.m_bytes.size());
        out.m_bytes.push_back(' ');
        marks.push_back(out.m_bytes.size());

        // sklearn's loop, including its quirk: a word shorter than n (padding included) is
        // emitted once, whole, and stops the larger n for that word.
        const std::size_t length = marks.size() - 1;
        for (std::size_t n = static_cast<std::size_t>(m_minN); n <= static_cast<std::size_t>(m_maxN); ++n) {
            std::size_t offset = 0;
            const std::size_t firstEnd = std::min(n, length);
            out.m_spans.emplace_back(marks[0], marks[firstEnd] - marks[0]);
            while (offset + n < length) {
                ++offset;
                out.m_spans.emplace_back(marks[offset], marks[offset + n] - marks[offset]);
            }
            if (offset == 0) break;
        }
    }
}

} // namespace tagbench::linear
