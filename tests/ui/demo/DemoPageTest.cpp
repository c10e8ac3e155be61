#include "core/export/BundleExporter.h"
#include "core/train/Trainer.h"
#include "tests/ui/support/Typing.h"
#include "ui/demo/DemoPage.h"
#include "ui/demo/PredictionService.h"
#include "ui/demo/ScoreBarsWidget.h"
#include "ui/evaluate/EvaluationSession.h"
#include "ui/train/TrainConfigForm.h"

#include <QDir>
#include <QFile>
#include <QFontMetrics>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace tagbench;
using tagbench::ui::DemoPage;
using tagbench::ui::PredictionService;
using tagbench::ui::ScoreBarsWidget;

namespace {
const QVector<ScoreBarsWidget::Row>& barsOf(const DemoPage& page)
{
    return page.findChild<ScoreBarsWidget*>(QStringLiteral("scoreBars"))->rows();
}

QString modelLine(const DemoPage& page)
{
    return page.findChild<QLabel*>(QStringLiteral("demoModel"))->text();
}

QStringList filesIn(const QString& dir)
{
    return QDir(dir).entryList(QDir::Files | QDir::NoDotAndDotDot);
}
} // namespace

class DemoPageTest final : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void predictsTheTopicOfATypedText();
    void typingIsDebouncedIntoOnePrediction();
    void presentationModeTogglesWithKeys();
    void brokenBundleIsReported();
    void fromRunLeavesTheRunFolderAlone();
    void followsTheRunAndRuleOfTheEvaluatePage();
    void longLabelNamesAreWrappedNotCut();
    void carNewsTextCnnFromTheDefaultFormPredictsANewSentence();

private:
    QTemporaryDir m_dir;
    QString m_bundle;
    QString m_runDir;
};

void DemoPageTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    // Train a tiny model on the tiny fixture in tests/data/train and pack it, as a user would.
    const std::string text = R"({"model": "FastText",
        "data": {"train": "train.jsonl", "dev": "dev.jsonl"},
        "FastText": {"word_ngrams": 1, "buckets": 0}, "embedding": {"dimension": 16},
        "train": {"epochs": 12, "batch_size": 16, "learning_rate": 0.05, "threads": 1, "early_stopping_patience": 0}})";
    const Result<TrainConfig> config = TrainConfig::parse(text, "tiny.json", TAGBENCH_TEST_DATA "/train");
    QVERIFY2(config.ok(), config.ok() ? "" : config.message().c_str());
    TrainOptions options;
    m_runDir = m_dir.filePath(QStringLiteral("run"));
    options.runDir = QFile::encodeName(m_runDir).toStdString();
    options.device = "cpu";
    Trainer trainer(*config, options);
    const Result<TrainResult> trained = trainer.run();
    QVERIFY2(trained.ok(), trained.ok() ? "" : trained.message().c_str());
    m_bundle = m_dir.filePath(QStringLiteral("tiny.tagbench"));
    const Result<ExportSummary> exported = exportBundle(options.runDir, QFile::encodeName(m_bundle).toStdString());
    QVERIFY2(exported.ok(), exported.ok() ? "" : exported.message().c_str());
}

void DemoPageTest::init()
{
    // The page reopens the last bundle it showed; every test starts from a page without one.
    QSettings().clear();
}

void DemoPageTest::predictsTheTopicOfATypedText()
{
    PredictionService service;
    DemoPage page(&service, nullptr);
    QSignalSpy opened(&page, &DemoPage::bundleOpened);
    QSignalSpy shown(&page, &DemoPage::predictionShown);
    page.openBundle(m_bundle);
    QTRY_COMPARE_WITH_TIMEOUT(opened.count(), 1, 30000);
    QCOMPARE(page.bundle().labels,
             (QStringList{QStringLiteral("car"), QStringLiteral("food"), QStringLiteral("music"),
                          QStringLiteral("sport"), QStringLiteral("tech"), QStringLiteral("travel")}));

    page.setText(QStringLiteral("the chef baked a spicy noodle recipe in the kitchen and a dessert"));
    QTRY_VERIFY_WITH_TIMEOUT(shown.count() >= 1, 30000);
    QVERIFY2(page.predictedLabels().contains(QStringLiteral("food")), qPrintable(page.predictedLabels().join(',')));

    const QVector<ScoreBarsWidget::Row>& rows = barsOf(page);
    QCOMPARE(rows.size(), 6);   // fewer labels than DemoPage::maxRows: all are shown
    QCOMPARE(rows.first().label, QStringLiteral("food"));
    QVERIFY(rows.first().kept);
    for (int i = 1; i < rows.size(); ++i)
        QVERIFY(rows[i - 1].score >= rows[i].score);
    for (const ScoreBarsWidget::Row& row : rows) {
        QVERIFY(std::isfinite(row.threshold));
        // A label is shown as predicted exactly when the bundle's rule keeps it.
        QCOMPARE(row.kept, page.predictedLabels().contains(row.label));
        if (row.kept)
            QVERIFY(row.score >= row.threshold);
    }
}

void DemoPageTest::typingIsDebouncedIntoOnePrediction()
{
    PredictionService service;
    DemoPage page(&service, nullptr);
    QSignalSpy opened(&page, &DemoPage::bundleOpened);
    page.openBundle(m_bundle);
    QTRY_COMPARE_WITH_TIMEOUT(opened.count(), 1, 30000);
    QSignalSpy shown(&page, &DemoPage::predictionShown);
    auto* text = page.findChild<QPlainTextEdit*>(QStringLiteral("demoText"));
    QVERIFY(text);
    QTest::keyClicks(text, QStringLiteral("guitar concert album melody"));   // 27 edits within the debounce
    QTRY_COMPARE_WITH_TIMEOUT(shown.count(), 1, 30000);
    QTest::qWait(3 * DemoPage::debounceMs);
    QCOMPARE(shown.count(), 1);
    QCOMPARE(page.predictedLabels().value(0), QStringLiteral("music"));
}

void DemoPageTest::presentationModeTogglesWithKeys()
{
    PredictionService service;
    DemoPage page(&service, nullptr);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    // The stage leaves the page in presentation mode: keep what is on it before it goes.
    const ScoreBarsWidget* bars = page.findChild<ScoreBarsWidget*>(QStringLiteral("scoreBars"));
    const double normalSize = bars->font().pointSizeF();
    QTest::keyClick(page.findChild<QPlainTextEdit*>(QStringLiteral("demoText")), Qt::Key_F11);
    QVERIFY(page.isPresentationMode());
    QVERIFY(page.stage()->isWindow());
    QVERIFY(page.stage()->isVisible());
    QVERIFY(bars->font().pointSizeF() > 1.5 * normalSize);
    // The stage is its own window now, no longer a child of the page.
    QTest::keyClick(page.stage()->findChild<QPlainTextEdit*>(QStringLiteral("demoText")), Qt::Key_Escape);
    QVERIFY(!page.isPresentationMode());
    QVERIFY(!page.stage()->isWindow());
    QCOMPARE(page.stage()->parentWidget(), &page);
    QCOMPARE(bars->font().pointSizeF(), normalSize);
}

void DemoPageTest::brokenBundleIsReported()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("broken.tagbench"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("this is not a bundle");
    file.close();
    PredictionService service;
    DemoPage page(&service, nullptr);
    QSignalSpy failed(&page, &DemoPage::bundleFailed);
    page.openBundle(path);
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 30000);
    QVERIFY(failed.first().at(1).toString().contains(QStringLiteral("broken.tagbench")));
    QVERIFY(!page.hasBundle());
}

void DemoPageTest::fromRunLeavesTheRunFolderAlone()
{
    const QStringList before = filesIn(m_runDir);
    PredictionService service;
    DemoPage page(&service, nullptr);
    QSignalSpy opened(&page, &DemoPage::bundleOpened);
    page.openRun(m_runDir);
    QTRY_COMPARE_WITH_TIMEOUT(opened.count(), 1, 60000);
    // No 50 MB surprise in the run folder: the bundle is a temporary file of the session.
    QCOMPARE(filesIn(m_runDir), before);
    QVERIFY(!QFileInfo(opened.first().at(0).toString()).absolutePath().startsWith(QDir(m_runDir).absolutePath()));
    QCOMPARE(modelLine(page), QStringLiteral("Run: run"));
    page.setText(QStringLiteral("the chef baked a spicy noodle recipe in the kitchen and a dessert"));
    QTRY_VERIFY_WITH_TIMEOUT(page.predictedLabels().contains(QStringLiteral("food")), 30000);
}

void DemoPageTest::followsTheRunAndRuleOfTheEvaluatePage()
{
    tagbench::ui::EvaluationSession evaluation;
    PredictionService service;
    DemoPage page(&service, &evaluation);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QSignalSpy opened(&page, &DemoPage::bundleOpened);
    evaluation.loadRun(m_runDir, QStringLiteral("dev"));
    QTRY_COMPARE_WITH_TIMEOUT(opened.count(), 1, 60000);
    QCOMPARE(modelLine(page), QStringLiteral("Run: run (open on the Evaluate page)"));
    QSignalSpy shown(&page, &DemoPage::predictionShown);
    page.setText(QStringLiteral("the chef baked a spicy noodle recipe in the kitchen and a dessert"));
    QTRY_VERIFY_WITH_TIMEOUT(shown.count() >= 1 && !page.predictedLabels().isEmpty(), 30000);

    // The rule being edited on the Evaluate page is what the Demo decides with: a label
    // switched off there is not predicted here.
    QCOMPARE(page.bundle().labels.value(1), QStringLiteral("food"));
    evaluation.setLabelDisabled(1, true);
    QTRY_VERIFY_WITH_TIMEOUT(std::isinf(page.bundle().thresholds.value(1)), 30000);
    QTRY_VERIFY_WITH_TIMEOUT(!page.predictedLabels().contains(QStringLiteral("food")), 30000);
    evaluation.undoStack()->undo();
    QTRY_VERIFY_WITH_TIMEOUT(page.predictedLabels().contains(QStringLiteral("food")), 30000);
}

void DemoPageTest::longLabelNamesAreWrappedNotCut()
{
    const QFont font;
    const QString label = QStringLiteral("新能源::智能驾驶辅助系统");
    const int width = QFontMetrics(font).horizontalAdvance(label) * 2 / 3;   // too narrow for one line
    const QStringList lines = ScoreBarsWidget::labelLines(font, label, width);
    QCOMPARE(lines.size(), 2);
    QCOMPARE(lines.join(QString()), label);   // every character, none elided
    for (const QString& line : lines)
        QVERIFY(QFontMetrics(font).horizontalAdvance(line) <= width);
    // What fits stays on one line; what needs more than two lines is elided at the end.
    QCOMPARE(ScoreBarsWidget::labelLines(font, QStringLiteral("召回"), width), QStringList{QStringLiteral("召回")});
    const QStringList many = ScoreBarsWidget::labelLines(font, label + label + label, width);
    QCOMPARE(many.size(), 2);
    QVERIFY(many.last().endsWith(QChar(0x2026)));
}

void DemoPageTest::carNewsTextCnnFromTheDefaultFormPredictsANewSentence()
{
    // The Train page's form with nothing changed but the sample's files: a TextCNN, with the
    // tokenizer chosen from the data (characters for Chinese).
    const QString samples = QStringLiteral(TAGBENCH_SOURCE_DIR "/resources/samples/car-news-zh/");
    tagbench::ui::TrainConfigForm form;
    form.setDatasetChoices({samples + QStringLiteral("train.jsonl"), samples + QStringLiteral("dev.jsonl"),
                            samples + QStringLiteral("test.jsonl")},
                           {QStringLiteral("train"), QStringLiteral("dev"), QStringLiteral("test")});
    Result<TrainConfig> config = form.config();
    QVERIFY2(config.ok(), config.ok() ? "" : config.message().c_str());
    QCOMPARE(config->model.kind, std::string("TextCNN"));
    QCOMPARE(config->tokenizer.kind, std::string("char"));
    config->train.threads = 2;
    TrainOptions options;
    const QString runDir = m_dir.filePath(QStringLiteral("car-news"));
    options.runDir = QFile::encodeName(runDir).toStdString();
    options.device = "cpu";
    Trainer trainer(*config, options);
    const Result<TrainResult> trained = trainer.run();
    QVERIFY2(trained.ok(), trained.ok() ? "" : trained.message().c_str());

    PredictionService service;
    DemoPage page(&service, nullptr);
    QSignalSpy opened(&page, &DemoPage::bundleOpened);
    page.openRun(runDir);
    QTRY_COMPARE_WITH_TIMEOUT(opened.count(), 1, 120000);
    // A new sentence, in none of the sample's files.
    auto* text = page.findChild<QPlainTextEdit*>(QStringLiteral("demoText"));
    tagbench::test::typeText(text, QStringLiteral("小鹏汽车今天宣布新款G6正式上市，官方指导价20.99万元起，即日起开启交付。"));
    QTRY_VERIFY_WITH_TIMEOUT(!page.predictedLabels().isEmpty(), 30000);
    QVERIFY2(page.predictedLabels().contains(QStringLiteral("资讯::新车上市")), qPrintable(page.predictedLabels().join(u',')));
}

QTEST_MAIN(DemoPageTest)
#include "DemoPageTest.moc"
