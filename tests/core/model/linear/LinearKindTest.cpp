// The linear model as a model kind: a run on the tiny fixture learns, its config validates
// every key, and its bundle predicts the run's scores.
#include "core/data/DatasetReader.h"
#include "core/eval/ScoreMatrix.h"
#include "core/export/BundleExporter.h"
#include "core/export/Predictor.h"
#include "core/model/linear/LinearOptions.h"
#include "core/train/Trainer.h"

#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace tagbench;

namespace {

const std::string kData = TAGBENCH_TEST_DATA "/export";

Result<TrainConfig> linearConfig(const std::string& section)
{
    return TrainConfig::parse(R"({"model": "Linear", "data": {"train": "train.jsonl", "dev": "dev.jsonl"},
        "Linear": )" + section + R"(, "train": {"threads": 1}, "eval": {"threshold": "dev"}})", "linear.json", kData);
}

} // namespace

class LinearKindTest final : public QObject {
    Q_OBJECT
private slots:
    void configValidatesEveryKey_data()
    {
        QTest::addColumn<QString>("section");
        QTest::addColumn<QString>("expected");
        QTest::newRow("bad analyzer") << R"({"features": [{"analyzer": "words"}]})" << "Linear.features[0].analyzer: expected one of word, char, char_wb";
        QTest::newRow("bad range") << R"({"features": [{"ngram_range": [3, 1]}]})" << "Linear.features[0].ngram_range: expected [min, max]";
        QTest::newRow("bad min_df") << R"({"features": [{"min_df": -1}]})" << "Linear.features[0].min_df: expected a document count";
        QTest::newRow("bad C") << R"({"C": 0})" << "Linear.C: expected a number > 0";
        QTest::newRow("bad loss") << R"({"loss": "hinge"})" << "Linear.loss: expected one of logistic, squared_hinge";
        QTest::newRow("unknown key") << R"({"penalty": "l1"})" << "Linear.penalty: unknown key";
        QTest::newRow("empty features") << R"({"features": []})" << "Linear.features: expected a non-empty array";
    }
    void configValidatesEveryKey()
    {
        QFETCH(QString, section);
        QFETCH(QString, expected);
        const auto config = linearConfig(section.toStdString());
        QVERIFY(!config.ok());
        QVERIFY2(QString::fromStdString(config.message()).contains(expected), config.message().c_str());
    }

    void configRoundTrips()
    {
        const auto config = linearConfig(R"({"features": [{"analyzer": "word", "ngram_range": [1, 2], "min_df": 2},
            {"analyzer": "char_wb", "ngram_range": [2, 4], "min_df": 0.01, "max_features": 500}], "C": 8, "class_weight": "balanced"})");
        QVERIFY2(config.ok(), config.ok() ? "" : config.message().c_str());
        const auto& options = config->model.optionsAs<LinearOptions>();
        QCOMPARE(options.features.size(), std::size_t(2));
        QVERIFY(options.features[1].minDf.fraction);
        QVERIFY(!options.features[0].minDf.fraction);
        const auto again = TrainConfig::parse(config->toJson(), "config.json", kData);
        QVERIFY(again.ok());
        QCOMPARE(again->toJson(), config->toJson());
    }

    void trainsExportsAndPredicts()
    {
        QTemporaryDir dir;
        const auto config = linearConfig(R"({"features": [{"analyzer": "word", "ngram_range": [1, 1], "min_df": 1},
            {"analyzer": "char_wb", "ngram_range": [2, 3], "min_df": 2}], "C": 4})");
        QVERIFY(config.ok());
        TrainOptions options;
        options.runDir = dir.filePath("run").toStdString();
        options.device = "cpu";
        Trainer trainer(*config, options);
        const auto result = trainer.run();
        QVERIFY2(result.ok(), result.ok() ? "" : result.message().c_str());
        // Each label has keywords; chance (1-2 of 5 labels) is a micro-F1 of about 0.4.
        QVERIFY2(result->bestDevMicroF1 > 0.8, qPrintable(QString::number(result->bestDevMicroF1)));

        const std::string bundle = dir.filePath("linear.tagbench").toStdString();
        const auto exported = exportBundle(options.runDir, bundle);
        QVERIFY2(exported.ok(), exported.ok() ? "" : exported.message().c_str());
        PredictorOptions predictorOptions;
        predictorOptions.threads = 1;
        auto predictor = Predictor::open(bundle, predictorOptions);
        QVERIFY2(predictor.ok(), predictor.ok() ? "" : predictor.message().c_str());
        auto dev = readDataset(kData + "/dev.jsonl");
        QVERIFY(dev.ok());
        const auto scored = predictor->scoreDataset(*dev);
        QVERIFY(scored.ok());
        const auto saved = eval::ScoreMatrix::load(options.runDir + "/scores/dev.scores");
        QVERIFY(saved.ok());
        double worst = 0;
        for (std::size_t d = 0; d < saved->documentCount(); ++d)
            for (std::size_t l = 0; l < saved->labelCount(); ++l)
                worst = std::max(worst, double(std::fabs(scored->score(d, l) - saved->score(d, l))));
        QVERIFY2(worst < 1e-6, qPrintable(QString::number(worst)));
    }
};

QTEST_GUILESS_MAIN(LinearKindTest)
#include "LinearKindTest.moc"
