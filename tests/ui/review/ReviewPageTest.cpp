#include "core/eval/ScoreMatrix.h"
#include "core/storage/ProjectStore.h"
#include "tests/ui/support/ModalDriver.h"
#include "tests/ui/support/Typing.h"
#include "ui/LanguageManager.h"
#include "ui/MainWindow.h"
#include "ui/data/Workspace.h"
#include "ui/evaluate/EvaluationSession.h"
#include "ui/review/ReviewItemModel.h"

#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollBar>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>

using tagbench::ReviewDecision;
using tagbench::ui::LanguageManager;
using tagbench::ui::MainWindow;
using tagbench::ui::ReviewItemModel;

namespace {
bool writeFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

bool writeScores(const QString& path, float shift)
{
    tagbench::eval::ScoreMatrix scores({"新车上市", "谍照", "召回"});
    return scores.addDocument("d0", std::vector<float>{0.95f, 0.1f, 0.01f}, {0}).ok()
        && scores.addDocument("d1", std::vector<float>{0.9f, 0.3f + shift, 0.02f}, {0, 1}).ok()
        && scores.addDocument("d2", std::vector<float>{0.7f, 0.8f, 0.03f}, {1}).ok()
        && scores.addDocument("d3", std::vector<float>{0.05f, 0.9f, 0.02f}, {1}).ok()
        && scores.save(QFile::encodeName(path).toStdString()).ok();
}

// Labels 新车上市 / 谍照 / 召回; d1 misses 谍照 (FN), d2 gets a false 新车上市 (FP), d0 and d3
// are right. 召回 is never gold nor likely: only the type-ahead can add it.
bool writeRun(const QString& dir, const QString& devPath, const QString& testPath)
{
    QDir().mkpath(dir + QStringLiteral("/scores"));
    const QByteArray config =
        QStringLiteral(R"({"model": "FastText", "data": {"dev": "%1", "test": "%2"}})").arg(devPath, testPath).toUtf8();
    return writeFile(dir + QStringLiteral("/labels.txt"), "新车上市\n谍照\n召回\n")
        && writeFile(dir + QStringLiteral("/config.json"), config)
        && writeScores(dir + QStringLiteral("/scores/dev.scores"), 0.0f)
        && writeScores(dir + QStringLiteral("/scores/test.scores"), 0.5f);
}

template <typename T>
T* child(const QObject* parent, const char* name)
{
    T* widget = parent->findChild<T*>(QLatin1String(name));
    if (!widget)
        qFatal("no %s named %s", T::staticMetaObject.className(), name);
    return widget;
}

QString decisionOf(const QTableView* table, int row)
{
    return table->model()->index(row, ReviewItemModel::DecisionColumn).data().toString();
}
} // namespace

class ReviewPageTest final : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void decisionsAreStoredUndoneAndExported();
    void anyLabelCanBeAddedToACorrection();
    void decisionColumnStaysInViewWhileDeciding();
    void splitSwitchedOnTheEvaluatePageIsAnnounced();

private:
    void openWindow();

    LanguageManager m_languages;
    QTemporaryDir m_temp;
    QString m_run;
    QString m_project;
    std::unique_ptr<MainWindow> m_window;
};

void ReviewPageTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("TagbenchTest"));
    m_languages.applyLanguage(QStringLiteral("en"));
    QVERIFY(m_temp.isValid());
    const QByteArray texts = QStringLiteral("{\"id\": \"d0\", \"text\": \"理想L7正式上市\", \"labels\": [\"新车上市\"]}\n"
                                            "{\"id\": \"d1\", \"text\": \"新车上市前谍照曝光\", \"labels\": [\"新车上市\", \"谍照\"]}\n"
                                            "{\"id\": \"d2\", \"text\": \"路试谍照\", \"labels\": [\"谍照\"]}\n"
                                            "{\"id\": \"d3\", \"text\": \"又一组谍照\", \"labels\": [\"谍照\"]}\n")
                                 .toUtf8();
    QVERIFY(writeFile(m_temp.filePath(QStringLiteral("dev.jsonl")), texts));
    QVERIFY(writeFile(m_temp.filePath(QStringLiteral("test.jsonl")), texts));
}

void ReviewPageTest::init()
{
    static int counter = 0;
    ++counter;
    m_run = m_temp.filePath(QStringLiteral("run%1").arg(counter));
    QVERIFY(writeRun(m_run, m_temp.filePath(QStringLiteral("dev.jsonl")), m_temp.filePath(QStringLiteral("test.jsonl"))));
    m_project = m_temp.filePath(QStringLiteral("review%1.tagbench-project").arg(counter));
    openWindow();
}

void ReviewPageTest::openWindow()
{
    m_window = std::make_unique<MainWindow>(&m_languages);
    m_window->resize(1300, 800);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_window->openPath(m_project);
    m_window->openPath(m_run);
    QTRY_VERIFY(m_window->evaluation()->hasRun());
    QTest::keyClick(m_window.get(), Qt::Key_4, Qt::ControlModifier);   // the Review page
    QCOMPARE(m_window->currentPage(), int(MainWindow::ReviewPageIndex));
    // The run's dev file is opened in the background for the texts; the page stays.
    QTRY_COMPARE(m_window->workspace()->datasets().size(), 1);
    QCOMPARE(m_window->currentPage(), int(MainWindow::ReviewPageIndex));
}

void ReviewPageTest::decisionsAreStoredUndoneAndExported()
{
    auto* table = child<QTableView>(m_window.get(), "reviewTable");
    auto* count = child<QLabel>(m_window.get(), "reviewCount");
    const auto* model = qobject_cast<const ReviewItemModel*>(table->model());
    QCOMPARE(model->rowCount(), 4);
    QCOMPARE(model->item(1).issues & tagbench::ui::FalseNegative, unsigned(tagbench::ui::FalseNegative));
    QCOMPARE(model->item(2).issues & tagbench::ui::FalsePositive, unsigned(tagbench::ui::FalsePositive));
    QTRY_COMPARE(child<QTextBrowser>(m_window.get(), "reviewText")->toPlainText(), QStringLiteral("理想L7正式上市"));
    QVERIFY2(count->text().contains(QStringLiteral("0 of 4 reviewed")), qPrintable(count->text()));

    // Keyboard: A accepts d0 and moves on to d1.
    table->setFocus();
    QTest::keyClick(table, Qt::Key_A);
    QCOMPARE(table->currentIndex().row(), 1);
    // Correct d1: untick 谍照 with the keyboard, keep 新车上市.
    auto* labels = child<QListWidget>(m_window.get(), "correctionLabels");
    for (int i = 0; i < labels->count(); ++i) {
        if (labels->item(i)->text().startsWith(QStringLiteral("谍照"))) {
            labels->setCurrentRow(i);
            QTest::keyClick(labels, Qt::Key_Space);
            QCOMPARE(labels->item(i)->checkState(), Qt::Unchecked);
        }
    }
    QTest::keyClick(table, Qt::Key_C);
    QTest::keyClick(table, Qt::Key_S);
    QCOMPARE(decisionOf(table, 0), QStringLiteral("accepted"));
    QCOMPARE(decisionOf(table, 1), QStringLiteral("corrected"));
    QCOMPARE(decisionOf(table, 2), QStringLiteral("skipped"));
    QVERIFY2(count->text().contains(QStringLiteral("3 of 4 reviewed")), qPrintable(count->text()));

    // Undo takes the skip back (Edit > Undo, Ctrl+Z), Redo puts it again.
    QTest::keyClick(m_window.get(), Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(decisionOf(table, 2), QString());
    QVERIFY2(count->text().contains(QStringLiteral("2 of 4 reviewed")), qPrintable(count->text()));
    QCOMPARE(table->currentIndex().row(), 2);   // the document whose decision changed
    QTest::keyClick(m_window.get(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(decisionOf(table, 2), QStringLiteral("skipped"));
    QTest::keyClick(m_window.get(), Qt::Key_Z, Qt::ControlModifier);

    // What the project file holds, read back with core's store.
    auto store = tagbench::ProjectStore::open(QFile::encodeName(m_project).toStdString());
    QVERIFY(store.ok());
    auto runRecord = store->runByDir(QFile::encodeName(QDir(m_run).absolutePath()).toStdString());
    QVERIFY(runRecord.ok() && runRecord->has_value());
    auto reviews = store->listReviews((*runRecord)->id, "dev");
    QVERIFY(reviews.ok());
    QCOMPARE(reviews->size(), std::size_t{2});   // the undone skip is gone from the file too
    QCOMPARE((*reviews)[0].docId, std::string("d0"));
    QCOMPARE((*reviews)[0].decision, ReviewDecision::Accepted);
    QCOMPARE((*reviews)[1].decision, ReviewDecision::Corrected);
    QCOMPARE((*reviews)[1].correctedLabels, std::vector<std::string>{"新车上市"});

    // Export through the button and the file dialog; the page confirms where the file went.
    const QString exported = m_temp.filePath(QStringLiteral("dev-corrected.jsonl"));
    tagbench::test::whenModalShown([exported](QWidget* dialog) {
        auto* files = qobject_cast<QFileDialog*>(dialog);
        QVERIFY(files);
        tagbench::test::pickInFileDialog(files, exported);
    });
    QTest::mouseClick(child<QPushButton>(m_window.get(), "exportCorrected"), Qt::LeftButton);
    QTRY_VERIFY(m_window->findChild<QMessageBox*>(QStringLiteral("exportConfirmation")));
    auto* confirmation = m_window->findChild<QMessageBox*>(QStringLiteral("exportConfirmation"));
    QVERIFY2(confirmation->informativeText().contains(QStringLiteral("4 documents"))
                 && confirmation->informativeText().contains(QDir::toNativeSeparators(exported))
                 && confirmation->informativeText().contains(QStringLiteral("1 of them with corrected labels")),
             qPrintable(confirmation->informativeText()));
    confirmation->accept();
    QFile file(exported);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
    QCOMPARE(lines.size(), 4);
    QVERIFY(QString::fromUtf8(lines[1]).contains(QStringLiteral("\"labels\":[\"新车上市\"]")));
    QVERIFY(QString::fromUtf8(lines[1]).contains(QStringLiteral("新车上市前谍照曝光")));
    QVERIFY(QString::fromUtf8(lines[2]).contains(QStringLiteral("\"labels\":[\"谍照\"]")));
}

void ReviewPageTest::anyLabelCanBeAddedToACorrection()
{
    auto* table = child<QTableView>(m_window.get(), "reviewTable");
    auto* labels = child<QListWidget>(m_window.get(), "correctionLabels");
    const auto offered = [labels] {
        QStringList names;
        for (int i = 0; i < labels->count(); ++i)
            names << labels->item(i)->text().section(QStringLiteral("  ("), 0, 0);
        return names;
    };
    QTRY_VERIFY(labels->count() > 0);
    // d0 is sure of 新车上市 only; 召回 is neither gold nor among the likely labels.
    QVERIFY(!offered().contains(QStringLiteral("召回")) || labels->count() <= 3);
    auto* add = child<QLineEdit>(m_window.get(), "addLabel");
    add->setFocus();
    tagbench::test::typeText(add, QStringLiteral("召回"));
    QTest::keyClick(add, Qt::Key_Return);
    QVERIFY(offered().contains(QStringLiteral("召回")));
    for (int i = 0; i < labels->count(); ++i) {
        if (labels->item(i)->text().startsWith(QStringLiteral("召回")))
            QCOMPARE(labels->item(i)->checkState(), Qt::Checked);
    }
    QVERIFY(add->text().isEmpty());
    // Typing letters into the box is text, not a decision.
    QCOMPARE(decisionOf(table, 0), QString());
    // A name that is not a label is refused.
    const int before = labels->count();
    tagbench::test::typeText(add, QStringLiteral("没有这个标签"));
    QTest::keyClick(add, Qt::Key_Return);
    QCOMPARE(labels->count(), before);

    QTest::mouseClick(child<QPushButton>(m_window.get(), "saveCorrection"), Qt::LeftButton);
    QCOMPARE(decisionOf(table, 0), QStringLiteral("corrected"));
    // Back on d0, the stored correction (with the added label) is what is ticked.
    table->setFocus();
    QTest::keyClick(table, Qt::Key_Up);
    QVERIFY(offered().contains(QStringLiteral("召回")));
}

void ReviewPageTest::decisionColumnStaysInViewWhileDeciding()
{
    auto* table = child<QTableView>(m_window.get(), "reviewTable");
    QHeaderView* header = table->horizontalHeader();
    const int right = header->sectionViewportPosition(ReviewItemModel::DecisionColumn)
                      + header->sectionSize(ReviewItemModel::DecisionColumn);
    QVERIFY2(right <= table->viewport()->width(), qPrintable(QStringLiteral("%1 > %2").arg(right).arg(table->viewport()->width())));
    const int scrolled = table->horizontalScrollBar()->value();
    table->setFocus();
    QTest::keyClick(table, Qt::Key_S);
    QTest::keyClick(table, Qt::Key_S);
    QCOMPARE(table->horizontalScrollBar()->value(), scrolled);
    QCOMPARE(table->currentIndex().row(), 2);
}

void ReviewPageTest::splitSwitchedOnTheEvaluatePageIsAnnounced()
{
    auto* note = child<QLabel>(m_window.get(), "reviewSplitNote");
    QVERIFY(!note->isVisible());
    QTest::keyClick(m_window.get(), Qt::Key_3, Qt::ControlModifier);   // Evaluate
    auto* split = child<QComboBox>(m_window.get(), "evaluateSplit");
    split->setFocus();
    QTest::keyClick(split, Qt::Key_Down);   // dev -> test
    QTRY_COMPARE(m_window->evaluation()->run()->split, QStringLiteral("test"));
    QTest::keyClick(m_window.get(), Qt::Key_4, Qt::ControlModifier);
    QTRY_VERIFY(note->isVisible());
    QVERIFY2(note->text().contains(QStringLiteral("test")), qPrintable(note->text()));
    QCOMPARE(child<QComboBox>(m_window.get(), "reviewSplit")->currentData().toString(), QStringLiteral("test"));
    // Switching here says nothing more: the user did it.
    auto* reviewSplit = child<QComboBox>(m_window.get(), "reviewSplit");
    reviewSplit->setFocus();
    QTest::keyClick(reviewSplit, Qt::Key_Up);
    QTRY_COMPARE(m_window->evaluation()->run()->split, QStringLiteral("dev"));
    QTRY_VERIFY(!note->isVisible());
    QCOMPARE(m_window->currentPage(), int(MainWindow::ReviewPageIndex));
}

QTEST_MAIN(ReviewPageTest)
#include "ReviewPageTest.moc"
