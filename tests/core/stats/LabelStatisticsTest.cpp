// Statistics of the hand-computed fixture tests/data/datasets/cars_{train,dev}.jsonl:
//   train: 8 documents; 新车资讯 5, 新车上市 3, 谍照 3, 新车报价 1; one document without labels;
//   labels per document 2,1,2,1,3,0,1,2 (12 in all); pairs 资讯+上市 3, 资讯+谍照 2, 上市+谍照 1.
#include "core/data/DatasetReader.h"
#include "core/stats/LabelStatistics.h"

#include <QtTest>

using namespace tagbench;

class LabelStatisticsTest final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void distributionSortedByCount();
    void documentLevelNumbers();
    void rareLabels_data();
    void rareLabels();
    void topPairs();
    void cooccurrenceMatrix();
    void unseenInTrain();
    void levelDistribution();
    void emptyDataset();

private:
    std::optional<Dataset> m_train;
    std::optional<Dataset> m_dev;
};

void LabelStatisticsTest::initTestCase()
{
    auto train = readDataset(TAGBENCH_TEST_DATA "/datasets/cars_train.jsonl");
    auto dev = readDataset(TAGBENCH_TEST_DATA "/datasets/cars_dev.jsonl");
    QVERIFY2(train.ok() && dev.ok(), "fixtures must load");
    m_train = std::move(*train);
    m_dev = std::move(*dev);
}

void LabelStatisticsTest::distributionSortedByCount()
{
    const auto stats = computeStatistics(*m_train, {}, "train");
    QCOMPARE(stats.name, std::string("train"));
    QCOMPARE(stats.distribution.size(), std::size_t(4));
    const std::vector<std::pair<std::string, std::uint64_t>> expected = {
        {"新车资讯", 5}, {"新车上市", 3}, {"谍照", 3}, {"新车报价", 1}};  // ties by name (UTF-8 order)
    for (std::size_t i = 0; i < expected.size(); ++i) {
        QCOMPARE(stats.distribution[i].label, expected[i].first);
        QCOMPARE(stats.distribution[i].count, expected[i].second);
        QCOMPARE(stats.distribution[i].ratio, double(expected[i].second) / 8.0);
    }
}

void LabelStatisticsTest::documentLevelNumbers()
{
    const auto stats = computeStatistics(*m_train);
    QCOMPARE(stats.documents, std::uint64_t(8));
    QCOMPARE(stats.labels, std::uint64_t(4));
    QCOMPARE(stats.labelAssignments, std::uint64_t(12));
    QCOMPARE(stats.cardinality, 1.5);
    QCOMPARE(stats.documentsWithoutLabel, std::uint64_t(1));
    QCOMPARE(stats.cardinalityHistogram, (std::vector<std::uint64_t>{1, 3, 3, 1}));
}

void LabelStatisticsTest::rareLabels_data()
{
    QTest::addColumn<double>("threshold");
    QTest::addColumn<QStringList>("rare");
    QTest::newRow("1%") << 0.01 << QStringList{};
    QTest::newRow("20%") << 0.20 << QStringList{"新车报价"};
    QTest::newRow("50%") << 0.50 << QStringList{"新车上市", "谍照", "新车报价"};
    QTest::newRow("exactly 12.5% is not rare") << 0.125 << QStringList{};
}

void LabelStatisticsTest::rareLabels()
{
    QFETCH(double, threshold);
    QFETCH(QStringList, rare);
    StatisticsOptions options;
    options.rareThreshold = threshold;
    const auto stats = computeStatistics(*m_train, options);
    QStringList actual;
    for (const auto& label : stats.rareLabels) actual << QString::fromStdString(label);
    QCOMPARE(actual, rare);
    for (const auto& label : stats.distribution) QCOMPARE(label.rare, rare.contains(QString::fromStdString(label.label)));
}

void LabelStatisticsTest::topPairs()
{
    StatisticsOptions options;
    options.topPairs = 2;
    const auto stats = computeStatistics(*m_train, options);
    QCOMPARE(stats.topPairs.size(), std::size_t(2));
    QCOMPARE(stats.topPairs[0].first, std::string("新车资讯"));
    QCOMPARE(stats.topPairs[0].second, std::string("新车上市"));
    QCOMPARE(stats.topPairs[0].count, std::uint64_t(3));
    QCOMPARE(stats.topPairs[0].ratio, 3.0 / 8.0);
    QCOMPARE(stats.topPairs[1].second, std::string("谍照"));
    QCOMPARE(stats.topPairs[1].count, std::uint64_t(2));
    options.topPairs = 10;
    const auto all = computeStatistics(*m_train, options);
    QCOMPARE(all.topPairs.size(), std::size_t(3));  // only pairs that occur
    QCOMPARE(all.topPairs[2].count, std::uint64_t(1));
}

void LabelStatisticsTest::cooccurrenceMatrix()
{
    StatisticsOptions options;
    options.matrixLabels = 3;
    const auto stats = computeStatistics(*m_train, options);
    const auto& matrix = stats.cooccurrence;
    QCOMPARE(matrix.labels, (std::vector<std::string>{"新车资讯", "新车上市", "谍照"}));
    const std::vector<std::uint64_t> expected = {5, 3, 2,
                                                 3, 3, 1,
                                                 2, 1, 3};
    QCOMPARE(matrix.counts, expected);
    QCOMPARE(matrix.at(2, 0), std::uint64_t(2));
}

void LabelStatisticsTest::unseenInTrain()
{
    auto dev = computeStatistics(*m_dev, {}, "dev");
    QVERIFY(dev.unseenInTrain.empty());
    markUnseenInTrain(dev, *m_train);
    QCOMPARE(dev.unseenInTrain, std::vector<std::string>{"车型对比"});
    QCOMPARE(labelsUnseenIn(computeStatistics(*m_train), *m_train).size(), std::size_t(0));
}

void LabelStatisticsTest::levelDistribution()
{
    // Flat labels: one level equal to the distribution.
    const auto flat = computeStatistics(*m_train);
    QVERIFY(flat.hierarchySeparator.empty());
    QCOMPARE(flat.levels.size(), std::size_t(1));
    QCOMPARE(flat.levels[0].labels.size(), std::size_t(4));

    Dataset facets;
    facets.addDocument("", "a", {"汽车::新车", "汽车::谍照", "体育::足球"});
    facets.addDocument("", "b", {"汽车::报价"});
    facets.addDocument("", "c", {"体育::篮球"});
    facets.addDocument("", "d", {"财经::股票"});
    const auto stats = computeStatistics(facets);
    QCOMPARE(stats.hierarchySeparator, std::string("::"));
    QCOMPARE(stats.levels.size(), std::size_t(2));
    const auto& level1 = stats.levels[0].labels;
    QCOMPARE(level1.size(), std::size_t(3));
    QCOMPARE(level1[0].label, std::string("体育"));  // 体育 2 and 汽车 2 tie, then by name
    QCOMPARE(level1[0].count, std::uint64_t(2));
    QCOMPARE(level1[1].label, std::string("汽车"));
    QCOMPARE(level1[1].ratio, 0.5);
    QCOMPARE(level1[2].label, std::string("财经"));
    QCOMPARE(stats.levels[1].labels.size(), std::size_t(6));
}

void LabelStatisticsTest::emptyDataset()
{
    const auto stats = computeStatistics(Dataset());
    QCOMPARE(stats.documents, std::uint64_t(0));
    QCOMPARE(stats.cardinality, 0.0);
    QVERIFY(stats.distribution.empty());
    QVERIFY(stats.topPairs.empty());
    QVERIFY(stats.cooccurrence.labels.empty());
}

QTEST_APPLESS_MAIN(LabelStatisticsTest)
#include "LabelStatisticsTest.moc"
