#include "tests/core/model/ModelProbes.h"

#include <QtTest>

using namespace tagbench;

class LossTest final : public QObject {
    Q_OBJECT

private slots:
    void bceWithPosWeightMatchesHandComputation();
    void focalLossMatchesHandComputation();
    void focalWithGammaZeroIsBce();
    void crossEntropyMatchesHandComputation();
    void automaticPosWeightIsCappedRatio();
};

namespace {
// logits [[0, 2], [-1, 1]], targets [[1, 0], [0, 1]]
const std::vector<float> kLogits{0, 2, -1, 1};
const std::vector<float> kTargets{1, 0, 0, 1};
} // namespace

void LossTest::bceWithPosWeightMatchesHandComputation()
{
    // pos_weight [3, 1]: (3 ln 2 + ln(1 + e^2) + ln(1 + e^-1) + ln(1 + e^-1)) / 2 rows
    const double expected = (3 * std::log(2.0) + std::log(1 + std::exp(2.0)) + 2 * std::log(1 + std::exp(-1.0))) / 2;
    QVERIFY(qAbs(expected - 2.4164464639) < 1e-9);
    QVERIFY(qAbs(probe::multiLabelLoss(kLogits, kTargets, 2, {3, 1}, 0.0) - expected) < 1e-5);
    const double unweighted = (std::log(2.0) + std::log(1 + std::exp(2.0)) + 2 * std::log(1 + std::exp(-1.0))) / 2;
    QVERIFY(qAbs(probe::multiLabelLoss(kLogits, kTargets, 2, {}, 0.0) - unweighted) < 1e-5);
}

void LossTest::focalLossMatchesHandComputation()
{
    // gamma 2: each BCE term scaled by (1 - p_t)^2; computed by hand as 0.93434054.
    QVERIFY(qAbs(probe::multiLabelLoss(kLogits, kTargets, 2, {}, 2.0) - 0.9343405448) < 1e-5);
}

void LossTest::focalWithGammaZeroIsBce()
{
    // gamma 1e-12 takes the explicit focal formula, which must agree with the fused BCE.
    QVERIFY(qAbs(probe::multiLabelLoss(kLogits, kTargets, 2, {3, 1}, 1e-12)
                 - probe::multiLabelLoss(kLogits, kTargets, 2, {3, 1}, 0.0)) < 1e-5);
}

void LossTest::crossEntropyMatchesHandComputation()
{
    // -log softmax([1, 2, 3])[2] = log(1 + e^-1 + e^-2)
    QVERIFY(qAbs(probe::singleLabelLoss({1, 2, 3}, {2}, 1) - std::log(1 + std::exp(-1.0) + std::exp(-2.0))) < 1e-5);
}

void LossTest::automaticPosWeightIsCappedRatio()
{
    // negatives / positives of 100 documents: 60/40, 90/10 -> cap 5, no positives -> cap, 50/50.
    QCOMPARE(probe::automaticPosWeight({40, 10, 0, 50}, 100, 5.0), (std::vector<float>{1.5f, 5.0f, 5.0f, 1.0f}));
}

QTEST_APPLESS_MAIN(LossTest)
#include "LossTest.moc"
