// The cross-validated estimate beside the dev value: rebuilt by hand fold by fold, and shown
// to expose overfitting on scores without information.
#include "core/eval/InteractiveEvaluator.h"
#include "core/eval/ScoreMatrix.h"
#include "core/eval/ThresholdTuner.h"
#include "tests/core/eval/TuneReference.h"

#include <QtTest>

#include <algorithm>
#include <cmath>
#include <random>

using namespace tagbench::eval;
using tagbench::eval::reference::allCalibratedThresholds;
using tagbench::eval::reference::allThresholds;
using tagbench::eval::reference::bestGlobalMicroF1;
using tagbench::eval::reference::floodingMatrix;
using tagbench::eval::reference::micro;
using tagbench::eval::reference::microF1;
using tagbench::eval::reference::randomMatrix;

class TuneCrossValidationTest final : public QObject {
    Q_OBJECT

private slots:
    void crossValidationRetunesOnEachFold_data();
    void crossValidationRetunesOnEachFold();
    void crossValidationShowsOverfitting();
};

void TuneCrossValidationTest::crossValidationRetunesOnEachFold_data()
{
    QTest::addColumn<bool>("perLabel");
    QTest::addColumn<bool>("calibrated");
    QTest::addColumn<QString>("objective");
    QTest::addColumn<int>("topK");   // -1: auto
    QTest::addColumn<bool>("atLeastOne");
    QTest::newRow("global") << false << false << "micro-f1" << 0 << false;
    QTest::newRow("per label") << true << false << "micro-f1" << 0 << false;
    QTest::newRow("per label, calibrated") << true << true << "micro-f1" << 0 << false;
    QTest::newRow("per label, top-2, at least one") << true << false << "micro-f1" << 2 << true;
    QTest::newRow("macro-f1, auto top-k") << true << false << "macro-f1" << -1 << false;
    QTest::newRow("precision floor, isotonic, at least one") << true << true << "precision>=0.5" << 0 << true;
}

// The estimate is rebuilt here by hand: the same folds, each split's matrices built row by row,
// the calibration refitted on the training folds, tuned, and counted by the brute-force reference.
void TuneCrossValidationTest::crossValidationRetunesOnEachFold()
{
    QFETCH(bool, perLabel);
    QFETCH(bool, calibrated);
    QFETCH(QString, objective);
    QFETCH(int, topK);
    QFETCH(bool, atLeastOne);
    const auto method = objective.startsWith("precision") ? Calibration::Method::Isotonic : Calibration::Method::Platt;
    std::mt19937 rng(501);
    auto m = std::make_shared<ScoreMatrix>(randomMatrix(rng, 100, 5, false));
    DecisionRule base(0.5f);
    if (calibrated) base.setCalibration(Calibration::fit(*m, method));
    auto evaluator = InteractiveEvaluator::create(m, base);
    QVERIFY(evaluator.ok());
    TuneOptions options;
    options.objective = *TuneObjective::parse(objective.toStdString());
    options.perLabel = perLabel;
    options.topK = std::max(0, topK);
    options.autoTopK = topK < 0;
    options.maxTopK = 3;
    options.atLeastOne = atLeastOne;
    options.folds = 3;
    options.foldSeed = 7;
    const auto tuned = tuneRule(**evaluator, options, base);
    QVERIFY2(tuned.ok(), tuned.ok() ? "" : tuned.message().c_str());
    QVERIFY(tuned->crossValidated.has_value());
    const CrossValidation& cv = *tuned->crossValidated;
    QCOMPARE(cv.folds, 3);
    QCOMPARE(cv.heldOut.size(), std::size_t{3});

    const auto folds = crossValidationFolds(100, 3, 7);
    std::vector<int> sizes(3, 0);
    for (const auto f : folds) ++sizes[f];
    QVERIFY(*std::max_element(sizes.begin(), sizes.end()) - *std::min_element(sizes.begin(), sizes.end()) <= 1);
    QVERIFY(folds != crossValidationFolds(100, 3, 8));  // the seed matters
    double microSum = 0.0;
    for (std::uint32_t f = 0; f < 3; ++f) {
        ScoreMatrix train(m->labelNames()), held(m->labelNames());
        for (std::size_t d = 0; d < 100; ++d) {
            const GoldSpan g = m->gold(d);
            const std::vector<std::uint32_t> gold(g.begin(), g.end());
            const std::vector<float> row(m->row(d), m->row(d) + 5);
            QVERIFY((folds[d] == f ? held : train).addDocument(m->documentIds()[d], row, gold).ok());
        }
        DecisionRule foldBase = base;
        if (calibrated) foldBase.setCalibration(Calibration::fit(train, method));
        auto foldEvaluator = InteractiveEvaluator::create(std::make_shared<const ScoreMatrix>(train), foldBase);
        QVERIFY(foldEvaluator.ok());
        TuneOptions foldOptions = options;
        foldOptions.folds = 0;
        const auto foldTuned = tuneRule(**foldEvaluator, foldOptions, foldBase);
        QVERIFY(foldTuned.ok());
        const auto counts = reference::evaluate(held, foldTuned->rule);
        std::int64_t right = 0, predict = 0;
        for (const auto& c : counts.labels) {
            right += c.truePositives;
            predict += c.predicted;
        }
        QCOMPARE(cv.heldOut[f].truePositives, right);
        QCOMPARE(cv.heldOut[f].predicted, predict);
        QCOMPARE(cv.heldOut[f].documents, std::int64_t(sizes[f]));
        microSum += microF1(counts);
    }
    QVERIFY(std::abs(cv.microF1 - microSum / 3.0) < 1e-12);
    // The rule itself is still tuned on all of dev, and dev's evaluator is left at it.
    QCOMPARE(tuned->dev.truePositives, evaluate(*m, tuned->rule).truePositives);
    QVERIFY((*evaluator)->rule() == tuned->rule);

    // Cancelling inside a fold stops the whole tuning.
    options.progress = [](std::size_t done, std::size_t total) { return done < total / 2; };
    const auto cancelled = tuneRule(**evaluator, options, base);
    QVERIFY(!cancelled.ok());
    QCOMPARE(QString::fromStdString(cancelled.message()), QString::fromLatin1(kTuneCancelled));
    options.folds = 1;
    QVERIFY(!tuneRule(**evaluator, options, base).ok());
}

void TuneCrossValidationTest::crossValidationShowsOverfitting()
{
    // Scores carry no information about the gold labels: whatever per-label tuning finds on
    // dev is noise, and the held-out estimate must show it below the dev value.
    std::mt19937 rng(601);
    std::uniform_real_distribution<float> unit(0.0f, 1.0f);
    std::vector<std::string> names;
    for (int l = 0; l < 10; ++l) names.push_back("l" + std::to_string(l));
    auto m = std::make_shared<ScoreMatrix>(names);
    for (int d = 0; d < 300; ++d) {
        std::vector<float> row(10);
        std::vector<std::uint32_t> gold;
        for (std::uint32_t l = 0; l < 10; ++l) {
            row[l] = unit(rng);
            if (unit(rng) < 0.15f) gold.push_back(l);
        }
        QVERIFY(m->addDocument("d" + std::to_string(d), row, gold).ok());
    }
    auto evaluator = InteractiveEvaluator::create(m);
    QVERIFY(evaluator.ok());
    TuneOptions options;
    options.perLabel = true;
    options.folds = 5;
    const auto tuned = tuneRule(**evaluator, options, DecisionRule());
    QVERIFY(tuned.ok());
    QVERIFY2(tuned->crossValidated->microF1 < tuned->dev.f1 - 0.01,
             qPrintable(QStringLiteral("dev %1, cross-validated %2").arg(tuned->dev.f1).arg(tuned->crossValidated->microF1)));
    QVERIFY(tuned->crossValidated->microF1Deviation > 0.0);
}

QTEST_GUILESS_MAIN(TuneCrossValidationTest)
#include "TuneCrossValidationTest.moc"
