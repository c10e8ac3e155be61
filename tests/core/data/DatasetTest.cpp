#include "core/data/Dataset.h"

#include <QtTest>

using namespace tagbench;

class DatasetTest final : public QObject {
    Q_OBJECT

private slots:
    void storesDocumentsColumnWise();
    void internsLabelsAndDropsDuplicates();
    void removesDocumentsInPlace();
    void formatNamesRoundTrip_data();
    void formatNamesRoundTrip();
};

void DatasetTest::storesDocumentsColumnWise()
{
    Dataset dataset;
    QCOMPARE(dataset.size(), std::size_t(0));
    dataset.addDocument("a1", "新车上市", {"新车资讯", "新车上市"});
    dataset.addDocument("", "second", {});
    dataset.setSourceLine(1, 7);
    QCOMPARE(dataset.size(), std::size_t(2));
    QCOMPARE(std::string(dataset.id(0)), std::string("a1"));
    QCOMPARE(std::string(dataset.text(0)), std::string("新车上市"));
    QCOMPARE(std::string(dataset.id(1)), std::string());
    QCOMPARE(std::string(dataset.text(1)), std::string("second"));
    QCOMPARE(dataset.labels(0).size, std::size_t(2));
    QVERIFY(dataset.labels(1).empty());
    QCOMPARE(dataset.sourceLine(0), std::uint64_t(0));
    QCOMPARE(dataset.sourceLine(1), std::uint64_t(7));
    QVERIFY(dataset.memoryBytes() >= std::string("新车上市second").size());
}

void DatasetTest::internsLabelsAndDropsDuplicates()
{
    Dataset dataset;
    dataset.addDocument("", "x", {"谍照", "新车报价", "谍照"});
    dataset.addDocument("", "y", {"新车报价"});
    QCOMPARE(dataset.labelNames().size(), std::size_t(2));
    QCOMPARE(dataset.labelId("谍照"), 0);
    QCOMPARE(dataset.labelId("新车报价"), 1);
    QCOMPARE(dataset.labelId("unknown"), -1);
    const auto first = dataset.labels(0);
    QCOMPARE(first.size, std::size_t(2));  // the repeated 谍照 is stored once
    QCOMPARE(first[0], 0);
    QCOMPARE(first[1], 1);
    QCOMPARE(dataset.labels(1)[0], 1);
    dataset.addDocumentWithIds("", "z", {1, 1, 0});
    QCOMPARE(dataset.labels(2).size, std::size_t(2));
    QCOMPARE(dataset.internLabel("新车报价"), 1);
}

void DatasetTest::removesDocumentsInPlace()
{
    Dataset dataset;
    dataset.addDocument("a", "一", {"x"});
    dataset.addDocument("b", "二二", {"only-b"});
    dataset.addDocument("", "三", {});
    dataset.addDocument("d", "四", {"y", "x"});
    dataset.addDocument("e", "五", {"only-e"});
    for (std::size_t i = 0; i < dataset.size(); ++i) dataset.setSourceLine(i, 10 + i);
    dataset.removeDocuments({1, 4});
    QCOMPARE(dataset.size(), std::size_t(3));
    QCOMPARE(std::string(dataset.text(1)), std::string("三"));
    QCOMPARE(std::string(dataset.id(2)), std::string("d"));
    QCOMPARE(std::string(dataset.text(2)), std::string("四"));
    QCOMPARE(dataset.sourceLine(2), std::uint64_t(13));
    // Labels carried only by removed documents leave the table; the rest keep their order.
    QCOMPARE(dataset.labelNames(), (std::vector<std::string>{"x", "y"}));
    QCOMPARE(dataset.labelId("only-b"), -1);
    QCOMPARE(dataset.labels(2).size, std::size_t(2));
    QCOMPARE(dataset.labels(2)[0], 1);
    QCOMPARE(dataset.labels(2)[1], 0);
    QVERIFY(dataset.labels(1).empty());
    dataset.removeDocuments({});
    QCOMPARE(dataset.size(), std::size_t(3));
}

void DatasetTest::formatNamesRoundTrip_data()
{
    QTest::addColumn<int>("format");
    QTest::newRow("jsonl") << int(DatasetFormat::JsonLines);
    QTest::newRow("neuralclassifier") << int(DatasetFormat::NeuralClassifier);
    QTest::newRow("fasttext") << int(DatasetFormat::FastText);
    QTest::newRow("csv") << int(DatasetFormat::Csv);
    QTest::newRow("tsv") << int(DatasetFormat::Tsv);
}

void DatasetTest::formatNamesRoundTrip()
{
    QFETCH(int, format);
    const auto name = formatName(DatasetFormat(format));
    const auto parsed = parseFormatName(name);
    QVERIFY(parsed.has_value());
    QCOMPARE(int(*parsed), format);
    QVERIFY(!parseFormatName("xml").has_value());
}

QTEST_APPLESS_MAIN(DatasetTest)
#include "DatasetTest.moc"
