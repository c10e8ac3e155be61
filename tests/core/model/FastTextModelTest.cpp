#include "core/model/NgramHasher.h"
#include "tests/core/model/ModelProbes.h"

#include <QtTest>

using namespace tagbench;

class FastTextModelTest final : public QObject {
    Q_OBJECT

private slots:
    void forwardShapes();
    void gradientIsSparse();
    void fusedGradientEqualsAutograd();
    void hashesWordNgramsLikeFastText();
    void noNgramsWithoutBuckets();
};

void FastTextModelTest::forwardShapes()
{
    QCOMPARE(probe::fastTextLogitShape(4, 100, 7), (std::vector<std::int64_t>{4, 7}));
    QCOMPARE(probe::fastTextLogitShape(1, 0, 3), (std::vector<std::int64_t>{1, 3}));
}

void FastTextModelTest::gradientIsSparse()
{
    QVERIFY(probe::fastTextGradientIsSparseOverUsedRows());
}

void FastTextModelTest::fusedGradientEqualsAutograd()
{
    const double difference = probe::fastTextFusedGradientMatchesAutograd();
    QVERIFY2(difference >= 0.0, "the fused gradient names other rows than autograd's");
    QVERIFY(difference < 1e-6);
}

void FastTextModelTest::hashesWordNgramsLikeFastText()
{
    // h = 5 * 116049371 + 7 = 580246862 -> 62; (h * 116049371 + 9) mod 2^64 -> 11 (mod 100);
    // 7 * 116049371 + 9 = 812345606 -> 6. Rows start after the 1000 vocabulary rows.
    const std::vector<std::int32_t> ids{5, 7, 9};
    std::vector<std::int64_t> out;
    appendWordNgrams(ids.data(), ids.size(), 3, 100, 1000, out);
    QCOMPARE(out, (std::vector<std::int64_t>{1062, 1011, 1006}));
    out.clear();
    appendWordNgrams(ids.data(), ids.size(), 2, 100, 1000, out);
    QCOMPARE(out, (std::vector<std::int64_t>{1062, 1006}));
}

void FastTextModelTest::noNgramsWithoutBuckets()
{
    const std::vector<std::int32_t> ids{5, 7, 9};
    std::vector<std::int64_t> out;
    appendWordNgrams(ids.data(), ids.size(), 1, 100, 0, out);
    appendWordNgrams(ids.data(), ids.size(), 3, 0, 0, out);
    QVERIFY(out.empty());
}

QTEST_APPLESS_MAIN(FastTextModelTest)
#include "FastTextModelTest.moc"
