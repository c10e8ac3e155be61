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
    std::fill(m_labelSlots.begin(), m_labelSlots.end(), LabelSlot{});
    m_labelNames.clear();
    m_issues.clear();
    m_tokens.clear();
    m_tokenCounts.clear();
    m_textMark = 0;
    lineCount = 0;
}

void ParsedChunk::addLabel(std::string_view name)
{
    while (!name.empty() && isAsciiSpace(name.front())) name.remove_prefix(1);
    while (!name.empty() && isAsciiSpace(name.back())) name.remove_suffix(1);
    if (name.empty()) return;
    const std::uint64_t hash = std::hash<std::string_view>{}(name);
    if ((m_labelNames.size() + 1) * 2 > m_labelSlots.size()) growLabelSlots();
    const std::size_t mask = m_labelSlots.size() - 1;
    std::size_t slot = hash & mask;
    while (m_labelSlots[slot].label >= 0) {
        const LabelSlot& candidate = m_labelSlots[slot];
        if (candidate.hash == hash && m_labelNames[static_cast<std::size_t>(candidate.label)] == name) break;
        slot = (slot + 1) & mask;
    }
    if (m_labelSlots[slot].label < 0) {
        m_labelSlots[slot] = LabelSlot{hash, static_cast<std::int32_t>(m_labelNames.size())};
        m_labelNames.emplace_back(name);
    }
    const std::int32_t labelId = m_labelSlots[slot].label;
    if (std::find(m_pendingLabels.begin(), m_pendingLabels.end(), labelId) == m_pendingLabels.end())
        m_pendingLabels.push_back(labelId);
}

void ParsedChunk::growLabelSlots()
{
    std::vector<LabelSlot> old(std::max<std::size_t>(64, m_labelSlots.size() * 2));
    old.swap(m_labelSlots);
    const std::size_t mask = m_labelSlots.size() - 1;
    for (const LabelSlot& entry : old) {
        if (entry.label < 0) continue;
        std::size_t slot = entry.hash & mask;
        while (m_labelSlots[slot].label >= 0) slot = (slot + 1) & mask;
        m_labelSlots[slot] = entry;
    }
}

void ParsedChunk::commit(std::uint64_t line, std::string_view id)
{
    if (m_encoder) m_tokenCounts.push_back((*m_encoder)(currentText(), m_tokens));
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
