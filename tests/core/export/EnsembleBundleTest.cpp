// An ensemble run is a run like the others: it exports to one bundle whose predictions are the
// ensemble run's combined, calibrated scores, and the bundle says what it holds.
#include "core/data/DatasetReader.h"
#include "core/eval/EnsembleRun.h"
#include "core/eval/ScoreMatrix.h"
#include "core/export/Bundle.h"
#include "core/export/BundleExporter.h"
#include "core/export/Predictor.h"
#include "core/train/Trainer.h"

#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace tagbench;

namespace {

const std::string kCompat = TAGBENCH_TEST_DATA "/compat";
const std::string kExport = TAGBENCH_TEST_DATA "/export";

std::string trainRun(const QTemporaryDir& dir, const std::string& config)
{
    auto parsed = TrainConfig::load(kCompat + "/" + config, TrainConfig::Files::MayBeMissing);
    if (!parsed) qFatal("%s", parsed.message().c_str());
    parsed->data.train = kExport + "/train.jsonl";
    parsed->data.dev = kExport + "/dev.jsonl";
    parsed->data.test = kExport + "/dev.jsonl";  // a test split, so the ensemble has one too
    TrainOptions options;
    options.runDir = dir.filePath(QString::fromStdString(config)).toStdString() + ".run";
    options.device = "cpu";
    Trainer trainer(*parsed, options);
    const auto result = trainer.run();
    if (!result) qFatal("%s", result.message().c_str());
    return options.runDir;
}

} // namespace

class EnsembleBundleTest final : public QObject {
    Q_OBJECT
private slots:
    void bundlePredictsTheEnsembleScores_data()
    {
        QTest::addColumn<QString>("combination");
        QTest::newRow("mean") << "mean";
        QTest::newRow("weighted") << "weighted";
        QTest::newRow("intersection") << "intersection";
        QTest::newRow("union") << "union";
    }
    void bundlePredictsTheEnsembleScores()
    {
        QFETCH(QString, combination);
        QTemporaryDir dir;
        eval::EnsembleRequest request;
        request.runs = {trainRun(dir, "textcnn.json"), trainRun(dir, "fasttext.json")};
        request.combination = *eval::parseEnsembleCombination(combination.toStdString());
        request.outDir = dir.filePath(QStringLiteral("ensemble")).toStdString();
        const auto summary = eval::createEnsembleRun(request);
        QVERIFY2(summary.ok(), summary.ok() ? "" : summary.message().c_str());
        QVERIFY(summary->test.has_value());
        QVERIFY(eval::isEnsembleRun(request.outDir));
        // Creating it again in the same folder is refused: nothing made is overwritten.
        QVERIFY(!eval::createEnsembleRun(request).ok());

        const std::string path = dir.filePath(QStringLiteral("ensemble.tagbench")).toStdString();
        const auto exported = exportBundle(request.outDir, path);
        QVERIFY2(exported.ok(), exported.ok() ? "" : exported.message().c_str());
        auto bundle = Bundle::open(path);
        QVERIFY(bundle.ok());
        QVERIFY2(QString::fromStdString(bundle->describe()).contains(combination + " of 2 members calibrated by platt"),
                 bundle->describe().c_str());
        PredictorOptions options;
        options.threads = 1;
        auto predictor = Predictor::fromBundle(std::move(*bundle), options);
        QVERIFY2(predictor.ok(), predictor.ok() ? "" : predictor.message().c_str());
        auto dev = readDataset(kExport + "/dev.jsonl");
        QVERIFY(dev.ok());
        const auto scored = predictor->scoreDataset(*dev);
        QVERIFY(scored.ok());
        const auto saved = eval::ScoreMatrix::load(request.outDir + "/scores/dev.scores");
        QVERIFY(saved.ok());
        double worst = 0.0;
        for (std::size_t d = 0; d < saved->documentCount(); ++d)
            for (std::size_t l = 0; l < saved->labelCount(); ++l)
                worst = std::max(worst, double(std::fabs(scored->score(d, l) - saved->score(d, l))));
        QVERIFY2(worst < 1e-5, qPrintable(QString::number(worst)));
        QCOMPARE(predictor->rule().globalThreshold(), summary->threshold);
    }
};

QTEST_GUILESS_MAIN(EnsembleBundleTest)
#include "EnsembleBundleTest.moc"
