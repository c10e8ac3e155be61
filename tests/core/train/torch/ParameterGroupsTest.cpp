// ParameterGroups: per-group learning rate and weight decay over core/train's AdamW, checked
// against LibTorch's own torch::optim::AdamW with the same param_groups.
#include "tests/core/train/torch/TrainProbes.h"

#include <QtTest>

using namespace tagbench;

class ParameterGroupsTest final : public QObject {
    Q_OBJECT

private slots:
    void matchesTorchAdamWWithParamGroups_data();
    void matchesTorchAdamWWithParamGroups();
    void noDecayGroupTakesBiasesAndLayerNorm();
    void resumeEqualsUninterrupted();
    void clipGradientNormMatchesTorch_data();
    void clipGradientNormMatchesTorch();
};

void ParameterGroupsTest::matchesTorchAdamWWithParamGroups_data()
{
    QTest::addColumn<int>("steps");
    QTest::newRow("1 step") << 1;
    QTest::newRow("5 steps") << 5;
}

void ParameterGroupsTest::matchesTorchAdamWWithParamGroups()
{
    QFETCH(int, steps);
    const double diff = probe::parameterGroupsMatchTorchAdamW(steps);
    QVERIFY2(diff >= 0 && diff < 1e-6, QByteArray::number(diff).constData());
}

void ParameterGroupsTest::noDecayGroupTakesBiasesAndLayerNorm()
{
    const std::string description = probe::describeNoDecayGroups(
        {"bert.encoder.layer.0.output.dense.weight", "bert.encoder.layer.0.output.dense.bias",
         "bert.encoder.layer.0.output.LayerNorm.weight", "bert.encoder.layer.0.output.LayerNorm.bias", "classifier.weight"});
    QCOMPARE(QString::fromStdString(description), QStringLiteral("no_decay: 3 tensors, default: 2 tensors"));
}

void ParameterGroupsTest::resumeEqualsUninterrupted()
{
    QCOMPARE(probe::parameterGroupsResumeDifference(), 0.0);
}

void ParameterGroupsTest::clipGradientNormMatchesTorch_data()
{
    QTest::addColumn<double>("maxNorm");
    QTest::newRow("clipped") << 1.0;
    QTest::newRow("below the limit") << 100.0;
    QTest::newRow("no clipping") << 0.0;
}

void ParameterGroupsTest::clipGradientNormMatchesTorch()
{
    QFETCH(double, maxNorm);
    const auto r = probe::clipGradientNormVsTorch(maxNorm);
    QVERIFY(r[0] > 1.0);
    QVERIFY(qAbs(r[0] - r[1]) < 1e-6);
    QVERIFY(r[2] < 1e-7);
}

QTEST_APPLESS_MAIN(ParameterGroupsTest)
#include "ParameterGroupsTest.moc"
