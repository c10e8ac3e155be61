#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tagbench::linear {

/// How a document becomes features, named as sklearn's CountVectorizer `analyzer` values.
enum class Analyzer {
    Word,    ///< "word": tokens of token_pattern `(?u)\b\w\w+\b`, joined by one space into n-grams
    Char,    ///< "char": code point n-grams of the text with whitespace runs collapsed to one space
    CharWb   ///< "char_wb": code point n-grams inside whitespace-separated words padded with spaces
};

/// The n-grams of one document, in the order sklearn's analyzer yields them. The buffers are
/// kept between documents so that a worker analysing thousands of texts allocates almost never.
class Ngrams final {
public:
    std::size_t size() const { return m_spans.size(); }
    std::string_view operator[](std::size_t i) const
    {
        return std::string_view(m_bytes.data() + m_spans[i].first, m_spans[i].second);
    }

private:
    friend class NgramAnalyzer;

    std::string m_bytes;                                         // the prepared text, then joined word n-grams
    std::vector<std::pair<std::size_t, std::size_t>> m_spans;   // (offset, length) into m_bytes
    std::string m_lowered;                                       // scratch: the lowercased text
    std::vector<std::size_t> m_marks;                            // scratch: code point or token boundaries
};

/// Turns text into sklearn's n-grams, byte for byte: what `TfidfVectorizer(analyzer=...,
/// ngram_range=..., lowercase=...).build_analyzer()` returns for the same text, as UTF-8.
///
/// Python's semantics are reproduced on UTF-8 code points rather than by a regex engine, for
/// speed and because std::regex knows nothing of Unicode: `\w` is a code point of a Unicode
/// letter (L*) or number (N*) category or '_' (what Python's re uses with str patterns), `\s` and
/// str.split() use Python's str.isspace() set, and lowercasing is ICU's full root-locale mapping,
/// as str.lower() does (final sigma, U+0130 to "i" + U+0307). Input is expected to be valid UTF-8
/// (the dataset readers check it); an invalid byte counts as one non-word, non-space code point.
class NgramAnalyzer final {
public:
    /// minN <= maxN, both >= 1 (TfidfOptions::validate checks that).
    NgramAnalyzer(Analyzer analyzer, int minN, int maxN, bool lowercase);

    /// Replaces out's n-grams with those of text. Safe to call from several threads at once
    /// with different out objects.
    void analyze(std::string_view text, Ngrams& out) const;

    /// Python's str.lower() of UTF-8 text into out (ASCII fast path, ICU otherwise).
    static void lowercase(std::string_view text, std::string& out);
    /// True for the code points Python's `\w` matches in a str pattern.
    static bool isWordChar(char32_t cp);
    /// True for the code points of Python's str.isspace() (and of `\s` in a str pattern).
    static bool isSpace(char32_t cp);

private:
    void wordNgrams(std::string_view text, Ngrams& out) const;
    void charNgrams(std::string_view text, Ngrams& out) const;
    void charWbNgrams(std::string_view text, Ngrams& out) const;

    Analyzer m_analyzer;
    int m_minN;
    int m_maxN;
    bool m_lowercase;
};

} // namespace tagbench::linear
