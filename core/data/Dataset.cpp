#include "core/data/Dataset.h"

#include <algorithm>

namespace tagbench {

std::string_view formatName(DatasetFormat format)
{
    switch (format) {
    case DatasetFormat::JsonLines: return "jsonl";
    case DatasetFormat::NeuralClassifier: return "neuralclassifier";
    case DatasetFormat::FastText: return "fasttext";
    case DatasetFormat::Csv: return "csv";
    case DatasetFormat::Tsv: return "tsv";
    case DatasetFormat::Unknown: break;
    }
    return "unknown";
}

std::optional<DatasetFormat> parseFormatName(std::string_view name)
{
    if (name == "jsonl" || name == "json-lines" || name == "jsonlines") return DatasetFormat::JsonLines;
    if (name == "neuralclassifier" || name == "nc" || name == "json") return DatasetFormat::NeuralClassifier;
    if (name == "fasttext" || name == "ft") return DatasetFormat::FastText;
    if (name == "csv") return DatasetFormat::Csv;
    if (name == "tsv") return DatasetFormat::Tsv;
    if (name == "auto" || name == "unknown") return DatasetFormat::Unknown;
    return std::nullopt;
}

void Dataset::addDocument(std::string_view id, std::string_view text, const std::vector<std::string_view>& labels)
{
    std::vector<std::int32_t> ids;
    ids.reserve(labels.size());
    for (const auto label : labels)
        ids.push_back(internLabel(label));
    addDocumentWithIds(id, text, ids);
}

void Dataset::addDocumentWithIds(std::string_view id, std::string_view text, const std::vector<std::int32_t>& labelIds)
{
    m_texts.append(text);
    m_textOffsets.push_back(m_texts.size());
    m_ids.append(id);
    m_idOffsets.push_back(m_ids.size());
    // Label lists are short (a handful); a linear duplicate check beats any set here.
    const std::size_t first = m_labelIds.size();
    for (const auto labelId : labelIds) {
        if (std::find(m_labelIds.begin() + static_cast<std::ptrdiff_t>(first), m_labelIds.end(), labelId)
            == m_labelIds.end())
            m_labelIds.push_back(labelId);
    }
    m_labelOffsets.push_back(m_labelIds.size());
    m_sourceLines.push_back(0);
}

std::int32_t Dataset::internLabel(std::string_view name)
{
    const std::string key(name);
    const auto it = m_labelIndex.find(key);
    if (it != m_labelIndex.end()) return it->second;
    const auto labelId = static_cast<std::int32_t>(m_labelNames.size());
    m_labelNames.push_back(key);
    m_labelIndex.emplace(key, labelId);
    return labelId;
}

std::string_view Dataset::id(std::size_t i) const
{
    return std::string_view(m_ids).substr(m_idOffsets[i], m_idOffsets[i + 1] - m_idOffsets[i]);
}

std::string_view Dataset::text(std::size_t i) const
{
    return std::string_view(m_texts).substr(m_textOffsets[i], m_textOffsets[i + 1] - m_textOffsets[i]);
}

Span<std::int32_t> Dataset::labels(std::size_t i) const
{
    Span<std::int32_t> span;
    span.data = m_labelIds.data() + m_labelOffsets[i];
    span.size = m_labelOffsets[i + 1] - m_labelOffsets[i];
    return span;
}

std::uint64_t Dataset::sourceLine(std::size_t i) const { return m_sourceLines[i]; }

void Dataset::setSourceLine(std::size_t i, std::uint64_t line) { m_sourceLines[i] = line; }

std::int32_t Dataset::labelId(std::string_view name) const
{
    const auto it = m_labelIndex.find(std::string(name));
    return it == m_labelIndex.end() ? -1 : it->second;
}

void Dataset::reserve(std::size_t documents, std::size_t textBytes)
{
    m_texts.reserve(textBytes);
    m_textOffsets.reserve(documents + 1);
    m_idOffsets.reserve(documents + 1);
    m_labelOffsets.reserve(documents + 1);
    m_sourceLines.reserve(documents);
}

std::size_t Dataset::memoryBytes() const
{
    std::size_t bytes = m_texts.capacity() + m_ids.capacity();
    bytes += (m_textOffsets.capacity() + m_idOffsets.capacity() + m_labelOffsets.capacity()
              + m_sourceLines.capacity())
        * sizeof(std::uint64_t);
    bytes += m_labelIds.capacity() * sizeof(std::int32_t);
    for (const auto& name : m_labelNames)
        bytes += sizeof(std::string) + name.capacity() + sizeof(std::pair<std::string, std::int32_t>) + name.size();
    return bytes;
}

} // namespace tagbench
