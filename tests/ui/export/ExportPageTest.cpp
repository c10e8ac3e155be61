#include "core/eval/ScoreMatrix.h"
#include "core/export/Bundle.h"
#include "core/train/Trainer.h"
#include "ui/evaluate/EvaluationSession.h"
#include "ui/export/BundleExportService.h"
#include "ui/export/ExportPage.h"
#include "ui/project/ProjectSession.h"
#include "ui/evaluate/ReportWriter.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QListWidget>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace tagbench;
using tagbench::eval::ScoreMatrix;
using tagbench::ui::EvaluationSession;
using tagbench::ui::ExportPage;

namespace {

/// A scored dev split with enough labels that the report's table needs several PDF pages.
void writeScoredRun(const QString& dir, int labelCount, int documents)
{
    QDir().mkpath(dir + QStringLiteral("/scores"));
    std::vector<std::string> names;
    QByteArray labels;
    for (int i = 0; i < labelCount; ++i) {
        names.push_back("label-" + std::to_string(i));
        labels += QByteArray::fromStdString(names.back()) + '\n';
    }
    QFile file(dir + QStringLiteral("/labels.txt"));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(labels);
    file.close();
    ScoreMatrix scores(names);
    for (int d = 0; d < documents; ++d) {
        std::vector<float> row(static_cast<std::size_t>(labelCount));
        std::vector<std::uint32_t> gold;
        for (int l = 0; l < labelCount; ++l) {
            // Frequent low labels, rare high ones; scores informative but noisy.
            const bool isGold = (d * 7 + l * 3) % (l + 2) == 0;
            row[std::size_t(l)] = float(((d * 31 + l * 17) % 100) / 200.0 + (isGold ? 0.45 : 0.0));
            if (isGold)
                gold.push_back(std::uint32_t(l));
        }
        QVERIFY(scores.addDocument("d" + std::to_string(d), row, gold).ok());
    }
    QVERIFY(scores.save(QFile::encodeName(dir + QStringLiteral("/scores/dev.scores")).toStdString()).ok());
}

QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class ExportPageTest final : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void writesMultiPagePdfReport();
    void writesPngOfTheRequestedSize();
    void reportNeedsAnEvaluatedRun();
    void exportsABundleOfATrainedRun();
    void exportOfAnUnfinishedRunFailsInPlainWords();

private:
    QTemporaryDir m_dir;
    QString m_scoredRun;
    EvaluationSession m_session;
    ui::ProjectSession m_project;
    ui::BundleExportService m_exporter;
};

void ExportPageTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_scoredRun = m_dir.filePath(QStringLiteral("scored"));
    writeScoredRun(m_scoredRun, 120, 300);
    QSignalSpy loaded(&m_session, &EvaluationSession::runLoaded);
    m_session.loadRun(m_scoredRun, QStringLiteral("dev"));
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 30000);
}

void ExportPageTest::writesMultiPagePdfReport()
{
    ExportPage page(&m_session, &m_project, &m_exporter);
    auto* curves = page.findChild<QListWidget*>(QStringLiteral("curveLabels"));
    QVERIFY(curves);
    QCOMPARE(curves->count(), 120);
    const QString path = m_dir.filePath(QStringLiteral("report.pdf"));
    const Status status = page.writeReportPdf(path);
    QVERIFY2(status.ok(), status.ok() ? "" : status.message().c_str());
    const QByteArray pdf = readAll(path);
    QVERIFY(pdf.startsWith("%PDF"));
    // Summary and charts, PR curves, then a 120-row table over at least two pages.
    const int pages = int(pdf.count("/Type /Page") - pdf.count("/Type /Pages"));
    QVERIFY2(pages >= 4, qPrintable(QString::number(pages)));
    // Lets a person look at the report: TAGBENCH_REPORT_PDF=/tmp/report.pdf ExportPageTest
    if (const QString keep = qEnvironmentVariable("TAGBENCH_REPORT_PDF"); !keep.isEmpty()) {
        QFile::remove(keep);
        QVERIFY(QFile::copy(path, keep));
    }
}

void ExportPageTest::writesPngOfTheRequestedSize()
{
    ExportPage page(&m_session, &m_project, &m_exporter);
    page.setCurveLabelChecked(5, true);
    const QString path = m_dir.filePath(QStringLiteral("report.png"));
    const Status status = page.writeReportPng(path, QSize(1000, 700));
    QVERIFY2(status.ok(), status.ok() ? "" : status.message().c_str());
    QImage image;
    QVERIFY(image.load(path));
    QCOMPARE(image.size(), QSize(1000, 700));
    // Something was drawn: the chart bars use the primary colour somewhere on a white page.
    int coloured = 0;
    for (int y = 0; y < image.height(); y += 4) {
        for (int x = 0; x < image.width(); x += 4) {
            const QColor c = image.pixelColor(x, y);
            coloured += (c.saturation() > 80) ? 1 : 0;
        }
    }
    QVERIFY2(coloured > 200, qPrintable(QString::number(coloured)));
}

void ExportPageTest::reportNeedsAnEvaluatedRun()
{
    EvaluationSession empty;
    ExportPage page(&empty, &m_project, &m_exporter);
    const Status status = page.writeReportPdf(m_dir.filePath(QStringLiteral("none.pdf")));
    QVERIFY(!status.ok());
    QVERIFY(QString::fromStdString(status.message()).contains(QStringLiteral("Evaluate")));
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("none.pdf"))));
}

void ExportPageTest::exportsABundleOfATrainedRun()
{
    const std::string text = R"({"model": "FastText",
        "data": {"train": "train.jsonl", "dev": "dev.jsonl", "test": "test.jsonl"},
        "FastText": {"word_ngrams": 1, "buckets": 0}, "embedding": {"dimension": 8},
        "train": {"epochs": 2, "batch_size": 16, "learning_rate": 0.05, "threads": 1}})";
    const Result<TrainConfig> config = TrainConfig::parse(text, "tiny.json", TAGBENCH_TEST_DATA "/train");
    QVERIFY2(config.ok(), config.ok() ? "" : config.message().c_str());
    const QString runDir = m_dir.filePath(QStringLiteral("trained"));
    TrainOptions options;
    options.runDir = QFile::encodeName(runDir).toStdString();
    options.device = "cpu";
    Trainer trainer(*config, options);
    const Result<TrainResult> trained = trainer.run();
    QVERIFY2(trained.ok(), trained.ok() ? "" : trained.message().c_str());

    ExportPage page(&m_session, &m_project, &m_exporter);
    page.setRunDir(runDir);
    QSignalSpy exported(&page, &ExportPage::bundleExported);
    QSignalSpy failed(&page, &ExportPage::bundleExportFailed);
    const QString out = m_dir.filePath(QStringLiteral("trained.tagbench"));
    page.exportBundle(out);
    QVERIFY(page.isExporting());
    QTRY_VERIFY_WITH_TIMEOUT(exported.count() + failed.count() == 1, 60000);
    QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().at(0).toString()));
    QCOMPARE(exported.first().at(0).toString(), out);
    QVERIFY(!page.isExporting());
    const Result<Bundle> bundle = Bundle::open(QFile::encodeName(out).toStdString());
    QVERIFY2(bundle.ok(), bundle.ok() ? "" : bundle.message().c_str());
}

void ExportPageTest::exportOfAnUnfinishedRunFailsInPlainWords()
{
    ExportPage page(&m_session, &m_project, &m_exporter);
    const QString empty = m_dir.filePath(QStringLiteral("empty-run"));
    QDir().mkpath(empty);
    page.setRunDir(empty);
    QSignalSpy failed(&page, &ExportPage::bundleExportFailed);
    page.exportBundle(m_dir.filePath(QStringLiteral("empty.tagbench")));
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 30000);
    QVERIFY2(failed.first().at(0).toString().contains(QStringLiteral("empty-run")),
             qPrintable(failed.first().at(0).toString()));
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("empty.tagbench"))));
}

QTEST_MAIN(ExportPageTest)
#include "ExportPageTest.moc"
