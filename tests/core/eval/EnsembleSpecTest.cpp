// Ensemble score combination against values worked out by hand, and the promise behind
// intersection/union: at one threshold, min/max of calibrated scores decide exactly what every
// member / any member decides at that threshold.
#include "core/eval/DecisionRule.h"
#include "core/eval/Ensemble.h"
#include "core/eval/EnsembleRun.h"
#include "core/eval/EnsembleSpec.h"
#include "core/eval/Metrics.h"

#include <QTemporaryDir>
#include <QTest>

#include <random>

using namespace tagbench;
using namespace tagbench::eval;

namespace {

ScoreMatrix matrix(const std::vector<std::string>& labels, const std::vector<std::vector<float>>& rows,
                   const std::vector<std::vector<std::uint32_t>>& gold)
{
    ScoreMatrix m(labels);
    for (std::size_t d = 0; d < rows.size(); ++d)
        if (!m.addDocument("d" + std::to_string(d), rows[d], gold[d])) qFatal("bad fixture");
    return m;
}

EnsembleSpec spec(EnsembleCombination combination, std::vector<std::vector<std::string>> labels, std::vector<double> weights = {})
{
    EnsembleSpec s;
    s.combination = combination;
    s.calibration = Calibration::Method::None;
    for (std::size_t i = 0; i < labels.size(); ++i) {
        EnsembleMember m;
        m.run = "run" + std::to_string(i);
        m.labels = labels[i];
        if (!weights.empty()) m.weight = weights[i];
        s.members.push_back(m);
    }
    return s;
}

} // namespace

class EnsembleSpecTest final : public QObject {
    Q_OBJECT
private slots:
    void combinesByHand_data()
    {
        QTest::addColumn<int>("combination");
        QTest::addColumn<std::vector<float>>("expected");  // document 0: labels a, b
        QTest::newRow("mean") << int(EnsembleCombination::Mean) << std::vector<float>{0.5f, 0.3f};
        QTest::newRow("weighted 3:1") << int(EnsembleCombination::WeightedMean) << std::vector<float>{0.65f, 0.4f};
        QTest::newRow("intersection") << int(EnsembleCombination::Min) << std::vector<float>{0.2f, 0.1f};
        QTest::newRow("union") << int(EnsembleCombination::Max) << std::vector<float>{0.8f, 0.5f};
    }
    void combinesByHand()
    {
        QFETCH(int, combination);
        QFETCH(std::vector<float>, expected);
        const ScoreMatrix first = matrix({"a", "b"}, {{0.8f, 0.5f}}, {{0}});
        const ScoreMatrix second = matrix({"a", "b"}, {{0.2f, 0.1f}}, {{0}});
        const auto combined = combineScores(spec(EnsembleCombination(combination), {{"a", "b"}, {"a", "b"}}, {3, 1}), {&first, &second});
        QVERIFY2(combined.ok(), combined.ok() ? "" : combined.message().c_str());
        QCOMPARE(combined->score(0, 0), expected[0]);
        QCOMPARE(combined->score(0, 1), expected[1]);
        QCOMPARE(combined->gold(0).size(), std::size_t(1));
    }

    // A binary member for label b only: a stays the first member's, b combines both.
    void subsetMemberDecidesOnlyItsLabel()
    {
        const ScoreMatrix multi = matrix({"a", "b", "c"}, {{0.9f, 0.6f, 0.3f}}, {{0}});
        const ScoreMatrix binary = matrix({"b"}, {{0.2f}}, {{}});
        const auto combined = combineScores(spec(EnsembleCombination::Min, {{"a", "b", "c"}, {"b"}}), {&multi, &binary});
        QVERIFY(combined.ok());
        QCOMPARE(combined->score(0, 0), 0.9f);
        QCOMPARE(combined->score(0, 1), 0.2f);
        QCOMPARE(combined->score(0, 2), 0.3f);
        // A member may not bring labels the first member lacks.
        const auto bad = combineScores(spec(EnsembleCombination::Mean, {{"b"}, {"a", "b", "c"}}), {&binary, &multi});
        QVERIFY(!bad.ok());
        QVERIFY(QString::fromStdString(bad.message()).contains("\"a\""));
    }

    void intersectionAndUnionAreTheMembersDecisions()
    {
        std::mt19937 rng(5);
        std::uniform_real_distribution<float> uniform(0.0f, 1.0f);
        std::vector<std::vector<float>> rowsA, rowsB;
        std::vector<std::vector<std::uint32_t>> gold;
        for (int d = 0; d < 200; ++d) {
            rowsA.push_back({uniform(rng), uniform(rng), uniform(rng)});
            rowsB.push_back({uniform(rng), uniform(rng), uniform(rng)});
            gold.push_back(uniform(rng) < 0.5f ? std::vector<std::uint32_t>{0} : std::vector<std::uint32_t>{1, 2});
        }
        const ScoreMatrix a = matrix({"x", "y", "z"}, rowsA, gold), b = matrix({"x", "y", "z"}, rowsB, gold);
        const DecisionRule rule(0.37f);
        for (const auto [combination, decisions] : {std::pair{EnsembleCombination::Min, DecisionCombination::Intersection},
                                                    std::pair{EnsembleCombination::Max, DecisionCombination::Union}}) {
            const auto combined = combineScores(spec(combination, {{"x", "y", "z"}, {"x", "y", "z"}}), {&a, &b});
            QVERIFY(combined.ok());
            const auto expected = combineDecisions({&a, &b}, {rule, rule}, decisions);
            QVERIFY(expected.ok());
            const Metrics got = evaluate(*combined, rule);
            QCOMPARE(got.truePositives, expected->truePositives);
            QCOMPARE(got.predicted, expected->predicted);
            QCOMPARE(got.gold, expected->gold);
        }
    }

    void specRoundTripsAndRejectsBadFiles()
    {
        EnsembleSpec s = spec(EnsembleCombination::WeightedMean, {{"a", "b"}, {"b"}}, {0.25, 2});
        s.calibration = Calibration::Method::Platt;
        s.members[0].calibration = Calibration(Calibration::Method::Platt, {LabelCalibration::platt(2, -1), LabelCalibration::platt(1, 0)});
        const auto back = EnsembleSpec::fromJson(s.toJson(), "ensemble.json");
        QVERIFY2(back.ok(), back.ok() ? "" : back.message().c_str());
        QCOMPARE(back->toJson(), s.toJson());
        QCOMPARE(back->members[1].weight, 2.0);
        QVERIFY(back->members[0].calibration == s.members[0].calibration);
        QVERIFY(!EnsembleSpec::fromJson("{\"format\": \"tagbench-ensemble\", \"members\": []}", "e.json").ok());
        const auto bad = EnsembleSpec::fromJson(R"({"format": "tagbench-ensemble", "combination": "max",
            "members": [{"run": "a", "labels": ["x"]}, {"run": "b", "labels": ["x"]}]})", "e.json");
        QVERIFY(!bad.ok());
        QVERIFY2(QString::fromStdString(bad.message()).startsWith("e.json: combination"), bad.message().c_str());
    }
};

QTEST_APPLESS_MAIN(EnsembleSpecTest)
#include "EnsembleSpecTest.moc"
