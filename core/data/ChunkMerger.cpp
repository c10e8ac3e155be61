#include "core/data/ChunkMerger.h"

#include "core/data/RecordParser.h"

#include <algorithm>
#include <functional>
#include <vector>

namespace tagbench {

namespace {

constexpr std::size_t kPrefetchDistance = 8;  // documents between prefetching an id slot and using it

} // namespace

ChunkMerger::ChunkMerger(Dataset& dataset, ImportReport& report, const ImportOptions& options, std::string file)
    : m_dataset(dataset), m_report(report), m_options(options), m_file(std::move(file))
{
}

Status ChunkMerger::merge(const ParsedChunk& chunk)
{
    const std::uint64_t baseLine = m_report.lines;
    if (m_dataset.size() == 0 && chunk.size() > 0 && chunk.textBytes() > 0) {
        // Size the tables once from the first chunk's density instead of rehashing as they grow.
        const double perByte = double(chunk.size()) / double(chunk.textBytes());
        const auto expected = static_cast<std::size_t>(perByte * double(m_report.bytes) * 1.05) + 16;
        m_dataset.reserve(expected, static_cast<std::size_t>(m_report.bytes));
        m_seenIds.reserve(expected);
    }
    // Interned on first use: labels seen only on skipped records must not enter the table.
    std::vector<std::int32_t> globalIds(chunk.labelNames().size(), -1);
    std::vector<ImportIssue> issues;
    const std::uint64_t firstIssueLine =
        chunk.issues().empty() ? UINT64_MAX : baseLine + chunk.issues().front().line;
    std::vector<std::int32_t> labels;
    for (std::size_t i = 0; i < chunk.size(); ++i) {
        const std::uint64_t line = baseLine + chunk.lineOf(i);
        if (m_options.policy == ErrorPolicy::Stop && line > firstIssueLine) break;
        const std::string_view id = chunk.idOf(i);
        if (i + kPrefetchDistance < chunk.size()) m_seenIds.prefetch(chunk.idHashOf(i + kPrefetchDistance));
        if (!id.empty()) {
            const auto first = m_seenIds.findOrInsert(
                chunk.idHashOf(i), static_cast<std::uint32_t>(m_dataset.size()),
                [&](std::uint32_t document) { return m_dataset.id(document) == id; });
            if (first >= 0) {
                issues.push_back(ImportIssue{m_file, line, IssueKind::DuplicateId,
                                             "duplicate id '" + detail::excerpt(id) + "' (first on line "
                                                 + std::to_string(m_dataset.sourceLine(static_cast<std::size_t>(first)))
                                                 + ")"});
                if (m_options.policy == ErrorPolicy::Stop) return Error{issues.back().toString()};
                continue;
            }
        }
        labels.clear();
        const std::int32_t* local = chunk.labelsBegin(i);
        for (std::size_t j = 0; j < chunk.labelCount(i); ++j) {
            std::int32_t& global = globalIds[static_cast<std::size_t>(local[j])];
            if (global < 0) global = m_dataset.internLabel(chunk.labelNames()[static_cast<std::size_t>(local[j])]);
            labels.push_back(global);
        }
        m_dataset.addDocumentWithIds(id, chunk.textOf(i), labels);
        m_dataset.setSourceLine(m_dataset.size() - 1, line);
        if (labels.empty()) ++m_report.documentsWithoutLabels;
    }
    for (const auto& issue : chunk.issues()) {
        issues.push_back(ImportIssue{m_file, baseLine + issue.line, issue.kind, issue.reason});
        if (m_options.policy == ErrorPolicy::Stop) return Error{issues.back().toString()};
    }
    std::stable_sort(issues.begin(), issues.end(),
                     [](const ImportIssue& a, const ImportIssue& b) { return a.line < b.line; });
    for (auto& issue : issues) {
        ++m_report.issueCounts[static_cast<std::size_t>(issue.kind)];
        ++m_report.skipped;
        if (m_report.issues.size() < m_options.maxIssues) m_report.issues.push_back(std::move(issue));
    }
    m_report.lines += chunk.lineCount;
    return {};
}

} // namespace tagbench
