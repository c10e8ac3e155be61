#include "core/storage/ProjectRecords.h"
#include "ui/project/ProjectSession.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using tagbench::RunRecord;
using tagbench::RunStatus;
using tagbench::ui::ProjectSession;

Q_DECLARE_METATYPE(tagbench::RunStatus)

namespace {
bool writeFile(const QString& path, const QByteArray& content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(content) == content.size();
}

QString runJson(const char* status, int epochsDone)
{
    return QStringLiteral(R"({"status": "%1", "epochs_done": %2, "best_dev_micro_f1": 0.5})")
        .arg(QLatin1String(status))
        .arg(epochsDone);
}
} // namespace

class ProjectSessionTest final : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void addingARunAgainRefreshesItsRecord_data();
    void addingARunAgainRefreshesItsRecord();
    void unchangedRunIsNotRewritten();
    void runWithoutSummaryKeepsWhatWasRecorded();

private:
    QTemporaryDir m_temp;
    QString m_project;
    QString m_runDir;
};

void ProjectSessionTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("TagbenchTest"));
    QVERIFY(m_temp.isValid());
}

void ProjectSessionTest::init()
{
    static int counter = 0;
    ++counter;
    m_project = m_temp.filePath(QStringLiteral("p%1.tagbench-project").arg(counter));
    m_runDir = m_temp.filePath(QStringLiteral("run%1").arg(counter));
    QVERIFY(QDir().mkpath(m_runDir));
    QVERIFY(writeFile(m_runDir + QStringLiteral("/config.json"), R"({"model": "FastText"})"));
}

void ProjectSessionTest::addingARunAgainRefreshesItsRecord_data()
{
    QTest::addColumn<QString>("firstSummary");   // empty: no run.json yet
    QTest::addColumn<RunStatus>("firstStatus");
    QTest::addColumn<QString>("secondSummary");
    QTest::addColumn<RunStatus>("secondStatus");
    QTest::newRow("cancelled, resumed to completion")
        << runJson("cancelled", 2) << RunStatus::Cancelled << runJson("completed", 5) << RunStatus::Finished;
    QTest::newRow("running, then stopped early")
        << runJson("running", 1) << RunStatus::Running << runJson("early_stopped", 4) << RunStatus::Finished;
    QTest::newRow("created, then cancelled") << QString() << RunStatus::Created << runJson("cancelled", 1)
                                             << RunStatus::Cancelled;
}

void ProjectSessionTest::addingARunAgainRefreshesItsRecord()
{
    QFETCH(QString, firstSummary);
    QFETCH(RunStatus, firstStatus);
    QFETCH(QString, secondSummary);
    QFETCH(RunStatus, secondStatus);
    const QString summaryPath = m_runDir + QStringLiteral("/run.json");
    {
        ProjectSession session;
        QVERIFY(session.open(m_project).ok());
        if (!firstSummary.isEmpty())
            QVERIFY(writeFile(summaryPath, firstSummary.toUtf8()));
        const auto first = session.addRun(m_runDir);
        QVERIFY2(first.ok(), first.ok() ? "" : first.message().c_str());
        QCOMPARE(session.runs().size(), std::size_t{1});
        QCOMPARE(session.runs()[0].status, firstStatus);
        QVERIFY(!session.runs()[0].finishedAt.has_value() || firstStatus == RunStatus::Cancelled);

        // The run is resumed: new summary, new config; adding it again updates the same record.
        QVERIFY(writeFile(summaryPath, secondSummary.toUtf8()));
        QVERIFY(writeFile(m_runDir + QStringLiteral("/config.json"), R"({"model": "TextCNN"})"));
        QSignalSpy changed(&session, &ProjectSession::changed);
        const auto second = session.addRun(m_runDir);
        QVERIFY2(second.ok(), second.ok() ? "" : second.message().c_str());
        QCOMPARE(*second, *first);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(session.runs().size(), std::size_t{1});
        QCOMPARE(session.runs()[0].status, secondStatus);
    }
    // It is in the file, not only in the session's cache.
    ProjectSession reopened;
    QVERIFY(reopened.open(m_project).ok());
    QCOMPARE(reopened.runs().size(), std::size_t{1});
    const RunRecord run = reopened.runs().at(0);   // runs() returns a copy
    QCOMPARE(run.status, secondStatus);
    QCOMPARE(run.modelType, std::string("TextCNN"));
    QVERIFY(QString::fromStdString(run.configJson).contains(QStringLiteral("TextCNN")));
    QVERIFY(QString::fromStdString(run.metricsJson).contains(QStringLiteral("\"epochs_done\":")));
    QCOMPARE(QString::fromStdString(run.metricsJson).contains(QStringLiteral("\"status\":\"cancelled\"")),
             secondStatus == RunStatus::Cancelled);
    QVERIFY(run.finishedAt.has_value());
}

void ProjectSessionTest::unchangedRunIsNotRewritten()
{
    QVERIFY(writeFile(m_runDir + QStringLiteral("/run.json"), runJson("completed", 3).toUtf8()));
    ProjectSession session;
    QVERIFY(session.open(m_project).ok());
    const auto first = session.addRun(m_runDir);
    QVERIFY(first.ok());
    QSignalSpy changed(&session, &ProjectSession::changed);
    const auto again = session.addRun(m_runDir + QStringLiteral("/."));   // same folder, other spelling
    QVERIFY(again.ok());
    QCOMPARE(*again, *first);
    QCOMPARE(changed.count(), 0);
    QCOMPARE(session.runs().size(), std::size_t{1});
}

void ProjectSessionTest::runWithoutSummaryKeepsWhatWasRecorded()
{
    const QString summaryPath = m_runDir + QStringLiteral("/run.json");
    QVERIFY(writeFile(summaryPath, runJson("cancelled", 2).toUtf8()));
    ProjectSession session;
    QVERIFY(session.open(m_project).ok());
    QVERIFY(session.addRun(m_runDir).ok());
    const RunRecord before = session.runs().at(0);
    // run.json gone (e.g. a restart rewrote the folder) and config.json unreadable: nothing to
    // learn from the files, so the record keeps its status, metrics and config.
    QVERIFY(QFile::remove(summaryPath));
    QVERIFY(QFile::remove(m_runDir + QStringLiteral("/config.json")));
    QVERIFY(session.addRun(m_runDir).ok());
    const RunRecord after = session.runs().at(0);
    QCOMPARE(after.status, RunStatus::Cancelled);
    QCOMPARE(after.metricsJson, before.metricsJson);
    QCOMPARE(after.configJson, before.configJson);
    QCOMPARE(after.modelType, std::string("FastText"));
}

QTEST_GUILESS_MAIN(ProjectSessionTest)
#include "ProjectSessionTest.moc"
