#include "ui/data/LoadedDataset.h"

#include <QTest>

using tagbench::Dataset;
using tagbench::ui::LabelDistribution;
using tagbench::ui::LoadedDataset;

namespace {
LabelDistribution distributionOf(Dataset data, const QString& path = QStringLiteral("/data/train.jsonl"))
{
    const LoadedDataset loaded(path, std::make_shared<const Dataset>(std::move(data)), tagbench::ImportReport{});
    return loaded.distribution();
}
} // namespace

class LoadedDatasetTest final : public QObject {
    Q_OBJECT
private slots:
    void guessSplit_data();
    void guessSplit();
    void distributionCountsDocumentsPerLabel();
    void distributionMarksRareLabels();
    void emptyDatasetHasNoShares();
    void labelsMissingFromTrainAreFlagged();
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
    const LabelDistribution d = distributionOf(std::move(data));
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
    const LabelDistribution d = distributionOf(std::move(data));
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
    const LabelDistribution d = distributionOf(Dataset{});
    QCOMPARE(d.documents, 0);
    QVERIFY(d.labels.isEmpty());
    QCOMPARE(d.share(0), 0.0);
}

void LoadedDatasetTest::labelsMissingFromTrainAreFlagged()
{
    Dataset train;
    train.addDocument("1", "a", {"新车上市"});
    train.addDocument("2", "b", {"谍照"});
    Dataset dev;
    dev.addDocument("3", "c", {"新车上市", "召回"});
    const LoadedDataset trainSplit(QStringLiteral("/news/train.jsonl"), std::make_shared<const Dataset>(train), {});
    const LoadedDataset devSplit(QStringLiteral("/news/dev.jsonl"), std::make_shared<const Dataset>(dev), {});
    QCOMPARE(devSplit.split(), QStringLiteral("dev"));
    QCOMPARE(devSplit.distribution().unseenInTrainCount(), 0);   // unknown until paired with train
    const auto paired = devSplit.withTrain(trainSplit);
    const LabelDistribution& d = paired->distribution();
    QCOMPARE(d.unseenInTrainCount(), 1);
    for (const auto& label : d.labels)
        QCOMPARE(label.unseenInTrain, label.label == QStringLiteral("召回"));
    QCOMPARE(devSplit.distribution().unseenInTrainCount(), 0);   // the original is unchanged
}

QTEST_GUILESS_MAIN(LoadedDatasetTest)
#include "LoadedDatasetTest.moc"
