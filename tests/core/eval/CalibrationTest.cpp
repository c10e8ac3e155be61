// Calibration maps and their fitting: isotonic regression and Platt scaling on hand-made cases
// with known answers, Platt against a brute-force search of its likelihood, and the inverse
// used for thresholds against the forward map on every float near the boundary.
#include "core/eval/Calibration.h"
#include "core/eval/ScoreMatrix.h"

#include <QtTest>

#include <cmath>
#include <limits>
#include <random>

using namespace tagbench::eval;

class CalibrationTest final : public QObject {
    Q_OBJECT

private slots:
    void isotonicByHand();
    void isotonicPoolsEqualScores();
    void plattTwoScoresHasAClosedForm();
    void plattMatchesTheLikelihoodMaximum_data();
    void plattMatchesTheLikelihoodMaximum();
    void plattNeverReversesTheOrder();
    void rawThresholdIsTheExactInverse_data();
    void rawThresholdIsTheExactInverse();
    void fitsEveryLabelOfAMatrix();
    void parsesMethods();
};

namespace {

// Platt's smoothed targets and the negative log-likelihood of p = 1/(1+exp(-(a s + b))),
// written directly from the definition (not the fitter's stable form).
double plattLoss(const std::vector<float>& s, const std::vector<std::uint8_t>& y, double a, double b)
{
    double pos = 0;
    for (const auto g : y) pos += g;
    const double neg = double(y.size()) - pos;
    double loss = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const double t = y[i] ? (pos + 1) / (pos + 2) : 1 / (neg + 2);
        const double p = 1 / (1 + std::exp(-(a * s[i] + b)));
        loss -= t * std::log(p) + (1 - t) * std::log(1 - p);
    }
    return loss;
}

} // namespace

void CalibrationTest::isotonicByHand()
{
    // Gold flags in score order 0 1 0 1 1 0 1 1. Pool adjacent violators by hand:
    //   0 | 1 0 -> 1/2 | 1 1 0 -> 2/3 | 1 1 -> 1
    // so the steps start at 0.1 (0), 0.2 (1/2), 0.4 (2/3) and 0.7 (1).
    const std::vector<float> scores = {0.5f, 0.1f, 0.8f, 0.3f, 0.2f, 0.6f, 0.4f, 0.7f};  // shuffled
    const std::vector<std::uint8_t> gold = {1, 0, 1, 0, 1, 0, 1, 1};
    const LabelCalibration map = Calibration::fitIsotonic(scores, gold);
    QCOMPARE(map.kind(), LabelCalibration::Kind::Isotonic);
    QCOMPARE(map.knots(), (std::vector<float>{0.1f, 0.2f, 0.4f, 0.7f}));
    QCOMPARE(map.values(), (std::vector<float>{0.0f, 0.5f, float(2.0 / 3.0), 1.0f}));
    QCOMPARE(map.apply(-3.0f), 0.0f);  // below the first step: its value
    QCOMPARE(map.apply(0.25f), 0.5f);
    QCOMPARE(map.apply(0.4f), float(2.0 / 3.0));
    QCOMPARE(map.apply(0.69f), float(2.0 / 3.0));
    QCOMPARE(map.apply(9.0f), 1.0f);
    QCOMPARE(map.rawThreshold(0.5f), 0.2f);
    QCOMPARE(map.rawThreshold(0.6f), 0.4f);
    QCOMPARE(map.rawThreshold(1.0f), 0.7f);
    QCOMPARE(map.rawThreshold(0.0f), std::numeric_limits<float>::lowest());
    QCOMPARE(map.rawThreshold(1.5f), std::numeric_limits<float>::max());
}

void CalibrationTest::isotonicPoolsEqualScores()
{
    // Three documents share 0.3 (one gold): they get one value, 1/3, even though sorting alone
    // would leave them in any order; 0.9 is gold.
    const std::vector<float> scores = {0.3f, 0.9f, 0.3f, 0.3f, 0.1f};
    const std::vector<std::uint8_t> gold = {0, 1, 1, 0, 0};
    const LabelCalibration map = Calibration::fitIsotonic(scores, gold);
    QCOMPARE(map.knots(), (std::vector<float>{0.1f, 0.3f, 0.9f}));
    QCOMPARE(map.values(), (std::vector<float>{0.0f, float(1.0 / 3.0), 1.0f}));
}

void CalibrationTest::plattTwoScoresHasAClosedForm()
{
    // Two distinct scores: the logistic fit is saturated, p(s) equals the mean target at s.
    // 4 gold, 4 not: targets 5/6 and 1/6. At 0: one gold of four, mean (5/6 + 3/6)/4 = 1/3;
    // at 1: three of four, 2/3. So b = logit(1/3) = -ln 2 and a + b = logit(2/3) = ln 2.
    const std::vector<float> scores = {0, 0, 0, 0, 1, 1, 1, 1};
    const std::vector<std::uint8_t> gold = {1, 0, 0, 0, 1, 1, 1, 0};
    const LabelCalibration map = Calibration::fitPlatt(scores, gold);
    QCOMPARE(map.kind(), LabelCalibration::Kind::Platt);
    QVERIFY2(std::abs(map.a() - 2 * std::log(2.0)) < 1e-5, qPrintable(QString::number(map.a(), 'g', 10)));
    QVERIFY2(std::abs(map.b() + std::log(2.0)) < 1e-5, qPrintable(QString::number(map.b(), 'g', 10)));
    QVERIFY(std::abs(map.apply(0.0f) - 1.0f / 3.0f) < 1e-5f);
    QVERIFY(std::abs(map.apply(1.0f) - 2.0f / 3.0f) < 1e-5f);
}

void CalibrationTest::plattMatchesTheLikelihoodMaximum_data()
{
    QTest::addColumn<int>("seed");
    QTest::addColumn<int>("documents");
    QTest::addColumn<double>("separation");
    QTest::newRow("small, overlapping") << 1 << 40 << 1.0;
    QTest::newRow("larger, separated") << 2 << 300 << 4.0;
    QTest::newRow("rare label") << 3 << 200 << 2.0;
}

void CalibrationTest::plattMatchesTheLikelihoodMaximum()
{
    QFETCH(int, seed);
    QFETCH(int, documents);
    QFETCH(double, separation);
    std::mt19937 rng(static_cast<unsigned>(seed));
    std::normal_distribution<double> noise(0.0, 1.0);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    const double rate = seed == 3 ? 0.05 : 0.4;
    std::vector<float> s;
    std::vector<std::uint8_t> y;
    for (int i = 0; i < documents; ++i) {
        const bool g = unit(rng) < rate;
        y.push_back(g ? 1 : 0);
        s.push_back(static_cast<float>(0.3 + (g ? separation * 0.1 : 0.0) + 0.1 * noise(rng)));
    }
    const LabelCalibration map = Calibration::fitPlatt(s, y);
    const double best = plattLoss(s, y, map.a(), map.b());
    // Brute force: a grid around the fit, then a finer one; nothing may beat the fit.
    for (const double radius : {20.0, 1.0, 0.05}) {
        for (int i = -40; i <= 40; ++i) {
            for (int j = -40; j <= 40; ++j) {
                const double a = map.a() + radius * i / 40.0, b = map.b() + radius * j / 40.0;
                if (a < 0) continue;
                QVERIFY2(plattLoss(s, y, a, b) >= best - 1e-7,
                         qPrintable(QStringLiteral("(%1, %2) gives %3 < %4").arg(a).arg(b).arg(plattLoss(s, y, a, b)).arg(best)));
            }
        }
    }
    QVERIFY(map.a() > 0);  // gold scores higher here
}

void CalibrationTest::plattNeverReversesTheOrder()
{
    // Gold documents score lower: the unconstrained fit has a < 0. The map must not reverse
    // the order, so it is the best constant: the mean smoothed target, (3 * 4/5 + 5 * 1/7) / 8.
    const std::vector<float> scores = {0.1f, 0.2f, 0.15f, 0.8f, 0.9f, 0.7f, 0.85f, 0.75f};
    const std::vector<std::uint8_t> gold = {1, 1, 1, 0, 0, 0, 0, 0};
    const LabelCalibration map = Calibration::fitPlatt(scores, gold);
    QCOMPARE(map.a(), 0.0);
    const double mean = (3 * 4.0 / 5.0 + 5 * 1.0 / 7.0) / 8.0;
    QVERIFY(std::abs(map.apply(0.5f) - mean) < 1e-6);
    QCOMPARE(map.apply(0.1f), map.apply(0.9f));
    QCOMPARE(map.rawThreshold(float(mean) - 0.01f), std::numeric_limits<float>::lowest());
    QCOMPARE(map.rawThreshold(float(mean) + 0.01f), std::numeric_limits<float>::max());
}

void CalibrationTest::rawThresholdIsTheExactInverse_data()
{
    QTest::addColumn<bool>("platt");
    QTest::newRow("platt") << true;
    QTest::newRow("isotonic") << false;
}

void CalibrationTest::rawThresholdIsTheExactInverse()
{
    QFETCH(bool, platt);
    std::mt19937 rng(platt ? 5 : 6);
    std::uniform_real_distribution<float> unit(0.0f, 1.0f);
    for (int trial = 0; trial < 200; ++trial) {
        LabelCalibration map;
        if (platt) {
            map = LabelCalibration::platt(trial % 7 == 0 ? 0.0 : 30.0 * unit(rng), 20.0 * unit(rng) - 10.0);
        } else {
            std::vector<float> knots, values;
            float x = -1.0f, v = 0.0f;
            for (int k = 0; k < 6; ++k) {
                knots.push_back(x += 0.01f + unit(rng));
                values.push_back(v += unit(rng) * 0.3f);
            }
            map = LabelCalibration::isotonic(knots, values);
        }
        const float t = trial % 5 == 0 ? map.apply(unit(rng) * 4.0f - 1.0f) : unit(rng);  // exact values too
        const float r = map.rawThreshold(t);
        // The boundary and its neighbours, plus random floats: raw >= r exactly when calibrated >= t.
        std::vector<float> probes = {r, std::nextafter(r, -INFINITY), std::nextafter(r, INFINITY)};
        for (int i = 0; i < 50; ++i) probes.push_back(unit(rng) * 6.0f - 3.0f);
        for (const float s : probes) {
            if (!std::isfinite(s) || s == std::numeric_limits<float>::max()) continue;
            QVERIFY2((s >= r) == (map.apply(s) >= t),
                     qPrintable(QStringLiteral("trial %1: s=%2 r=%3 t=%4 apply=%5").arg(trial).arg(s, 0, 'g', 9).arg(r, 0, 'g', 9)
                                    .arg(t, 0, 'g', 9).arg(map.apply(s), 0, 'g', 9)));
        }
    }
}

void CalibrationTest::fitsEveryLabelOfAMatrix()
{
    // 20 labels: more than one block of columns, so the gathering across blocks is exercised.
    std::vector<std::string> names;
    for (int l = 0; l < 20; ++l) names.push_back("l" + std::to_string(l));
    ScoreMatrix m(names);
    std::mt19937 rng(9);
    std::uniform_real_distribution<float> unit(0.0f, 1.0f);
    std::vector<std::vector<float>> columns(20);
    std::vector<std::vector<std::uint8_t>> gold(20);
    for (int d = 0; d < 60; ++d) {
        std::vector<float> row(20);
        std::vector<std::uint32_t> g;
        for (std::uint32_t l = 0; l < 20; ++l) {
            row[l] = unit(rng);
            const bool isGold = unit(rng) < row[l] * 0.5f;
            if (isGold) g.push_back(l);
            columns[l].push_back(row[l]);
            gold[l].push_back(isGold ? 1 : 0);
        }
        QVERIFY(m.addDocument("d" + std::to_string(d), row, g).ok());
    }
    for (const auto method : {Calibration::Method::Platt, Calibration::Method::Isotonic}) {
        const Calibration c = Calibration::fit(m, method);
        QCOMPARE(c.method(), method);
        QCOMPARE(c.size(), std::size_t{20});
        for (std::uint32_t l = 0; l < 20; ++l) {
            const LabelCalibration expected = method == Calibration::Method::Platt ? Calibration::fitPlatt(columns[l], gold[l])
                                                                                   : Calibration::fitIsotonic(columns[l], gold[l]);
            QVERIFY(c.label(l) == expected);
        }
    }
    QVERIFY(Calibration::fit(m, Calibration::Method::None).empty());
    QCOMPARE(Calibration().apply(3, 0.25f), 0.25f);
}

void CalibrationTest::parsesMethods()
{
    QCOMPARE(*Calibration::parseMethod("platt"), Calibration::Method::Platt);
    QCOMPARE(*Calibration::parseMethod("isotonic"), Calibration::Method::Isotonic);
    QCOMPARE(*Calibration::parseMethod("none"), Calibration::Method::None);
    QVERIFY(!Calibration::parseMethod("beta").ok());
    QCOMPARE(QString(Calibration::methodName(Calibration::Method::Isotonic)), QStringLiteral("isotonic"));
}

QTEST_GUILESS_MAIN(CalibrationTest)
#include "CalibrationTest.moc"
