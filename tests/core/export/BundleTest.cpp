#include "core/export/Bundle.h"
#include "core/export/BundleFile.h"
#include "core/export/BundleManifest.h"
#include "core/export/Safetensors.h"
#include "core/model/fasttext/FastTextOptions.h"
#include "core/model/textcnn/TextCnnOptions.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <optional>

using namespace tagbench;

namespace {

BundleManifest sampleManifest()
{
    BundleManifest m;
    m.tagbenchVersion = "9.9.9";
    m.created = "2026-11-24T15:00:00Z";
    m.model.kind = "FastText";
    m.model.task = TaskKind::MultiLabel;
    m.model.vocabularySize = 4;
    m.model.labels = 3;
    m.model.embeddingDim = 8;
    auto fastText = std::make_shared<FastTextOptions>();
    fastText->wordNgrams = 2;
    fastText->buckets = 100;
    m.model.options = fastText;
    m.tokenizer.kind = TokenizerKind::Word;
    m.tokenizer.lowercase = false;
    m.tokenizer.keepPunctuation = true;
    m.vocabulary = {"<pad>", "<unk>", "上市", "price"};
    m.labels = {"新车::上市", "新车::谍照", "赛事"};
    m.hierarchy = LabelTree::fromLabels(m.labels);
    m.rule.setGlobalThreshold(0.35f);
    m.rule.setTopK(2);
    m.rule.setLabelThreshold(1, 0.6f);
    m.rule.setDisabled(2, true);
    m.ruleSource = "rule.json";
    eval::Metrics dev;
    dev.documents = 10;
    dev.truePositives = 7;
    dev.predicted = 9;
    dev.gold = 12;
    dev.precision = 7.0 / 9;
    dev.recall = 7.0 / 12;
    dev.f1 = 2 * dev.precision * dev.recall / (dev.precision + dev.recall);
    dev.macroF1 = 0.5;
    dev.labels.resize(3);
    dev.labels[0].counts = {5, 6, 7};
    dev.labels[0].f1 = 0.76923;
    m.metrics.push_back({"dev", dev});
    m.trainingConfigJson = R"({"model": "FastText"})";
    m.sourceRun = "/runs/a";
    m.bestEpoch = 4;
    m.weightsSha256 = std::string(64, 'a');
    m.weightsBytes = 0;
    return m;
}

} // namespace

class BundleTest final : public QObject {
    Q_OBJECT

private slots:
    void manifestRoundTrip()
    {
        const BundleManifest written = sampleManifest();
        const auto read = BundleManifest::fromJson(written.toJson(), "x.tagbench");
        QVERIFY2(read.ok(), read.ok() ? "" : read.message().c_str());
        QCOMPARE(read->tagbenchVersion, written.tagbenchVersion);
        QCOMPARE(read->created, written.created);
        QCOMPARE(read->model.kind, std::string("FastText"));
        QCOMPARE(read->model.vocabularySize, std::int64_t(4));
        QCOMPARE(read->model.embeddingDim, std::int64_t(8));
        QCOMPARE(read->model.optionsAs<FastTextOptions>().wordNgrams, std::int64_t(2));
        QCOMPARE(read->model.optionsAs<FastTextOptions>().buckets, std::int64_t(100));
        QCOMPARE(read->tokenizer.kind, TokenizerKind::Word);
        QCOMPARE(read->tokenizer.lowercase, false);
        QCOMPARE(read->tokenizer.keepPunctuation, true);
        QCOMPARE(read->vocabulary, written.vocabulary);
        QCOMPARE(read->labels, written.labels);
        QCOMPARE(read->hierarchy.separator, std::string("::"));
        QCOMPARE(read->hierarchy.nodes, written.hierarchy.nodes);
        QCOMPARE(read->hierarchy.parent, written.hierarchy.parent);
        QVERIFY(read->rule == written.rule);
        QCOMPARE(read->ruleSource, written.ruleSource);
        QCOMPARE(read->metrics.size(), std::size_t(1));
        QCOMPARE(read->metrics[0].split, std::string("dev"));
        QCOMPARE(read->metrics[0].metrics.truePositives, std::int64_t(7));
        QCOMPARE(read->metrics[0].metrics.f1, written.metrics[0].metrics.f1);
        QCOMPARE(read->metrics[0].metrics.labels[0].counts.support, std::int64_t(7));
        QCOMPARE(read->bestEpoch, std::int64_t(4));
        QCOMPARE(read->sourceRun, written.sourceRun);
        QVERIFY(QString::fromStdString(read->trainingConfigJson).contains("FastText"));

        // TextCNN keeps its own section.
        BundleManifest cnn = written;
        cnn.model.kind = "TextCNN";
        auto textCnn = std::make_shared<TextCnnOptions>();
        textCnn->kernelSizes = {2, 3, 5};
        textCnn->numKernels = 7;
        textCnn->topKMaxPooling = 2;
        textCnn->hidden = 5;
        textCnn->dropout = 0.25;
        textCnn->maxLength = 99;
        cnn.model.options = textCnn;
        const auto cnnRead = BundleManifest::fromJson(cnn.toJson(), "x");
        QVERIFY2(cnnRead.ok(), cnnRead.ok() ? "" : cnnRead.message().c_str());
        const auto& cnnOptions = cnnRead->model.optionsAs<TextCnnOptions>();
        QCOMPARE(cnnOptions.kernelSizes, (std::vector<std::int64_t>{2, 3, 5}));
        QCOMPARE(cnnOptions.numKernels, std::int64_t(7));
        QCOMPARE(cnnOptions.topKMaxPooling, std::int64_t(2));
        QCOMPARE(cnnOptions.hidden, std::int64_t(5));
        QCOMPARE(cnnOptions.dropout, 0.25);
        QCOMPARE(cnnOptions.maxLength, std::int64_t(99));
    }

    void labelTree()
    {
        const LabelTree tree = LabelTree::fromLabels({"a::b", "a::c::d", "e", "a"});
        QCOMPARE(tree.separator, std::string("::"));
        QCOMPARE(tree.nodes, (std::vector<std::string>{"a", "a::b", "a::c", "a::c::d", "e"}));
        QCOMPARE(tree.parent, (std::vector<std::int32_t>{-1, 0, 0, 2, -1}));
        QCOMPARE(tree.labelNode, (std::vector<std::int32_t>{1, 3, 4, 0}));
        const LabelTree flat = LabelTree::fromLabels({"x", "y"});
        QVERIFY(flat.separator.empty());
        QCOMPARE(flat.parent, (std::vector<std::int32_t>{-1, -1}));
        QCOMPARE(LabelTree::fromLabels({"A--B", "A--C"}).nodes.front(), std::string("A"));
    }

    void manifestErrors_data()
    {
        QTest::addColumn<QString>("path");  // dotted key to change
        QTest::addColumn<QJsonValue>("value");  // undefined = remove
        QTest::addColumn<QString>("expected");
        QTest::newRow("format") << "format" << QJsonValue("zip") << "manifest: format: expected \"tagbench-bundle\"";
        QTest::newRow("newer") << "format_version" << QJsonValue(7) << "format_version: 7 is newer";
        QTest::newRow("model type") << "model.type" << QJsonValue("GPT") << "model.type: unknown model type \"GPT\" (this Tagbench knows TextCNN, FastText, Linear, BERT)";
        QTest::newRow("no embedding") << "model.embedding_dim" << QJsonValue(QJsonValue::Undefined) << "model.embedding_dim: missing";
        QTest::newRow("bad embedding") << "model.embedding_dim" << QJsonValue(0) << "model.embedding_dim: expected an integer in [1, 1048576], got integer 0";
        QTest::newRow("vocab size") << "model.vocabulary_size" << QJsonValue(5) << "vocabulary: has 4 tokens, model.vocabulary_size is 5";
        QTest::newRow("labels") << "model.labels" << QJsonValue(2) << "labels: has 3 names, model.labels is 2";
        QTest::newRow("tokenizer") << "tokenizer.kind" << QJsonValue("bpe") << "tokenizer.kind:";
        QTest::newRow("lowercase") << "tokenizer.lowercase" << QJsonValue("yes") << "tokenizer.lowercase: expected true or false";
        QTest::newRow("rule") << "decision_rule" << QJsonValue(3) << "decision_rule: expected an object";
        QTest::newRow("weights") << "weights.format" << QJsonValue("pickle") << "weights.format: expected \"safetensors\"";
        QTest::newRow("metrics") << "metrics.dev.f1" << QJsonValue("high") << "metrics.dev.f1: expected a number";
    }

    void manifestErrors()
    {
        QFETCH(QString, path);
        QFETCH(QJsonValue, value);
        QFETCH(QString, expected);
        QJsonObject root = QJsonDocument::fromJson(QByteArray::fromStdString(sampleManifest().toJson())).object();
        const QStringList keys = path.split('.');
        // Rebuild the nested objects along the path (QJsonObject has value semantics).
        std::function<QJsonObject(QJsonObject, int)> edit = [&](QJsonObject object, int depth) {
            const QString& key = keys[depth];
            if (depth + 1 == keys.size()) {
                if (value.isUndefined()) object.remove(key);
                else object[key] = value;
            } else {
                object[key] = edit(object[key].toObject(), depth + 1);
            }
            return object;
        };
        root = edit(root, 0);
        const auto read = BundleManifest::fromJson(QJsonDocument(root).toJson().toStdString(), "m.tagbench");
        QVERIFY(!read.ok());
        QVERIFY2(read.message().rfind("m.tagbench: ", 0) == 0, read.message().c_str());
        QVERIFY2(QString::fromStdString(read.message()).contains(expected), read.message().c_str());
    }

    void opensBundleWithEmbeddedTokenizer()
    {
        BundleManifest manifest = sampleManifest();
        manifest.tokenizer.kind = TokenizerKind::SentencePiece;
        const std::string spm = std::string("\x0a\x03" "abc\x00\xff", 7);
        const std::vector<float> weight(8, 0.5f);
        auto weights = SafetensorsWriter::create({{"model.w", TensorDType::F32, {2, 4}, weight.data(), 32},
                                                  {kSentencePieceTensor, TensorDType::U8, {7}, spm.data(), spm.size()}});
        QVERIFY(weights.ok());
        manifest.weightsBytes = weights->size();
        const QString path = m_dir.filePath("spm.tagbench");
        QVERIFY(writeBundleFile(path.toStdString(), manifest.toJson(), *weights).ok());

        const auto bundle = Bundle::open(path.toStdString());
        QVERIFY2(bundle.ok(), bundle.ok() ? "" : bundle.message().c_str());
        QCOMPARE(bundle->manifest().tokenizer.sentencepieceModel, spm);
        QCOMPARE(bundle->weights().tensors().size(), std::size_t(2));
        QCOMPARE(bundle->formatVersion(), kBundleFormatVersion);
        const QString description = QString::fromStdString(bundle->describe());
        QVERIFY2(description.contains("Model: FastText multi_label, 3 labels"), qPrintable(description));
        QVERIFY2(description.contains("Decision rule (rule.json): threshold 0.35, top_k 2"), qPrintable(description));
        QVERIFY2(description.contains("dev: Performance is precision: 0.777778"), qPrintable(description));
        QVERIFY2(description.contains("SHA-256: " + QString::fromStdString(bundle->checksum())), qPrintable(description));

        // A copy shares the mapping and stays valid after the original is gone.
        std::optional<Bundle> copy;
        {
            auto again = Bundle::open(path.toStdString());
            QVERIFY(again.ok());
            copy = *again;
        }
        QCOMPARE(copy->weights().data(*copy->weights().find("model.w")).size(), std::size_t(32));
    }

    void refusesInconsistentBundles_data()
    {
        QTest::addColumn<int>("which");
        QTest::addColumn<QString>("expected");
        QTest::newRow("weights size") << 0 << "manifest: weights.bytes is 1 but the weights section has";
        QTest::newRow("no spm model") << 1 << "the sentencepiece tokenizer needs a 1-D U8 tensor";
        QTest::newRow("bad safetensors") << 2 << "weights: safetensors:";
        QTest::newRow("manifest not json") << 3 << "manifest: not a JSON object";
    }

    void refusesInconsistentBundles()
    {
        QFETCH(int, which);
        QFETCH(QString, expected);
        BundleManifest manifest = sampleManifest();
        const std::vector<float> weight(4, 1.0f);
        auto weights = SafetensorsWriter::create({{"model.w", TensorDType::F32, {4}, weight.data(), 16}});
        QVERIFY(weights.ok());
        manifest.weightsBytes = which == 0 ? 1 : weights->size();
        if (which == 1) manifest.tokenizer.kind = TokenizerKind::SentencePiece;
        const QString path = m_dir.filePath(QString("bad%1.tagbench").arg(which));
        const std::string json = which == 3 ? std::string("[not json") : manifest.toJson();
        QVERIFY(writeBundleFile(path.toStdString(), json, *weights).ok());
        if (which == 2) {
            // Break the safetensors header length but keep the container checksum valid.
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadOnly));
            QByteArray bytes = file.readAll();
            file.close();
            const int weightsAt = 32 + static_cast<int>(json.size());
            bytes[weightsAt + 5] = '\x7f';
            bytes.chop(32);
            bytes += QCryptographicHash::hash(bytes, QCryptographicHash::Sha256);
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            file.write(bytes);
        }
        const auto bundle = Bundle::open(path.toStdString());
        QVERIFY(!bundle.ok());
        QVERIFY2(QString::fromStdString(bundle.message()).startsWith(path + ": "), bundle.message().c_str());
        QVERIFY2(QString::fromStdString(bundle.message()).contains(expected), bundle.message().c_str());
    }

    // The weights section, cut out of a bundle, is read by an independent Python implementation
    // of the safetensors rules and loaded with torch.frombuffer.
    void pythonReadsWeightsSection()
    {
        const QString python = "/usr/bin/python3";
        if (!QFile::exists(python)) QSKIP("/usr/bin/python3 (python3-torch) is not installed");
        BundleManifest manifest = sampleManifest();
        const std::vector<float> weight = {0.5f, -1.25f, 3.0f, 4.0f, 1e-3f, -2.0f};
        const std::vector<std::int64_t> ids = {1, 2, 3};
        auto weights = SafetensorsWriter::create({{"model.bag.weight", TensorDType::F32, {2, 3}, weight.data(), 24},
                                                  {"model.ids", TensorDType::I64, {3}, ids.data(), 24}},
                                                 {{"format", "pt"}});
        QVERIFY(weights.ok());
        manifest.weightsBytes = weights->size();
        const std::string json = manifest.toJson();
        const QString path = m_dir.filePath("py.tagbench");
        QVERIFY(writeBundleFile(path.toStdString(), json, *weights).ok());

        QProcess process;
        process.start(python, {QString(TAGBENCH_TEST_DATA) + "/export/check_safetensors.py", path,
                               QString::number(32 + json.size()), QString::number(weights->size())});
        QVERIFY(process.waitForFinished(120000));
        QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
        const QJsonObject report = QJsonDocument::fromJson(process.readAllStandardOutput()).object();
        QCOMPARE(report["metadata"].toObject()["format"].toString(), QStringLiteral("pt"));
        const QJsonObject tensors = report["tensors"].toObject();
        QCOMPARE(tensors.size(), 2);
        QCOMPARE(tensors["model.bag.weight"].toObject()["dtype"].toString(), QStringLiteral("F32"));
        QCOMPARE(tensors["model.bag.weight"].toObject()["sum"].toDouble(), 0.5 - 1.25 + 3.0 + 4.0 + double(1e-3f) - 2.0);
        QCOMPARE(tensors["model.ids"].toObject()["sum"].toDouble(), 6.0);
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(BundleTest)
#include "BundleTest.moc"
