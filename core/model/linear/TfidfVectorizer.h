#pragma once

#include "core/export/Safetensors.h"
#include "core/model/linear/NgramAnalyzer.h"
#include "core/model/linear/NgramTable.h"
#include "core/model/linear/SparseMatrix.h"
#include "core/model/linear/TfidfOptions.h"
#include "core/util/Result.h"

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace tagbench::linear {

/// sklearn's TfidfVectorizer in C++: the same vocabulary, document frequencies, idf and values
/// (to float rounding) for the same options and texts, multi-threaded over documents.
///
/// Written by hand because no C++ library reproduces sklearn's features: the Python ones are
/// what the baselines users compare against, and the C++ text libraries (ICU, Boost.Locale)
/// tokenize differently from `(?u)\b\w\w+\b` and know nothing of char_wb padding, min_df
/// fractions or sublinear tf. Matching sklearn exactly is what makes the parity benchmark a
/// comparison of the learners rather than of two feature sets.
///
/// Fit: the vocabulary is every n-gram of the training texts whose document frequency lies in
/// [min_df, max_df], cut to the max_features with the highest total count, in code point order
/// of the strings (sklearn's sorted vocabulary_, so feature ids agree too). sklearn breaks ties
/// in total count at the max_features cut with numpy's unstable quicksort; here the string that
/// sorts first wins, which is the same whenever the cut falls between two different counts.
class TfidfVectorizer final {
public:
    /// Fits on texts; Error when options are invalid (see TfidfOptions::validate), when max_df
    /// amounts to fewer documents than min_df, or when no feature is left.
    static Result<TfidfVectorizer> fit(const std::vector<std::string_view>& texts, const TfidfOptions& options,
                                       int threads = 0);

    /// One CSR row per text: ascending feature ids and their TF-IDF values. n-grams outside the
    /// vocabulary are ignored; a text without any known n-gram gives an empty row.
    SparseMatrix transform(const std::vector<std::string_view>& texts, int threads = 0) const;

    const TfidfOptions& options() const { return m_options; }
    /// Number of training documents the idf was computed from.
    std::size_t trainingDocuments() const { return m_documents; }
    std::size_t featureCount() const { return m_features.size(); }
    /// The n-gram of feature id (UTF-8), as in sklearn's get_feature_names_out().
    std::string_view feature(std::uint32_t id) const { return m_features.key(id); }
    /// Id of an n-gram, or NgramTable::kAbsent.
    std::uint32_t featureId(std::string_view ngram) const { return m_features.find(ngram); }
    /// Training documents containing each feature.
    const std::vector<std::int64_t>& documentFrequencies() const { return m_df; }
    /// sklearn's idf_ (all ones when use_idf is off).
    const std::vector<double>& idf() const { return m_idf; }

    /// Adds the fitted state as tensors named prefix + "features" (U8, the n-grams back to back),
    /// "feature_offsets" (I64, featureCount() + 1), "document_frequency" (I64) and "idf" (F64),
    /// and the options and training document count to metadata (see TfidfOptions::toMetadata).
    /// The tensors borrow this object's buffers: keep it alive while they are written.
    void appendTensors(const std::string& prefix, std::vector<TensorRef>& tensors,
                       std::map<std::string, std::string>& metadata) const;
    /// Rebuilds a vectorizer from what appendTensors() wrote, checking every tensor (dtype,
    /// shape, ascending unique n-grams, frequencies within the document count, finite idf);
    /// errors name origin and the tensor or field.
    static Result<TfidfVectorizer> fromTensors(const SafetensorsReader& reader, const std::string& prefix,
                                               const std::string& origin);

    /// The fitted state as one safetensors file (appendTensors with an empty prefix).
    std::string serialize() const;
    /// Reads serialize()'s bytes; origin (a file name) starts every error message.
    static Result<TfidfVectorizer> deserialize(std::string_view bytes, const std::string& origin);

private:
    explicit TfidfVectorizer(const TfidfOptions& options);

    void computeIdf();
    void transformRange(const std::vector<std::string_view>& texts, std::size_t begin, std::size_t end,
                        SparseMatrix& out) const;

    TfidfOptions m_options;
    NgramAnalyzer m_analyzer;
    NgramTable m_features;            // id = position in code point order
    std::vector<std::int64_t> m_df;
    std::vector<double> m_idf;
    std::size_t m_documents = 0;
};

} // namespace tagbench::linear
