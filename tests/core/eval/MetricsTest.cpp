#include "core/eval/DecisionRule.h"
#include "core/eval/Metrics.h"
#include "core/eval/ScoreMatrix.h"
#include "tests/core/eval/ReferenceEvaluator.h"

#include <QtTest>

#include <random>

using namespace tagbench::eval;

class MetricsTest final : public QObject {
    Q_OBJECT

private slots:
    void performanceLineFormat();
    void handComputed();
    void emptyPredictionsAndNoGold();
    void macroSkipsLabelsAbsentEverywhere();
    void evaluateAgreesWithReference();
    void fBetaValues_data();
    void fBetaValues();
};

void MetricsTest::performanceLineFormat()
{
    Metrics m;
    m.precision = 0.787470;
    m.recall = 0.640598;
    m.f1 = 0.706481;
    m.macroF1 = 0.412345;
    m.truePositives = 5832;
    m.predicted = 7406;
    m.gold = 9104;
    QCOMPARE(QString::fromStdString(performanceLine(m)),
             QStringLiteral("Performance is precision: 0.787470, recall: 0.640598, fscore: 0.706481, macro-fscore: "
                            "0.412345, right: 5832, predict: 7406, standard: 9104."));
    QCOMPARE(QString::fromStdString(performanceLine(Metrics())),
             QStringLiteral("Performance is precision: 0.000000, recall: 0.000000, fscore: 0.000000, macro-fscore: "
                            "0.000000, right: 0, predict: 0, standard: 0."));
}

void MetricsTest::handComputed()
{
    MetricsAccumulator acc(3);
    acc.add({0, 1}, {0});     // label 0 TP, label 1 FP
    acc.add({0}, {0, 2});     // label 0 TP, label 2 FN
    acc.add({}, {1});         // empty prediction, label 1 FN
    const Metrics m = acc.metrics();
    QCOMPARE(m.truePositives, 2);
    QCOMPARE(m.predicted, 3);
    QCOMPARE(m.gold, 4);
    QCOMPARE(m.documents, 3);
    QCOMPARE(m.documentsWithoutPrediction, 1);
    QCOMPARE(m.precision, 2.0 / 3.0);
    QCOMPARE(m.recall, 0.5);
    QCOMPARE(m.f1, 2 * (2.0 / 3.0) * 0.5 / (2.0 / 3.0 + 0.5));
    QCOMPARE(m.labels[0].f1, 1.0);
    QCOMPARE(m.labels[1].precision, 0.0);
    QCOMPARE(m.labels[1].counts.falsePositives(), 1);
    QCOMPARE(m.labels[1].counts.falseNegatives(), 1);
    QCOMPARE(m.labels[2].recall, 0.0);
    QCOMPARE(m.labels[2].counts.support, 1);
    QCOMPARE(m.macroF1, 1.0 / 3.0);  // (1 + 0 + 0) / 3
}

void MetricsTest::emptyPredictionsAndNoGold()
{
    MetricsAccumulator acc(2);
    acc.add({}, {});
    acc.add({}, {});
    const Metrics m = acc.metrics();
    QCOMPARE(m.documentsWithoutPrediction, 2);
    QCOMPARE(m.precision, 0.0);
    QCOMPARE(m.recall, 0.0);
    QCOMPARE(m.f1, 0.0);
    QCOMPARE(m.macroF1, 0.0);
}

void MetricsTest::macroSkipsLabelsAbsentEverywhere()
{
    // Label 1 is neither gold nor predicted: left out of the mean. Label 2 is only predicted: F1 0, counted.
    const Metrics m = metricsFromCounts({LabelCounts{3, 4, 5}, LabelCounts{}, LabelCounts{0, 2, 0}}, 10, 0);
    const double f1Label0 = 2.0 * (3.0 / 4.0) * (3.0 / 5.0) / (3.0 / 4.0 + 3.0 / 5.0);
    QCOMPARE(m.macroF1, f1Label0 / 2.0);
    QCOMPARE(m.labels.size(), std::size_t{3});
}

void MetricsTest::evaluateAgreesWithReference()
{
    std::mt19937 rng(9);
    for (int trial = 0; trial < 50; ++trial) {
        const ScoreMatrix m = reference::randomMatrix(rng, 30, 1 + rng() % 10, trial % 2 == 0);
        const DecisionRule rule = reference::randomRule(rng, m.labelCount());
        const Metrics fast = evaluate(m, rule);
        const auto slow = reference::evaluate(m, rule);
        QCOMPARE(fast.documentsWithoutPrediction, slow.empty);
        for (std::size_t j = 0; j < m.labelCount(); ++j) {
            QCOMPARE(fast.labels[j].counts.truePositives, slow.labels[j].truePositives);
            QCOMPARE(fast.labels[j].counts.predicted, slow.labels[j].predicted);
            QCOMPARE(fast.labels[j].counts.support, slow.labels[j].support);
        }
    }
}

void MetricsTest::fBetaValues_data()
{
    QTest::addColumn<double>("precision");
    QTest::addColumn<double>("recall");
    QTest::addColumn<double>("beta");
    QTest::addColumn<double>("expected");
    QTest::newRow("f1") << 0.5 << 1.0 << 1.0 << 2.0 / 3.0;
    QTest::newRow("f2 favours recall") << 0.5 << 1.0 << 2.0 << 5.0 * 0.5 / (4.0 * 0.5 + 1.0);
    QTest::newRow("f0.5 favours precision") << 0.5 << 1.0 << 0.5 << 1.25 * 0.5 / (0.25 * 0.5 + 1.0);
    QTest::newRow("both zero") << 0.0 << 0.0 << 1.0 << 0.0;
}

void MetricsTest::fBetaValues()
{
    QFETCH(double, precision);
    QFETCH(double, recall);
    QFETCH(double, beta);
    QFETCH(double, expected);
    QCOMPARE(fBeta(precision, recall, beta), expected);
}

QTEST_GUILESS_MAIN(MetricsTest)
#include "MetricsTest.moc"
