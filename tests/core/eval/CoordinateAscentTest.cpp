// Per-label thresholds by coordinate ascent on micro F-beta (the default per-label tuning),
// against brute force on small random matrices.
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

class CoordinateAscentTest final : public QObject {
    Q_OBJECT

private slots:
    void defaultObjectiveNeverLowersMicroF1_data();
    void defaultObjectiveNeverLowersMicroF1();
    void coordinateAscentEndsAtACoordinateOptimum_data();
    void coordinateAscentEndsAtACoordinateOptimum();
};

void CoordinateAscentTest::defaultObjectiveNeverLowersMicroF1_data()
{
    QTest::addColumn<int>("topK");
    QTest::addColumn<bool>("atLeastOne");
    QTest::addColumn<bool>("coarse");
    QTest::addColumn<bool>("flooding");
    QTest::newRow("plain") << 0 << false << false << false;
    QTest::newRow("ties") << 0 << false << true << false;
    QTest::newRow("top-2") << 2 << false << false << false;
    QTest::newRow("at least one") << 0 << true << false << false;
    QTest::newRow("top-2, at least one, ties") << 2 << true << true << false;
    QTest::newRow("rare uninformative labels") << 0 << false << false << true;
    QTest::newRow("rare uninformative labels, at least one") << 0 << true << false << true;
}

// The issue this guards: per-label F1 maximised label by label flooded the predictions with
// rare labels and lowered micro-F1 below what one global threshold gave.
void CoordinateAscentTest::defaultObjectiveNeverLowersMicroF1()
{
    QFETCH(int, topK);
    QFETCH(bool, atLeastOne);
    QFETCH(bool, coarse);
    QFETCH(bool, flooding);
    std::mt19937 rng(101 + topK + (atLeastOne ? 10 : 0) + (coarse ? 20 : 0) + (flooding ? 40 : 0));
    int improved = 0, ownCurvesLower = 0;
    for (int trial = 0; trial < 8; ++trial) {
        auto m = std::make_shared<ScoreMatrix>(flooding ? floodingMatrix(rng, 80) : randomMatrix(rng, 50, 6, coarse));
        auto evaluator = InteractiveEvaluator::create(m);
        QVERIFY(evaluator.ok());
        TuneOptions options;  // the default objective
        options.perLabel = true;
        options.topK = topK;
        options.atLeastOne = atLeastOne;
        const auto tuned = tuneRule(**evaluator, options, DecisionRule());
        QVERIFY(tuned.ok());
        QCOMPARE(tuned->rule.topK(), topK);
        QCOMPARE(tuned->rule.atLeastOne(), atLeastOne);
        const double best = bestGlobalMicroF1(*m, tuned->rule, allThresholds(*m));
        const double got = microF1(reference::evaluate(*m, tuned->rule));
        QVERIFY2(got >= best - 1e-12, qPrintable(QStringLiteral("trial %1: per-label %2 < best global %3").arg(trial).arg(got).arg(best)));
        QVERIFY(std::abs(tuned->globalDev.f1 - best) < 1e-12);  // it starts from the best global threshold
        QVERIFY(std::abs(tuned->dev.f1 - got) < 1e-12);
        improved += got > best + 1e-9;
        if (flooding) {
            // What the per-label optimiser did before: each label's own best F1 (macro-F1
            // without shrinkage). On these matrices it falls below the global threshold.
            TuneOptions own = options;
            own.objective = *TuneObjective::parse("macro-f1");
            own.shrinkage = 0.0;
            const auto old = tuneRule(**evaluator, own, DecisionRule());
            QVERIFY(old.ok());
            ownCurvesLower += microF1(reference::evaluate(*m, old->rule)) < best - 1e-9;
        }
    }
    QVERIFY(improved > 0);  // per-label thresholds do help somewhere
    if (flooding) QVERIFY2(ownCurvesLower >= 4, qPrintable(QString::number(ownCurvesLower)));
}

void CoordinateAscentTest::coordinateAscentEndsAtACoordinateOptimum_data()
{
    QTest::addColumn<QString>("objective");
    QTest::addColumn<int>("topK");
    QTest::addColumn<bool>("coarse");
    QTest::newRow("micro-f1") << "micro-f1" << 0 << false;
    QTest::newRow("micro-f1, top-2, ties") << "micro-f1" << 2 << true;
    QTest::newRow("f2") << "fbeta:2" << 0 << false;
    QTest::newRow("f0.5, top-3") << "fbeta:0.5" << 3 << true;
}

// Run to convergence (a pass that changes nothing), no label can gain on its own: checked by
// trying every distinct score for every label through the brute-force reference.
void CoordinateAscentTest::coordinateAscentEndsAtACoordinateOptimum()
{
    QFETCH(QString, objective);
    QFETCH(int, topK);
    QFETCH(bool, coarse);
    std::mt19937 rng(211 + topK);
    for (int trial = 0; trial < 4; ++trial) {
        auto m = std::make_shared<ScoreMatrix>(randomMatrix(rng, 60, 7, coarse));
        auto evaluator = InteractiveEvaluator::create(m);
        QVERIFY(evaluator.ok());
        TuneOptions options;
        options.objective = *TuneObjective::parse(objective.toStdString());
        options.perLabel = true;
        options.topK = topK;
        options.minGain = 0.0;
        options.maxPasses = 1000;
        const auto tuned = tuneRule(**evaluator, options, DecisionRule());
        QVERIFY(tuned.ok());
        QVERIFY(tuned->passes >= 1 && tuned->passes < 1000);
        bool feasible = false;
        const double got = micro(reference::evaluate(*m, tuned->rule), options.objective, feasible);
        QVERIFY(std::abs(got - tuned->devObjective) < 1e-12);
        const std::vector<float> thresholds = allThresholds(*m);
        for (std::uint32_t l = 0; l < 7; ++l) {
            const bool low = std::find(tuned->lowSupportLabels.begin(), tuned->lowSupportLabels.end(), l) != tuned->lowSupportLabels.end();
            QCOMPARE(tuned->rule.labelThreshold(l).has_value(), !low);
            if (low) continue;
            for (const float t : thresholds) {
                DecisionRule other = tuned->rule;
                other.setLabelThreshold(l, t);
                const double value = micro(reference::evaluate(*m, other), options.objective, feasible);
                QVERIFY2(value <= got + 1e-12,
                         qPrintable(QStringLiteral("trial %1 label %2: threshold %3 gives %4 > %5").arg(trial).arg(l).arg(t).arg(value).arg(got)));
            }
        }
    }
}

QTEST_GUILESS_MAIN(CoordinateAscentTest)
#include "CoordinateAscentTest.moc"
