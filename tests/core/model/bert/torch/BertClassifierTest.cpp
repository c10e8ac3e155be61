// BertClassifier beyond the fixture's numbers (those are BertForwardParityTest's): padding
// invariance for both poolings and the hidden-state accessor.
#include "tests/core/model/bert/torch/BertProbes.h"

#include <QtTest>

using namespace tagbench;

namespace {
const std::string kFixture = TAGBENCH_TEST_DATA "/bert-tiny";
} // namespace

class BertClassifierTest final : public QObject {
    Q_OBJECT

private slots:
    void paddingDoesNotChangeLogits_data();
    void paddingDoesNotChangeLogits();
    void hiddenStatesAreEmbeddingsPlusEveryLayer();
};

void BertClassifierTest::paddingDoesNotChangeLogits_data()
{
    QTest::addColumn<QString>("pooling");
    QTest::newRow("cls") << "cls";
    QTest::newRow("mean") << "mean";
}

void BertClassifierTest::paddingDoesNotChangeLogits()
{
    QFETCH(QString, pooling);
    // The attention mask keeps padding out of attention and out of the masked mean.
    const double influence = probe::bertPaddingInfluence(kFixture, pooling.toStdString());
    QVERIFY2(influence >= 0 && influence < 1e-5, QByteArray::number(influence).constData());
}

void BertClassifierTest::hiddenStatesAreEmbeddingsPlusEveryLayer()
{
    QCOMPARE(probe::bertHiddenStateCount(kFixture), std::size_t(3));
}

QTEST_APPLESS_MAIN(BertClassifierTest)
#include "BertClassifierTest.moc"
