#include "tests/core/model/ModelProbes.h"

#include <QtTest>

using namespace tagbench;

class TextCnnTest final : public QObject {
    Q_OBJECT

private slots:
    void kMaxPoolingKeepsOrder();
    void forwardShapes_data();
    void forwardShapes();
    void paddingDoesNotChangeLogits();
};

void TextCnnTest::kMaxPoolingKeepsOrder()
{
    // Row 1: the three largest are 9 (pos 5), 6 (pos 7), 5 (pos 4) -> in sequence order 5, 9, 6.
    // Row 2: 2 (pos 2), 2 (pos 3), 1 (pos 5) -> 2, 2, 1.
    const std::vector<float> values{3, 1, 4, 1, 5, 9, 2, 6, 0, -1, 2, 2, -3, 1, 0, 0};
    QCOMPARE(probe::kMaxPooling(values, 2, 3), (std::vector<float>{5, 9, 6, 2, 2, 1}));
    QCOMPARE(probe::kMaxPooling(values, 2, 1), (std::vector<float>{9, 2}));
    QCOMPARE(probe::kMaxPooling(values, 2, 8), values);
}

void TextCnnTest::forwardShapes_data()
{
    QTest::addColumn<qint64>("batch");
    QTest::addColumn<qint64>("length");
    QTest::addColumn<qint64>("topK");
    QTest::addColumn<qint64>("hidden");
    QTest::newRow("max pooling") << qint64(4) << qint64(20) << qint64(1) << qint64(0);
    QTest::newRow("3-max pooling with hidden layer") << qint64(3) << qint64(12) << qint64(3) << qint64(16);
    QTest::newRow("shorter than the widest kernel") << qint64(2) << qint64(1) << qint64(2) << qint64(0);
    QTest::newRow("single document") << qint64(1) << qint64(7) << qint64(1) << qint64(8);
}

void TextCnnTest::forwardShapes()
{
    QFETCH(qint64, batch);
    QFETCH(qint64, length);
    QFETCH(qint64, topK);
    QFETCH(qint64, hidden);
    const auto shape = probe::textCnnLogitShape(batch, length, {2, 3, 4}, topK, hidden, 5);
    QCOMPARE(shape, (std::vector<std::int64_t>{batch, 5}));
}

void TextCnnTest::paddingDoesNotChangeLogits()
{
    QVERIFY(probe::textCnnPaddingInfluence() < 1e-5);
}

QTEST_APPLESS_MAIN(TextCnnTest)
#include "TextCnnTest.moc"
