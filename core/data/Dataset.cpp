#include "core/data/Dataset.h"

#include <algorithm>
#include <cstring>

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

void Dataset::removeDocuments(const std::vector<std::size_t>& indices)
{
    if (indices.empty()) return;
    std::size_t next = 0;  // position in indices
    std::size_t kept = 0;
    std::uint64_t textEnd = 0;
    std::uint64_t idEnd = 0;
    std::uint64_t labelEnd = 0;
    const std::size_t n = size();
    for (std::size_t i = 0; i < n; ++i) {
        if (next < indices.size() && indices[next] == i) {
            ++next;
            continue;
        }
        // Moves only leftwards, so copying in place over removed documents is safe.
        const auto text = this->text(i);
        std::memmove(m_texts.data() + textEnd, text.data(), text.size());
        textEnd += text.size();
        const auto docId = id(i);
        std::memmove(m_ids.data() + idEnd, docId.data(), docId.size());
        idEnd += docId.size();
        const auto docLabels = labels(i);
        if (docLabels.size) std::memmove(m_labelIds.data() + labelEnd, docLabels.data, docLabels.size * sizeof(std::int32_t));
        labelEnd += docLabels.size;
        ++kept;
        m_textOffsets[kept] = textEnd;
        m_idOffsets[kept] = idEnd;
        m_labelOffsets[kept] = labelEnd;
        m_sourceLines[kept - 1] = m_sourceLines[i];
    }
    m_texts.resize(textEnd);
    m_ids.resize(idEnd);
    m_labelIds.resize(labelEnd);
    m_textOffsets.resize(kept + 1);
    m_idOffsets.resize(kept + 1);
    m_labelOffsets.resize(kept + 1);
    m_sourceLines.resize(kept);

    std::vector<std::int32_t> remap(m_labelNames.size(), -1);
    for (const auto labelId : m_labelIds) remap[static_cast<std::size_t>(labelId)] = 0;
    std::vector<std::string> names;
    m_labelIndex.clear();
    for (std::size_t old = 0; old < m_labelNames.size(); ++old) {
        if (remap[old] < 0) continue;
        remap[old] = static_cast<std::int32_t>(names.size());
        m_labelIndex.emplace(m_labelNames[old], remap[old]);
        names.push_back(std::move(m_labelNames[old]));
    }
    m_labelNames = std::move(names);
    for (auto& labelId : m_labelIds) labelId = remap[static_cast<std::size_t>(labelId)];
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
