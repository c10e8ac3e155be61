#pragma once

#include "core/model/linear/NgramAnalyzer.h"
#include "core/util/Result.h"

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace tagbench::linear {

/// A min_df or max_df bound. sklearn tells a document count from a fraction of the training
/// documents by the Python type (min_df=2 vs min_df=0.02, and max_df=1.0 is "all documents");
/// here the flag says it, and the text form keeps Python's spelling: "2" is a count, "1.0" a fraction.
struct DocumentFrequencyBound {
    double value = 1.0;
    bool fraction = false;

    static DocumentFrequencyBound count(std::int64_t documents) { return {static_cast<double>(documents), false}; }
    static DocumentFrequencyBound share(double fractionOfDocuments) { return {fractionOfDocuments, true}; }

    /// The bound in documents for a training set of documents documents (value * documents for a fraction).
    double documents(std::size_t documents) const { return fraction ? value * static_cast<double>(documents) : value; }

    /// "2" for a count, "0.5" / "1.0" for a fraction (always with a decimal point or exponent).
    std::string toString() const;
    /// Parses toString()'s spelling: digits only is a count, anything with '.', 'e' or 'E' a fraction.
    static std::optional<DocumentFrequencyBound> parse(std::string_view text);

    bool operator==(const DocumentFrequencyBound& other) const { return value == other.value && fraction == other.fraction; }
};

/// Row normalisation of the TF-IDF values (sklearn's norm="l2", "l1" or None).
enum class TfidfNorm { L2, L1, None };

/// The parameters of one sklearn TfidfVectorizer that Tagbench reproduces, with sklearn's
/// defaults. Anything not here (stop words, strip_accents, a custom token_pattern, binary) is
/// sklearn's default.
struct TfidfOptions {
    Analyzer analyzer = Analyzer::Word;
    int ngramMin = 1;  ///< ngram_range=(ngramMin, ngramMax), in tokens or code points
    int ngramMax = 1;
    bool lowercase = true;
    DocumentFrequencyBound minDf = DocumentFrequencyBound::count(1);
    DocumentFrequencyBound maxDf = DocumentFrequencyBound::share(1.0);
    std::size_t maxFeatures = 0;  ///< 0: no limit (sklearn's None)
    bool sublinearTf = false;     ///< tf = 1 + log(count)
    TfidfNorm norm = TfidfNorm::L2;
    bool useIdf = true;
    bool smoothIdf = true;        ///< idf = ln((1 + n) / (1 + df)) + 1, else ln(n / df) + 1

    /// The checks sklearn's parameter validation makes (ngram range, df bounds in range); the
    /// message starts with origin and names the field.
    Status validate(const std::string& origin) const;

    /// Every field as text under prefix + sklearn's parameter name ("analyzer", "ngram_range",
    /// "min_df", ...), for a safetensors header's metadata.
    void toMetadata(const std::string& prefix, std::map<std::string, std::string>& metadata) const;
    /// Reads what toMetadata() wrote; missing or malformed fields are an Error naming origin and the key.
    static Result<TfidfOptions> fromMetadata(const std::map<std::string, std::string>& metadata,
                                             const std::string& prefix, const std::string& origin);

    bool operator==(const TfidfOptions& other) const;
};

/// "word", "char" or "char_wb".
std::string_view analyzerName(Analyzer analyzer);
std::optional<Analyzer> parseAnalyzer(std::string_view name);
/// "l2", "l1" or "none".
std::string_view normName(TfidfNorm norm);
std::optional<TfidfNorm> parseNorm(std::string_view name);

} // namespace tagbench::linear
