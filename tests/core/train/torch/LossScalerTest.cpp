// LossScaler (fp16 dynamic loss scaling) on CPU tensors: an inf/NaN gradient skips the step and
// halves the scale; a run of good steps grows it back.
#include "tests/core/train/torch/TrainProbes.h"

#include <QtTest>

using namespace tagbench;

class LossScalerTest final : public QObject {
    Q_OBJECT

private slots:
    void defaultsAreGradScalers();
    void infiniteGradientSkipsTheStepAndTheScaleRecovers();
    void nanGradientIsSkippedToo();
    void cleanStepsUnscaleExactly();
};

void LossScalerTest::defaultsAreGradScalers()
{
    QCOMPARE(probe::lossScalerDefaults(), (std::vector<double>{65536.0, 2.0, 0.5, 2000.0}));
}

void LossScalerTest::infiniteGradientSkipsTheStepAndTheScaleRecovers()
{
    // interval 3: ok, inf (skip, halve), ok, ok, ok (grow back), ok
    const auto run = probe::lossScalerRun({"", "inf", "", "", "", ""}, 1024.0, 3);
    QCOMPARE(run.initialScale, 1024.0);
    QCOMPARE(run.stepped, (std::vector<bool>{true, false, true, true, true, true}));
    QCOMPARE(run.scaleAfter, (std::vector<double>{1024, 512, 512, 512, 1024, 1024}));
    QCOMPARE(run.trackerAfter, (std::vector<std::int64_t>{1, 0, 1, 2, 0, 1}));
    QCOMPARE(run.skipped, std::int64_t(1));
    // p[0] = 1 - 0.1 * 3 per step that ran; the skipped step leaves it alone.
    const std::vector<double> expected{0.7, 0.7, 0.4, 0.1, -0.2, -0.5};
    for (std::size_t i = 0; i < expected.size(); ++i) QVERIFY(qAbs(run.parameter[i] - expected[i]) < 1e-6);
}

void LossScalerTest::nanGradientIsSkippedToo()
{
    const auto run = probe::lossScalerRun({"nan", "nan", ""}, 65536.0, 2000);
    QCOMPARE(run.stepped, (std::vector<bool>{false, false, true}));
    QCOMPARE(run.scaleAfter, (std::vector<double>{32768, 16384, 16384}));
    QCOMPARE(run.skipped, std::int64_t(2));
    QVERIFY(qAbs(run.parameter.back() - 0.7) < 1e-6);
}

void LossScalerTest::cleanStepsUnscaleExactly()
{
    // The gradient of (p * [3, 4]).sum() is [3, 4] whatever the (power-of-two) scale was.
    const auto run = probe::lossScalerRun({"", "", ""}, 65536.0, 2);
    QCOMPARE(run.unscaledGradient, (std::vector<double>{3.0, 3.0, 3.0}));
    QCOMPARE(run.scaleAfter, (std::vector<double>{65536, 131072, 131072}));
}

QTEST_APPLESS_MAIN(LossScalerTest)
#include "LossScalerTest.moc"
