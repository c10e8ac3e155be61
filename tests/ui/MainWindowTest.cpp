#include "ui/data/DataPage.h"
#include "ui/data/DatasetLoadWorker.h"
#include "ui/data/ImportProgressWidget.h"
#include "ui/data/ImportReportDialog.h"
#include "ui/data/LabelDistributionChart.h"
#include "core/eval/ScoreMatrix.h"
#include "tests/ui/support/ModalDriver.h"
#include "ui/LanguageManager.h"
#include "ui/evaluate/EvaluationSession.h"
#include "ui/MainWindow.h"
#include "ui/data/Workspace.h"

#include <QAbstractItemModel>
#include <QAction>
#include <QMenu>
#include <QSettings>
#include <QSlider>
#include <QTextBrowser>
#include <QMessageBox>
#include <QMimeData>
#include <QDir>
#include <QPushButton>
#include <QScopeGuard>
#include <QSemaphore>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <atomic>

using tagbench::ui::DataPage;
using tagbench::ui::DatasetLoadWorker;
using tagbench::ui::ImportProgressWidget;
using tagbench::ui::LabelDistributionChart;
using tagbench::ui::ImportReportDialog;
using tagbench::ui::LanguageManager;
using tagbench::ui::MainWindow;

namespace {
QString fixture(const char* name)
{
    return QStringLiteral(TAGBENCH_TEST_DATA "/ui/") + QLatin1String(name);
}

/// A JSON lines file of about 20 MB: more than two of the reader's 8 MiB chunks, so that the
/// first progress report comes well before the end.
QString writeLargeDataset(const QTemporaryDir& dir, int documents)
{
    const QString path = dir.filePath(QStringLiteral("large-import.jsonl"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    const QByteArray pad(360, 'x');
    QByteArray content;
    content.reserve(documents * 440);
    for (int i = 0; i < documents; ++i) {
        content += "{\"id\": \"b" + QByteArray::number(i) + "\", \"text\": \"新车 上市 " + pad
            + "\", \"labels\": [\"资讯::新车上市\"]}\n";
    }
    return file.write(content) == content.size() ? path : QString();
}

LabelDistributionChart* chartOf(const MainWindow& window)
{
    return window.findChild<LabelDistributionChart*>(QStringLiteral("distributionChart"));
}

// Three labels, four documents (as in EvaluatePageTest).
bool writeRun(const QString& dir)
{
    QDir().mkpath(dir + QStringLiteral("/scores"));
    QFile labels(dir + QStringLiteral("/labels.txt"));
    if (!labels.open(QIODevice::WriteOnly))
        return false;
    labels.write("A\nB\nC\n");
    labels.close();
    tagbench::eval::ScoreMatrix scores({"A", "B", "C"});
    return scores.addDocument("d0", std::vector<float>{0.9f, 0.2f, 0.1f}, {0}).ok()
        && scores.addDocument("d1", std::vector<float>{0.6f, 0.7f, 0.3f}, {0, 1}).ok()
        && scores.addDocument("d2", std::vector<float>{0.4f, 0.55f, 0.2f}, {1}).ok()
        && scores.addDocument("d3", std::vector<float>{0.1f, 0.3f, 0.45f}, {2}).ok()
        && scores.save(QFile::encodeName(dir + QStringLiteral("/scores/dev.scores")).toStdString()).ok();
}

QAction* actionNamed(const MainWindow& window, const char* name)
{
    return window.findChild<QAction*>(QLatin1String(name));
}

QPushButton* buttonWithText(QWidget* parent, const QString& text)
{
    for (QPushButton* button : parent->findChildren<QPushButton*>()) {
        if (button->text() == text)
            return button;
    }
    return nullptr;
}
} // namespace

class MainWindowTest final : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void openingAFixtureChartsItsLabelCounts();
    void reopeningAFileReplacesIt();
    void badLinesLetTheUserChoose_data();
    void badLinesLetTheUserChoose();
    void missingFileIsReportedInWords();
    void droppingAFileOpensIt();
    void closeDatasetRemovesIt();
    void cancellingAnImportKeepsTheOpenDataset_data();
    void cancellingAnImportKeepsTheOpenDataset();
    void pagesHaveKeysAndTheTitleNamesTheRun();
    void editMenuUndoesTheRuleOfTheEvaluatePage();
    void f1ShowsTheGuideOfThePageInBothLanguages();
    void recentFilesShowTheirFullPaths();
    void quittingWithAnUnsavedRuleAsks();

private:
    LanguageManager m_languages;
};

void MainWindowTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);   // keep QSettings away from the user's
    QCoreApplication::setOrganizationName(QStringLiteral("TagbenchTest"));
    m_languages.applyLanguage(QStringLiteral("en"));
}

void MainWindowTest::openingAFixtureChartsItsLabelCounts()
{
    MainWindow window(&m_languages);
    window.openPath(fixture("labels-zh.jsonl"));
    QTRY_COMPARE(window.workspace()->datasets().size(), 1);
    QVERIFY(!window.workspace()->isLoading());

    // The fixture is built so that label k is carried by exactly these many documents.
    const LabelDistributionChart* chart = chartOf(window);
    QCOMPARE(chart->barValues(), (QVector<double>{80, 60, 30, 12, 1}));
    QCOMPARE(chart->barLabels(),
             (QStringList{QStringLiteral("资讯::新车上市"), QStringLiteral("资讯::新车报价"),
                          QStringLiteral("资讯::谍照"), QStringLiteral("评测::试驾"),
                          QStringLiteral("资讯::召回")}));

    // The table shows the same counts and shares of the 150 documents.
    const QAbstractItemModel* table = window.findChild<QTableView*>(QStringLiteral("labelTable"))->model();
    QCOMPARE(table->rowCount(), 5);
    QCOMPARE(table->index(0, 0).data().toString(), QStringLiteral("资讯::新车上市"));
    QCOMPARE(table->index(0, 1).data().toString(), QStringLiteral("80"));
    QCOMPARE(table->index(0, 2).data().toString(), QStringLiteral("53.33 %"));
    QCOMPARE(table->index(4, 1).data().toString(), QStringLiteral("1"));
    // 1 of 150 documents is under 1%: the row is tinted, the others are not.
    QVERIFY(table->index(4, 0).data(Qt::BackgroundRole).isValid());
    QVERIFY(!table->index(3, 0).data(Qt::BackgroundRole).isValid());
}

void MainWindowTest::reopeningAFileReplacesIt()
{
    MainWindow window(&m_languages);
    window.openPath(fixture("labels-zh.jsonl"));
    QTRY_COMPARE(window.workspace()->datasets().size(), 1);
    QSignalSpy added(window.workspace(), &tagbench::ui::Workspace::datasetAdded);
    window.openPath(fixture("labels-zh.jsonl"));
    QTRY_COMPARE(added.count(), 1);
    QCOMPARE(window.workspace()->datasets().size(), 1);
}

void MainWindowTest::badLinesLetTheUserChoose_data()
{
    QTest::addColumn<QString>("button");
    QTest::addColumn<int>("datasets");
    QTest::newRow("skip") << QStringLiteral("&Skip Bad Lines") << 1;
    QTest::newRow("stop") << QStringLiteral("S&top") << 0;
}

void MainWindowTest::badLinesLetTheUserChoose()
{
    QFETCH(QString, button);
    QFETCH(int, datasets);
    MainWindow window(&m_languages);
    window.show();
    window.openPath(fixture("bad-lines.jsonl"));
    QTRY_VERIFY(window.findChild<ImportReportDialog*>() != nullptr);
    auto* dialog = window.findChild<ImportReportDialog*>();
    QTRY_VERIFY(dialog->isVisible());

    // Each bad record is listed by file and line, in plain words.
    auto* issues = dialog->findChild<QTableWidget*>();
    QVERIFY(issues);
    QCOMPARE(issues->rowCount(), 2);
    QCOMPARE(issues->item(0, 0)->text(), QStringLiteral("bad-lines.jsonl:3"));
    QCOMPARE(issues->item(0, 1)->text(), QStringLiteral("Malformed record"));
    QCOMPARE(issues->item(1, 0)->text(), QStringLiteral("bad-lines.jsonl:5"));
    QCOMPARE(issues->item(1, 1)->text(), QStringLiteral("Empty text"));
    QVERIFY(!issues->item(0, 2)->text().isEmpty());
    // Nothing is added before the user decides.
    QCOMPARE(window.workspace()->datasets().size(), 0);

    QPushButton* choice = buttonWithText(dialog, button);
    QVERIFY(choice);
    QTest::mouseClick(choice, Qt::LeftButton);
    QTRY_COMPARE(window.workspace()->datasets().size(), datasets);
    if (datasets == 1) {
        QCOMPARE(window.workspace()->datasets().first()->data().size(), std::size_t{4});
        QCOMPARE(chartOf(window)->barValues(), (QVector<double>{2, 2, 1}));
    }
}

void MainWindowTest::missingFileIsReportedInWords()
{
    MainWindow window(&m_languages);
    window.show();
    window.openPath(fixture("no-such-file.jsonl"));
    QTRY_VERIFY(window.findChild<QMessageBox*>() != nullptr);
    const auto* box = window.findChild<QMessageBox*>();
    QVERIFY(box->text().contains(QStringLiteral("no-such-file.jsonl")));
    QVERIFY(box->informativeText().contains(QStringLiteral("does not exist")));
    QCOMPARE(window.workspace()->datasets().size(), 0);
}

void MainWindowTest::droppingAFileOpensIt()
{
    MainWindow window(&m_languages);
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(fixture("labels-zh.jsonl"))});
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&window, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&window, &drop);
    QTRY_COMPARE(window.workspace()->datasets().size(), 1);
    QCOMPARE(window.workspace()->datasets().first()->displayName(), QStringLiteral("ui/labels-zh.jsonl"));
}

void MainWindowTest::closeDatasetRemovesIt()
{
    MainWindow window(&m_languages);
    window.openPath(fixture("labels-zh.jsonl"));
    QTRY_COMPARE(window.workspace()->datasets().size(), 1);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QTest::keyClick(&window, Qt::Key_W, Qt::ControlModifier);   // File > Close Dataset
    QCOMPARE(window.workspace()->datasets().size(), 0);
    QVERIFY(chartOf(window)->barValues().isEmpty());
}

void MainWindowTest::cancellingAnImportKeepsTheOpenDataset_data()
{
    QTest::addColumn<bool>("escape");   // cancel with Esc instead of the button
    QTest::newRow("cancel button") << false;
    QTest::newRow("escape key") << true;
}

void MainWindowTest::cancellingAnImportKeepsTheOpenDataset()
{
    QFETCH(bool, escape);
    QTemporaryDir dir;
    const int documents = 50000;
    const QString large = writeLargeDataset(dir, documents);
    QVERIFY(!large.isEmpty());

    MainWindow window(&m_languages);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    window.openPath(fixture("labels-zh.jsonl"));
    QTRY_COMPARE(window.workspace()->datasets().size(), 1);
    const auto before = window.workspace()->datasets().first();
    auto* panel = window.findChild<ImportProgressWidget*>(QStringLiteral("importProgress"));
    QVERIFY(panel);
    auto* cancelButton = panel->findChild<QPushButton*>(QStringLiteral("importCancel"));
    QVERIFY(cancelButton);
    QVERIFY(!panel->isVisible());

    // Hold the loader inside its first progress report with documents read, so that the window
    // can be looked at (and cancelled) mid-import, whatever the machine's speed.
    DatasetLoadWorker* worker = window.workspace()->loader();
    QSemaphore paused;
    QSemaphore resume;
    std::atomic<bool> pauseOnce{true};
    // A failed check must not leave the loader held: the window's destructor waits for it.
    const auto unblock = qScopeGuard([&resume] { resume.release(); });
    connect(worker, &DatasetLoadWorker::progress, worker,
            [&](quint64, qint64, qint64, qint64 read) {
                if (read > 0 && pauseOnce.exchange(false)) {
                    paused.release();
                    resume.acquire();
                }
            },
            Qt::DirectConnection);
    QSignalSpy cancelled(worker, &DatasetLoadWorker::cancelled);
    QSignalSpy progress(window.workspace(), &tagbench::ui::Workspace::loadProgress);

    window.openPath(large);
    QVERIFY(paused.tryAcquire(1, 60000));   // the loader does not need this thread's event loop
    // The report the loader is held in reaches the panel: name, percentage, documents so far.
    QTRY_VERIFY(panel->percent() > 0);
    QVERIFY(panel->isVisible());
    QVERIFY(panel->percent() < 100);
    QCOMPARE(panel->fileText(), QStringLiteral("Importing large-import.jsonl"));
    QVERIFY2(panel->documentsText().endsWith(QStringLiteral(" documents")), qPrintable(panel->documentsText()));
    QVERIFY(progress.count() >= 2);   // the start, then the first chunk
    QVERIFY(cancelButton->isVisible());
    if (!escape) {
        const QString shots = QStringLiteral(TAGBENCH_BINARY_DIR "/screenshots");
        QDir().mkpath(shots);
        QVERIFY(window.grab().save(shots + QStringLiteral("/import-progress.png")));
        // The panel follows a language switch in the middle of an import.
        m_languages.applyLanguage(QStringLiteral("zh_CN"));
        QTRY_COMPARE(panel->fileText(), QStringLiteral("正在导入 large-import.jsonl"));
        QVERIFY(panel->documentsText().endsWith(QStringLiteral(" 篇文档")));
        // Relayout for the new texts (menu bar, labels) before the picture is taken.
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
        QVERIFY(window.grab().save(shots + QStringLiteral("/import-progress-zh_CN.png")));
        m_languages.applyLanguage(QStringLiteral("en"));
        QTRY_COMPARE(panel->fileText(), QStringLiteral("Importing large-import.jsonl"));
    }

    if (escape)
        QTest::keyClick(&window, Qt::Key_Escape);
    else
        QTest::mouseClick(cancelButton, Qt::LeftButton);
    QVERIFY(!window.workspace()->isLoading());
    QVERIFY(!panel->isVisible());
    QCOMPARE(window.statusBar()->currentMessage(), QStringLiteral("Import cancelled: large-import.jsonl was not opened."));
    resume.release();

    // The reader stops at its next chunk, well before the end of the file, and nothing is added.
    QTRY_COMPARE(cancelled.count(), 1);
    QCOMPARE(cancelled.first().at(1).toString(), large);
    QVERIFY(cancelled.first().at(2).toLongLong() > 0);
    QVERIFY(cancelled.first().at(2).toLongLong() < documents);
    QCOMPARE(window.workspace()->datasets().size(), 1);
    QCOMPARE(window.workspace()->datasets().first(), before);

    // Importing again afterwards works, and the panel goes away when it is done.
    progress.clear();
    window.openPath(large);
    QTRY_COMPARE_WITH_TIMEOUT(window.workspace()->datasets().size(), 2, 60000);
    QCOMPARE(window.workspace()->datasets().last()->data().size(), std::size_t(documents));
    QVERIFY(progress.count() >= 2);
    QCOMPARE(progress.last().at(1).toLongLong(), QFileInfo(large).size());
    QCOMPARE(progress.last().at(3).toLongLong(), qint64(documents));
    QTRY_VERIFY(!panel->isVisible());
    QCOMPARE(cancelled.count(), 1);
}

void MainWindowTest::pagesHaveKeysAndTheTitleNamesTheRun()
{
    QTemporaryDir dir;
    QVERIFY(writeRun(dir.filePath(QStringLiteral("cars-textcnn"))));
    MainWindow window(&m_languages);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    for (int page = MainWindow::PageCount - 1; page >= 0; --page) {
        QTest::keyClick(&window, Qt::Key(Qt::Key_1 + page), Qt::ControlModifier);
        QCOMPARE(window.currentPage(), page);
    }
    QCOMPARE(window.windowTitle(), QStringLiteral("Tagbench"));
    window.openPath(dir.filePath(QStringLiteral("cars-textcnn")));
    QTRY_VERIFY(window.evaluation()->hasRun());
    QCOMPARE(window.windowTitle(), QStringLiteral("cars-textcnn — Tagbench"));
}

void MainWindowTest::editMenuUndoesTheRuleOfTheEvaluatePage()
{
    QTemporaryDir dir;
    QVERIFY(writeRun(dir.filePath(QStringLiteral("run"))));
    MainWindow window(&m_languages);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    window.openPath(dir.filePath(QStringLiteral("run")));
    QTRY_VERIFY(window.evaluation()->hasRun());
    QAction* undo = actionNamed(window, "editUndo");
    QAction* redo = actionNamed(window, "editRedo");
    QVERIFY(undo && redo);
    QVERIFY(!undo->isEnabled());
    auto* slider = window.findChild<QSlider*>(QStringLiteral("thresholdSlider"));
    slider->setFocus();
    QTest::keyClick(slider, Qt::Key_PageUp);   // +0.05
    QCOMPARE(window.evaluation()->rule().globalThreshold(), 0.55f);
    QVERIFY(undo->isEnabled());
    QCOMPARE(undo->text(), QStringLiteral("&Undo Global threshold 0.550"));
    QTest::keyClick(&window, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(window.evaluation()->rule().globalThreshold(), 0.5f);
    QCOMPARE(slider->value(), 500);
    QTest::keyClick(&window, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(window.evaluation()->rule().globalThreshold(), 0.55f);
    // On another page the menu offers that page's history, or nothing.
    QTest::keyClick(&window, Qt::Key_4, Qt::ControlModifier);   // Review: its own (empty) history
    QVERIFY(!undo->isEnabled());
    QTest::keyClick(&window, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(window.evaluation()->rule().globalThreshold(), 0.55f);
}

void MainWindowTest::f1ShowsTheGuideOfThePageInBothLanguages()
{
    MainWindow window(&m_languages);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QTest::keyClick(&window, Qt::Key_5, Qt::ControlModifier);   // Train
    QTest::keyClick(&window, Qt::Key_F1);
    auto* guide = window.findChild<QDialog*>(QStringLiteral("GuideDialog"));
    QVERIFY(guide);
    QTRY_VERIFY(guide->isVisible());
    auto* text = guide->findChild<QTextBrowser*>(QStringLiteral("guideText"));
    QVERIFY(text->toPlainText().contains(QStringLiteral("Start Training")));
    // It follows the page chosen next, and the language.
    QTest::keyClick(&window, Qt::Key_6, Qt::ControlModifier);
    QVERIFY(text->toPlainText().contains(QStringLiteral("Present")));
    m_languages.applyLanguage(QStringLiteral("zh_CN"));
    QTRY_VERIFY(text->toPlainText().contains(QStringLiteral("演示")));
    m_languages.applyLanguage(QStringLiteral("en"));
    QTRY_VERIFY(text->toPlainText().contains(QStringLiteral("Present")));
}

void MainWindowTest::recentFilesShowTheirFullPaths()
{
    QSettings().remove(QStringLiteral("files/recent"));
    MainWindow window(&m_languages);
    window.openPath(fixture("labels-zh.jsonl"));
    QTRY_COMPARE(window.workspace()->datasets().size(), 1);
    auto* recent = window.findChild<QMenu*>(QStringLiteral("recentMenu"));
    QVERIFY(recent && !recent->actions().isEmpty());
    QCOMPARE(recent->actions().first()->text(),
             QStringLiteral("&1 %1").arg(QDir::toNativeSeparators(QFileInfo(fixture("labels-zh.jsonl")).absoluteFilePath())));
    // Choosing it opens that file again.
    QSignalSpy added(window.workspace(), &tagbench::ui::Workspace::datasetAdded);
    recent->actions().first()->trigger();
    QTRY_COMPARE(added.count(), 1);
}

void MainWindowTest::quittingWithAnUnsavedRuleAsks()
{
    QTemporaryDir dir;
    const QString run = dir.filePath(QStringLiteral("run"));
    QVERIFY(writeRun(run));
    MainWindow window(&m_languages);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    window.openPath(run);
    QTRY_VERIFY(window.evaluation()->hasRun());
    window.evaluation()->setGlobalThreshold(0.3f);

    // Cancel keeps the window and the edit.
    QString question;
    tagbench::test::whenModalShown([&question](QWidget* dialog) {
        auto* box = qobject_cast<QMessageBox*>(dialog);
        QVERIFY(box);
        question = box->informativeText();
        box->button(QMessageBox::Cancel)->click();
    });
    QVERIFY(!window.close());
    QVERIFY(window.isVisible());
    QVERIFY2(question.contains(QStringLiteral("decision rule of run")), qPrintable(question));
    QCOMPARE(window.evaluation()->rule().globalThreshold(), 0.3f);

    // "Save Rule and Quit" writes rule.json, then the window closes.
    tagbench::test::whenModalShown([](QWidget* dialog) {
        for (QPushButton* button : dialog->findChildren<QPushButton*>()) {
            if (button->text() == QStringLiteral("&Save Rule and Quit"))
                button->click();
        }
    });
    QVERIFY(window.close());
    QVERIFY(QFileInfo::exists(run + QStringLiteral("/rule.json")));
}

QTEST_MAIN(MainWindowTest)
#include "MainWindowTest.moc"
