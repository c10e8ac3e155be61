#pragma once

#include "core/data/DatasetReader.h"
#include "core/data/DuplicateIdFinder.h"
#include "core/data/ParsedChunk.h"

#include <string>
#include <vector>

namespace tagbench {

/// Appends parsed chunks to a Dataset in file order: maps chunk-local labels to the dataset's,
/// rejects duplicate ids across the whole file, turns chunk-relative lines into file lines and
/// applies the error policy. Runs on one thread; the workers only parse.
class ChunkMerger final {
public:
    /// file is the name used in issues; report.bytes must hold the file size (for sizing).
    ChunkMerger(Dataset& dataset, ImportReport& report, const ImportOptions& options, std::string file);

    /// Merges the next chunk; under ErrorPolicy::Stop returns the first issue as an Error.
    Status merge(const ParsedChunk& chunk);

    /// After the last chunk: finds documents repeating an earlier id and, under Skip, removes them
    /// and reports them; under Stop returns the first as an Error.
    Status finish();

    /// Indices (before removal, ascending) of the documents finish() removed as duplicates.
    const std::vector<std::size_t>& removedDocuments() const { return m_removed; }

private:
    Dataset& m_dataset;
    ImportReport& m_report;
    const ImportOptions& m_options;
    std::string m_file;
    /// Records each duplicate as an issue (kept in line order in the report).
    void reportDuplicates(const std::vector<DuplicateIdFinder::Duplicate>& duplicates);
    ImportIssue duplicateIssue(const DuplicateIdFinder::Duplicate& duplicate) const;
    void count(ImportIssue issue);

    DuplicateIdFinder m_ids;
    bool m_issuesCapped = false;  // some issues were counted but not kept
    std::vector<std::size_t> m_removed;
};

} // namespace tagbench
