#include "ui/LoadedDataset.h"

#include <QTest>

using tagbench::Dataset;
using tagbench::ui::LabelDistribution;
using tagbench::ui::LoadedDataset;
using tagbench::ui::computeLabelDistribution;

class LoadedDatasetTest final : public QObject {
    Q_OBJECT
private slots:
    void guessSplit_data();
    void guessSplit();
    void distributionCountsDocumentsPerLabel();
    void distributionMarksRareLabels();
    void emptyDatasetHasNoShares();
};

void LoadedDatasetTest::guessSplit_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("split");
    QTest::newRow("train") << "/data/train.jsonl" << "train";
    QTest::newRow("prefixed") << "/data/news-train.jsonl" << "train";
    QTest::newRow("training") << "training_set.csv" << "train";
    QTest::newRow("dev") << "dev.ft.txt" << "dev";
    QTest::newRow("valid") << "car_valid.tsv" << "dev";
    QTest::newRow("validation") << "Validation.json" << "dev";
    QTest::newRow("test") << "test.jsonl" << "test";
    QTest::newRow("word inside another") << "contest.jsonl" << "";
    QTest::newRow("none") << "corpus.jsonl" << "";
    QTest::newRow("folder name ignored") << "/train/corpus.jsonl" << "";
}

void LoadedDatasetTest::guessSplit()
{
    QFETCH(QString, path);
    QFETCH(QString, split);
    QCOMPARE(LoadedDataset::guessSplit(path), split);
}

void LoadedDatasetTest::distributionCountsDocumentsPerLabel()
{
    Dataset data;
    data.addDocument("1", "a", {"谍照", "新车上市"});
    data.addDocument("2", "b", {"新车上市"});
    data.addDocument("3", "c", {"新车报价", "新车上市"});
    data.addDocument("4", "d", {});
    const LabelDistribution d = computeLabelDistribution(data);
    QCOMPARE(d.documents, 4);
    QCOMPARE(d.labelAssignments, 5);
    QCOMPARE(d.labels.size(), 3);
    QCOMPARE(d.labels[0].label, QStringLiteral("新车上市"));
    QCOMPARE(d.labels[0].documents, 3);
    // Ties are broken by name so the order is stable between runs.
    QCOMPARE(d.labels[1].documents, 1);
    QCOMPARE(d.labels[2].documents, 1);
    QVERIFY(d.labels[1].label < d.labels[2].label);
    QCOMPARE(d.share(0), 0.75);
}

void LoadedDatasetTest::distributionMarksRareLabels()
{
    Dataset data;
    for (int i = 0; i < 200; ++i) {
        std::vector<std::string_view> labels{"common"};
        if (i < 1)
            labels.push_back("rare");       // 0.5% of documents
        if (i < 2)
            labels.push_back("threshold");  // exactly 1%: not rare
        data.addDocument(std::to_string(i), "text", labels);
    }
    const LabelDistribution d = computeLabelDistribution(data);
    QCOMPARE(d.labels.size(), 3);
    QCOMPARE(d.labels[0].label, QStringLiteral("common"));
    QVERIFY(!d.isRare(0));
    QCOMPARE(d.labels[1].label, QStringLiteral("threshold"));
    QVERIFY(!d.isRare(1));
    QCOMPARE(d.labels[2].label, QStringLiteral("rare"));
    QVERIFY(d.isRare(2));
    QCOMPARE(d.rareCount(), 1);
}

void LoadedDatasetTest::emptyDatasetHasNoShares()
{
    const LabelDistribution d = computeLabelDistribution(Dataset{});
    QCOMPARE(d.documents, 0);
    QVERIFY(d.labels.isEmpty());
    QCOMPARE(d.share(0), 0.0);
}

QTEST_GUILESS_MAIN(LoadedDatasetTest)
#include "LoadedDatasetTest.moc"
