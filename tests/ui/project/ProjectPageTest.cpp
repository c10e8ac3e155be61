#include "core/eval/ScoreMatrix.h"
#include "ui/evaluate/EvaluationSession.h"
#include "ui/LanguageManager.h"
#include "ui/MainWindow.h"
#include "ui/project/ProjectPage.h"
#include "ui/project/ProjectSession.h"
#include "ui/data/ImportReportDialog.h"
#include "ui/data/Workspace.h"

#include <QDir>
#include <QFile>
#include <QHeaderView>
#include <QPushButton>
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
    void projectPageActsOnItsRows();

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

// Issue 11 item 9, as a user meets it: the train file first, then a new project, then a broken
// file kept with "Skip"; the run's Evaluate button opens the Evaluate page, not the Data page.
void ProjectPageTest::projectPageActsOnItsRows()
{
    const QString runDir = m_temp.filePath(QStringLiteral("run-2"));
    QVERIFY(writeRun(runDir));
    MainWindow window(&m_languages);
    window.resize(1200, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    window.openPath(fixture("labels-zh.jsonl"));
    QTRY_COMPARE(window.workspace()->datasets().size(), 1);
    window.openPath(m_temp.filePath(QStringLiteral("later.tagbench-project")));   // File > New Project
    window.openPath(fixture("bad-lines.jsonl"));
    QTRY_VERIFY(window.findChild<tagbench::ui::ImportReportDialog*>());
    auto* report = window.findChild<tagbench::ui::ImportReportDialog*>();
    QPushButton* skip = nullptr;
    for (QPushButton* button : report->findChildren<QPushButton*>())
        skip = button->text() == QStringLiteral("&Skip Bad Lines") ? button : skip;
    QVERIFY(skip);
    QTest::mouseClick(skip, Qt::LeftButton);
    QTRY_COMPARE(window.workspace()->datasets().size(), 2);
    auto* datasets = window.findChild<QTableWidget*>(QStringLiteral("projectDatasets"));
    QTRY_COMPARE(datasets->rowCount(), 2);
    // The columns fit their contents: no header or cell is cut.
    for (int column = 1; column < datasets->columnCount() - 1; ++column) {
        const int needed = datasets->horizontalHeader()->fontMetrics().horizontalAdvance(datasets->horizontalHeaderItem(column)->text());
        QVERIFY2(datasets->columnWidth(column) > needed, qPrintable(datasets->horizontalHeaderItem(column)->text()));
    }

    window.openPath(runDir);
    QTRY_VERIFY(window.evaluation()->hasRun());
    QTest::keyClick(&window, Qt::Key_1, Qt::ControlModifier);   // the Project page
    auto* runs = window.findChild<QTableWidget*>(QStringLiteral("projectRuns"));
    QTRY_COMPARE(runs->rowCount(), 1);
    QCOMPARE(runs->item(0, 2)->text(), QStringLiteral("finished"));
    runs->selectRow(0);
    QTest::mouseClick(window.findChild<QPushButton*>(QStringLiteral("evaluateProjectRun")), Qt::LeftButton);
    QTRY_COMPARE(window.currentPage(), int(MainWindow::EvaluatePageIndex));
    // The run's background work (the Review page opening its split's texts) does not take the
    // user elsewhere.
    QTest::qWait(300);
    QCOMPARE(window.currentPage(), int(MainWindow::EvaluatePageIndex));
}

QTEST_MAIN(ProjectPageTest)
#include "ProjectPageTest.moc"
