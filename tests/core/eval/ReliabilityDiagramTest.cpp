// Reliability diagrams on a hand-made matrix whose bins, frequencies and ECE are worked out
// below, and the property that isotonic calibration is perfectly reliable on its own data.
#include "core/eval/Calibration.h"
#include "core/eval/ReliabilityDiagram.h"
#include "core/eval/ScoreMatrix.h"
#include "tests/core/eval/ReferenceEvaluator.h"

#include <QtTest>

#include <cmath>

using namespace tagbench::eval;

class ReliabilityDiagramTest final : public QObject {
    Q_OBJECT

private slots:
    void handComputedBins();
    void isotonicIsReliableOnItsOwnData();
    void plattLowersTheError();
};

namespace {

bool near(double a, double b) { return std::abs(a - b) < 1e-6; }

ScoreMatrix handMatrix()
{
    ScoreMatrix m(std::vector<std::string>{"a", "b"});
    m.addDocument("d0", std::vector<float>{0.1f, 0.4f}, {0});
    m.addDocument("d1", std::vector<float>{0.2f, 0.4f}, {1});
    m.addDocument("d2", std::vector<float>{0.6f, 0.7f}, {0});
    m.addDocument("d3", std::vector<float>{0.9f, 0.0f}, {0});
    m.addDocument("d4", std::vector<float>{1.0f, 1.3f}, {1});  // 1.3 is clamped to 1
    return m;
}

} // namespace

void ReliabilityDiagramTest::handComputedBins()
{
    const ScoreMatrix m = handMatrix();
    const ReliabilityDiagram diagram = ReliabilityDiagram::compute(m, Calibration(), 2);
    // a: [0, .5) holds .1 (gold) and .2: mean .15, observed 1/2; [.5, 1] holds .6 (gold),
    //    .9 (gold), 1.0: mean 2.5/3, observed 2/3. ECE = 2/5 * .35 + 3/5 * 1/6 = 0.24.
    const Reliability& a = diagram.labels()[0];
    QCOMPARE(a.count, 5);
    QCOMPARE(a.bins.size(), std::size_t{2});
    QCOMPARE(a.bins[0].count, 2);
    QVERIFY(near(a.bins[0].meanPredicted, 0.15));
    QVERIFY(near(a.bins[0].observed, 0.5));
    QCOMPARE(a.bins[1].count, 3);
    QVERIFY(near(a.bins[1].meanPredicted, 2.5 / 3));
    QVERIFY(near(a.bins[1].observed, 2.0 / 3));
    QVERIFY(near(a.bins[1].lower, 0.5) && near(a.bins[1].upper, 1.0));
    QVERIFY(near(a.ece, 0.24));
    // b: [0, .5) holds .4, .4 (gold), 0: mean .8/3, observed 1/3; [.5, 1] holds .7 and 1.3 -> 1
    //    (gold): mean .85, observed 1/2. ECE = 3/5 * 1/15 + 2/5 * .35 = 0.18.
    const Reliability& b = diagram.labels()[1];
    QVERIFY(near(b.bins[0].meanPredicted, 0.8 / 3));
    QVERIFY(near(b.bins[0].observed, 1.0 / 3));
    QVERIFY(near(b.bins[1].meanPredicted, 0.85));
    QVERIFY(near(b.ece, 0.18));
    // Pooled: [0, .5) five pairs, mean 1.1/5, two gold; [.5, 1] five, mean 4.2/5, three gold.
    const Reliability& all = diagram.overall();
    QCOMPARE(all.count, 10);
    QVERIFY(near(all.bins[0].meanPredicted, 0.22));
    QVERIFY(near(all.bins[0].observed, 0.4));
    QVERIFY(near(all.bins[1].meanPredicted, 0.84));
    QVERIFY(near(all.bins[1].observed, 0.6));
    QVERIFY(near(all.ece, 0.21));
}

void ReliabilityDiagramTest::isotonicIsReliableOnItsOwnData()
{
    // Each isotonic step's value is its documents' gold share, so any bin (a union of steps)
    // predicts exactly what it observes: ECE 0 on the fitting data, whatever the bins.
    std::mt19937 rng(3);
    const ScoreMatrix m = reference::randomMatrix(rng, 300, 5, false);
    const Calibration isotonic = Calibration::fit(m, Calibration::Method::Isotonic);
    const ReliabilityDiagram raw = ReliabilityDiagram::compute(m, Calibration(), 10);
    for (const std::size_t bins : {std::size_t{1}, std::size_t{7}, std::size_t{10}}) {
        const ReliabilityDiagram calibrated = ReliabilityDiagram::compute(m, isotonic, bins);
        QVERIFY2(calibrated.overall().ece < 1e-6, qPrintable(QString::number(calibrated.overall().ece)));
        for (const Reliability& label : calibrated.labels()) QVERIFY(label.ece < 1e-6);
    }
    QVERIFY(raw.overall().ece > 0.1);  // the random scores are far from probabilities
}

void ReliabilityDiagramTest::plattLowersTheError()
{
    std::mt19937 rng(4);
    const ScoreMatrix m = reference::randomMatrix(rng, 400, 4, false);
    const double before = ReliabilityDiagram::compute(m, Calibration(), 10).overall().ece;
    const double after = ReliabilityDiagram::compute(m, Calibration::fit(m, Calibration::Method::Platt), 10).overall().ece;
    QVERIFY2(after < before / 2, qPrintable(QStringLiteral("%1 -> %2").arg(before).arg(after)));
}

QTEST_GUILESS_MAIN(ReliabilityDiagramTest)
#include "ReliabilityDiagramTest.moc"
