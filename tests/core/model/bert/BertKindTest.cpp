// BERT through the model interface, as a user runs it: a tiny fine-tuning run from the bert-tiny
// Hugging Face fixture learns, a resumed run equals an uninterrupted one, the bundle predicts the
// run's scores, and LoRA adapters folded into the bundle predict what the unmerged model scored.
#include "core/data/DatasetReader.h"
#include "core/eval/Metrics.h"
#include "core/eval/ScoreMatrix.h"
#include "core/export/BundleExporter.h"
#include "core/export/Predictor.h"
#include "core/model/bert/BertOptions.h"
#include "core/train/Trainer.h"

#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace tagbench;

namespace {

const std::string kData = TAGBENCH_TEST_DATA "/export";

TrainConfig bertConfig(int epochs, const std::string& extraBert = {})
{
    const std::string text = R"({"model": "BERT", "data": {"train": "train.jsonl", "dev": "dev.jsonl"},
        "BERT": {"checkpoint": "../bert-tiny", "max_length": 24)" + extraBert + R"(},
        "train": {"optimizer": "adamw", "learning_rate": 0.002, "batch_size": 16, "epochs": )" + std::to_string(epochs) + R"(,
                  "lr_schedule": "linear", "warmup_ratio": 0.1, "gradient_clip": 1.0, "loss_reduction": "mean",
                  "threads": 1, "seed": 7, "early_stopping_patience": 0},
        "eval": {"threshold": 0.3}})";
    auto config = TrainConfig::parse(text, "bert.json", kData);
    if (!config) qFatal("%s", config.message().c_str());
    return *config;
}

Result<TrainResult> train(const TrainConfig& config, const QString& dir, bool resume = false, const std::atomic<bool>* cancel = nullptr,
                          const Trainer::EpochCallback& onEpoch = {})
{
    TrainOptions options;
    options.runDir = dir.toStdString();
    options.device = "cpu";
    options.resume = resume;
    Trainer trainer(config, options);
    if (onEpoch) trainer.setEpochCallback(onEpoch);
    return trainer.run(cancel);
}

eval::ScoreMatrix devScores(const QString& runDir)
{
    auto scores = eval::ScoreMatrix::load((runDir + "/scores/dev.scores").toStdString());
    if (!scores) qFatal("%s", scores.message().c_str());
    return std::move(*scores);
}

double maxDifference(const eval::ScoreMatrix& a, const eval::ScoreMatrix& b)
{
    double worst = 0.0;
    for (std::size_t d = 0; d < a.documentCount(); ++d)
        for (std::size_t l = 0; l < a.labelCount(); ++l) worst = std::max(worst, double(std::fabs(a.score(d, l) - b.score(d, l))));
    return worst;
}

} // namespace

class BertKindTest final : public QObject {
    Q_OBJECT
private slots:
    void configReadsTheCheckpoint()
    {
        const TrainConfig config = bertConfig(1);
        const auto& options = config.model.optionsAs<BertOptions>();
        QCOMPARE(options.encoder.hiddenSize, std::int64_t(32));
        QCOMPARE(options.encoder.numHiddenLayers, std::int64_t(2));
        QVERIFY(options.tokenizer.basic.lowercase);
        QCOMPARE(config.model.embeddingDim, std::int64_t(0));
        // The run's config.json keeps the architecture: it parses back without the checkpoint.
        const auto again = TrainConfig::parse(config.toJson(), "config.json", kData, TrainConfig::Files::MayBeMissing);
        QVERIFY2(again.ok(), again.ok() ? "" : again.message().c_str());
        QCOMPARE(again->toJson(), config.toJson());
    }

    void fineTuningLearns()
    {
        QTemporaryDir dir;
        const auto result = train(bertConfig(15), dir.path());
        QVERIFY2(result.ok(), result.ok() ? "" : result.message().c_str());
        // Chance on this fixture (1-2 of 5 labels per document) is a micro-F1 of about 0.4.
        QVERIFY2(result->bestDevMicroF1 > 0.7, qPrintable(QString::number(result->bestDevMicroF1)));
    }

    void resumeEqualsUninterrupted()
    {
        QTemporaryDir whole, parts;
        QVERIFY(train(bertConfig(3), whole.path()).ok());
        std::atomic<bool> cancel{false};
        const auto first = train(bertConfig(3), parts.path(), false, &cancel, [&cancel](const EpochReport& report) {
            if (report.epoch == 1) cancel = true;
        });
        QVERIFY(first.ok());
        QCOMPARE(first->status, TrainStatus::Cancelled);
        const auto config = Trainer::loadRunConfig(parts.path().toStdString());
        QVERIFY(config.ok());
        const auto resumed = train(*config, parts.path(), true);
        QVERIFY2(resumed.ok(), resumed.ok() ? "" : resumed.message().c_str());
        QCOMPARE(resumed->epochsDone, std::int64_t(3));
        QCOMPARE(maxDifference(devScores(whole.path()), devScores(parts.path())), 0.0);
    }

    void bundlePredictsTheRunsScores_data()
    {
        QTest::addColumn<QString>("extra");
        QTest::newRow("fine-tuned") << QString();
        QTest::newRow("LoRA, merged at export") << QStringLiteral(R"(, "lora": {"rank": 4, "alpha": 8, "target_modules": ["query", "value"]})");
        QTest::newRow("mean pooling, frozen encoder") << QStringLiteral(R"(, "pooling": "mean", "freeze_encoder": true)");
    }
    void bundlePredictsTheRunsScores()
    {
        QFETCH(QString, extra);
        QTemporaryDir dir;
        const QString run = dir.filePath(QStringLiteral("run"));
        QVERIFY(train(bertConfig(2, extra.toStdString()), run).ok());
        const std::string bundle = dir.filePath(QStringLiteral("bert.tagbench")).toStdString();
        const auto exported = exportBundle(run.toStdString(), bundle);
        QVERIFY2(exported.ok(), exported.ok() ? "" : exported.message().c_str());
        QCOMPARE(exported->manifest.model.optionsAs<BertOptions>().lora.rank, std::int64_t(0));  // merged
        PredictorOptions options;
        options.threads = 1;
        auto predictor = Predictor::open(bundle, options);
        QVERIFY2(predictor.ok(), predictor.ok() ? "" : predictor.message().c_str());
        auto dev = readDataset(kData + "/dev.jsonl");
        QVERIFY(dev.ok());
        const auto scored = predictor->scoreDataset(*dev);
        QVERIFY(scored.ok());
        // Batches differ (the predictor sorts by length): float sums differ in the last bits.
        QVERIFY2(maxDifference(*scored, devScores(run)) < 1e-5, qPrintable(QString::number(maxDifference(*scored, devScores(run)))));
    }
};

QTEST_GUILESS_MAIN(BertKindTest)
#include "BertKindTest.moc"
