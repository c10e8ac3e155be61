#include "core/eval/ScoreMatrix.h"
#include "core/storage/ProjectStore.h"
#include "ui/evaluate/EvaluationSession.h"
#include "ui/LanguageManager.h"
#include "ui/MainWindow.h"
#include "ui/project/ProjectPage.h"
#include "ui/project/ProjectSession.h"
#include "ui/review/ReviewItemModel.h"
#include "ui/review/ReviewPage.h"
#include "ui/data/Workspace.h"

#include <QDir>
#include <QFile>
#include <QListWidget>
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

// Labels 新车上市 / 谍照; d1 misses 谍照 (FN), d2 gets a false 新车上市 (FP), d0 and d3 are right.
bool writeRun(const QString& dir, const QString& devPath)
{
    QDir().mkpath(dir + QStringLiteral("/scores"));
    const QByteArray config = QStringLiteral(R"({"model": "FastText", "data": {"dev": "%1"}})").arg(devPath).toUtf8();
    if (!writeFile(dir + QStringLiteral("/labels.txt"), "新车上市\n谍照\n") || !writeFile(dir + QStringLiteral("/config.json"), config))
        return false;
    tagbench::eval::ScoreMatrix scores({"新车上市", "谍照"});
    return scores.addDocument("d0", std::vector<float>{0.95f, 0.1f}, {0}).ok()
        && scores.addDocument("d1", std::vector<float>{0.9f, 0.3f}, {0, 1}).ok()
        && scores.addDocument("d2", std::vector<float>{0.7f, 0.8f}, {1}).ok()
        && scores.addDocument("d3", std::vector<float>{0.05f, 0.9f}, {1}).ok()
        && scores.save(QFile::encodeName(dir + QStringLiteral("/scores/dev.scores")).toStdString()).ok();
}
} // namespace

class ReviewPageTest final : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void decisionsAreStoredAndExported();

private:
    LanguageManager m_languages;
    QTemporaryDir m_temp;
};

void ReviewPageTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("TagbenchTest"));
    m_languages.applyLanguage(QStringLiteral("en"));
    QVERIFY(m_temp.isValid());
}

void ReviewPageTest::decisionsAreStoredAndExported()
{
    const QString dev = m_temp.filePath(QStringLiteral("dev.jsonl"));
    QVERIFY(writeFile(dev, QStringLiteral(
        "{\"id\": \"d0\", \"text\": \"理想L7正式上市\", \"labels\": [\"新车上市\"]}\n"
        "{\"id\": \"d1\", \"text\": \"新车上市前谍照曝光\", \"labels\": [\"新车上市\", \"谍照\"]}\n"
        "{\"id\": \"d2\", \"text\": \"路试谍照\", \"labels\": [\"谍照\"]}\n"
        "{\"id\": \"d3\", \"text\": \"又一组谍照\", \"labels\": [\"谍照\"]}\n").toUtf8()));
    const QString run = m_temp.filePath(QStringLiteral("run"));
    QVERIFY(writeRun(run, dev));
    const QString projectPath = m_temp.filePath(QStringLiteral("review.tagbench-project"));

    MainWindow window(&m_languages);
    window.resize(1200, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.projectPage()->openProject(projectPath));
    window.openPath(run);
    QTRY_VERIFY(window.evaluation()->hasRun());
    window.setCurrentPage(MainWindow::ReviewPageIndex);
    tagbench::ui::ReviewPage* page = window.reviewPage();
    const ReviewItemModel* model = page->model();
    QCOMPARE(model->rowCount(), 4);
    QCOMPARE(model->item(1).issues & tagbench::ui::FalseNegative, unsigned(tagbench::ui::FalseNegative));
    QCOMPARE(model->item(2).issues & tagbench::ui::FalsePositive, unsigned(tagbench::ui::FalsePositive));
    QCOMPARE(model->item(0).issues & (tagbench::ui::FalsePositive | tagbench::ui::FalseNegative), 0u);
    // The run's dev file is opened for the texts.
    QTRY_COMPARE(window.workspace()->datasets().size(), 1);
    page->table()->selectRow(0);
    QTRY_COMPARE(page->textView()->toPlainText(), QStringLiteral("理想L7正式上市"));

    // Keyboard: A accepts d0 and moves on to d1.
    page->table()->setFocus();
    QTest::keyClick(page->table(), Qt::Key_A);
    QCOMPARE(page->table()->currentIndex().row(), 1);
    // Correct d1: uncheck 谍照, keep 新车上市.
    QListWidget* labels = page->correctionList();
    for (int i = 0; i < labels->count(); ++i) {
        if (labels->item(i)->text().startsWith(QStringLiteral("谍照")))
            labels->item(i)->setCheckState(Qt::Unchecked);
    }
    QTest::keyClick(page->table(), Qt::Key_C);
    QTest::keyClick(page->table(), Qt::Key_S);
    QCOMPARE(model->data(model->index(0, ReviewItemModel::DecisionColumn)).toString(), QStringLiteral("accepted"));
    QCOMPARE(model->data(model->index(1, ReviewItemModel::DecisionColumn)).toString(), QStringLiteral("corrected"));

    // Read the decisions back from the project file with core's store.
    auto store = tagbench::ProjectStore::open(QFile::encodeName(projectPath).toStdString());
    QVERIFY(store.ok());
    auto runRecord = store->runByDir(QFile::encodeName(QDir(run).absolutePath()).toStdString());
    QVERIFY(runRecord.ok() && runRecord->has_value());
    auto reviews = store->listReviews((*runRecord)->id, "dev");
    QVERIFY(reviews.ok());
    QCOMPARE(reviews->size(), std::size_t{3});
    QCOMPARE((*reviews)[0].docId, std::string("d0"));
    QCOMPARE((*reviews)[0].decision, ReviewDecision::Accepted);
    QCOMPARE((*reviews)[1].docId, std::string("d1"));
    QCOMPARE((*reviews)[1].decision, ReviewDecision::Corrected);
    QCOMPARE((*reviews)[1].correctedLabels, std::vector<std::string>{"新车上市"});
    QCOMPARE((*reviews)[2].decision, ReviewDecision::Skipped);

    // The export applies the correction and keeps every other gold set.
    const QString exported = m_temp.filePath(QStringLiteral("dev-corrected.jsonl"));
    QString error;
    QVERIFY2(page->exportCorrected(exported, &error), qPrintable(error));
    QFile file(exported);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
    QCOMPARE(lines.size(), 4);
    QVERIFY(QString::fromUtf8(lines[1]).contains(QStringLiteral("\"labels\":[\"新车上市\"]")));
    QVERIFY(QString::fromUtf8(lines[1]).contains(QStringLiteral("新车上市前谍照曝光")));
    QVERIFY(QString::fromUtf8(lines[2]).contains(QStringLiteral("\"labels\":[\"谍照\"]")));
}

QTEST_MAIN(ReviewPageTest)
#include "ReviewPageTest.moc"
