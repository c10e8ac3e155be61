// What users made with Tagbench 0.1 keeps working: its run folders resume to the scores an
// uninterrupted run reaches, re-export, and its bundles predict the scores that release
// predicted. The fixtures were written by that release (tests/data/compat/README.md).
#include "core/data/DatasetReader.h"
#include "core/eval/ScoreMatrix.h"
#include "core/export/BundleExporter.h"
#include "core/export/Predictor.h"
#include "core/train/Trainer.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace tagbench;

namespace {

const QString kCompat = QStringLiteral(TAGBENCH_TEST_DATA "/compat");
const QString kExport = QStringLiteral(TAGBENCH_TEST_DATA "/export");

bool copyTree(const QString& from, const QString& to)
{
    QDir source(from);
    if (!QDir().mkpath(to)) return false;
    for (const QFileInfo& entry : source.entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QString target = to + "/" + entry.fileName();
        if (entry.isDir() ? !copyTree(entry.filePath(), target) : !QFile::copy(entry.filePath(), target)) return false;
    }
    return true;
}

/// A copy of a fixture run whose data paths point at tests/data/export, as a user who moved
/// the run folder would fix them.
QString copyRun(const QTemporaryDir& tmp, const QString& kind)
{
    const QString dir = tmp.filePath(kind);
    if (!copyTree(kCompat + "/" + kind + "-run", dir)) qFatal("cannot copy the %s fixture", qPrintable(kind));
    QFile file(dir + "/config.json");
    if (!file.open(QIODevice::ReadOnly)) qFatal("no config.json");
    QJsonObject config = QJsonDocument::fromJson(file.readAll()).object();
    file.close();
    config["data"] = QJsonObject{{"train", kExport + "/train.jsonl"}, {"dev", kExport + "/dev.jsonl"}};
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) qFatal("cannot rewrite config.json");
    file.write(QJsonDocument(config).toJson());
    return dir;
}

void compareScores(const eval::ScoreMatrix& actual, const eval::ScoreMatrix& expected, float tolerance)
{
    QCOMPARE(actual.labelNames(), expected.labelNames());
    QCOMPARE(actual.documentCount(), expected.documentCount());
    for (std::size_t d = 0; d < expected.documentCount(); ++d)
        for (std::size_t l = 0; l < expected.labelCount(); ++l)
            if (std::fabs(actual.score(d, l) - expected.score(d, l)) > tolerance)
                QFAIL(qPrintable(QString("document %1 label %2: %3 instead of %4")
                                     .arg(d).arg(l).arg(actual.score(d, l)).arg(expected.score(d, l))));
}

} // namespace

class ReleaseCompatibilityTest final : public QObject {
    Q_OBJECT

private slots:
    void kinds_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::newRow("TextCNN") << "textcnn";
        QTest::newRow("FastText") << "fasttext";
    }

    void resumeReachesTheUninterruptedScores_data() { kinds_data(); }
    void resumeReachesTheUninterruptedScores()
    {
        QFETCH(QString, kind);
        QTemporaryDir tmp;
        const QString dir = copyRun(tmp, kind);
        auto config = Trainer::loadRunConfig(dir.toStdString());
        QVERIFY2(config.ok(), config.ok() ? "" : config.message().c_str());
        TrainOptions options;
        options.runDir = dir.toStdString();
        options.device = "cpu";
        options.resume = true;
        Trainer trainer(*config, options);
        const auto result = trainer.run();
        QVERIFY2(result.ok(), result.ok() ? "" : result.message().c_str());
        QCOMPARE(result->epochsDone, std::int64_t(3));

        const auto resumed = eval::ScoreMatrix::load((dir + "/scores/dev.scores").toStdString());
        const auto uninterrupted = eval::ScoreMatrix::load((kCompat + "/" + kind + "-3epochs.scores").toStdString());
        QVERIFY(resumed.ok() && uninterrupted.ok());
        compareScores(*resumed, *uninterrupted, 1e-6f);
    }

    void bundlePredictsTheReleaseScores_data() { kinds_data(); }
    void bundlePredictsTheReleaseScores()
    {
        QFETCH(QString, kind);
        PredictorOptions options;
        options.threads = 1;
        auto predictor = Predictor::open((kCompat + "/" + kind + ".tagbench").toStdString(), options);
        QVERIFY2(predictor.ok(), predictor.ok() ? "" : predictor.message().c_str());
        ImportOptions unlabelled;
        unlabelled.requireLabels = false;
        auto dataset = readDataset((kExport + "/unlabelled.jsonl").toStdString(), unlabelled);
        QVERIFY(dataset.ok());

        QFile expected(kCompat + "/" + kind + "-predictions.jsonl");
        QVERIFY(expected.open(QIODevice::ReadOnly));
        std::size_t document = 0;
        while (!expected.atEnd()) {
            const QJsonObject record = QJsonDocument::fromJson(expected.readLine()).object();
            const QJsonObject scores = record["scores"].toObject();
            const auto row = predictor->predict(dataset->text(document), /*allScores=*/true);
            QVERIFY(row.ok());
            for (std::size_t l = 0; l < predictor->labels().size(); ++l) {
                const double want = scores[QString::fromStdString(predictor->labels()[l])].toDouble(-1.0);
                QVERIFY2(std::fabs(row->scores[l] - want) < 2e-6,  // the file holds 6 significant digits
                         qPrintable(QString("document %1 label %2: %3 instead of %4").arg(document).arg(l)
                                        .arg(row->scores[l]).arg(want)));
            }
            ++document;
        }
        QCOMPARE(document, dataset->size());
    }

    void runExportsToABundleWithTheRunsScores_data() { kinds_data(); }
    void runExportsToABundleWithTheRunsScores()
    {
        QFETCH(QString, kind);
        QTemporaryDir tmp;
        const QString dir = copyRun(tmp, kind);
        const QString bundle = tmp.filePath(kind + ".tagbench");
        const auto exported = exportBundle(dir.toStdString(), bundle.toStdString());
        QVERIFY2(exported.ok(), exported.ok() ? "" : exported.message().c_str());
        PredictorOptions options;
        options.threads = 1;
        auto predictor = Predictor::open(bundle.toStdString(), options);
        QVERIFY2(predictor.ok(), predictor.ok() ? "" : predictor.message().c_str());
        auto dev = readDataset((kExport + "/dev.jsonl").toStdString());
        QVERIFY(dev.ok());
        const auto scored = predictor->scoreDataset(*dev);
        QVERIFY(scored.ok());
        const auto saved = eval::ScoreMatrix::load((dir + "/scores/dev.scores").toStdString());
        QVERIFY(saved.ok());
        compareScores(*scored, *saved, 1e-5f);
    }
};

QTEST_GUILESS_MAIN(ReleaseCompatibilityTest)
#include "ReleaseCompatibilityTest.moc"
