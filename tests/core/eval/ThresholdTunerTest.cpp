// tuneRule(): objectives, the global threshold, per-label own curves and shrinkage, top-k,
// calibrated scales, progress and cancellation, against brute force on small matrices.
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

class ThresholdTunerTest final : public QObject {
    Q_OBJECT

private slots:
    void parsesObjectives_data();
    void parsesObjectives();
    void globalThresholdIsTheBestCandidate_data();
    void globalThresholdIsTheBestCandidate();
    void perLabelThresholdsAreBestPerLabel();
    void minSupportFallsBack();
    void autoTopKKeepsTheBest();
    void infeasibleConstraint();
    void progressCountsLabels_data();
    void progressCountsLabels();
    void cancelStopsTuning_data();
    void cancelStopsTuning();
    void macroShrinksRareLabelsTowardGlobal();
    void calibratedTuningWorksOnTheCalibratedScale();
};

void ThresholdTunerTest::parsesObjectives_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("canonical");
    QTest::newRow("micro-f1") << "micro-f1" << true << "micro-f1";
    QTest::newRow("f1 is micro-f1") << "f1" << true << "micro-f1";
    QTest::newRow("macro-f1") << "macro-f1" << true << "macro-f1";
    QTest::newRow("fbeta") << "fbeta:0.5" << true << "fbeta:0.5";
    QTest::newRow("precision floor") << "precision>=0.9" << true << "precision>=0.9";
    QTest::newRow("recall floor") << "recall>=0.75" << true << "recall>=0.75";
    QTest::newRow("fbeta without beta") << "fbeta:" << false << "";
    QTest::newRow("beta zero") << "fbeta:0" << false << "";
    QTest::newRow("floor above one") << "precision>=1.5" << false << "";
    QTest::newRow("garbage after number") << "recall>=0.5x" << false << "";
    QTest::newRow("unknown") << "accuracy" << false << "";
}

void ThresholdTunerTest::parsesObjectives()
{
    QFETCH(QString, text);
    QFETCH(bool, ok);
    QFETCH(QString, canonical);
    const auto parsed = TuneObjective::parse(text.toStdString());
    QCOMPARE(parsed.ok(), ok);
    if (ok) QCOMPARE(QString::fromStdString(parsed->toString()), canonical);
    else QVERIFY(parsed.message().find("objective") != std::string::npos);
}

void ThresholdTunerTest::globalThresholdIsTheBestCandidate_data()
{
    QTest::addColumn<QString>("objective");
    QTest::addColumn<int>("topK");
    QTest::addColumn<bool>("atLeastOne");
    QTest::newRow("f1") << "f1" << 0 << false;
    QTest::newRow("f1, top-2") << "f1" << 2 << false;
    QTest::newRow("f1, at least one") << "f1" << 0 << true;
    QTest::newRow("f2") << "fbeta:2" << 0 << false;
    QTest::newRow("precision>=0.6") << "precision>=0.6" << 0 << false;
    QTest::newRow("recall>=0.5, top-3") << "recall>=0.5" << 3 << false;
    QTest::newRow("recall>=0.8") << "recall>=0.8" << 0 << false;
    QTest::newRow("macro-f1") << "macro-f1" << 0 << false;
    QTest::newRow("macro-f1, top-2, at least one") << "macro-f1" << 2 << true;
}

void ThresholdTunerTest::globalThresholdIsTheBestCandidate()
{
    QFETCH(QString, objective);
    QFETCH(int, topK);
    QFETCH(bool, atLeastOne);
    std::mt19937 rng(31);
    bool infeasibleSeen = false, feasibleSeen = false;
    for (int trial = 0; trial < 5; ++trial) {
        auto m = std::make_shared<ScoreMatrix>(randomMatrix(rng, 60, 6, trial % 2 == 0));
        auto evaluator = InteractiveEvaluator::create(m);
        QVERIFY(evaluator.ok());
        TuneOptions options;
        options.objective = *TuneObjective::parse(objective.toStdString());
        options.topK = topK;
        options.atLeastOne = atLeastOne;
        const auto tuned = tuneRule(**evaluator, options, DecisionRule());
        QVERIFY(tuned.ok());
        QCOMPARE(tuned->rule.topK(), topK);
        QVERIFY(tuned->rule.labelThresholds().empty());
        // Brute force over every distinct score: nothing feasible beats the tuned threshold.
        bool feasible = false;
        const double got = micro(reference::evaluate(*m, tuned->rule), options.objective, feasible);
        QCOMPARE(feasible, !tuned->globalInfeasible);
        infeasibleSeen = infeasibleSeen || !feasible;
        feasibleSeen = feasibleSeen || feasible;
        QCOMPARE(tuned->dev.f1, evaluate(*m, tuned->rule).f1);
        for (const float t : allThresholds(*m)) {
            DecisionRule other = tuned->rule;
            other.setGlobalThreshold(t);
            bool ok = false;
            const double value = micro(reference::evaluate(*m, other), options.objective, ok);
            QVERIFY2(!ok || feasible, "a feasible threshold was missed");
            if (ok) QVERIFY2(value <= got + 1e-12, qPrintable(QStringLiteral("threshold %1 gives %2 > %3").arg(t).arg(value).arg(got)));
        }
    }
    // The f-measures are always feasible; a floor may not be on every random split.
    if (!objective.contains(">=")) QVERIFY(!infeasibleSeen);
    QVERIFY(feasibleSeen);
}

void ThresholdTunerTest::perLabelThresholdsAreBestPerLabel()
{
    // Macro-F1 without shrinkage: each label's own best F1.
    std::mt19937 rng(41);
    auto m = std::make_shared<ScoreMatrix>(randomMatrix(rng, 150, 5, false));
    auto evaluator = InteractiveEvaluator::create(m);
    QVERIFY(evaluator.ok());
    TuneOptions options;
    options.objective = *TuneObjective::parse("macro-f1");
    options.shrinkage = 0.0;
    options.perLabel = true;
    options.minSupport = 1;
    options.topK = 2;
    const auto tuned = tuneRule(**evaluator, options, DecisionRule());
    QVERIFY(tuned.ok());
    const auto tunedCounts = reference::evaluate(*m, tuned->rule);
    for (std::uint32_t l = 0; l < 5; ++l) {
        if (tunedCounts.labels[l].support == 0) continue;
        QVERIFY(tuned->rule.labelThreshold(l).has_value());
        const double got = labelMetrics(tunedCounts.labels[l]).f1;
        for (const float t : allThresholds(*m)) {
            DecisionRule other = tuned->rule;
            other.setLabelThreshold(l, t);
            QVERIFY(labelMetrics(reference::evaluate(*m, other).labels[l]).f1 <= got + 1e-12);
        }
    }
    QCOMPARE(tuned->dev.truePositives, evaluate(*m, tuned->rule).truePositives);
}

void ThresholdTunerTest::minSupportFallsBack()
{
    std::mt19937 rng(51);
    auto m = std::make_shared<ScoreMatrix>(randomMatrix(rng, 100, 8, false));
    auto evaluator = InteractiveEvaluator::create(m);
    QVERIFY(evaluator.ok());
    TuneOptions options;
    options.perLabel = true;
    options.minSupport = 12;
    const auto tuned = tuneRule(**evaluator, options, DecisionRule());
    QVERIFY(tuned.ok());
    const Metrics base = evaluate(*m, DecisionRule());
    std::vector<std::uint32_t> expected;
    for (std::uint32_t l = 0; l < 8; ++l) {
        if (base.labels[l].counts.support < 12) expected.push_back(l);
        QCOMPARE(tuned->rule.labelThreshold(l).has_value(), base.labels[l].counts.support >= 12);
    }
    QVERIFY(!expected.empty());  // the long tail of randomMatrix guarantees some
    QCOMPARE(tuned->lowSupportLabels, expected);
}

void ThresholdTunerTest::autoTopKKeepsTheBest()
{
    std::mt19937 rng(61);
    auto m = std::make_shared<ScoreMatrix>(randomMatrix(rng, 120, 7, true));
    auto evaluator = InteractiveEvaluator::create(m);
    QVERIFY(evaluator.ok());
    TuneOptions options;
    options.autoTopK = true;
    options.maxTopK = 4;
    const auto tuned = tuneRule(**evaluator, options, DecisionRule());
    QVERIFY(tuned.ok());
    QCOMPARE(tuned->topKTrials.size(), std::size_t{5});  // 1..4 and unlimited
    double best = -1;
    for (const auto& [k, f1] : tuned->topKTrials) best = std::max(best, f1);
    QCOMPARE(tuned->dev.f1, best);
    QVERIFY(std::any_of(tuned->topKTrials.begin(), tuned->topKTrials.end(),
                        [&](const auto& trial) { return trial.first == tuned->rule.topK() && trial.second == best; }));
    QCOMPARE(evaluator->get()->rule(), tuned->rule);  // the evaluator is left at the result
}

void ThresholdTunerTest::infeasibleConstraint()
{
    // Label 0 is always predicted wrongly at any threshold that admits something: precision 0.
    auto m = std::make_shared<ScoreMatrix>(std::vector<std::string>{"a", "b"});
    QVERIFY(m->addDocument("d0", std::vector<float>{0.9f, 0.8f}, {1}).ok());
    QVERIFY(m->addDocument("d1", std::vector<float>{0.2f, 0.7f}, {0, 1}).ok());
    QVERIFY(m->addDocument("d2", std::vector<float>{0.95f, 0.1f}, {}).ok());
    auto evaluator = InteractiveEvaluator::create(m);
    QVERIFY(evaluator.ok());
    TuneOptions options;
    options.objective = *TuneObjective::parse("precision>=0.9");
    options.perLabel = true;
    const auto tuned = tuneRule(**evaluator, options, DecisionRule());
    QVERIFY(tuned.ok());
    // Label a: its gold document scores 0.2, below two negatives: precision tops out at 1/3.
    QCOMPARE(tuned->infeasibleLabels, std::vector<std::uint32_t>{0});
    // Label b reaches precision 1 with threshold 0.7 (both gold, recall 2/2).
    QCOMPARE(tuned->rule.labelThreshold(1).value_or(-1.0f), 0.7f);
}

void ThresholdTunerTest::progressCountsLabels_data()
{
    QTest::addColumn<QString>("objective");
    QTest::addColumn<bool>("perLabel");
    QTest::addColumn<bool>("autoTopK");
    QTest::addColumn<int>("folds");
    QTest::newRow("global") << "micro-f1" << false << false << 0;
    QTest::newRow("per label, own curves") << "precision>=0.3" << true << false << 0;
    QTest::newRow("per label, own curves, auto top-k") << "macro-f1" << true << true << 0;
    QTest::newRow("per label, coordinate ascent") << "micro-f1" << true << false << 0;
    QTest::newRow("per label, coordinate ascent, auto top-k") << "micro-f1" << true << true << 0;
    QTest::newRow("global, 3 folds") << "micro-f1" << false << false << 3;
    QTest::newRow("per label, coordinate ascent, 2 folds") << "micro-f1" << true << false << 2;
}

void ThresholdTunerTest::progressCountsLabels()
{
    QFETCH(QString, objective);
    QFETCH(bool, perLabel);
    QFETCH(bool, autoTopK);
    QFETCH(int, folds);
    std::mt19937 rng(71);
    auto m = std::make_shared<ScoreMatrix>(randomMatrix(rng, 80, 6, false));
    auto evaluator = InteractiveEvaluator::create(m);
    QVERIFY(evaluator.ok());
    TuneOptions options;
    options.objective = *TuneObjective::parse(objective.toStdString());
    options.perLabel = perLabel;
    options.autoTopK = autoTopK;
    options.maxTopK = 3;
    options.folds = folds;
    std::vector<std::pair<std::size_t, std::size_t>> calls;
    options.progress = [&calls](std::size_t done, std::size_t total) {
        calls.emplace_back(done, total);
        return true;
    };
    const auto tuned = tuneRule(**evaluator, options, DecisionRule());
    QVERIFY(tuned.ok());
    // One span of 6 labels per top-k trial (1..3, unlimited, then the winner again), and the
    // same again per cross-validation fold.
    const std::size_t tuning = autoTopK ? 5 * 6 : 6;
    const std::size_t total = tuning * std::size_t(1 + folds);
    QVERIFY(!calls.empty());
    QCOMPARE(calls.front().first, std::size_t{0});
    QCOMPARE(calls.back().first, total);
    std::size_t distinct = 0;
    for (std::size_t i = 0; i < calls.size(); ++i) {
        QCOMPARE(calls[i].second, total);
        if (i > 0) QVERIFY(calls[i].first >= calls[i - 1].first);
        distinct += i == 0 || calls[i].first != calls[i - 1].first;
    }
    if (!perLabel) {
        // A global pass reports its labels at once (once more per fold).
        QCOMPARE(distinct, std::size_t(2 + folds));
    } else if (!options.objective.usesCoordinateAscent()) {
        // Own-curve tuning reports every label.
        QCOMPARE(distinct, total + 1);
    } else {
        // Coordinate ascent reports every label of every pass (the first pass fills half the
        // span, each further pass half of what is left): at least a call per label and pass.
        QVERIFY(tuned->passes >= 1);
        QVERIFY(calls.size() >= std::size_t(tuned->passes) * 6);
        QVERIFY(distinct >= 4);
    }
    // The callback changes nothing: the same options without it give the same rule.
    options.progress = nullptr;
    const auto plain = tuneRule(**evaluator, options, DecisionRule());
    QVERIFY(plain.ok());
    QCOMPARE(plain->rule, tuned->rule);
}

void ThresholdTunerTest::cancelStopsTuning_data()
{
    QTest::addColumn<int>("stopAt");   // the label count at which the callback says stop
    QTest::newRow("before anything") << 0;
    QTest::newRow("midway") << 3;
    QTest::newRow("at the last label") << 6;
}

void ThresholdTunerTest::cancelStopsTuning()
{
    QFETCH(int, stopAt);
    std::mt19937 rng(81);
    auto m = std::make_shared<ScoreMatrix>(randomMatrix(rng, 80, 6, false));
    DecisionRule base(0.42f);
    base.setDisabled(5, true);
    auto evaluator = InteractiveEvaluator::create(m, base);
    QVERIFY(evaluator.ok());
    TuneOptions options;
    options.perLabel = true;
    std::size_t callsAfterStop = 0;
    bool stopped = false;
    options.progress = [&](std::size_t done, std::size_t) {
        if (stopped) ++callsAfterStop;
        stopped = stopped || done >= std::size_t(stopAt);
        return !stopped;
    };
    const auto tuned = tuneRule(**evaluator, options, base);
    QVERIFY(!tuned.ok());
    QCOMPARE(QString::fromStdString(tuned.message()), QString::fromLatin1(kTuneCancelled));
    QVERIFY(stopped);
    QCOMPARE(callsAfterStop, std::size_t{0});
    // Cancelled before it started, the evaluator was not touched.
    if (stopAt == 0) QCOMPARE((*evaluator)->rule(), base);
}

void ThresholdTunerTest::macroShrinksRareLabelsTowardGlobal()
{
    std::mt19937 rng(301);
    auto m = std::make_shared<ScoreMatrix>(randomMatrix(rng, 120, 8, false));
    auto evaluator = InteractiveEvaluator::create(m);
    QVERIFY(evaluator.ok());
    TuneOptions options;
    options.objective = *TuneObjective::parse("macro-f1");
    options.perLabel = true;
    options.shrinkage = 0.0;
    const auto own = tuneRule(**evaluator, options, DecisionRule());
    options.shrinkage = 10.0;
    const auto shrunk = tuneRule(**evaluator, options, DecisionRule());
    QVERIFY(own.ok() && shrunk.ok());
    const float global = shrunk->rule.globalThreshold();
    QCOMPARE(own->rule.globalThreshold(), global);
    const Metrics base = evaluate(*m, shrunk->rule);
    int pulled = 0;
    for (std::uint32_t l = 0; l < 8; ++l) {
        const auto mine = own->rule.labelThreshold(l);
        if (!mine) continue;
        const double n = double(base.labels[l].counts.support);
        // t = (n t_label + m t_global) / (n + m), with m = 10.
        const float expected = float((n * *mine + 10.0 * global) / (n + 10.0));
        QCOMPARE(shrunk->rule.labelThreshold(l).value_or(-1.0f), expected);
        if (*mine != global) {
            QVERIFY(std::abs(expected - global) < std::abs(*mine - global));
            ++pulled;
        }
    }
    QVERIFY(pulled >= 3);
    // The rarest labels move the least of the way: their weight n / (n + m) is smallest.
    QVERIFY(base.labels[7].counts.support < base.labels[0].counts.support);
}

void ThresholdTunerTest::calibratedTuningWorksOnTheCalibratedScale()
{
    std::mt19937 rng(401);
    for (const auto method : {Calibration::Method::Platt, Calibration::Method::Isotonic}) {
        auto m = std::make_shared<ScoreMatrix>(randomMatrix(rng, 80, 5, false));
        DecisionRule base(0.5f);
        base.setCalibration(Calibration::fit(*m, method));
        auto evaluator = InteractiveEvaluator::create(m, base);
        QVERIFY(evaluator.ok());
        TuneOptions options;
        options.perLabel = true;
        const auto tuned = tuneRule(**evaluator, options, base);
        QVERIFY(tuned.ok());
        QVERIFY(tuned->rule.calibration() == base.calibration());
        const auto counts = reference::evaluate(*m, tuned->rule);  // applies the calibration forward
        QCOMPARE(tuned->dev.truePositives, [&] { std::int64_t r = 0; for (const auto& c : counts.labels) r += c.truePositives; return r; }());
        const double best = bestGlobalMicroF1(*m, tuned->rule, allCalibratedThresholds(*m, base));
        QVERIFY(microF1(counts) >= best - 1e-12);
        QVERIFY(std::abs(tuned->globalDev.f1 - best) < 1e-12);
        // Calibrated thresholds are probabilities.
        QVERIFY(tuned->rule.globalThreshold() >= 0.0f && tuned->rule.globalThreshold() <= 1.0f);
    }
}

QTEST_GUILESS_MAIN(ThresholdTunerTest)
#include "ThresholdTunerTest.moc"
