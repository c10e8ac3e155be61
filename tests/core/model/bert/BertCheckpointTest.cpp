// BertCheckpoint: finding the files of a Hugging Face folder, the weight format transformers
// would pick, and errors that start with the path concerned.
#include "core/model/bert/BertCheckpoint.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace tagbench;

namespace {

const QString kFixture = QStringLiteral(TAGBENCH_TEST_DATA "/bert-tiny");

void write(const QString& path, const QByteArray& content)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
}

// A folder with the fixture's config and vocabulary, and the named (empty) extra files.
void makeFolder(const QTemporaryDir& dir, const QStringList& files)
{
    QFile::copy(kFixture + "/config.json", dir.filePath("config.json"));
    QFile::copy(kFixture + "/vocab.txt", dir.filePath("vocab.txt"));
    for (const auto& f : files) write(dir.filePath(f), "x");
}

} // namespace

class BertCheckpointTest final : public QObject {
    Q_OBJECT

private slots:
    void fixtureFolder();
    void formatPreference_data();
    void formatPreference();
    void shardedIndexListsShardsOnce();
    void errorsStartWithThePath_data();
    void errorsStartWithThePath();
};

void BertCheckpointTest::fixtureFolder()
{
    const auto checkpoint = BertCheckpoint::open(kFixture.toStdString());
    QVERIFY2(checkpoint, checkpoint ? "" : checkpoint.message().c_str());
    QVERIFY(checkpoint->weightFormat() == BertWeightFormat::Safetensors);
    QCOMPARE(checkpoint->weightFiles(), std::vector<std::string>{(kFixture + "/model.safetensors").toStdString()});
    QCOMPARE(checkpoint->vocabPath(), (kFixture + "/vocab.txt").toStdString());
    QCOMPARE(checkpoint->config().hiddenSize, std::int64_t(32));
    QVERIFY(checkpoint->shardOfTensor().empty());
}

void BertCheckpointTest::formatPreference_data()
{
    QTest::addColumn<QStringList>("files");
    QTest::addColumn<QString>("chosen");
    QTest::newRow("safetensors before bin") << QStringList{"pytorch_model.bin", "model.safetensors"} << "model.safetensors";
    QTest::newRow("bin alone") << QStringList{"pytorch_model.bin"} << "pytorch_model.bin";
    QTest::newRow("bin and tf") << QStringList{"pytorch_model.bin", "tf_model.h5"} << "pytorch_model.bin";
}

void BertCheckpointTest::formatPreference()
{
    QFETCH(QStringList, files);
    QFETCH(QString, chosen);
    QTemporaryDir dir;
    makeFolder(dir, files);
    const auto checkpoint = BertCheckpoint::open(dir.path().toStdString());
    QVERIFY2(checkpoint, checkpoint ? "" : checkpoint.message().c_str());
    QCOMPARE(QString::fromStdString(std::string(bertWeightFormatName(checkpoint->weightFormat()))), chosen);
    QCOMPARE(checkpoint->weightFiles(), std::vector<std::string>{dir.filePath(chosen).toStdString()});
}

void BertCheckpointTest::shardedIndexListsShardsOnce()
{
    QTemporaryDir dir;
    makeFolder(dir, {"model-00001-of-00002.safetensors", "model-00002-of-00002.safetensors"});
    write(dir.filePath("model.safetensors.index.json"),
          R"({"metadata": {}, "weight_map": {"a": "model-00001-of-00002.safetensors", "b": "model-00002-of-00002.safetensors",
              "c": "model-00001-of-00002.safetensors"}})");
    const auto checkpoint = BertCheckpoint::open(dir.path().toStdString());
    QVERIFY2(checkpoint, checkpoint ? "" : checkpoint.message().c_str());
    QVERIFY(checkpoint->weightFormat() == BertWeightFormat::ShardedSafetensors);
    QCOMPARE(checkpoint->weightFiles().size(), std::size_t(2));
    QCOMPARE(checkpoint->shardOfTensor().at("a"), checkpoint->shardOfTensor().at("c"));
    QVERIFY(checkpoint->shardOfTensor().at("a") != checkpoint->shardOfTensor().at("b"));
    QCOMPARE(checkpoint->indexPath(), dir.filePath("model.safetensors.index.json").toStdString());
}

void BertCheckpointTest::errorsStartWithThePath_data()
{
    QTest::addColumn<QString>("setup");  // what the folder holds
    QTest::addColumn<QString>("expected");
    QTest::newRow("no folder") << "none" << "DIR/absent: not a checkpoint folder (no such directory)";
    QTest::newRow("no config") << "vocab-only"
                               << "DIR/config.json: missing; a Hugging Face BERT folder needs config.json, vocab.txt and "
                                  "model.safetensors (or pytorch_model.bin)";
    QTest::newRow("not bert") << "roberta"
                              << "DIR/config.json: field \"model_type\" is \"roberta\"; only \"bert\" checkpoints are supported "
                                 "(BERT-architecture models such as chinese-roberta-wwm-ext say \"bert\")";
    QTest::newRow("no vocab") << "config-only" << "DIR/vocab.txt: missing; the WordPiece vocabulary is needed to tokenize";
    QTest::newRow("no weights") << "no-weights"
                                << "DIR: no weights: expected model.safetensors, model.safetensors.index.json, "
                                   "pytorch_model.bin or pytorch_model.bin.index.json";
    QTest::newRow("tensorflow only") << "tf"
                                     << "DIR: no weights: expected model.safetensors, model.safetensors.index.json, "
                                        "pytorch_model.bin or pytorch_model.bin.index.json (found tf_model.h5: "
                                        "TensorFlow/Flax weights are not supported; convert them with transformers' "
                                        "from_pretrained(..., from_tf=True) and save_pretrained(..., safe_serialization=True))";
    QTest::newRow("index without map") << "index-no-map"
                                       << "DIR/model.safetensors.index.json: field \"weight_map\" must map tensor names to shard files";
    QTest::newRow("index missing shard") << "index-missing-shard"
                                         << "DIR/model-00002-of-00002.safetensors: missing (listed in "
                                            "DIR/model.safetensors.index.json for \"b\")";
    QTest::newRow("index escapes") << "index-escape"
                                   << "DIR/model.safetensors.index.json: field \"weight_map\": shard \"../x.safetensors\" is "
                                      "not a file in the folder";
}

void BertCheckpointTest::errorsStartWithThePath()
{
    QFETCH(QString, setup);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    QString folder = dir.path();
    if (setup == "none") {
        folder = dir.filePath("absent");
    } else if (setup == "vocab-only") {
        QFile::copy(kFixture + "/vocab.txt", dir.filePath("vocab.txt"));
    } else if (setup == "roberta") {
        write(dir.filePath("config.json"), R"({"model_type": "roberta"})");
    } else if (setup == "config-only") {
        QFile::copy(kFixture + "/config.json", dir.filePath("config.json"));
    } else if (setup == "no-weights") {
        makeFolder(dir, {});
    } else if (setup == "tf") {
        makeFolder(dir, {"tf_model.h5"});
    } else if (setup == "index-no-map") {
        makeFolder(dir, {});
        write(dir.filePath("model.safetensors.index.json"), R"({"metadata": {}})");
    } else if (setup == "index-missing-shard") {
        makeFolder(dir, {"model-00001-of-00002.safetensors"});
        write(dir.filePath("model.safetensors.index.json"),
              R"({"weight_map": {"a": "model-00001-of-00002.safetensors", "b": "model-00002-of-00002.safetensors"}})");
    } else if (setup == "index-escape") {
        makeFolder(dir, {});
        write(dir.filePath("model.safetensors.index.json"), R"({"weight_map": {"a": "../x.safetensors"}})");
    }
    const auto checkpoint = BertCheckpoint::open(folder.toStdString());
    QVERIFY(!checkpoint);
    QCOMPARE(QString::fromStdString(checkpoint.message()), QString(expected).replace("DIR", dir.path()));
}

QTEST_APPLESS_MAIN(BertCheckpointTest)
#include "BertCheckpointTest.moc"
