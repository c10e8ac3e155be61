#include "core/storage/ProjectStore.h"

#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

#include <sqlite3.h>

#include <csignal>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <sys/wait.h>
#include <unistd.h>

using namespace tagbench;

namespace {

constexpr int kEpochsPerRun = 5;

#define REQUIRE_OK(expr)                                                                                               \
    do {                                                                                                               \
        const auto& r_ = (expr);                                                                                       \
        QVERIFY2(r_.ok(), r_.ok() ? "" : r_.message().c_str());                                                       \
    } while (false)

// Raw SQLite access for what the API deliberately hides (fixtures, integrity checks).
class RawDb final {
public:
    explicit RawDb(const std::string& path) { sqlite3_open(path.c_str(), &m_db); }
    ~RawDb() { sqlite3_close(m_db); }
    bool exec(const std::string& sql) { return sqlite3_exec(m_db, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK; }
    std::string scalar(const std::string& sql)
    {
        sqlite3_stmt* stmt = nullptr;
        std::string out = "<error>";
        if (sqlite3_prepare_v2(m_db, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK && sqlite3_step(stmt) == SQLITE_ROW) {
            const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
            out = text ? text : "";
        }
        sqlite3_finalize(stmt);
        return out;
    }

private:
    sqlite3* m_db = nullptr;
};

std::string readFile(const std::string& path)
{
    std::ifstream in(path);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// The child of killMidWriteNeverCorrupts: commits runs of kEpochsPerRun epochs in a loop and
// reports each committed run number through the pipe. Never returns.
[[noreturn]] void writeUntilKilled(const std::string& path, int firstRun, int reportFd)
{
    auto store = ProjectStore::open(path);
    if (!store) _exit(2);
    for (int run = firstRun;; ++run) {
        const Status st = store->transaction([&]() -> Status {
            RunRecord record;
            record.runDir = "/runs/run-" + std::to_string(run);
            record.configJson = std::string(2000, 'c');  // big enough to span pages
            record.modelType = "fasttext";
            auto id = store->addRun(record);
            if (!id) return id.error();
            for (int epoch = 1; epoch <= kEpochsPerRun; ++epoch) {
                EpochMetricsRecord m;
                m.runId = *id;
                m.epoch = epoch;
                m.trainLoss = 1.0 / epoch;
                m.metricsJson = "{\"run\":" + std::to_string(run) + "}";
                if (auto s = store->addEpochMetrics(m); !s) return s;
            }
            return store->setRunStatus(*id, RunStatus::Finished);
        });
        if (!st) _exit(3);
        if (::write(reportFd, &run, sizeof run) != sizeof run) _exit(4);
    }
}

} // namespace

class ProjectStoreTest final : public QObject {
    Q_OBJECT

private slots:
    void init();
    void createsCurrentSchemaInWalMode();
    void datasetsCrud();
    void runsAndEpochs();
    void rulesSaveLoad();
    void reviewsRecordAndReplace();
    void vocabularyReference();
    void failedTransactionLeavesNoTrace();
    void nestedTransactionsCommitTogether();
    void migratesFromVersion1();
    void refusesNewerSchema();
    void refusesNonDatabase();
    void killMidWriteNeverCorrupts();
    void concurrentWritersFromTwoProcesses();

private:
    std::string projectPath() const { return m_dir->filePath("project.tagbench").toStdString(); }
    std::unique_ptr<QTemporaryDir> m_dir;
};

void ProjectStoreTest::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void ProjectStoreTest::createsCurrentSchemaInWalMode()
{
    auto store = ProjectStore::open(projectPath());
    REQUIRE_OK(store);
    REQUIRE_OK(store->schemaVersion());
    QCOMPARE(*store->schemaVersion(), ProjectStore::kSchemaVersion);
    RawDb raw(projectPath());
    QCOMPARE(raw.scalar("PRAGMA journal_mode"), std::string("wal"));
    // Opening again is a no-op migration.
    auto again = ProjectStore::open(projectPath());
    REQUIRE_OK(again);
    QCOMPARE(*again->schemaVersion(), ProjectStore::kSchemaVersion);
}

void ProjectStoreTest::datasetsCrud()
{
    auto store = ProjectStore::open(projectPath());
    REQUIRE_OK(store);
    const std::string file = m_dir->filePath("train.jsonl").toStdString();
    std::ofstream(file) << "abc";
    DatasetRecord record;
    record.path = file;
    record.format = "jsonl";
    record.split = "train";
    record.documents = 3;
    record.labels = 2;
    record.bytes = 3;
    const auto id = store->addDataset(record);
    REQUIRE_OK(id);
    const auto listed = store->listDatasets();
    REQUIRE_OK(listed);
    QCOMPARE(listed->size(), std::size_t(1));
    const DatasetRecord& got = listed->front();
    QCOMPARE(got.id, *id);
    QCOMPARE(got.path, file);
    QCOMPARE(got.contentHash, std::string("xxh64:44bc2cf5ad770999"));  // filled from the file
    QCOMPARE(got.split, std::string("train"));
    QCOMPARE(got.documents, std::int64_t(3));
    QVERIFY(got.addedAt > 1600000000);
    const auto found = store->findDatasetByHash(got.contentHash);
    REQUIRE_OK(found);
    QVERIFY(found->has_value());
    QCOMPARE((*found)->id, *id);
    REQUIRE_OK(store->removeDataset(*id));
    QVERIFY(store->listDatasets()->empty());
    // A file that cannot be hashed is an error naming it.
    record.path = file + ".gone";
    const auto missing = store->addDataset(record);
    QVERIFY(!missing.ok());
    QVERIFY(missing.message().find(".gone") != std::string::npos);
}

void ProjectStoreTest::runsAndEpochs()
{
    auto store = ProjectStore::open(projectPath());
    REQUIRE_OK(store);
    RunRecord run;
    run.runDir = "/runs/a";
    run.configJson = R"({"model":"textcnn","epochs":3})";
    run.modelType = "textcnn";
    run.createdAt = 100;
    const auto id = store->addRun(run);
    REQUIRE_OK(id);
    RunRecord second = run;
    second.runDir = "/runs/b";
    second.createdAt = 200;
    const auto id2 = store->addRun(second);
    REQUIRE_OK(id2);
    QVERIFY(!store->addRun(run).ok());  // run_dir is unique

    for (int epoch = 1; epoch <= 3; ++epoch) {
        EpochMetricsRecord m;
        m.runId = *id;
        m.epoch = epoch;
        m.trainLoss = 1.0 / epoch;
        m.devLoss = epoch == 2 ? std::nullopt : std::optional<double>(0.5 / epoch);
        m.metricsJson = R"({"micro_f1":0.)" + std::to_string(epoch) + "}";
        m.seconds = 1.5;
        REQUIRE_OK(store->addEpochMetrics(m));
    }
    const auto epochs = store->epochMetrics(*id);
    REQUIRE_OK(epochs);
    QCOMPARE(epochs->size(), std::size_t(3));
    QCOMPARE((*epochs)[1].epoch, 2);
    QVERIFY(!(*epochs)[1].devLoss.has_value());
    QCOMPARE(*(*epochs)[2].devLoss, 0.5 / 3);
    QCOMPARE((*epochs)[2].metricsJson, std::string(R"({"micro_f1":0.3})"));

    REQUIRE_OK(store->setRunStatus(*id, RunStatus::Running));
    auto loaded = store->run(*id);
    REQUIRE_OK(loaded);
    QCOMPARE((*loaded)->status, RunStatus::Running);
    QVERIFY(!(*loaded)->finishedAt.has_value());
    RunRecord updated = **loaded;
    updated.status = RunStatus::Finished;
    updated.metricsJson = R"({"micro_f1":0.3})";
    updated.finishedAt = 999;
    REQUIRE_OK(store->updateRun(updated));
    loaded = store->run(*id);
    QCOMPARE((*loaded)->status, RunStatus::Finished);
    QCOMPARE((*loaded)->metricsJson, updated.metricsJson);
    QCOMPARE(*(*loaded)->finishedAt, std::int64_t(999));
    QCOMPARE((*loaded)->configJson, run.configJson);

    const auto runs = store->listRuns();
    REQUIRE_OK(runs);
    QCOMPARE(runs->size(), std::size_t(2));
    QCOMPARE(runs->front().id, *id2);  // newest first

    const auto byDir = store->runByDir("/runs/b");
    REQUIRE_OK(byDir);
    QVERIFY(byDir->has_value());
    QCOMPARE((*byDir)->id, *id2);
    QVERIFY(!store->runByDir("/runs/none")->has_value());

    updated.id = 12345;
    QVERIFY(!store->updateRun(updated).ok());
    QVERIFY(!store->setRunStatus(12345, RunStatus::Failed).ok());

    REQUIRE_OK(store->removeRun(*id));
    QVERIFY(!store->run(*id)->has_value());
    QVERIFY(store->epochMetrics(*id)->empty());  // cascaded
}

void ProjectStoreTest::rulesSaveLoad()
{
    auto store = ProjectStore::open(projectPath());
    REQUIRE_OK(store);
    RunRecord run;
    run.runDir = "/runs/r";
    run.configJson = "{}";
    run.modelType = "fasttext";
    const auto id = store->addRun(run);
    REQUIRE_OK(id);
    RuleRecord rule;
    rule.runId = *id;
    rule.ruleJson = R"({"kind":"per_label","thresholds":{"新车上市":0.42,"谍照":0.3}})";
    REQUIRE_OK(store->saveRule(rule));
    auto loaded = store->loadRule(*id);
    REQUIRE_OK(loaded);
    QVERIFY(loaded->has_value());
    QCOMPARE((*loaded)->name, std::string("default"));
    QCOMPARE((*loaded)->ruleJson, rule.ruleJson);
    rule.ruleJson = R"({"kind":"top_k","k":3})";
    REQUIRE_OK(store->saveRule(rule));  // replaces
    RuleRecord named = rule;
    named.name = "high-precision";
    REQUIRE_OK(store->saveRule(named));
    QCOMPARE((*store->loadRule(*id))->ruleJson, rule.ruleJson);
    QCOMPARE(store->listRules(*id)->size(), std::size_t(2));
    QVERIFY(!store->loadRule(*id, "absent")->has_value());
    // Rules belong to an existing run.
    RuleRecord orphan = rule;
    orphan.runId = 777;
    QVERIFY(!store->saveRule(orphan).ok());
}

void ProjectStoreTest::reviewsRecordAndReplace()
{
    auto store = ProjectStore::open(projectPath());
    REQUIRE_OK(store);
    RunRecord run;
    run.runDir = "/runs/v";
    run.configJson = "{}";
    run.modelType = "textcnn";
    const auto id = store->addRun(run);
    REQUIRE_OK(id);
    ReviewRecord review;
    review.runId = *id;
    review.split = "test";
    review.docIndex = 4;
    review.docId = "doc-4";
    review.decision = ReviewDecision::Corrected;
    review.correctedLabels = {"新车上市", "label, with comma", "quote\"d"};
    review.annotator = "li";
    REQUIRE_OK(store->recordReview(review));
    ReviewRecord dev = review;
    dev.split = "dev";
    dev.decision = ReviewDecision::Accepted;
    dev.correctedLabels.clear();
    REQUIRE_OK(store->recordReview(dev));
    auto all = store->listReviews(*id);
    REQUIRE_OK(all);
    QCOMPARE(all->size(), std::size_t(2));
    QCOMPARE(all->front().split, std::string("dev"));
    const auto testOnly = store->listReviews(*id, "test");
    REQUIRE_OK(testOnly);
    QCOMPARE(testOnly->size(), std::size_t(1));
    QCOMPARE(testOnly->front().correctedLabels, review.correctedLabels);
    QCOMPARE(testOnly->front().decision, ReviewDecision::Corrected);
    QCOMPARE(testOnly->front().annotator, std::string("li"));
    QVERIFY(testOnly->front().reviewedAt > 0);
    // Reviewing the same document again replaces the decision.
    review.decision = ReviewDecision::Skipped;
    review.correctedLabels.clear();
    REQUIRE_OK(store->recordReview(review));
    const auto replaced = store->listReviews(*id, "test");
    QCOMPARE(replaced->size(), std::size_t(1));
    QCOMPARE(replaced->front().decision, ReviewDecision::Skipped);
    QVERIFY(replaced->front().correctedLabels.empty());
    // Removing forgets that one document's decision only (undo of a first decision).
    REQUIRE_OK(store->removeReview(*id, "test", 4));
    QVERIFY(store->listReviews(*id, "test")->empty());
    QCOMPARE(store->listReviews(*id, "dev")->size(), std::size_t(1));
    REQUIRE_OK(store->removeReview(*id, "test", 4));   // nothing left to remove is not an error
}

void ProjectStoreTest::vocabularyReference()
{
    auto store = ProjectStore::open(projectPath());
    REQUIRE_OK(store);
    QVERIFY(!store->vocabularyReference()->has_value());
    REQUIRE_OK(store->setVocabularyReference({"/runs/a/vocab.tsv", "xxh64:00000000000000ff", 50002}));
    REQUIRE_OK(store->setVocabularyReference({"/runs/b/vocab.tsv", "xxh64:00000000000000aa", 40000}));
    const auto ref = store->vocabularyReference();
    REQUIRE_OK(ref);
    QVERIFY(ref->has_value());
    QCOMPARE((*ref)->path, std::string("/runs/b/vocab.tsv"));
    QCOMPARE((*ref)->contentHash, std::string("xxh64:00000000000000aa"));
    QCOMPARE((*ref)->size, std::int64_t(40000));
}

void ProjectStoreTest::failedTransactionLeavesNoTrace()
{
    auto store = ProjectStore::open(projectPath());
    REQUIRE_OK(store);
    const Status failed = store->transaction([&]() -> Status {
        RunRecord run;
        run.runDir = "/runs/doomed";
        run.configJson = "{}";
        run.modelType = "textcnn";
        auto id = store->addRun(run);
        if (!id) return id.error();
        return Error{"the user cancelled"};
    });
    QVERIFY(!failed.ok());
    QCOMPARE(failed.message(), std::string("the user cancelled"));
    QVERIFY(store->listRuns()->empty());
    // The store stays usable.
    RunRecord run;
    run.runDir = "/runs/kept";
    run.configJson = "{}";
    run.modelType = "textcnn";
    REQUIRE_OK(store->addRun(run));
    QCOMPARE(store->listRuns()->size(), std::size_t(1));
}

void ProjectStoreTest::nestedTransactionsCommitTogether()
{
    auto store = ProjectStore::open(projectPath());
    REQUIRE_OK(store);
    auto makeRun = [](const char* dir) {
        RunRecord run;
        run.runDir = dir;
        run.configJson = "{}";
        run.modelType = "m";
        return run;
    };
    const Status st = store->transaction([&]() -> Status {
        if (auto id = store->addRun(makeRun("/runs/outer")); !id) return id.error();
        // An inner failure rolls back only the inner part.
        const Status inner = store->transaction([&]() -> Status {
            if (auto id = store->addRun(makeRun("/runs/inner")); !id) return id.error();
            return Error{"inner failed"};
        });
        if (inner.ok()) return Error{"inner should have failed"};
        // Another process sees nothing before the outer commit.
        RawDb other(projectPath());
        if (other.scalar("SELECT count(*) FROM runs") != "0") return Error{"uncommitted row visible"};
        return {};
    });
    REQUIRE_OK(st);
    const auto runs = store->listRuns();
    QCOMPARE(runs->size(), std::size_t(1));
    QCOMPARE(runs->front().runDir, std::string("/runs/outer"));
}

void ProjectStoreTest::migratesFromVersion1()
{
    {
        RawDb raw(projectPath());
        QVERIFY(raw.exec(readFile(std::string(TAGBENCH_TEST_DATA) + "/storage/project_v1.sql")));
        QCOMPARE(raw.scalar("PRAGMA user_version"), std::string("1"));
    }
    auto store = ProjectStore::open(projectPath());
    REQUIRE_OK(store);
    QCOMPARE(*store->schemaVersion(), ProjectStore::kSchemaVersion);
    const auto datasets = store->listDatasets();
    REQUIRE_OK(datasets);
    QCOMPARE(datasets->size(), std::size_t(1));
    QCOMPARE(datasets->front().path, std::string("/data/car-news/train.jsonl"));
    QCOMPARE(datasets->front().split, std::string());  // new column, default
    const auto run = store->run(7);
    REQUIRE_OK(run);
    QVERIFY(run->has_value());
    QCOMPARE((*run)->status, RunStatus::Finished);
    QVERIFY(!(*run)->trainDatasetId.has_value());
    QCOMPARE(store->epochMetrics(7)->size(), std::size_t(2));
    // Tables added by version 2 work on the migrated file.
    RuleRecord rule;
    rule.runId = 7;
    rule.ruleJson = "{}";
    REQUIRE_OK(store->saveRule(rule));
    REQUIRE_OK(store->recordReview({7, "test", 0, "d0", ReviewDecision::Accepted, {}, "an", 0}));
}

void ProjectStoreTest::refusesNewerSchema()
{
    {
        RawDb raw(projectPath());
        QVERIFY(raw.exec("CREATE TABLE future (x); PRAGMA user_version = 99;"));
    }
    const auto store = ProjectStore::open(projectPath());
    QVERIFY(!store.ok());
    QVERIFY2(store.message().find("newer Tagbench") != std::string::npos, store.message().c_str());
    QVERIFY(store.message().find("project.tagbench") != std::string::npos);
    RawDb raw(projectPath());
    QCOMPARE(raw.scalar("PRAGMA user_version"), std::string("99"));  // untouched
}

void ProjectStoreTest::refusesNonDatabase()
{
    std::ofstream(projectPath()) << "id\ttext\n1\tthis is a TSV file, not a project\n";
    const auto store = ProjectStore::open(projectPath());
    QVERIFY(!store.ok());
    QVERIFY2(store.message().find("not a Tagbench project") != std::string::npos, store.message().c_str());
    QCOMPARE(readFile(projectPath()).substr(0, 7), std::string("id\ttext"));  // not overwritten
}

void ProjectStoreTest::killMidWriteNeverCorrupts()
{
    const std::string path = projectPath();
    REQUIRE_OK(ProjectStore::open(path));  // create the schema before forking
    int committed = 0;  // runs 0 .. committed-1 are known to be committed
    for (int round = 0; round < 8; ++round) {
        int fds[2];
        QVERIFY(::pipe(fds) == 0);
        const pid_t child = ::fork();
        QVERIFY(child >= 0);
        if (child == 0) {
            ::close(fds[0]);
            writeUntilKilled(path, committed, fds[1]);
        }
        ::close(fds[1]);
        // Let it commit a few runs, then kill it without warning, most likely inside a commit.
        int lastReported = committed - 1;
        const int target = committed + 5 + round;
        while (lastReported < target) {
            int run = 0;
            const ssize_t n = ::read(fds[0], &run, sizeof run);
            if (n != sizeof run) break;
            lastReported = run;
        }
        // A random pause moves the kill to a random point of the child's next transaction.
        ::usleep(static_cast<useconds_t>(QRandomGenerator::global()->bounded(3000)));
        ::kill(child, SIGKILL);
        int status = 0;
        ::waitpid(child, &status, 0);
        ::close(fds[0]);
        QVERIFY2(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL, "the writer died before it was killed");
        QVERIFY(lastReported >= target);

        {
            RawDb raw(path);
            QCOMPARE(raw.scalar("PRAGMA integrity_check"), std::string("ok"));
        }
        auto store = ProjectStore::open(path);
        REQUIRE_OK(store);
        const auto runs = store->listRuns();
        REQUIRE_OK(runs);
        // Every reported commit is there, plus those committed during the pause before the kill.
        const int found = static_cast<int>(runs->size());
        QVERIFY2(found >= lastReported + 1,
                 qPrintable(QString("found %1 runs, last reported %2").arg(found).arg(lastReported)));
        std::vector<bool> seen(static_cast<std::size_t>(found), false);
        for (const auto& run : *runs) {
            const int number = std::stoi(run.runDir.substr(run.runDir.rfind('-') + 1));
            QVERIFY(number >= 0 && number < found && !seen[static_cast<std::size_t>(number)]);
            seen[static_cast<std::size_t>(number)] = true;
            // No partial transaction: a visible run has all its epochs and its final status.
            QCOMPARE(run.status, RunStatus::Finished);
            QCOMPARE(store->epochMetrics(run.id)->size(), std::size_t(kEpochsPerRun));
        }
        committed = found;
    }
    QVERIFY(committed >= 8 * 5 + 28);
}

void ProjectStoreTest::concurrentWritersFromTwoProcesses()
{
    // Two processes write to one project at once: the write lock serialises them (busy timeout),
    // nobody fails with "database is locked", and every row of both arrives.
    const std::string path = projectPath();
    REQUIRE_OK(ProjectStore::open(path));
    constexpr int kRunsPerWriter = 40;
    pid_t children[2];
    for (int w = 0; w < 2; ++w) {
        children[w] = ::fork();
        QVERIFY(children[w] >= 0);
        if (children[w] == 0) {
            auto store = ProjectStore::open(path);
            if (!store) _exit(2);
            for (int i = 0; i < kRunsPerWriter; ++i) {
                RunRecord run;
                run.runDir = "/runs/w" + std::to_string(w) + "-" + std::to_string(i);
                run.configJson = "{}";
                run.modelType = "fasttext";
                auto id = store->addRun(run);
                if (!id) _exit(3);
                if (!store->addEpochMetrics({*id, 1, 0.5, std::nullopt, "{}", 0.1})) _exit(4);
            }
            _exit(0);
        }
    }
    for (const pid_t child : children) {
        int status = 0;
        ::waitpid(child, &status, 0);
        QVERIFY2(WIFEXITED(status) && WEXITSTATUS(status) == 0, "a writer failed");
    }
    auto store = ProjectStore::open(path);
    REQUIRE_OK(store);
    const auto runs = store->listRuns();
    REQUIRE_OK(runs);
    QCOMPARE(runs->size(), std::size_t(2 * kRunsPerWriter));
    for (const auto& run : *runs) QCOMPARE(store->epochMetrics(run.id)->size(), std::size_t(1));
}

QTEST_APPLESS_MAIN(ProjectStoreTest)
#include "ProjectStoreTest.moc"
