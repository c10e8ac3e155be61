// BertWeights: Hugging Face weights by name from safetensors (single and sharded) and
// pytorch_model.bin, the load report, and errors that start with the file.
#include "tests/core/model/bert/torch/BertProbes.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <cmath>

using namespace tagbench;

namespace {

const QString kFixture = QStringLiteral(TAGBENCH_TEST_DATA "/bert-tiny");
const QString kBinaries = QStringLiteral(TAGBENCH_TEST_DATA "/bert-weights");

// The fixture's padded batch: ids, mask and Hugging Face's logits, row-major.
struct Batch {
    std::vector<std::int64_t> ids;
    std::vector<std::int64_t> mask;
    std::vector<double> logits;
    std::int64_t rows = 0;
};

const Batch& fixtureBatch()
{
    static const Batch batch = [] {
        QFile file(kFixture + "/cases.json");
        file.open(QIODevice::ReadOnly);
        const QJsonObject padded = QJsonDocument::fromJson(file.readAll()).object().value("padded_batch").toObject();
        Batch b;
        for (const auto& row : padded.value("input_ids").toArray()) {
            for (const auto& v : row.toArray()) b.ids.push_back(static_cast<std::int64_t>(v.toDouble()));
            ++b.rows;
        }
        for (const auto& row : padded.value("attention_mask").toArray())
            for (const auto& v : row.toArray()) b.mask.push_back(static_cast<std::int64_t>(v.toDouble()));
        for (const auto& row : padded.value("logits").toArray())
            for (const auto& v : row.toArray()) b.logits.push_back(v.toDouble());
        return b;
    }();
    return batch;
}

probe::BertLoadSummary load(const QString& folder, std::int64_t labels = 5)
{
    const Batch& b = fixtureBatch();
    return probe::loadBert(folder.toStdString(), labels, b.ids, b.mask, b.rows);
}

double maxDiffToReference(const std::vector<float>& logits)
{
    const Batch& b = fixtureBatch();
    if (logits.size() != b.logits.size()) return INFINITY;
    double worst = 0;
    for (std::size_t i = 0; i < logits.size(); ++i) worst = std::max(worst, std::abs(logits[i] - b.logits[i]));
    return worst;
}

QString variant(const QTemporaryDir& dir, const probe::BertVariant& v)
{
    std::string error;
    if (!probe::writeBertVariant(kFixture.toStdString(), dir.path().toStdString(), v, error)) qFatal("%s", error.c_str());
    return dir.path();
}

QStringList sorted(const std::vector<std::string>& names)
{
    QStringList out;
    for (const auto& n : names) out << QString::fromStdString(n);
    out.sort();
    return out;
}

// A checkpoint folder whose weights are the given torch.save file.
QString binFolder(const QTemporaryDir& dir, const QString& bin)
{
    QFile::copy(kFixture + "/config.json", dir.filePath("config.json"));
    QFile::copy(kFixture + "/vocab.txt", dir.filePath("vocab.txt"));
    QFile::copy(kBinaries + "/" + bin, dir.filePath("pytorch_model.bin"));
    return dir.path();
}

} // namespace

class BertWeightsTest final : public QObject {
    Q_OBJECT

private slots:
    void safetensorsReproducesHuggingFace();
    void prefixlessAndGammaBetaNamesLoad();
    void missingHeadIsNewlyInitialised();
    void otherLabelCountGetsANewHead();
    void pretrainingTensorsAreUnused();
    void halfPrecisionWeightsLoad();
    void shardedSafetensorsLoad();
    void shardMissingATensorIsAnError();
    void pytorchBinLoadsLikeSafetensors();
    void torchSaveFilesLibTorchCannotRead_data();
    void torchSaveFilesLibTorchCannotRead();
    void orderedDictIsReadOrExplained();
    void errorsStartWithTheFile_data();
    void errorsStartWithTheFile();
};

void BertWeightsTest::safetensorsReproducesHuggingFace()
{
    const auto summary = load(kFixture);
    QVERIFY2(summary.ok, summary.error.c_str());
    QCOMPARE(summary.loaded, std::size_t(41));
    QVERIFY(summary.unused.empty());
    QVERIFY(summary.newlyInitialised.empty());
    QVERIFY(summary.renamed.empty());
    QVERIFY(maxDiffToReference(summary.logits) <= 1e-5);
}

void BertWeightsTest::prefixlessAndGammaBetaNamesLoad()
{
    QTemporaryDir dir;
    probe::BertVariant v;
    v.stripBertPrefix = true;
    v.gammaBeta = true;
    const auto summary = load(variant(dir, v));
    QVERIFY2(summary.ok, summary.error.c_str());
    QCOMPARE(summary.loaded, std::size_t(41));
    QVERIFY(summary.unused.empty());
    // Everything but the head was renamed (39 tensors); the logits are Hugging Face's.
    QCOMPARE(summary.renamed.size(), std::size_t(39));
    QVERIFY(sorted(summary.renamed).contains("embeddings.LayerNorm.gamma -> bert.embeddings.LayerNorm.weight"));
    QVERIFY(maxDiffToReference(summary.logits) <= 1e-5);
}

void BertWeightsTest::missingHeadIsNewlyInitialised()
{
    QTemporaryDir dir;
    probe::BertVariant v;
    v.dropClassifier = true;
    const auto summary = load(variant(dir, v));
    QVERIFY2(summary.ok, summary.error.c_str());
    QCOMPARE(sorted(summary.newlyInitialised), (QStringList{"classifier.bias", "classifier.weight"}));
    QCOMPARE(summary.loaded, std::size_t(39));
    QVERIFY(maxDiffToReference(summary.logits) > 1e-3);
}

void BertWeightsTest::otherLabelCountGetsANewHead()
{
    QTemporaryDir dir;
    probe::BertVariant v;
    v.classifierLabels = 3;
    const auto summary = load(variant(dir, v), 5);
    QVERIFY2(summary.ok, summary.error.c_str());
    QCOMPARE(sorted(summary.mismatchedHead),
             (QStringList{"classifier.bias [3] -> [5]", "classifier.weight [3, 32] -> [5, 32]"}));
    QCOMPARE(sorted(summary.newlyInitialised), (QStringList{"classifier.bias", "classifier.weight"}));
}

void BertWeightsTest::pretrainingTensorsAreUnused()
{
    QTemporaryDir dir;
    probe::BertVariant v;
    v.addPretrainingHead = true;
    const auto summary = load(variant(dir, v));
    QVERIFY2(summary.ok, summary.error.c_str());
    // position_ids is a buffer transformers ignores; it is neither loaded nor reported.
    QCOMPARE(sorted(summary.unused), (QStringList{"cls.predictions.bias", "cls.predictions.transform.dense.weight"}));
    QCOMPARE(summary.loaded, std::size_t(41));
    QVERIFY(maxDiffToReference(summary.logits) <= 1e-5);
}

void BertWeightsTest::halfPrecisionWeightsLoad()
{
    QTemporaryDir dir;
    probe::BertVariant v;
    v.halfPrecision = true;
    const auto summary = load(variant(dir, v));
    QVERIFY2(summary.ok, summary.error.c_str());
    const double diff = maxDiffToReference(summary.logits);
    // fp16 storage rounds every weight (relative 5e-4): close, but not the float32 values.
    QVERIFY2(diff > 0 && diff < 2e-2, QByteArray::number(diff).constData());
}

void BertWeightsTest::shardedSafetensorsLoad()
{
    QTemporaryDir dir;
    probe::BertVariant v;
    v.shards = 3;
    const QString folder = variant(dir, v);
    QVERIFY(QFile::exists(folder + "/model-00003-of-00003.safetensors"));
    QVERIFY(!QFile::exists(folder + "/model.safetensors"));
    const auto summary = load(folder);
    QVERIFY2(summary.ok, summary.error.c_str());
    QCOMPARE(summary.loaded, std::size_t(41));
    QVERIFY(maxDiffToReference(summary.logits) <= 1e-5);
}

void BertWeightsTest::shardMissingATensorIsAnError()
{
    QTemporaryDir dir;
    probe::BertVariant v;
    v.shards = 2;
    const QString folder = variant(dir, v);
    // The index promises a tensor that no shard holds.
    QFile index(folder + "/model.safetensors.index.json");
    QVERIFY(index.open(QIODevice::ReadOnly));
    QByteArray json = index.readAll();
    index.close();
    json.replace("\"weight_map\": {", "\"weight_map\": {\"bert.extra\": \"model-00001-of-00002.safetensors\", ");
    QVERIFY(index.open(QIODevice::WriteOnly | QIODevice::Truncate));
    index.write(json);
    index.close();
    const auto summary = load(folder);
    QVERIFY(!summary.ok);
    QCOMPARE(QString::fromStdString(summary.error),
             folder + "/model.safetensors.index.json: tensors listed in the index are not in their shards: bert.extra (" +
                 folder + "/model-00001-of-00002.safetensors)");
}

void BertWeightsTest::pytorchBinLoadsLikeSafetensors()
{
    QTemporaryDir dir;
    const auto fromBin = load(binFolder(dir, "pytorch_model.bin"));
    QVERIFY2(fromBin.ok, fromBin.error.c_str());
    QCOMPARE(fromBin.loaded, std::size_t(41));
    const auto fromSafetensors = load(kFixture);
    QCOMPARE(fromBin.logits, fromSafetensors.logits);
}

void BertWeightsTest::torchSaveFilesLibTorchCannotRead_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("reason");
    QTest::newRow("legacy format") << "legacy.bin"
                                   << "this is the legacy torch.save format (PyTorch before 1.6), which LibTorch cannot read";
    // The pickle names Python's print(); the restricted unpickler refuses it instead of calling it.
    QTest::newRow("code in the pickle") << "code.bin" << "LibTorch cannot read it (";
    QTest::newRow("not torch at all") << "make_fixtures.py" << "not a torch.save zip archive";
}

void BertWeightsTest::torchSaveFilesLibTorchCannotRead()
{
    QFETCH(QString, file);
    QFETCH(QString, reason);
    const QString path = kBinaries + "/" + file;
    const auto read = probe::readTorchSave(path.toStdString());
    QVERIFY(!read.ok);
    const QString message = QString::fromStdString(read.error);
    QVERIFY2(message.startsWith(path + ": " + reason), read.error.c_str());
    QVERIFY2(message.contains("convert it to model.safetensors"), read.error.c_str());
    if (file == "code.bin") QVERIFY2(message.contains("print"), read.error.c_str());
}

void BertWeightsTest::orderedDictIsReadOrExplained()
{
    // torch.save(model.state_dict()) pickles a collections.OrderedDict. LibTorch 1.13's unpickler
    // turns it into None (then we must say so and how to convert); newer LibTorch reads a dict.
    const QString path = kBinaries + "/ordered_dict.bin";
    const auto read = probe::readTorchSave(path.toStdString());
    if (read.ok) {
        QCOMPARE(read.names, (std::vector<std::string>{"classifier.bias", "classifier.weight"}));
    } else {
        const QString message = QString::fromStdString(read.error);
        QVERIFY2(message.startsWith(path + ": "), read.error.c_str());
        QVERIFY2(message.contains("OrderedDict") && message.contains("convert it to model.safetensors"), read.error.c_str());
    }
}

void BertWeightsTest::errorsStartWithTheFile_data()
{
    QTest::addColumn<QString>("change");
    QTest::addColumn<QString>("expected");  // FILE = the folder's model.safetensors
    QTest::newRow("wrong shape") << "reshape"
                                 << "FILE: tensor \"bert.encoder.layer.0.attention.self.query.weight\" has shape [31, 32] but "
                                    "the model from config.json needs [32, 32]";
    QTest::newRow("missing tensor") << "drop"
                                    << "FILE: 1 model tensors are missing from the checkpoint: "
                                       "bert.encoder.layer.1.output.dense.bias";
    QTest::newRow("truncated file") << "truncate" << "FILE: safetensors: tensors cover 272148 data bytes but the file holds 272048";
}

void BertWeightsTest::errorsStartWithTheFile()
{
    QFETCH(QString, change);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    probe::BertVariant v;
    if (change == "reshape") v.reshapeTensor = "bert.encoder.layer.0.attention.self.query.weight";
    if (change == "drop") v.dropTensor = "bert.encoder.layer.1.output.dense.bias";
    if (change == "truncate") v.truncateBytes = 100;
    const auto summary = load(variant(dir, v));
    QVERIFY(!summary.ok);
    const QString message = QString::fromStdString(summary.error);
    const QString want = QString(expected).replace("FILE", dir.filePath("model.safetensors"));
    QVERIFY2(message.startsWith(want), summary.error.c_str());
}

QTEST_APPLESS_MAIN(BertWeightsTest)
#include "BertWeightsTest.moc"
