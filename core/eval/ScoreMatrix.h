#pragma once

#include "core/util/Result.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace tagbench::eval {

/// Gold labels of one document: sorted, unique label indices.
struct GoldSpan {
    const std::uint32_t* first = nullptr;
    const std::uint32_t* last = nullptr;

    const std::uint32_t* begin() const { return first; }
    const std::uint32_t* end() const { return last; }
    std::size_t size() const { return static_cast<std::size_t>(last - first); }
    bool empty() const { return first == last; }
};

/// Scores of one split: documents x labels float32 (row-major), each document's gold label set
/// (CSR: offsets + sorted label indices), document ids and label names (index = column).
///
/// File format ("*.scores", little-endian): magic "TBSCORES", uint32 version (1), uint32 0,
/// uint64 documents, uint64 labels, uint64 gold entries, then label names and document ids
/// (uint32 byte length + UTF-8 bytes each), uint64 gold offsets[documents + 1],
/// uint32 gold labels[gold entries], float32 scores[documents * labels].
class ScoreMatrix final {
public:
    ScoreMatrix() = default;
    /// An empty matrix whose columns are these labels.
    explicit ScoreMatrix(std::vector<std::string> labelNames);

    /// Reserves room for documents rows (avoids reallocation when the count is known).
    void reserve(std::size_t documents, std::size_t goldPerDocument = 4);

    /// Appends one document; scores holds labelCount() finite values, gold any label indices
    /// (sorted and deduplicated here). Fails on a wrong size, a non-finite score or a bad index.
    Status addDocument(std::string id, const float* scores, std::vector<std::uint32_t> gold);
    /// Same as above with the scores in a vector.
    Status addDocument(std::string id, const std::vector<float>& scores, std::vector<std::uint32_t> gold);

    /// Number of documents (rows).
    std::size_t documentCount() const { return m_documentIds.size(); }
    /// Number of labels (columns).
    std::size_t labelCount() const { return m_labelNames.size(); }

    /// Label names; index = column.
    const std::vector<std::string>& labelNames() const { return m_labelNames; }
    /// Document ids; index = row.
    const std::vector<std::string>& documentIds() const { return m_documentIds; }

    /// The labelCount() scores of one document.
    const float* row(std::size_t document) const { return m_scores.data() + document * labelCount(); }
    /// Writable row, e.g. to override one label's column with another run's scores.
    float* mutableRow(std::size_t document) { return m_scores.data() + document * labelCount(); }
    /// One score.
    float score(std::size_t document, std::size_t label) const { return row(document)[label]; }

    /// Gold labels of one document (sorted, unique).
    GoldSpan gold(std::size_t document) const;
    /// True when label is in the document's gold set.
    bool isGold(std::size_t document, std::uint32_t label) const;

    /// All scores, row-major.
    const std::vector<float>& scores() const { return m_scores; }
    /// CSR offsets into goldLabels(); size documentCount() + 1.
    const std::vector<std::uint64_t>& goldOffsets() const { return m_goldOffsets; }
    /// CSR gold label indices.
    const std::vector<std::uint32_t>& goldLabels() const { return m_goldLabels; }

    /// A new matrix of the given rows, in the given order (each index < documentCount()).
    ScoreMatrix subset(const std::vector<std::uint32_t>& documents) const;

    /// Writes the matrix to path atomically (temporary file + rename).
    Status save(const std::string& path) const;
    /// Reads and validates a file written by save(); errors name the file and the problem.
    static Result<ScoreMatrix> load(const std::string& path);

private:
    std::vector<std::string> m_labelNames;
    std::vector<std::string> m_documentIds;
    std::vector<float> m_scores;
    std::vector<std::uint64_t> m_goldOffsets{0};
    std::vector<std::uint32_t> m_goldLabels;
};

} // namespace tagbench::eval
