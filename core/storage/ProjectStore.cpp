#include "core/storage/ProjectStore.h"

#include "core/storage/ContentHash.h"
#include "core/storage/ProjectSchema.h"
#include "core/storage/SqliteStatement.h"

#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include <chrono>
#include <utility>

// Returns early with the error of a failed Status-returning expression.
#define TAGBENCH_TRY(expr)                                                                                             \
    do {                                                                                                               \
        if (auto tagbench_status_ = (expr); !tagbench_status_) return tagbench_status_.error();                       \
    } while (false)

namespace tagbench {

namespace {

std::int64_t nowSeconds()
{
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

constexpr const char* kDatasetColumns =
    "SELECT id, path, content_hash, format, split, documents, labels, bytes, added_at FROM datasets";
constexpr const char* kRunColumns = "SELECT id, run_dir, config_json, status, model_type, metrics_json, "
                                    "train_dataset_id, created_at, finished_at FROM runs";

DatasetRecord readDataset(const SqliteStatement& q)
{
    DatasetRecord r;
    r.id = q.int64(0);
    r.path = q.text(1);
    r.contentHash = q.text(2);
    r.format = q.text(3);
    r.split = q.text(4);
    r.documents = q.int64(5);
    r.labels = q.int64(6);
    r.bytes = q.int64(7);
    r.addedAt = q.int64(8);
    return r;
}

RunRecord readRun(const SqliteStatement& q)
{
    RunRecord r;
    r.id = q.int64(0);
    r.runDir = q.text(1);
    r.configJson = q.text(2);
    r.status = parseRunStatus(q.text(3)).value_or(RunStatus::Failed);
    r.modelType = q.text(4);
    r.metricsJson = q.text(5);
    r.trainDatasetId = q.optionalInt64(6);
    r.createdAt = q.int64(7);
    r.finishedAt = q.optionalInt64(8);
    return r;
}

std::string encodeLabels(const std::vector<std::string>& labels)
{
    // A JSON array: label names may contain any character, commas included.
    return nlohmann::json(labels).dump();
}

std::vector<std::string> decodeLabels(const std::string& text)
{
    if (text.empty()) return {};
    const auto json = nlohmann::json::parse(text, nullptr, false);
    if (!json.is_array()) return {};
    std::vector<std::string> labels;
    for (const auto& item : json)
        if (item.is_string()) labels.push_back(item.get<std::string>());
    return labels;
}

template <typename Record, typename Reader>
Result<std::vector<Record>> collect(SqliteStatement& q, Reader read)
{
    std::vector<Record> out;
    for (;;) {
        auto row = q.step();
        if (!row) return row.error();
        if (!*row) return out;
        out.push_back(read(q));
    }
}

} // namespace

std::string_view runStatusName(RunStatus status)
{
    switch (status) {
    case RunStatus::Created: return "created";
    case RunStatus::Running: return "running";
    case RunStatus::Finished: return "finished";
    case RunStatus::Failed: return "failed";
    case RunStatus::Cancelled: return "cancelled";
    }
    return "failed";
}

std::optional<RunStatus> parseRunStatus(std::string_view name)
{
    for (auto s : {RunStatus::Created, RunStatus::Running, RunStatus::Finished, RunStatus::Failed, RunStatus::Cancelled})
        if (runStatusName(s) == name) return s;
    return std::nullopt;
}

std::string_view reviewDecisionName(ReviewDecision decision)
{
    switch (decision) {
    case ReviewDecision::Accepted: return "accepted";
    case ReviewDecision::Corrected: return "corrected";
    case ReviewDecision::Skipped: return "skipped";
    }
    return "skipped";
}

std::optional<ReviewDecision> parseReviewDecision(std::string_view name)
{
    for (auto d : {ReviewDecision::Accepted, ReviewDecision::Corrected, ReviewDecision::Skipped})
        if (reviewDecisionName(d) == name) return d;
    return std::nullopt;
}

ProjectStore::ProjectStore(std::string path, sqlite3* db) : m_path(std::move(path)), m_db(db) {}

ProjectStore::~ProjectStore() { sqlite3_close_v2(m_db); }

ProjectStore::ProjectStore(ProjectStore&& other) noexcept
    : m_path(std::move(other.m_path)), m_db(std::exchange(other.m_db, nullptr)),
      m_transactionDepth(std::exchange(other.m_transactionDepth, 0))
{
}

ProjectStore& ProjectStore::operator=(ProjectStore&& other) noexcept
{
    if (this != &other) {
        sqlite3_close_v2(m_db);
        m_path = std::move(other.m_path);
        m_db = std::exchange(other.m_db, nullptr);
        m_transactionDepth = std::exchange(other.m_transactionDepth, 0);
    }
    return *this;
}

Result<ProjectStore> ProjectStore::open(const std::string& path)
{
    sqlite3* db = nullptr;
    const int rc = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                                   nullptr);
    ProjectStore store(path, db);  // closes db on every early return
    if (rc != SQLITE_OK) return Error{"cannot open project " + path + ": " + (db ? sqlite3_errmsg(db) : "out of memory")};
    sqlite3_extended_result_codes(db, 1);
    sqlite3_busy_timeout(db, 5000);
    // Reading the schema is the first access: a file that is not SQLite fails here, clearly.
    // (Statements live in their own scopes: an unfinished one keeps a read transaction open.)
    {
        SqliteStatement probe;
        if (!probe.prepare(db, "SELECT count(*) FROM sqlite_master") || !probe.step())
            return Error{path + " is not a Tagbench project (not an SQLite database): " + sqlite3_errmsg(db)};
    }
    // WAL: readers never block the writer, and a killed writer leaves only an uncommitted tail
    // that SQLite discards on the next open. FULL sync makes each commit durable, not just atomic.
    {
        SqliteStatement wal;
        TAGBENCH_TRY(wal.prepare(db, "PRAGMA journal_mode=WAL"));
        auto walRow = wal.step();
        if (!walRow) return walRow.error();
        if (!*walRow || wal.text(0) != "wal")
            return Error{"cannot open project " + path + ": the file system does not support SQLite's WAL mode"};
    }
    TAGBENCH_TRY(sqliteExec(db, "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;"));
    TAGBENCH_TRY(store.migrate());
    return store;
}

Result<int> ProjectStore::schemaVersion() const
{
    SqliteStatement q;
    TAGBENCH_TRY(q.prepare(m_db, "PRAGMA user_version"));
    auto row = q.step();
    if (!row) return row.error();
    return static_cast<int>(q.int64(0));
}

Status ProjectStore::migrate()
{
    const auto& migrations = projectMigrations();
    // BEGIN IMMEDIATE: two processes opening an old file at once must not both migrate it.
    TAGBENCH_TRY(sqliteExec(m_db, "BEGIN IMMEDIATE"));
    auto rollback = [this](Error error) {
        sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
        return error;
    };
    auto version = schemaVersion();
    if (!version) return rollback(version.error());
    if (*version > kSchemaVersion)
        return rollback(Error{m_path + " was written by a newer Tagbench (project schema " + std::to_string(*version)
                              + ", this version reads up to " + std::to_string(kSchemaVersion) + ")"});
    for (const auto& migration : migrations) {
        if (migration.version <= *version) continue;
        if (auto st = sqliteExec(m_db, migration.sql); !st)
            return rollback(Error{"cannot upgrade project " + m_path + " to schema "
                                  + std::to_string(migration.version) + ": " + st.message()});
        const std::string setVersion = "PRAGMA user_version=" + std::to_string(migration.version);
        if (auto st = sqliteExec(m_db, setVersion.c_str()); !st) return rollback(st.error());
    }
    if (auto st = sqliteExec(m_db, "COMMIT"); !st) return rollback(st.error());
    return {};
}

Status ProjectStore::transaction(const std::function<Status()>& body)
{
    // The outermost level takes the write lock up front (IMMEDIATE) so that a WAL snapshot
    // never has to be upgraded mid-transaction; inner levels are savepoints.
    const bool outer = m_transactionDepth == 0;
    const std::string savepoint = "tb_sp" + std::to_string(m_transactionDepth);
    TAGBENCH_TRY(sqliteExec(m_db, outer ? "BEGIN IMMEDIATE" : ("SAVEPOINT " + savepoint).c_str()));
    auto rollback = [&] {
        if (outer) sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
        else sqlite3_exec(m_db, ("ROLLBACK TO " + savepoint + "; RELEASE " + savepoint).c_str(), nullptr, nullptr, nullptr);
    };
    ++m_transactionDepth;
    Status status;
    try {
        status = body();
    } catch (...) {
        // Leave the connection usable (no dangling transaction) for whoever catches this.
        --m_transactionDepth;
        rollback();
        throw;
    }
    --m_transactionDepth;
    if (status) {
        status = sqliteExec(m_db, outer ? "COMMIT" : ("RELEASE " + savepoint).c_str());
        if (status) return status;
    }
    rollback();
    return status;
}

Result<std::int64_t> ProjectStore::addDataset(DatasetRecord record)
{
    if (record.contentHash.empty()) {
        auto hash = ContentHash::ofFile(record.path);
        if (!hash) return hash.error();
        record.contentHash = std::move(*hash);
    }
    if (record.addedAt == 0) record.addedAt = nowSeconds();
    std::int64_t id = 0;
    TAGBENCH_TRY(transaction([&]() -> Status {
        SqliteStatement q;
        TAGBENCH_TRY(q.prepare(m_db, "INSERT INTO datasets (path, content_hash, format, split, documents, labels, "
                                     "bytes, added_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"));
        q.bind(1, record.path).bind(2, record.contentHash).bind(3, record.format).bind(4, record.split);
        q.bind(5, record.documents).bind(6, record.labels).bind(7, record.bytes).bind(8, record.addedAt);
        TAGBENCH_TRY(q.run());
        id = sqlite3_last_insert_rowid(m_db);
        return {};
    }));
    return id;
}

Result<std::vector<DatasetRecord>> ProjectStore::listDatasets() const
{
    SqliteStatement q;
    TAGBENCH_TRY(q.prepare(m_db, std::string(kDatasetColumns) + " ORDER BY id"));
    return collect<DatasetRecord>(q, readDataset);
}

Result<std::optional<DatasetRecord>> ProjectStore::findDatasetByHash(const std::string& contentHash) const
{
    SqliteStatement q;
    TAGBENCH_TRY(q.prepare(m_db, std::string(kDatasetColumns) + " WHERE content_hash = ?1 ORDER BY id LIMIT 1"));
    q.bind(1, contentHash);
    auto rows = collect<DatasetRecord>(q, readDataset);
    if (!rows) return rows.error();
    if (rows->empty()) return std::optional<DatasetRecord>();
    return std::optional<DatasetRecord>(std::move(rows->front()));
}

Status ProjectStore::removeDataset(std::int64_t id)
{
    return transaction([&]() -> Status {
        SqliteStatement q;
        TAGBENCH_TRY(q.prepare(m_db, "DELETE FROM datasets WHERE id = ?1"));
        q.bind(1, id);
        return q.run();
    });
}

Result<std::int64_t> ProjectStore::addRun(RunRecord record)
{
    if (record.createdAt == 0) record.createdAt = nowSeconds();
    if (record.metricsJson.empty()) record.metricsJson = "{}";
    std::int64_t id = 0;
    TAGBENCH_TRY(transaction([&]() -> Status {
        SqliteStatement q;
        TAGBENCH_TRY(q.prepare(m_db, "INSERT INTO runs (run_dir, config_json, status, model_type, metrics_json, "
                                     "train_dataset_id, created_at, finished_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"));
        q.bind(1, record.runDir).bind(2, record.configJson).bind(3, runStatusName(record.status));
        q.bind(4, record.modelType).bind(5, record.metricsJson).bind(6, record.trainDatasetId);
        q.bind(7, record.createdAt).bind(8, record.finishedAt);
        TAGBENCH_TRY(q.run());
        id = sqlite3_last_insert_rowid(m_db);
        return {};
    }));
    return id;
}

Status ProjectStore::updateRun(const RunRecord& record)
{
    return transaction([&]() -> Status {
        SqliteStatement q;
        TAGBENCH_TRY(q.prepare(m_db, "UPDATE runs SET config_json = ?2, status = ?3, model_type = ?4, "
                                     "metrics_json = ?5, train_dataset_id = ?6, finished_at = ?7 WHERE id = ?1"));
        q.bind(1, record.id).bind(2, record.configJson).bind(3, runStatusName(record.status));
        q.bind(4, record.modelType).bind(5, record.metricsJson.empty() ? std::string_view("{}") : record.metricsJson);
        q.bind(6, record.trainDatasetId).bind(7, record.finishedAt);
        TAGBENCH_TRY(q.run());
        if (sqlite3_changes(m_db) == 0) return Error{m_path + ": no run with id " + std::to_string(record.id)};
        return {};
    });
}

Status ProjectStore::setRunStatus(std::int64_t runId, RunStatus status)
{
    return transaction([&]() -> Status {
        SqliteStatement q;
        // Leaving Created/Running stamps the finish time once.
        TAGBENCH_TRY(q.prepare(m_db, "UPDATE runs SET status = ?2, finished_at = CASE WHEN ?2 IN ('created', 'running') "
                                     "THEN NULL ELSE coalesce(finished_at, ?3) END WHERE id = ?1"));
        q.bind(1, runId).bind(2, runStatusName(status)).bind(3, nowSeconds());
        TAGBENCH_TRY(q.run());
        if (sqlite3_changes(m_db) == 0) return Error{m_path + ": no run with id " + std::to_string(runId)};
        return {};
    });
}

Result<std::optional<RunRecord>> ProjectStore::run(std::int64_t runId) const
{
    SqliteStatement q;
    TAGBENCH_TRY(q.prepare(m_db, std::string(kRunColumns) + " WHERE id = ?1"));
    q.bind(1, runId);
    auto rows = collect<RunRecord>(q, readRun);
    if (!rows) return rows.error();
    if (rows->empty()) return std::optional<RunRecord>();
    return std::optional<RunRecord>(std::move(rows->front()));
}

Result<std::optional<RunRecord>> ProjectStore::runByDir(const std::string& runDir) const
{
    SqliteStatement q;
    TAGBENCH_TRY(q.prepare(m_db, std::string(kRunColumns) + " WHERE run_dir = ?1"));
    q.bind(1, runDir);
    auto rows = collect<RunRecord>(q, readRun);
    if (!rows) return rows.error();
    if (rows->empty()) return std::optional<RunRecord>();
    return std::optional<RunRecord>(std::move(rows->front()));
}

Result<std::vector<RunRecord>> ProjectStore::listRuns() const
{
    SqliteStatement q;
    TAGBENCH_TRY(q.prepare(m_db, std::string(kRunColumns) + " ORDER BY created_at DESC, id DESC"));
    return collect<RunRecord>(q, readRun);
}

Status ProjectStore::removeRun(std::int64_t runId)
{
    return transaction([&]() -> Status {
        SqliteStatement q;
        TAGBENCH_TRY(q.prepare(m_db, "DELETE FROM runs WHERE id = ?1"));
        q.bind(1, runId);
        return q.run();
    });
}

Status ProjectStore::addEpochMetrics(const EpochMetricsRecord& record)
{
    return transaction([&]() -> Status {
        SqliteStatement q;
        TAGBENCH_TRY(q.prepare(m_db, "INSERT OR REPLACE INTO epoch_metrics (run_id, epoch, train_loss, dev_loss, "
                                     "metrics_json, seconds) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"));
        q.bind(1, record.runId).bind(2, std::int64_t(record.epoch)).bind(3, record.trainLoss).bind(4, record.devLoss);
        q.bind(5, record.metricsJson.empty() ? std::string_view("{}") : record.metricsJson).bind(6, record.seconds);
        return q.run();
    });
}

Result<std::vector<EpochMetricsRecord>> ProjectStore::epochMetrics(std::int64_t runId) const
{
    SqliteStatement q;
    TAGBENCH_TRY(q.prepare(m_db, "SELECT run_id, epoch, train_loss, dev_loss, metrics_json, seconds "
                                 "FROM epoch_metrics WHERE run_id = ?1 ORDER BY epoch"));
    q.bind(1, runId);
    return collect<EpochMetricsRecord>(q, [](const SqliteStatement& row) {
        EpochMetricsRecord r;
        r.runId = row.int64(0);
        r.epoch = static_cast<int>(row.int64(1));
        r.trainLoss = row.real(2);
        r.devLoss = row.optionalReal(3);
        r.metricsJson = row.text(4);
        r.seconds = row.real(5);
        return r;
    });
}

Status ProjectStore::saveRule(RuleRecord rule)
{
    if (rule.name.empty()) rule.name = "default";
    if (rule.updatedAt == 0) rule.updatedAt = nowSeconds();
    return transaction([&]() -> Status {
        SqliteStatement q;
        TAGBENCH_TRY(q.prepare(m_db, "INSERT OR REPLACE INTO rules (run_id, name, rule_json, updated_at) "
                                     "VALUES (?1, ?2, ?3, ?4)"));
        q.bind(1, rule.runId).bind(2, rule.name).bind(3, rule.ruleJson).bind(4, rule.updatedAt);
        return q.run();
    });
}

namespace {

RuleRecord readRule(const SqliteStatement& q)
{
    RuleRecord r;
    r.runId = q.int64(0);
    r.name = q.text(1);
    r.ruleJson = q.text(2);
    r.updatedAt = q.int64(3);
    return r;
}

ReviewRecord readReview(const SqliteStatement& q)
{
    ReviewRecord r;
    r.runId = q.int64(0);
    r.split = q.text(1);
    r.docIndex = q.int64(2);
    r.docId = q.text(3);
    r.decision = parseReviewDecision(q.text(4)).value_or(ReviewDecision::Skipped);
    r.correctedLabels = decodeLabels(q.text(5));
    r.annotator = q.text(6);
    r.reviewedAt = q.int64(7);
    return r;
}

} // namespace

Result<std::optional<RuleRecord>> ProjectStore::loadRule(std::int64_t runId, const std::string& name) const
{
    SqliteStatement q;
    TAGBENCH_TRY(q.prepare(m_db, "SELECT run_id, name, rule_json, updated_at FROM rules WHERE run_id = ?1 AND name = ?2"));
    q.bind(1, runId).bind(2, name);
    auto rows = collect<RuleRecord>(q, readRule);
    if (!rows) return rows.error();
    if (rows->empty()) return std::optional<RuleRecord>();
    return std::optional<RuleRecord>(std::move(rows->front()));
}

Result<std::vector<RuleRecord>> ProjectStore::listRules(std::int64_t runId) const
{
    SqliteStatement q;
    TAGBENCH_TRY(q.prepare(m_db, "SELECT run_id, name, rule_json, updated_at FROM rules WHERE run_id = ?1 ORDER BY name"));
    q.bind(1, runId);
    return collect<RuleRecord>(q, readRule);
}

Status ProjectStore::recordReview(ReviewRecord review)
{
    if (review.reviewedAt == 0) review.reviewedAt = nowSeconds();
    return transaction([&]() -> Status {
        SqliteStatement q;
        TAGBENCH_TRY(q.prepare(m_db, "INSERT OR REPLACE INTO reviews (run_id, split, doc_index, doc_id, decision, "
                                     "corrected_labels, annotator, reviewed_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"));
        q.bind(1, review.runId).bind(2, review.split).bind(3, review.docIndex).bind(4, review.docId);
        q.bind(5, reviewDecisionName(review.decision)).bind(6, encodeLabels(review.correctedLabels));
        q.bind(7, review.annotator).bind(8, review.reviewedAt);
        return q.run();
    });
}

Status ProjectStore::removeReview(std::int64_t runId, const std::string& split, std::int64_t docIndex)
{
    return transaction([&]() -> Status {
        SqliteStatement q;
        TAGBENCH_TRY(q.prepare(m_db, "DELETE FROM reviews WHERE run_id = ?1 AND split = ?2 AND doc_index = ?3"));
        q.bind(1, runId).bind(2, split).bind(3, docIndex);
        return q.run();
    });
}

Result<std::vector<ReviewRecord>> ProjectStore::listReviews(std::int64_t runId, const std::string& split) const
{
    SqliteStatement q;
    TAGBENCH_TRY(q.prepare(m_db, "SELECT run_id, split, doc_index, doc_id, decision, corrected_labels, annotator, "
                                 "reviewed_at FROM reviews WHERE run_id = ?1 AND (?2 = '' OR split = ?2) "
                                 "ORDER BY split, doc_index"));
    q.bind(1, runId).bind(2, split);
    return collect<ReviewRecord>(q, readReview);
}

Status ProjectStore::setVocabularyReference(const VocabularyReference& reference)
{
    return transaction([&]() -> Status {
        SqliteStatement q;
        TAGBENCH_TRY(q.prepare(m_db, "INSERT OR REPLACE INTO project_settings (key, value) VALUES (?1, ?2)"));
        const std::pair<const char*, std::string> rows[] = {{"vocabulary.path", reference.path},
                                                            {"vocabulary.hash", reference.contentHash},
                                                            {"vocabulary.size", std::to_string(reference.size)}};
        for (const auto& [key, value] : rows) {
            q.reset().bind(1, std::string_view(key)).bind(2, value);
            TAGBENCH_TRY(q.run());
        }
        return {};
    });
}

Result<std::optional<VocabularyReference>> ProjectStore::vocabularyReference() const
{
    SqliteStatement q;
    TAGBENCH_TRY(q.prepare(m_db, "SELECT key, value FROM project_settings WHERE key LIKE 'vocabulary.%'"));
    VocabularyReference reference;
    bool found = false;
    for (;;) {
        auto row = q.step();
        if (!row) return row.error();
        if (!*row) break;
        const std::string key = q.text(0);
        const std::string value = q.text(1);
        if (key == "vocabulary.path") {
            reference.path = value;
            found = true;
        } else if (key == "vocabulary.hash") {
            reference.contentHash = value;
        } else if (key == "vocabulary.size") {
            reference.size = std::strtoll(value.c_str(), nullptr, 10);
        }
    }
    if (!found) return std::optional<VocabularyReference>();
    return std::optional<VocabularyReference>(std::move(reference));
}

} // namespace tagbench
