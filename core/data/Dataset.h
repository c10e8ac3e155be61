#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace tagbench {

/// Input formats core can import.
enum class DatasetFormat { JsonLines, NeuralClassifier, FastText, Csv, Tsv, Unknown };

/// Stable lowercase name of a format ("jsonl", "neuralclassifier", "fasttext", "csv", "tsv").
std::string_view formatName(DatasetFormat format);

/// Parses a format name as given on a command line ("jsonl", "json"/"neuralclassifier", "fasttext",
/// "csv", "tsv"; "auto" gives Unknown, i.e. detect); nullopt for anything else.
std::optional<DatasetFormat> parseFormatName(std::string_view name);

/// A contiguous, non-owning view of elements (C++17 has no std::span).
template <typename T>
struct Span {
    const T* data = nullptr;
    std::size_t size = 0;
    const T* begin() const { return data; }
    const T* end() const { return data + size; }
    const T& operator[](std::size_t i) const { return data[i]; }
    bool empty() const { return size == 0; }
};

/// One split of a labelled corpus, stored column-wise so that millions of short documents cost
/// a few bytes of overhead each: texts live in one arena, label ids in one CSR array.
class Dataset final {
public:
    Dataset() = default;

    /// Appends a document; labels are names, interned into this dataset's label table.
    void addDocument(std::string_view id, std::string_view text, const std::vector<std::string_view>& labels);

    /// Appends a document whose labels are already ids of this dataset's label table.
    void addDocumentWithIds(std::string_view id, std::string_view text, const std::vector<std::int32_t>& labelIds);

    /// Removes the documents at indices (ascending), compacting the buffers in place. Labels that
    /// no remaining document carries leave the table; the others keep their relative order.
    void removeDocuments(const std::vector<std::size_t>& indices);

    /// Returns the id of label name, adding it to the table when new.
    std::int32_t internLabel(std::string_view name);

    /// Number of documents.
    std::size_t size() const { return m_textOffsets.empty() ? 0 : m_textOffsets.size() - 1; }

    /// Identifier of document i (the id field, or empty when the source had none).
    std::string_view id(std::size_t i) const;

    /// Text of document i. For pre-tokenized sources (doc_token) tokens are joined by single spaces.
    std::string_view text(std::size_t i) const;

    /// Label ids of document i, indices into labelNames(), in source order without duplicates.
    Span<std::int32_t> labels(std::size_t i) const;

    /// 1-based line in the source file where document i starts (0 when not from a file).
    std::uint64_t sourceLine(std::size_t i) const;
    void setSourceLine(std::size_t i, std::uint64_t line);

    /// All label names, indexed by label id.
    const std::vector<std::string>& labelNames() const { return m_labelNames; }

    /// Id of a label name, or -1 when this dataset never saw it.
    std::int32_t labelId(std::string_view name) const;

    /// True when texts came pre-segmented (NeuralClassifier doc_token): split on spaces only.
    bool pretokenized() const { return m_pretokenized; }
    void setPretokenized(bool value) { m_pretokenized = value; }

    /// Where the data came from and in what format (empty/Unknown for in-memory datasets).
    const std::string& sourcePath() const { return m_sourcePath; }
    void setSourcePath(std::string path) { m_sourcePath = std::move(path); }
    DatasetFormat format() const { return m_format; }
    void setFormat(DatasetFormat format) { m_format = format; }

    /// Reserves room for n documents with about textBytes of text in total.
    void reserve(std::size_t documents, std::size_t textBytes);

    /// Bytes held by this dataset's buffers (for memory reporting).
    std::size_t memoryBytes() const;

private:
    std::string m_texts;                       // all texts back to back
    std::vector<std::uint64_t> m_textOffsets{0};
    std::string m_ids;
    std::vector<std::uint64_t> m_idOffsets{0};
    std::vector<std::int32_t> m_labelIds;      // CSR values
    std::vector<std::uint64_t> m_labelOffsets{0};
    std::vector<std::uint64_t> m_sourceLines;
    std::vector<std::string> m_labelNames;
    std::unordered_map<std::string, std::int32_t> m_labelIndex;
    bool m_pretokenized = false;
    std::string m_sourcePath;
    DatasetFormat m_format = DatasetFormat::Unknown;
};

} // namespace tagbench
