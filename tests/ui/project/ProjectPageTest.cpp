#include "core/eval/ScoreMatrix.h"
#include "ui/evaluate/EvaluationSession.h"
#include "ui/LanguageManager.h"
#include "ui/MainWindow.h"
#include "ui/project/ProjectPage.h"
#include "ui/project/ProjectSession.h"
#include "ui/data/Workspace.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using tagbench::ui::LanguageManager;
using tagbench::ui::MainWindow;
using tagbench::ui::ProjectSession;

namespace {
QString fixture(const char* name)
{
    return QStringLiteral(TAGBENCH_TEST_DATA "/ui/") + QLatin1String(name);
}

bool writeRun(const QString& dir)
{
    QDir().mkpath(dir + QStringLiteral("/scores"));
    QFile labels(dir + QStringLiteral("/labels.txt"));
    if (!labels.open(QIODevice::WriteOnly))
        return false;
    labels.write("A\nB\n");
    labels.close();
    QFile config(dir + QStringLiteral("/config.json"));
    if (!config.open(QIODevice::WriteOnly))
        return false;
    config.write(R"({"model": "FastText", "eval": {"threshold": 0.5, "top_k": 0}})");
    config.close();
    tagbench::eval::ScoreMatrix scores({"A", "B"});
    return scores.addDocument("d0", std::vector<float>{0.9f, 0.2f}, {0}).ok()
        && scores.save(QFile::encodeName(dir + QStringLiteral("/scores/dev.scores")).toStdString()).ok();
}
} // namespace

class ProjectPageTest final : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void datasetsAndRunsOpenedWithAProjectAreRecorded();
    void unreadableProjectIsReported();

private:
    LanguageManager m_languages;
    QTemporaryDir m_temp;
};

void ProjectPageTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("TagbenchTest"));
    m_languages.applyLanguage(QStringLiteral("en"));
    QVERIFY(m_temp.isValid());
}

void ProjectPageTest::datasetsAndRunsOpenedWithAProjectAreRecorded()
{
    const QString projectPath = m_temp.filePath(QStringLiteral("cars.tagbench-project"));
    const QString runDir = m_temp.filePath(QStringLiteral("run-1"));
    QVERIFY(writeRun(runDir));
    {
        MainWindow window(&m_languages);
        window.openPath(projectPath);
        QVERIFY(window.project()->isOpen());
        QVERIFY(window.windowTitle().startsWith(QStringLiteral("cars")));

        window.openPath(fixture("labels-zh.jsonl"));
        QTRY_COMPARE(window.workspace()->datasets().size(), 1);
        QCOMPARE(window.project()->datasets().size(), std::size_t{1});
        QCOMPARE(window.project()->datasets()[0].documents, 150);
        QCOMPARE(window.project()->datasets()[0].labels, 5);
        QCOMPARE(window.findChild<QTableWidget*>(QStringLiteral("projectDatasets"))->rowCount(), 1);

        // The same file again is the same dataset (content hash), not a second record.
        window.openPath(fixture("labels-zh.jsonl"));
        QTRY_VERIFY(!window.workspace()->isLoading());
        QCOMPARE(window.project()->datasets().size(), std::size_t{1});

        window.openPath(runDir);
        QTRY_VERIFY(window.evaluation()->hasRun());
        QCOMPARE(window.project()->runs().size(), std::size_t{1});
        QCOMPARE(window.project()->runs()[0].modelType, std::string("FastText"));
        QCOMPARE(window.findChild<QTableWidget*>(QStringLiteral("projectRuns"))->rowCount(), 1);
    }
    // Everything is in the file: a fresh session sees it.
    ProjectSession reopened;
    QVERIFY(reopened.open(projectPath).ok());
    QCOMPARE(reopened.datasets().size(), std::size_t{1});
    QVERIFY(QString::fromStdString(reopened.datasets()[0].path).endsWith(QStringLiteral("labels-zh.jsonl")));
    QVERIFY(QString::fromStdString(reopened.datasets()[0].contentHash).startsWith(QStringLiteral("xxh64:")));
    QCOMPARE(reopened.runs().size(), std::size_t{1});
    QCOMPARE(ProjectSession::recentProjects().value(0), QFileInfo(projectPath).absoluteFilePath());

    QVERIFY(reopened.removeRun(reopened.runs()[0].id).ok());
    QVERIFY(reopened.runs().empty());
    QVERIFY(QDir(runDir).exists());   // forgetting a run keeps its files
}

void ProjectPageTest::unreadableProjectIsReported()
{
    const QString bogus = m_temp.filePath(QStringLiteral("not-sqlite.tagbench-project"));
    QFile file(bogus);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("this is not an SQLite database, just text that happens to have the suffix\n");
    file.close();
    ProjectSession session;
    const tagbench::Status status = session.open(bogus);
    QVERIFY(!status.ok());
    QVERIFY2(QString::fromStdString(status.message()).contains(QStringLiteral("not-sqlite")), status.message().c_str());
    QVERIFY(!session.isOpen());
}

QTEST_MAIN(ProjectPageTest)
#include "ProjectPageTest.moc"
