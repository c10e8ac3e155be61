#pragma once

#include "core/export/Safetensors.h"
#include "core/model/linear/SparseMatrix.h"
#include "core/model/linear/TfidfOptions.h"
#include "core/model/linear/TfidfVectorizer.h"
#include "core/util/Result.h"

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tagbench::linear {

/// Several TF-IDF vectorizers side by side, e.g. word 1-2 grams and char_wb 2-5 grams: what
/// sklearn's FeatureUnion (or scipy.sparse.hstack) of separately fitted TfidfVectorizers gives.
/// Each block keeps its own vocabulary, idf and row norm, so a row of two l2 blocks has norm
/// sqrt(2); feature ids of block b follow those of the blocks before it.
class TfidfFeatureUnion final {
public:
    /// Fits every block on texts (at least one block); the first failing block's Error, prefixed
    /// with its number.
    static Result<TfidfFeatureUnion> fit(const std::vector<std::string_view>& texts,
                                         const std::vector<TfidfOptions>& blocks, int threads = 0);

    /// The blocks' rows concatenated in block order.
    SparseMatrix transform(const std::vector<std::string_view>& texts, int threads = 0) const;

    std::size_t featureCount() const { return m_offsets.back(); }
    const std::vector<TfidfVectorizer>& blocks() const { return m_blocks; }

    /// Block and block-local id of feature id (< featureCount()).
    std::pair<std::size_t, std::uint32_t> locate(std::uint32_t id) const;
    /// A readable name of feature id for reports: the analyzer and the n-gram, e.g.
    /// "word:free software" or "char_wb: fr" (the n-gram as it is, spaces included).
    std::string featureName(std::uint32_t id) const;

    /// Adds every block's tensors and metadata under prefix + "tfidf<b>." and the block count
    /// as metadata prefix + "tfidf_blocks" (see TfidfVectorizer::appendTensors).
    void appendTensors(const std::string& prefix, std::vector<TensorRef>& tensors,
                       std::map<std::string, std::string>& metadata) const;
    /// Reads what appendTensors() wrote.
    static Result<TfidfFeatureUnion> fromTensors(const SafetensorsReader& reader, const std::string& prefix,
                                                 const std::string& origin);

    /// The fitted state as one safetensors file, and back.
    std::string serialize() const;
    static Result<TfidfFeatureUnion> deserialize(std::string_view bytes, const std::string& origin);

private:
    explicit TfidfFeatureUnion(std::vector<TfidfVectorizer> blocks);

    std::vector<TfidfVectorizer> m_blocks;
    std::vector<std::size_t> m_offsets;  // first feature id of each block, then the total
};

} // namespace tagbench::linear
