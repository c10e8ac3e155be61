#include "core/export/BundleExporter.h"
#include "core/train/Trainer.h"
#include "ui/demo/DemoPage.h"
#include "ui/demo/ScoreBarsWidget.h"

#include <QFile>
#include <QPlainTextEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace tagbench;
using tagbench::ui::DemoPage;
using tagbench::ui::ScoreBarsWidget;

class DemoPageTest final : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void predictsTheTopicOfATypedText();
    void typingIsDebouncedIntoOnePrediction();
    void presentationModeTogglesWithKeys();
    void brokenBundleIsReported();

private:
    QTemporaryDir m_dir;
    QString m_bundle;
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
    options.runDir = QFile::encodeName(m_dir.filePath(QStringLiteral("run"))).toStdString();
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
    DemoPage page;
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

    const QVector<ScoreBarsWidget::Row>& rows = page.scoreBars()->rows();
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
    DemoPage page;
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
    DemoPage page;
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    const double normalSize = page.scoreBars()->font().pointSizeF();
    QTest::keyClick(page.findChild<QPlainTextEdit*>(QStringLiteral("demoText")), Qt::Key_F11);
    QVERIFY(page.isPresentationMode());
    QVERIFY(page.stage()->isWindow());
    QVERIFY(page.stage()->isVisible());
    QVERIFY(page.scoreBars()->font().pointSizeF() > 1.5 * normalSize);
    // The stage is its own window now, no longer a child of the page.
    QTest::keyClick(page.stage()->findChild<QPlainTextEdit*>(QStringLiteral("demoText")), Qt::Key_Escape);
    QVERIFY(!page.isPresentationMode());
    QVERIFY(!page.stage()->isWindow());
    QCOMPARE(page.stage()->parentWidget(), &page);
    QCOMPARE(page.scoreBars()->font().pointSizeF(), normalSize);
}

void DemoPageTest::brokenBundleIsReported()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("broken.tagbench"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("this is not a bundle");
    file.close();
    DemoPage page;
    QSignalSpy failed(&page, &DemoPage::bundleFailed);
    page.openBundle(path);
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 30000);
    QVERIFY(failed.first().at(1).toString().contains(QStringLiteral("broken.tagbench")));
    QVERIFY(!page.hasBundle());
}

QTEST_MAIN(DemoPageTest)
#include "DemoPageTest.moc"
