// LoRA on the attention projections: what trains, a fresh adapter changes nothing, a trained
// adapter merged into the weights predicts what it predicted unmerged.
#include "tests/core/model/bert/torch/BertProbes.h"

#include <QtTest>

using namespace tagbench;

namespace {
const std::string kFixture = TAGBENCH_TEST_DATA "/bert-tiny";

QStringList sorted(const std::vector<std::string>& names)
{
    QStringList out;
    for (const auto& n : names) out << QString::fromStdString(n);
    out.sort();
    return out;
}
} // namespace

class LoraLinearTest final : public QObject {
    Q_OBJECT

private slots:
    void onlyAdaptersAndHeadTrain_data();
    void onlyAdaptersAndHeadTrain();
    void mergedPredictionsEqualUnmerged_data();
    void mergedPredictionsEqualUnmerged();
};

void LoraLinearTest::onlyAdaptersAndHeadTrain_data()
{
    QTest::addColumn<QStringList>("targets");
    QTest::addColumn<QStringList>("trainable");
    QStringList queryValue;
    for (int layer = 0; layer < 2; ++layer)
        for (const char* module : {"query", "value"})
            for (const char* part : {"A", "B"})
                queryValue << QString("bert.encoder.layer.%1.attention.self.%2.lora.%3").arg(layer).arg(module).arg(part);
    queryValue << "classifier.bias" << "classifier.weight";
    queryValue.sort();
    QTest::newRow("query,value") << QStringList{"query", "value"} << queryValue;
    QStringList key{"bert.encoder.layer.0.attention.self.key.lora.A", "bert.encoder.layer.0.attention.self.key.lora.B",
                    "bert.encoder.layer.1.attention.self.key.lora.A", "bert.encoder.layer.1.attention.self.key.lora.B",
                    "classifier.bias", "classifier.weight"};
    QTest::newRow("key") << QStringList{"key"} << key;
}

void LoraLinearTest::onlyAdaptersAndHeadTrain()
{
    QFETCH(QStringList, targets);
    QFETCH(QStringList, trainable);
    std::vector<std::string> targetNames;
    for (const auto& t : targets) targetNames.push_back(t.toStdString());
    const auto result = probe::loraProbe(kFixture, 4, 8.0, targetNames);
    QCOMPARE(sorted(result.trainable), trainable);
    QCOMPARE(result.frozenBaseChange, 0.0);
    QVERIFY(result.adapterChange > 1e-3);
}

void LoraLinearTest::mergedPredictionsEqualUnmerged_data()
{
    QTest::addColumn<int>("rank");
    QTest::addColumn<double>("alpha");
    QTest::newRow("rank 4, alpha 8") << 4 << 8.0;
    QTest::newRow("rank 1, alpha 1") << 1 << 1.0;
    QTest::newRow("rank 8, alpha 32") << 8 << 32.0;
}

void LoraLinearTest::mergedPredictionsEqualUnmerged()
{
    QFETCH(int, rank);
    QFETCH(double, alpha);
    const auto result = probe::loraProbe(kFixture, rank, alpha, {"query", "value"});
    // B starts at zero: adding adapters changes no prediction until they train.
    QCOMPARE(result.freshAdapterChange, 0.0);
    QVERIFY(result.adapterChange > 1e-3);
    // Merged W + (alpha/r) B A computes what W x + (alpha/r) B (A x) computed, up to rounding.
    QVERIFY2(result.mergeChange >= 0 && result.mergeChange < 1e-5, QByteArray::number(result.mergeChange).constData());
    QVERIFY(!result.adaptersLeftAfterMerge);
    // After merging the model has exactly the parameters of a plain BERT classifier.
    QCOMPARE(result.parametersAfterMerge, result.parametersWithoutLora);
}

QTEST_APPLESS_MAIN(LoraLinearTest)
#include "LoraLinearTest.moc"
