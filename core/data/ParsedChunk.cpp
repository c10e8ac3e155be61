#include "core/data/ParsedChunk.h"

#include <algorithm>

namespace tagbench {

namespace {

bool isAsciiSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }

} // namespace

void ParsedChunk::clear()
{
    m_texts.clear();
    m_textEnds.clear();
    m_ids.clear();
    m_idEnds.clear();
    m_idHashes.clear();
    m_labelIds.clear();
    m_labelEnds.clear();
    m_lines.clear();
    m_pendingLabels.clear();
    m_labelIndex.clear();
    m_labelNames.clear();
    m_issues.clear();
    m_textMark = 0;
    lineCount = 0;
}

void ParsedChunk::addLabel(std::string_view name)
{
    while (!name.empty() && isAsciiSpace(name.front())) name.remove_prefix(1);
    while (!name.empty() && isAsciiSpace(name.back())) name.remove_suffix(1);
    if (name.empty()) return;
    std::int32_t labelId;
    const auto it = m_labelIndex.find(name);
    if (it != m_labelIndex.end()) {
        labelId = it->second;
    } else {
        labelId = static_cast<std::int32_t>(m_labelNames.size());
        m_labelNames.emplace_back(name);
        m_labelIndex.emplace(m_labelNames.back(), labelId);
    }
    if (std::find(m_pendingLabels.begin(), m_pendingLabels.end(), labelId) == m_pendingLabels.end())
        m_pendingLabels.push_back(labelId);
}

void ParsedChunk::commit(std::uint64_t line, std::string_view id)
{
    m_textEnds.push_back(m_texts.size());
    m_ids.append(id);
    m_idEnds.push_back(m_ids.size());
    m_idHashes.push_back(id.empty() ? 0 : std::hash<std::string_view>{}(id));
    m_labelIds.insert(m_labelIds.end(), m_pendingLabels.begin(), m_pendingLabels.end());
    m_labelEnds.push_back(m_labelIds.size());
    m_lines.push_back(line);
    m_pendingLabels.clear();
    m_textMark = m_texts.size();
}

void ParsedChunk::discard()
{
    m_texts.resize(m_textMark);
    m_pendingLabels.clear();
}

void ParsedChunk::addIssue(std::uint64_t line, IssueKind kind, std::string reason)
{
    m_issues.push_back(Issue{line, kind, std::move(reason)});
}

std::string_view ParsedChunk::textOf(std::size_t i) const
{
    const std::size_t begin = i == 0 ? 0 : m_textEnds[i - 1];
    return std::string_view(m_texts).substr(begin, m_textEnds[i] - begin);
}

std::string_view ParsedChunk::idOf(std::size_t i) const
{
    const std::size_t begin = i == 0 ? 0 : m_idEnds[i - 1];
    return std::string_view(m_ids).substr(begin, m_idEnds[i] - begin);
}

} // namespace tagbench
