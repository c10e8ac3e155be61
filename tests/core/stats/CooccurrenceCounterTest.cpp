#include "core/stats/CooccurrenceCounter.h"

#include <QtTest>

using namespace tagbench;

class CooccurrenceCounterTest final : public QObject {
    Q_OBJECT

private slots:
    void countsPairs_data();
    void countsPairs();
};

void CooccurrenceCounterTest::countsPairs_data()
{
    QTest::addColumn<int>("labels");
    QTest::newRow("dense") << 10;
    QTest::newRow("hashed (beyond the dense limit)") << 5000;
}

void CooccurrenceCounterTest::countsPairs()
{
    QFETCH(int, labels);
    CooccurrenceCounter counter(static_cast<std::size_t>(labels));
    const int last = labels - 1;
    const std::vector<std::vector<std::int32_t>> documents = {{0, 1, last}, {1, 0}, {last, 1}, {2}, {}};
    for (const auto& doc : documents) counter.add(Span<std::int32_t>{doc.data(), doc.size()});
    QCOMPARE(counter.count(0, 1), std::uint64_t(2));
    QCOMPARE(counter.count(1, 0), std::uint64_t(2));
    QCOMPARE(counter.count(1, last), std::uint64_t(2));
    QCOMPARE(counter.count(0, last), std::uint64_t(1));
    QCOMPARE(counter.count(0, 2), std::uint64_t(0));
    const auto top = counter.top(2);
    QCOMPARE(top.size(), std::size_t(2));
    QCOMPARE(top[0].first, 0);
    QCOMPARE(top[0].second, 1);
    QCOMPARE(top[0].count, std::uint64_t(2));
    QCOMPARE(top[1].first, 1);
    QCOMPARE(top[1].second, last);
    QCOMPARE(counter.top(100).size(), std::size_t(3));
}

QTEST_APPLESS_MAIN(CooccurrenceCounterTest)
#include "CooccurrenceCounterTest.moc"
