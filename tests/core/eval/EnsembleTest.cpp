#include "core/eval/Ensemble.h"
#include "core/eval/RunComparison.h"
#include "tests/core/eval/ReferenceEvaluator.h"

#include <QtTest>

#include <random>

using namespace tagbench::eval;

class EnsembleTest final : public QObject {
    Q_OBJECT

private slots:
    void compareSortsByDelta();
    void compareRejectsDifferentSplits();
    void meanScoresAverages();
    void combineDecisions_data();
    void combineDecisions();
    void rejectsMismatchedRuns_data();
    void rejectsMismatchedRuns();
    void twoStageOverridesOneColumn();
    void twoStageErrors();
};

namespace {

ScoreMatrix threeDocs(std::vector<std::vector<float>> rows)
{
    ScoreMatrix m({"新车上市", "谍照", "新车报价"});
    const std::vector<std::vector<std::uint32_t>> gold = {{0}, {1, 2}, {}};
    for (std::size_t d = 0; d < rows.size(); ++d) m.addDocument("doc" + std::to_string(d), rows[d], gold[d]);
    return m;
}

Metrics withF1(std::vector<std::pair<double, std::int64_t>> f1AndSupport)
{
    Metrics m;
    m.documents = 10;
    for (const auto& [f1, support] : f1AndSupport) {
        LabelMetrics l;
        l.f1 = f1;
        l.counts.support = support;
        m.labels.push_back(l);
    }
    return m;
}

} // namespace

void EnsembleTest::compareSortsByDelta()
{
    Metrics a = withF1({{0.5, 3}, {0.2, 1}, {0.9, 4}, {0.4, 2}, {0.0, 0}});
    Metrics b = withF1({{0.7, 3}, {0.1, 1}, {0.9, 4}, {0.8, 2}, {0.0, 0}});
    a.f1 = 0.6;
    b.f1 = 0.65;
    const auto c = compareRuns(a, b);
    QVERIFY(c.ok());
    QCOMPARE(c->improved.size(), std::size_t{2});
    QCOMPARE(c->improved[0].label, 3u);  // +0.4 before +0.2
    QCOMPARE(c->improved[1].label, 0u);
    QCOMPARE(c->regressed.size(), std::size_t{1});
    QCOMPARE(c->regressed[0].label, 1u);
    QCOMPARE(c->unchanged.size(), std::size_t{2});
    QCOMPARE(c->microF1Delta, b.f1 - a.f1);
}

void EnsembleTest::compareRejectsDifferentSplits()
{
    QVERIFY(!compareRuns(withF1({{0.5, 3}}), withF1({{0.5, 3}, {0.1, 1}})).ok());
    const auto support = compareRuns(withF1({{0.5, 3}}), withF1({{0.5, 4}}));
    QVERIFY(!support.ok());
    QVERIFY(support.message().find("not the same split") != std::string::npos);
}

void EnsembleTest::meanScoresAverages()
{
    const ScoreMatrix a = threeDocs({{0.2f, 0.4f, 0.6f}, {0.0f, 1.0f, 0.5f}, {0.1f, 0.1f, 0.1f}});
    const ScoreMatrix b = threeDocs({{0.4f, 0.0f, 0.6f}, {1.0f, 0.0f, 0.25f}, {0.3f, 0.1f, 0.9f}});
    const auto mean = meanScores({&a, &b});
    QVERIFY(mean.ok());
    QCOMPARE(mean->score(0, 0), 0.3f);
    QCOMPARE(mean->score(1, 2), 0.375f);
    QCOMPARE(mean->score(2, 2), 0.5f);
    QCOMPARE(mean->goldLabels(), a.goldLabels());
    QCOMPARE(mean->documentIds(), a.documentIds());
    QVERIFY(!meanScores({&a}).ok());
}

void EnsembleTest::combineDecisions_data()
{
    QTest::addColumn<bool>("intersection");
    QTest::newRow("intersection") << true;
    QTest::newRow("union") << false;
}

void EnsembleTest::combineDecisions()
{
    QFETCH(bool, intersection);
    std::mt19937 rng(71);
    const ScoreMatrix base = reference::randomMatrix(rng, 80, 6, true);
    // Three runs on the same split: same ids and gold, different scores and rules.
    std::vector<ScoreMatrix> runs;
    std::vector<DecisionRule> rules;
    for (int r = 0; r < 3; ++r) {
        ScoreMatrix run(base.labelNames());
        for (std::size_t d = 0; d < base.documentCount(); ++d) {
            std::vector<float> row(base.row(d), base.row(d) + base.labelCount());
            for (float& s : row) s = std::min(1.0f, std::max(0.0f, s + 0.1f * static_cast<float>(static_cast<int>(rng() % 5) - 2)));
            const GoldSpan gold = base.gold(d);
            run.addDocument(base.documentIds()[d], row, {gold.begin(), gold.end()});
        }
        runs.push_back(std::move(run));
        rules.push_back(reference::randomRule(rng, base.labelCount()));
    }
    const std::vector<const ScoreMatrix*> pointers = {&runs[0], &runs[1], &runs[2]};
    const auto metrics = tagbench::eval::combineDecisions(
        pointers, rules, intersection ? DecisionCombination::Intersection : DecisionCombination::Union);
    QVERIFY(metrics.ok());
    MetricsAccumulator expected(base.labelCount());
    for (std::size_t d = 0; d < base.documentCount(); ++d) {
        std::set<std::uint32_t> combined = reference::predict(runs[0].row(d), base.labelCount(), rules[0]);
        for (int r = 1; r < 3; ++r) {
            const auto next = reference::predict(runs[r].row(d), base.labelCount(), rules[r]);
            std::set<std::uint32_t> merged;
            for (std::uint32_t l = 0; l < base.labelCount(); ++l)
                if (intersection ? (combined.count(l) && next.count(l)) : (combined.count(l) || next.count(l)))
                    merged.insert(l);
            combined = merged;
        }
        const GoldSpan gold = base.gold(d);
        expected.add(std::vector<std::uint32_t>(combined.begin(), combined.end()), {gold.begin(), gold.end()});
    }
    const Metrics want = expected.metrics();
    QCOMPARE(metrics->truePositives, want.truePositives);
    QCOMPARE(metrics->predicted, want.predicted);
    QCOMPARE(metrics->gold, want.gold);
    QCOMPARE(metrics->documentsWithoutPrediction, want.documentsWithoutPrediction);
    QVERIFY(metrics->predicted > 0);
}

void EnsembleTest::rejectsMismatchedRuns_data()
{
    QTest::addColumn<int>("change");
    QTest::addColumn<QString>("expected");
    QTest::newRow("labels") << 0 << "label lists differ";
    QTest::newRow("document count") << 1 << "documents";
    QTest::newRow("document id") << 2 << "document 1 is";
    QTest::newRow("gold") << 3 << "different gold labels";
}

void EnsembleTest::rejectsMismatchedRuns()
{
    QFETCH(int, change);
    QFETCH(QString, expected);
    const ScoreMatrix a = threeDocs({{0.2f, 0.4f, 0.6f}, {0.0f, 1.0f, 0.5f}, {0.1f, 0.1f, 0.1f}});
    ScoreMatrix b;
    if (change == 0) {
        b = ScoreMatrix({"新车上市", "谍照", "试驾"});
        for (std::size_t d = 0; d < 3; ++d) b.addDocument(a.documentIds()[d], a.row(d), {});
    } else {
        b = ScoreMatrix(a.labelNames());
        const std::size_t n = change == 1 ? 2 : 3;
        for (std::size_t d = 0; d < n; ++d) {
            const GoldSpan gold = a.gold(d);
            std::vector<std::uint32_t> g(gold.begin(), gold.end());
            if (change == 3 && d == 2) g = {1};
            b.addDocument(change == 2 && d == 1 ? std::string("other") : a.documentIds()[d], a.row(d), g);
        }
    }
    const auto status = checkSameSplit({&a, &b});
    QVERIFY(!status.ok());
    QVERIFY2(status.message().find(expected.toStdString()) != std::string::npos, status.message().c_str());
    QVERIFY(!meanScores({&a, &b}).ok());
}

void EnsembleTest::twoStageOverridesOneColumn()
{
    const ScoreMatrix multi = threeDocs({{0.2f, 0.4f, 0.6f}, {0.0f, 1.0f, 0.5f}, {0.1f, 0.1f, 0.1f}});
    // The binary run lists the documents in another order, with an extra one: matched by id.
    ScoreMatrix binary({"谍照"});
    binary.addDocument("doc2", std::vector<float>{0.77f}, {0});
    binary.addDocument("extra", std::vector<float>{0.5f}, {});
    binary.addDocument("doc0", std::vector<float>{0.11f}, {});
    binary.addDocument("doc1", std::vector<float>{0.99f}, {0});
    const auto combined = overrideLabelScores(multi, binary, "谍照");
    QVERIFY2(combined.ok(), combined.ok() ? "" : combined.message().c_str());
    QCOMPARE(combined->score(0, 1), 0.11f);
    QCOMPARE(combined->score(1, 1), 0.99f);
    QCOMPARE(combined->score(2, 1), 0.77f);
    QCOMPARE(combined->score(0, 0), 0.2f);  // other columns untouched
    QCOMPARE(combined->score(1, 2), 0.5f);
    QCOMPARE(combined->goldLabels(), multi.goldLabels());  // gold stays the multi-label run's
    // Its metrics are those of the overridden scores.
    const Metrics m = evaluate(*combined, DecisionRule(0.5f));
    QCOMPARE(m.labels[1].counts.predicted, 2);      // doc1 (0.99) and doc2 (0.77)
    QCOMPARE(m.labels[1].counts.truePositives, 1);  // only doc1 has 谍照
}

void EnsembleTest::twoStageErrors()
{
    const ScoreMatrix multi = threeDocs({{0.2f, 0.4f, 0.6f}, {0.0f, 1.0f, 0.5f}, {0.1f, 0.1f, 0.1f}});
    ScoreMatrix binary({"谍照"});
    binary.addDocument("doc0", std::vector<float>{0.1f}, {});
    const auto missingDoc = overrideLabelScores(multi, binary, "谍照");
    QVERIFY(!missingDoc.ok());
    QVERIFY(missingDoc.message().find("doc1") != std::string::npos);
    QVERIFY(!overrideLabelScores(multi, binary, "试驾").ok());
    ScoreMatrix twoColumns({"a", "b"});
    QVERIFY(!overrideLabelScores(multi, twoColumns, "谍照").ok());
}

QTEST_GUILESS_MAIN(EnsembleTest)
#include "EnsembleTest.moc"
