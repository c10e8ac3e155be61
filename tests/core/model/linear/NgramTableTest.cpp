#include "core/model/linear/NgramTable.h"

#include <QtTest>

#include <random>
#include <string>
#include <unordered_map>

using namespace tagbench::linear;

class NgramTableTest final : public QObject {
    Q_OBJECT

private slots:
    void internsInInsertionOrderAcrossGrowth();
    void findsNothingInAnEmptyTable();
    void arenaAndOffsetsDelimitTheKeys();
};

void NgramTableTest::internsInInsertionOrderAcrossGrowth()
{
    // Random short byte strings, many repeated, NUL bytes and the empty string included: the
    // table must agree with std::unordered_map on every id while it grows many times.
    std::mt19937 random(7);
    std::uniform_int_distribution<int> length(0, 6);
    std::uniform_int_distribution<int> byte(0, 12);  // a small alphabet makes repeats common
    NgramTable table;
    std::unordered_map<std::string, std::uint32_t> reference;
    for (int i = 0; i < 200000; ++i) {
        std::string key(static_cast<std::size_t>(length(random)), '\0');
        for (char& c : key) c = static_cast<char>(byte(random) == 12 ? '\0' : 'a' + byte(random));
        const auto [it, inserted] = reference.emplace(key, static_cast<std::uint32_t>(reference.size()));
        const std::uint32_t id = table.intern(key);
        QCOMPARE(id, it->second);
        if (inserted) QCOMPARE(table.size(), reference.size());
    }
    QVERIFY(reference.size() > 50000);
    for (const auto& [key, id] : reference) {
        QCOMPARE(table.find(key), id);
        QCOMPARE(std::string(table.key(id)), key);
        QCOMPARE(table.keyHash(id), NgramTable::hash(key));
    }
    QCOMPARE(table.find("not in the table"), NgramTable::kAbsent);
}

void NgramTableTest::findsNothingInAnEmptyTable()
{
    NgramTable table;
    QCOMPARE(table.find(""), NgramTable::kAbsent);
    QCOMPARE(table.find("abc"), NgramTable::kAbsent);
    table.reserve(1000, 5000);
    QCOMPARE(table.find("abc"), NgramTable::kAbsent);
    QCOMPARE(table.intern("abc"), 0u);
    QCOMPARE(table.intern(""), 1u);
    QCOMPARE(table.find(""), 1u);
}

void NgramTableTest::arenaAndOffsetsDelimitTheKeys()
{
    NgramTable table;
    for (const char* key : {"free", "software", "", "fr", "free"}) table.intern(key);
    QCOMPARE(table.size(), std::size_t(4));
    QCOMPARE(table.arena(), std::string("freesoftwarefr"));
    QCOMPARE(table.offsets(), (std::vector<std::uint64_t>{0, 4, 12, 12, 14}));
}

QTEST_APPLESS_MAIN(NgramTableTest)
#include "NgramTableTest.moc"
