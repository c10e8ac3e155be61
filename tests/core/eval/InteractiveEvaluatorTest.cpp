#include "core/eval/InteractiveEvaluator.h"
#include "core/eval/ScoreMatrix.h"
#include "tests/core/eval/ReferenceEvaluator.h"

#include <QtTest>

#include <algorithm>
#include <random>
#include <thread>

using namespace tagbench::eval;

class InteractiveEvaluatorTest final : public QObject {
    Q_OBJECT

private slots:
    void agreesWithBruteForce_data();
    void agreesWithBruteForce();
    void followsEditsExactly_data();
    void followsEditsExactly();
    void disablingEveryLabelAndBack_data();
    void disablingEveryLabelAndBack();
    void evaluatorsSharingAnIndexAreIndependent();
    void handComputedCase();
    void curveMatchesCountsAt();
    void calibratedCurveAndGoldScores();
    void rejectsBadInput();
};

namespace {

bool sameCounts(const std::vector<LabelCounts>& a, const std::vector<LabelCounts>& b, QString& why)
{
    if (a.size() != b.size()) {
        why = QStringLiteral("label count %1 vs %2").arg(a.size()).arg(b.size());
        return false;
    }
    for (std::size_t j = 0; j < a.size(); ++j) {
        if (a[j].truePositives != b[j].truePositives || a[j].predicted != b[j].predicted || a[j].support != b[j].support) {
            why = QStringLiteral("label %1: tp/pred/support %2/%3/%4 vs reference %5/%6/%7")
                      .arg(j).arg(a[j].truePositives).arg(a[j].predicted).arg(a[j].support)
                      .arg(b[j].truePositives).arg(b[j].predicted).arg(b[j].support);
            return false;
        }
    }
    return true;
}

void checkAgainstReference(const InteractiveEvaluator& evaluator, const ScoreMatrix& m, const QString& context)
{
    const auto expected = reference::evaluate(m, evaluator.rule());
    QString why;
    QVERIFY2(sameCounts(evaluator.counts(), expected.labels, why), qPrintable(context + QStringLiteral(": ") + why));
    QCOMPARE(evaluator.documentsWithoutPrediction(), expected.empty);
    std::int64_t right = 0, predict = 0;
    for (const auto& c : expected.labels) {
        right += c.truePositives;
        predict += c.predicted;
    }
    QCOMPARE(evaluator.truePositives(), right);
    QCOMPARE(evaluator.predicted(), predict);
    // The straightforward row-by-row path must agree too.
    const Metrics full = evaluate(m, evaluator.rule());
    QCOMPARE(full.truePositives, right);
    QCOMPARE(full.predicted, predict);
    QCOMPARE(full.documentsWithoutPrediction, expected.empty);
}

} // namespace

void InteractiveEvaluatorTest::agreesWithBruteForce_data()
{
    QTest::addColumn<int>("seed");
    QTest::addColumn<int>("documents");
    QTest::addColumn<int>("labels");
    QTest::addColumn<bool>("coarse");
    QTest::addColumn<bool>("calibrated");
    QTest::newRow("tiny ties") << 1 << 5 << 3 << true << false;
    QTest::newRow("one label") << 2 << 30 << 1 << true << false;
    QTest::newRow("ties") << 3 << 80 << 7 << true << false;
    QTest::newRow("continuous") << 4 << 80 << 9 << false << false;
    QTest::newRow("more labels than top width") << 5 << 60 << 40 << true << false;
    QTest::newRow("no documents") << 6 << 0 << 4 << true << false;
    // Thresholds on the calibrated scale, mapped to raw scores by the inverse.
    QTest::newRow("calibrated, ties") << 7 << 80 << 7 << true << true;
    QTest::newRow("calibrated, continuous") << 8 << 80 << 9 << false << true;
    QTest::newRow("calibrated, wide") << 9 << 60 << 30 << true << true;
}

void InteractiveEvaluatorTest::agreesWithBruteForce()
{
    QFETCH(int, seed);
    QFETCH(int, documents);
    QFETCH(int, labels);
    QFETCH(bool, coarse);
    QFETCH(bool, calibrated);
    std::mt19937 rng(static_cast<unsigned>(seed));
    auto matrix = std::make_shared<ScoreMatrix>(reference::randomMatrix(rng, documents, labels, coarse));
    for (int trial = 0; trial < 60; ++trial) {
        DecisionRule rule = reference::randomRule(rng, matrix->labelCount());
        if (calibrated) rule.setCalibration(reference::randomCalibration(rng, matrix->labelCount()));
        auto evaluator = InteractiveEvaluator::create(matrix, rule);
        QVERIFY2(evaluator.ok(), evaluator.ok() ? "" : evaluator.message().c_str());
        checkAgainstReference(**evaluator, *matrix, QStringLiteral("trial %1").arg(trial));
        if (QTest::currentTestFailed()) return;
    }
}

void InteractiveEvaluatorTest::followsEditsExactly_data()
{
    QTest::addColumn<int>("seed");
    QTest::addColumn<int>("labels");
    QTest::addColumn<bool>("calibrated");
    QTest::newRow("few labels") << 11 << 5 << false;
    QTest::newRow("many labels") << 12 << 37 << false;
    QTest::newRow("continuous") << 13 << 20 << false;
    QTest::newRow("calibrated") << 14 << 9 << true;
    QTest::newRow("calibrated, many labels") << 15 << 37 << true;
}

void InteractiveEvaluatorTest::followsEditsExactly()
{
    QFETCH(int, seed);
    QFETCH(int, labels);
    QFETCH(bool, calibrated);
    std::mt19937 rng(static_cast<unsigned>(seed));
    auto matrix = std::make_shared<ScoreMatrix>(reference::randomMatrix(rng, 120, labels, seed != 13));
    DecisionRule start = reference::randomRule(rng, labels);
    if (calibrated) start.setCalibration(reference::randomCalibration(rng, labels));
    auto created = InteractiveEvaluator::create(matrix, start);
    QVERIFY(created.ok());
    InteractiveEvaluator& evaluator = **created;
    for (int step = 0; step < 300; ++step) {
        const auto label = static_cast<std::uint32_t>(rng() % labels);
        QString what;
        if (calibrated && rng() % 10 == 0) {
            // Another calibration on the same index: only the thresholds' inverse changes.
            DecisionRule recalibrated = evaluator.rule();
            recalibrated.setCalibration(reference::randomCalibration(rng, labels));
            QVERIFY(evaluator.setRule(recalibrated).ok());
            checkAgainstReference(evaluator, *matrix, QStringLiteral("step %1 (recalibrated)").arg(step));
            continue;
        }
        switch (rng() % 7) {
        case 0: evaluator.setGlobalThreshold(reference::randomThreshold(rng)); what = "global"; break;
        case 1:
        case 2: evaluator.setLabelThreshold(label, reference::randomThreshold(rng)); what = "label"; break;
        case 3: evaluator.clearLabelThreshold(label); what = "clear"; break;
        case 4: evaluator.setTopK(static_cast<int>(rng() % (labels + 2))); what = "top-k"; break;
        case 5: evaluator.setAtLeastOne(!evaluator.rule().atLeastOne()); what = "at-least-one"; break;
        default: evaluator.setDisabled(label, rng() % 3 != 0); what = "disabled"; break;
        }
        checkAgainstReference(evaluator, *matrix, QStringLiteral("step %1 (%2)").arg(step).arg(what));
        if (QTest::currentTestFailed()) return;
    }
}

void InteractiveEvaluatorTest::disablingEveryLabelAndBack_data()
{
    QTest::addColumn<int>("seed");
    QTest::addColumn<int>("labels");
    QTest::addColumn<int>("topK");
    QTest::addColumn<bool>("atLeastOne");
    // More labels than the evaluator keeps per document, so fallbacks move past the stored
    // best labels and finally to no label at all.
    QTest::newRow("wide, at least one") << 31 << 40 << 0 << true;
    QTest::newRow("wide, top-3") << 32 << 40 << 3 << false;
    QTest::newRow("wide, top-20, at least one") << 33 << 40 << 20 << true;
    QTest::newRow("narrow") << 34 << 6 << 2 << true;
}

// Disables the labels one by one in random order until none is left, then enables them again
// in another order; every step must count exactly like the brute-force reference.
void InteractiveEvaluatorTest::disablingEveryLabelAndBack()
{
    QFETCH(int, seed);
    QFETCH(int, labels);
    QFETCH(int, topK);
    QFETCH(bool, atLeastOne);
    std::mt19937 rng(static_cast<unsigned>(seed));
    auto matrix = std::make_shared<ScoreMatrix>(reference::randomMatrix(rng, 90, labels, seed % 2 == 0));
    DecisionRule rule(0.35f);
    rule.setTopK(topK);
    rule.setAtLeastOne(atLeastOne);
    for (std::uint32_t l = 0; l < std::uint32_t(labels); l += 3) rule.setLabelThreshold(l, reference::randomThreshold(rng));
    auto created = InteractiveEvaluator::create(matrix, rule);
    QVERIFY(created.ok());
    InteractiveEvaluator& evaluator = **created;
    std::vector<std::uint32_t> order(static_cast<std::size_t>(labels));
    for (std::size_t l = 0; l < order.size(); ++l) order[l] = static_cast<std::uint32_t>(l);
    for (const bool disable : {true, false}) {
        std::shuffle(order.begin(), order.end(), rng);
        for (std::size_t i = 0; i < order.size(); ++i) {
            evaluator.setDisabled(order[i], disable);
            checkAgainstReference(evaluator, *matrix, QStringLiteral("%1 label %2 (step %3)")
                                                          .arg(disable ? "disabled" : "enabled").arg(order[i]).arg(i));
            if (QTest::currentTestFailed()) return;
            // A threshold edit in between reads the moved groups.
            if (i % 5 == 4) evaluator.setGlobalThreshold(reference::randomThreshold(rng));
        }
    }
    QCOMPARE(evaluator.rule().disabledLabels().size(), std::size_t{0});
}

namespace {

// One random edit of the rule, as a user or the optimiser makes them.
void randomEdit(InteractiveEvaluator& evaluator, std::mt19937& rng, int labels)
{
    const auto label = static_cast<std::uint32_t>(rng() % labels);
    switch (rng() % 7) {
    case 0: evaluator.setGlobalThreshold(reference::randomThreshold(rng)); break;
    case 1:
    case 2: evaluator.setLabelThreshold(label, reference::randomThreshold(rng)); break;
    case 3: evaluator.clearLabelThreshold(label); break;
    case 4: evaluator.setTopK(static_cast<int>(rng() % (labels + 2))); break;
    case 5: evaluator.setAtLeastOne(!evaluator.rule().atLeastOne()); break;
    default: evaluator.setDisabled(label, rng() % 3 != 0); break;
    }
}

} // namespace

// A second evaluator built from the first one's index (as the optimiser's worker does) counts
// exactly, and edits on either thread leave the other alone.
void InteractiveEvaluatorTest::evaluatorsSharingAnIndexAreIndependent()
{
    const int labels = 23;
    std::mt19937 rng(2026);
    auto matrix = std::make_shared<ScoreMatrix>(reference::randomMatrix(rng, 150, labels, true));
    auto first = InteractiveEvaluator::create(matrix, reference::randomRule(rng, labels));
    QVERIFY(first.ok());
    auto second = InteractiveEvaluator::create((*first)->sharedIndex(), reference::randomRule(rng, labels));
    QVERIFY2(second.ok(), second.ok() ? "" : second.message().c_str());
    QCOMPARE((*second)->sharedIndex(), (*first)->sharedIndex());
    QCOMPARE(&(*second)->scores(), matrix.get());
    checkAgainstReference(**second, *matrix, QStringLiteral("new from the shared index"));
    checkAgainstReference(**first, *matrix, QStringLiteral("first after the second was made"));

    for (int round = 0; round < 20 && !QTest::currentTestFailed(); ++round) {
        std::mt19937 otherRng(static_cast<unsigned>(round));
        std::thread other([&] {
            for (int step = 0; step < 40; ++step) randomEdit(**second, otherRng, labels);
        });
        for (int step = 0; step < 40; ++step) randomEdit(**first, rng, labels);
        other.join();
        checkAgainstReference(**first, *matrix, QStringLiteral("first, round %1").arg(round));
        checkAgainstReference(**second, *matrix, QStringLiteral("second, round %1").arg(round));
    }

    DecisionRule bad;
    bad.setLabelThreshold(labels, 0.5f);   // one past the last label
    QVERIFY(!InteractiveEvaluator::create((*first)->sharedIndex(), bad).ok());
    QVERIFY(!InteractiveEvaluator::create(std::shared_ptr<const InteractiveEvaluator::SharedIndex>(), DecisionRule()).ok());
}

void InteractiveEvaluatorTest::handComputedCase()
{
    // 3 labels; doc2 ties labels 0 and 1 at 0.5; doc3 has no gold and low scores.
    auto m = std::make_shared<ScoreMatrix>(std::vector<std::string>{"a", "b", "c"});
    QVERIFY(m->addDocument("d0", std::vector<float>{0.9f, 0.2f, 0.6f}, {0, 2}).ok());
    QVERIFY(m->addDocument("d1", std::vector<float>{0.1f, 0.7f, 0.3f}, {1}).ok());
    QVERIFY(m->addDocument("d2", std::vector<float>{0.5f, 0.5f, 0.1f}, {1}).ok());
    QVERIFY(m->addDocument("d3", std::vector<float>{0.2f, 0.1f, 0.3f}, {}).ok());
    auto created = InteractiveEvaluator::create(m, DecisionRule(0.5f));
    QVERIFY(created.ok());
    InteractiveEvaluator& e = **created;
    // Threshold 0.5, score >= 0.5 positive: a{d0,d2} b{d1,d2} c{d0}; d3 empty.
    QCOMPARE(e.counts()[0].predicted, 2);
    QCOMPARE(e.counts()[0].truePositives, 1);
    QCOMPARE(e.counts()[1].predicted, 2);
    QCOMPARE(e.counts()[1].truePositives, 2);
    QCOMPARE(e.counts()[2].predicted, 1);
    QCOMPARE(e.truePositives(), 4);
    QCOMPARE(e.predicted(), 5);
    QCOMPARE(e.gold(), 4);
    QCOMPARE(e.documentsWithoutPrediction(), 1);
    // Top-1: in d2 the tie goes to the lower index (a), so b loses its true positive there.
    e.setTopK(1);
    QCOMPARE(e.counts()[1].predicted, 1);
    QCOMPARE(e.counts()[1].truePositives, 1);
    QCOMPARE(e.counts()[0].predicted, 2);
    QCOMPARE(e.counts()[2].predicted, 0);
    // At least one: d3 gets its best label c (0.3), which is not gold.
    e.setAtLeastOne(true);
    QCOMPARE(e.documentsWithoutPrediction(), 0);
    QCOMPARE(e.counts()[2].predicted, 1);
    QCOMPARE(e.counts()[2].truePositives, 0);
    // Disabling c moves d3's fallback to a (0.2 beats b's 0.1).
    e.setDisabled(2, true);
    QCOMPARE(e.counts()[2].predicted, 0);
    QCOMPARE(e.counts()[0].predicted, 3);
    const Metrics metrics = e.metrics();
    QCOMPARE(metrics.truePositives, 2);
    QCOMPARE(metrics.predicted, 4);
    QCOMPARE(metrics.gold, 4);
}

void InteractiveEvaluatorTest::curveMatchesCountsAt()
{
    std::mt19937 rng(21);
    auto matrix = std::make_shared<ScoreMatrix>(reference::randomMatrix(rng, 200, 6, true));
    DecisionRule rule(0.5f);
    rule.setTopK(2);
    auto created = InteractiveEvaluator::create(matrix, rule);
    QVERIFY(created.ok());
    const InteractiveEvaluator& e = **created;
    for (std::uint32_t label = 0; label < 6; ++label) {
        const LabelCurve curve = e.curve(label);
        QVERIFY(!curve.thresholds.empty());
        QVERIFY(curve.thresholds.size() <= 11);  // distinct scores on the 0.1 grid
        for (std::size_t i = 0; i < curve.thresholds.size(); ++i) {
            DecisionRule at = rule;
            at.setLabelThreshold(label, curve.thresholds[i]);
            const auto expected = reference::evaluate(*matrix, at).labels[label];
            QCOMPARE(curve.predicted[i], expected.predicted);
            QCOMPARE(curve.truePositives[i], expected.truePositives);
            if (i > 0) QVERIFY(curve.thresholds[i] < curve.thresholds[i - 1]);
        }
        QVERIFY(e.curve(label, 3).thresholds.size() <= 3);
        // Sampled at arbitrary thresholds (off the score grid, unsorted): same counts as the rule.
        const std::vector<float> samples = {0.55f, 0.0f, 1.5f, 0.25f};
        const LabelCurve sampled = e.sampledCurve(label, samples);
        QCOMPARE(sampled.thresholds, samples);
        for (std::size_t i = 0; i < samples.size(); ++i) {
            DecisionRule at = rule;
            at.setLabelThreshold(label, samples[i]);
            const auto expected = labelMetrics(reference::evaluate(*matrix, at).labels[label]);
            QCOMPARE(sampled.predicted[i], expected.counts.predicted);
            QCOMPARE(sampled.precision[i], expected.precision);
            QCOMPARE(sampled.recall[i], expected.recall);
            QCOMPARE(sampled.f1[i], expected.f1);
        }
        QCOMPARE(sampled.predicted[2], 0);  // above every score
    }
}

void InteractiveEvaluatorTest::calibratedCurveAndGoldScores()
{
    // Isotonic steps merge neighbouring scores: the curve has one point per calibrated value,
    // and every point counts like the rule with that (calibrated) threshold.
    std::mt19937 rng(22);
    auto matrix = std::make_shared<ScoreMatrix>(reference::randomMatrix(rng, 150, 5, false));
    DecisionRule rule(0.4f);
    rule.setCalibration(Calibration::fit(*matrix, Calibration::Method::Isotonic));
    auto created = InteractiveEvaluator::create(matrix, rule);
    QVERIFY(created.ok());
    const InteractiveEvaluator& e = **created;
    for (std::uint32_t label = 0; label < 5; ++label) {
        const LabelCurve curve = e.curve(label);
        const std::size_t steps = rule.calibration().label(label).values().size();
        QVERIFY2(curve.thresholds.size() <= steps, qPrintable(QStringLiteral("%1 > %2").arg(curve.thresholds.size()).arg(steps)));
        for (std::size_t i = 0; i < curve.thresholds.size(); ++i) {
            DecisionRule at = rule;
            at.setLabelThreshold(label, curve.thresholds[i]);
            const auto expected = reference::evaluate(*matrix, at).labels[label];
            QCOMPARE(curve.predicted[i], expected.predicted);
            QCOMPARE(curve.truePositives[i], expected.truePositives);
        }
        float highest = -1.0f;
        for (std::size_t d = 0; d < matrix->documentCount(); ++d)
            highest = std::max(highest, rule.calibratedScore(label, matrix->score(d, label)));
        QCOMPARE(e.highestScore(label), highest);
        for (const float g : e.goldScores(label)) {
            bool found = false;
            for (std::size_t d = 0; d < matrix->documentCount() && !found; ++d)
                found = matrix->isGold(d, label) && rule.calibratedScore(label, matrix->score(d, label)) == g;
            QVERIFY(found);
        }
    }
}

void InteractiveEvaluatorTest::rejectsBadInput()
{
    QVERIFY(!InteractiveEvaluator::create(std::shared_ptr<const ScoreMatrix>()).ok());
    auto noLabels = std::make_shared<ScoreMatrix>(std::vector<std::string>{});
    QVERIFY(!InteractiveEvaluator::create(noLabels).ok());
    auto m = std::make_shared<ScoreMatrix>(std::vector<std::string>{"a"});
    DecisionRule bad;
    bad.setLabelThreshold(3, 0.2f);
    const auto result = InteractiveEvaluator::create(m, bad);
    QVERIFY(!result.ok());
    QVERIFY(result.message().find("label index 3") != std::string::npos);
}

QTEST_GUILESS_MAIN(InteractiveEvaluatorTest)
#include "InteractiveEvaluatorTest.moc"
