#include "core/data/ChunkMerger.h"

#include "core/data/RecordParser.h"

#include <algorithm>
#include <functional>
#include <vector>

namespace tagbench {

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
        m_ids.reserve(expected);
    }
    // Interned on first use: labels seen only on skipped records must not enter the table.
    std::vector<std::int32_t> globalIds(chunk.labelNames().size(), -1);
    const std::uint64_t firstIssueLine =
        chunk.issues().empty() ? UINT64_MAX : baseLine + chunk.issues().front().line;
    std::vector<std::int32_t> labels;
    for (std::size_t i = 0; i < chunk.size(); ++i) {
        const std::uint64_t line = baseLine + chunk.lineOf(i);
        if (m_options.policy == ErrorPolicy::Stop && line > firstIssueLine) break;
        const std::string_view id = chunk.idOf(i);
        if (!id.empty()) m_ids.add(chunk.idHashOf(i), static_cast<std::uint32_t>(m_dataset.size()));
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
        ImportIssue located{m_file, baseLine + issue.line, issue.kind, issue.reason};
        if (m_options.policy == ErrorPolicy::Stop) {
            // Every merged document lies before this line: a repeated id among them comes first.
            if (auto status = finish(); !status) return status;
            return Error{located.toString()};
        }
        count(std::move(located));
    }
    m_report.lines += chunk.lineCount;
    return {};
}

Status ChunkMerger::finish()
{
    if (m_ids.size() < 2) return {};
    const auto duplicates = m_ids.find([this](std::uint32_t document) { return m_dataset.id(document); });
    if (duplicates.empty()) return {};
    if (m_options.policy == ErrorPolicy::Stop) return Error{duplicateIssue(duplicates.front()).toString()};
    reportDuplicates(duplicates);
    m_removed.clear();
    m_removed.reserve(duplicates.size());
    for (const auto& duplicate : duplicates) {
        m_removed.push_back(duplicate.document);
        if (m_dataset.labels(duplicate.document).empty()) --m_report.documentsWithoutLabels;
    }
    m_dataset.removeDocuments(m_removed);
    m_ids = DuplicateIdFinder();
    return {};
}

ImportIssue ChunkMerger::duplicateIssue(const DuplicateIdFinder::Duplicate& duplicate) const
{
    return ImportIssue{m_file, m_dataset.sourceLine(duplicate.document), IssueKind::DuplicateId,
                       "duplicate id '" + detail::excerpt(m_dataset.id(duplicate.document)) + "' (first on line "
                           + std::to_string(m_dataset.sourceLine(duplicate.first)) + ")"};
}

void ChunkMerger::count(ImportIssue issue)
{
    ++m_report.issueCounts[static_cast<std::size_t>(issue.kind)];
    ++m_report.skipped;
    if (m_report.issues.size() < m_options.maxIssues) m_report.issues.push_back(std::move(issue));
    else m_issuesCapped = true;
}

void ChunkMerger::reportDuplicates(const std::vector<DuplicateIdFinder::Duplicate>& duplicates)
{
    // Parse issues are kept up to maxIssues in line order; a duplicate found at the end belongs
    // in that list only if it lies before the last kept one (or the list was never full).
    const std::uint64_t lastKept = m_issuesCapped && !m_report.issues.empty() ? m_report.issues.back().line : UINT64_MAX;
    std::vector<ImportIssue> kept;
    for (const auto& duplicate : duplicates) {
        ImportIssue issue = duplicateIssue(duplicate);
        ++m_report.issueCounts[static_cast<std::size_t>(issue.kind)];
        ++m_report.skipped;
        if (issue.line <= lastKept) kept.push_back(std::move(issue));
    }
    auto& issues = m_report.issues;
    const auto middle = static_cast<std::ptrdiff_t>(issues.size());
    issues.insert(issues.end(), std::make_move_iterator(kept.begin()), std::make_move_iterator(kept.end()));
    std::inplace_merge(issues.begin(), issues.begin() + middle, issues.end(),
                       [](const ImportIssue& a, const ImportIssue& b) { return a.line < b.line; });
    if (issues.size() > m_options.maxIssues) {
        issues.resize(m_options.maxIssues);
        m_issuesCapped = true;
    }
}

} // namespace tagbench
