#pragma once

#include "core/storage/ProjectRecords.h"
#include "core/util/Result.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

struct sqlite3;

namespace tagbench {

/// A Tagbench project: one SQLite file (WAL journal) holding datasets, runs, per-epoch metrics,
/// decision rules, review decisions and the vocabulary reference. Every write is a transaction,
/// so a crash or kill leaves either the old or the new state. One object per thread; several
/// processes may open the same file.
class ProjectStore final {
public:
    /// Schema version this build writes; older files are migrated on open.
    static constexpr int kSchemaVersion = 2;

    ~ProjectStore();
    ProjectStore(ProjectStore&&) noexcept;
    ProjectStore& operator=(ProjectStore&&) noexcept;

    /// Opens (creating when absent) the project at path and migrates it to kSchemaVersion.
    static Result<ProjectStore> open(const std::string& path);

    /// The file this store works on.
    const std::string& path() const { return m_path; }

    /// Schema version stored in the file (PRAGMA user_version).
    Result<int> schemaVersion() const;

    /// Runs body inside one transaction: all of its writes commit together or not at all.
    /// Nested calls (and the write methods below, called inside) join the outer transaction.
    Status transaction(const std::function<Status()>& body);

    /// Registers a dataset file; returns its id. contentHash/addedAt are filled when empty/0.
    Result<std::int64_t> addDataset(DatasetRecord record);
    Result<std::vector<DatasetRecord>> listDatasets() const;
    Result<std::optional<DatasetRecord>> findDatasetByHash(const std::string& contentHash) const;
    Status removeDataset(std::int64_t id);

    /// Records a new run; returns its id (createdAt is filled when 0).
    Result<std::int64_t> addRun(RunRecord record);
    /// Replaces the mutable fields of run record.id (status, metrics, config, finishedAt).
    Status updateRun(const RunRecord& record);
    Status setRunStatus(std::int64_t runId, RunStatus status);
    Result<std::optional<RunRecord>> run(std::int64_t runId) const;
    /// The run whose files live in runDir (run directories are unique per project).
    Result<std::optional<RunRecord>> runByDir(const std::string& runDir) const;
    /// Runs, newest first.
    Result<std::vector<RunRecord>> listRuns() const;
    /// Deletes a run and, with it, its epochs, rules and reviews.
    Status removeRun(std::int64_t runId);

    /// Adds or replaces the metrics of (runId, epoch).
    Status addEpochMetrics(const EpochMetricsRecord& record);
    /// Epochs of a run in ascending order.
    Result<std::vector<EpochMetricsRecord>> epochMetrics(std::int64_t runId) const;

    /// Saves (adds or replaces) rule (runId, name); updatedAt is filled when 0.
    Status saveRule(RuleRecord rule);
    Result<std::optional<RuleRecord>> loadRule(std::int64_t runId, const std::string& name = "default") const;
    Result<std::vector<RuleRecord>> listRules(std::int64_t runId) const;

    /// Records a review; a later review of the same (run, split, docIndex) replaces it.
    Status recordReview(ReviewRecord review);
    /// Forgets the review of (run, split, docIndex), if any (undoing a first decision).
    Status removeReview(std::int64_t runId, const std::string& split, std::int64_t docIndex);
    /// Reviews of a run (one split, or all when split is empty), by split then docIndex.
    Result<std::vector<ReviewRecord>> listReviews(std::int64_t runId, const std::string& split = {}) const;

    /// Sets or reads the project's shared vocabulary.
    Status setVocabularyReference(const VocabularyReference& reference);
    Result<std::optional<VocabularyReference>> vocabularyReference() const;

private:
    ProjectStore(std::string path, sqlite3* db);
    Status migrate();

    std::string m_path;
    sqlite3* m_db = nullptr;
    int m_transactionDepth = 0;
};

} // namespace tagbench
