#include "core/eval/ScoreMatrix.h"
#include "ui/LanguageManager.h"
#include "ui/MainWindow.h"
#include "ui/data/Workspace.h"
#include "ui/evaluate/EvaluationSession.h"
#include "ui/project/ProjectSession.h"
#include "ui/project/SessionState.h"

#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using tagbench::ui::LanguageManager;
using tagbench::ui::MainWindow;
using tagbench::ui::SessionState;

namespace {
bool writeRun(const QString& dir)
{
    QDir().mkpath(dir + QStringLiteral("/scores"));
    QFile labels(dir + QStringLiteral("/labels.txt"));
    if (!labels.open(QIODevice::WriteOnly))
        return false;
    labels.write("A\nB\n");
    labels.close();
    for (const char* split : {"dev", "test"}) {
        tagbench::eval::ScoreMatrix scores({"A", "B"});
        if (!scores.addDocument("d0", std::vector<float>{0.9f, 0.2f}, {0}).ok()
            || !scores.save(QFile::encodeName(dir + QStringLiteral("/scores/%1.scores").arg(QLatin1String(split))).toStdString()).ok())
            return false;
    }
    return true;
}
} // namespace

/// The window comes back as it was left: project, datasets, run and split, page, Train settings.
class SessionStateTest final : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void theLastSessionIsRestored();
    void filesThatAreGoneAreSkipped();

private:
    LanguageManager m_languages;
    QTemporaryDir m_temp;
};

void SessionStateTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("TagbenchTest"));
    QSettings().clear();
    m_languages.applyLanguage(QStringLiteral("en"));
    QVERIFY(m_temp.isValid());
}

void SessionStateTest::theLastSessionIsRestored()
{
    const QString project = m_temp.filePath(QStringLiteral("work.tagbench-project"));
    const QString run = m_temp.filePath(QStringLiteral("run"));
    const QString dataset = QStringLiteral(TAGBENCH_TEST_DATA "/ui/labels-zh.jsonl");
    QVERIFY(writeRun(run));
    {
        MainWindow window(&m_languages);
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        window.openPath(project);
        window.openPath(dataset);
        QTRY_COMPARE(window.workspace()->datasets().size(), 1);
        window.openPath(run);
        QTRY_VERIFY(window.evaluation()->hasRun());
        auto* split = window.findChild<QComboBox*>(QStringLiteral("evaluateSplit"));
        split->setFocus();
        QTest::keyClick(split, Qt::Key_Down);   // test
        QTRY_COMPARE(window.evaluation()->run()->split, QStringLiteral("test"));
        QTest::keyClick(&window, Qt::Key_5, Qt::ControlModifier);   // Train
        auto* epochs = window.findChild<QSpinBox*>(QStringLiteral("epochs"));
        epochs->setFocus();
        epochs->selectAll();
        QTest::keyClicks(epochs, QStringLiteral("7"));
        QTest::keyClick(epochs, Qt::Key_Enter);
        QCOMPARE(epochs->value(), 7);
        QVERIFY(window.close());
    }
    MainWindow window(&m_languages);
    window.show();
    window.restoreLastSession();
    QTRY_VERIFY(window.evaluation()->hasRun() && !window.evaluation()->isLoading());
    QTRY_COMPARE(window.workspace()->datasets().size(), 1);
    QVERIFY(window.project()->isOpen());
    QCOMPARE(window.project()->path(), QFileInfo(project).absoluteFilePath());
    QCOMPARE(window.workspace()->datasets().first()->path(), QFileInfo(dataset).absoluteFilePath());
    QCOMPARE(QDir(window.evaluation()->run()->runDir), QDir(run));
    QCOMPARE(window.evaluation()->run()->split, QStringLiteral("test"));
    QTRY_COMPARE(window.currentPage(), int(MainWindow::TrainPageIndex));
    QTest::qWait(100);   // the pages the opened files ask for do not win over the page left
    QCOMPARE(window.currentPage(), int(MainWindow::TrainPageIndex));
    QCOMPARE(window.findChild<QSpinBox*>(QStringLiteral("epochs"))->value(), 7);
}

void SessionStateTest::filesThatAreGoneAreSkipped()
{
    SessionState state;
    state.project = m_temp.filePath(QStringLiteral("gone/never.tagbench-project"));
    state.datasets = {m_temp.filePath(QStringLiteral("gone.jsonl"))};
    state.runDir = m_temp.filePath(QStringLiteral("gone-run"));
    state.page = QStringLiteral("review");
    state.save();
    MainWindow window(&m_languages);
    window.restoreLastSession();
    QTest::qWait(100);
    QVERIFY(!window.project()->isOpen());
    QVERIFY(window.workspace()->datasets().isEmpty());
    QVERIFY(!window.evaluation()->hasRun() && !window.evaluation()->isLoading());
    QCOMPARE(window.currentPage(), int(MainWindow::ReviewPageIndex));
    QVERIFY(!window.findChild<QWidget*>(QStringLiteral("qt_msgbox_label")));   // no error boxes for old files
}

QTEST_MAIN(SessionStateTest)
#include "SessionStateTest.moc"
