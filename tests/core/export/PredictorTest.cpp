#include "core/data/DatasetReader.h"
#include "core/eval/Metrics.h"
#include "core/eval/ScoreMatrix.h"
#include "core/export/Bundle.h"
#include "core/export/BundleExporter.h"
#include "core/export/BundleFile.h"
#include "core/export/Predictor.h"
#include "core/export/Safetensors.h"
#include "core/model/fasttext/FastTextOptions.h"
#include "core/model/textcnn/TextCnnOptions.h"
#include "core/train/Trainer.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <filesystem>

using namespace tagbench;

namespace {

const QString kData = QStringLiteral(TAGBENCH_TEST_DATA "/export");

QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Rewrites a bundle from raw parts with a valid checksum: a well-formed file whose content lies.
void writeRaw(const QString& path, const QByteArray& manifest, const QByteArray& weights)
{
    QByteArray bytes("TAGBENCH");
    const auto put = [&bytes](quint64 value, int size) {
        for (int i = 0; i < size; ++i) bytes.append(static_cast<char>((value >> (8 * i)) & 0xff));
    };
    put(kBundleFormatVersion, 4);
    put(0, 4);
    put(static_cast<quint64>(manifest.size()), 8);
    put(static_cast<quint64>(weights.size()), 8);
    bytes += manifest + weights;
    bytes += QCryptographicHash::hash(bytes, QCryptographicHash::Sha256);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(bytes);
}

double maxDifference(const eval::ScoreMatrix& a, const eval::ScoreMatrix& b)
{
    double worst = 0.0;
    for (std::size_t i = 0; i < a.scores().size(); ++i)
        worst = std::max(worst, std::abs(static_cast<double>(a.scores()[i]) - b.scores()[i]));
    return worst;
}

} // namespace

class PredictorTest final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        for (const QString model : {"textcnn", "fasttext", "sentencepiece"}) {
            auto config = TrainConfig::load((kData + "/" + model + ".json").toStdString());
            QVERIFY2(config.ok(), config.ok() ? "" : config.message().c_str());
            TrainOptions options;
            options.runDir = m_dir.filePath(model + "-run").toStdString();
            options.device = "cpu";
            Trainer trainer(*config, options);
            // The trainer calls every callback unconditionally (an unset one throws bad_function_call).
            trainer.setProgressCallback([](const TrainProgress&) {});
            trainer.setEpochCallback([](const EpochReport&) {});
            trainer.setLogCallback([](const std::string&) {});
    // The trainer calls every callback unconditionally (an unset one throws bad_function_call).
    trainer.setProgressCallback([](const TrainProgress&) {});
    trainer.setEpochCallback([](const EpochReport&) {});
    trainer.setLogCallback([](const std::string&) {});
            const auto result = trainer.run();
            QVERIFY2(result.ok(), result.ok() ? "" : result.message().c_str());
            const auto exported = exportBundle(options.runDir, bundlePath(model).toStdString());
            QVERIFY2(exported.ok(), exported.ok() ? "" : exported.message().c_str());
        }
    }

    void predictionsEqualTheRun_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<int>("threads");
        QTest::addColumn<int>("batchSize");
        QTest::newRow("TextCNN 1 thread") << "textcnn" << 1 << 256;
        QTest::newRow("TextCNN 3 threads, batches of 7") << "textcnn" << 3 << 7;
        QTest::newRow("FastText 1 thread") << "fasttext" << 1 << 256;
        QTest::newRow("FastText 2 threads, batches of 1") << "fasttext" << 2 << 1;
        QTest::newRow("SentencePiece FastText") << "sentencepiece" << 2 << 16;
    }

    // The acceptance criterion: a bundle reproduces its run's dev scores and decisions.
    void predictionsEqualTheRun()
    {
        QFETCH(QString, model);
        QFETCH(int, threads);
        QFETCH(int, batchSize);
        auto predictor = Predictor::open(bundlePath(model).toStdString(), {"cpu", threads, batchSize});
        QVERIFY2(predictor.ok(), predictor.ok() ? "" : predictor.message().c_str());
        const auto dev = readDataset((kData + "/dev.jsonl").toStdString());
        QVERIFY(dev.ok());
        const auto scores = predictor->scoreDataset(*dev);
        QVERIFY2(scores.ok(), scores.ok() ? "" : scores.message().c_str());
        const auto run = eval::ScoreMatrix::load(runDir(model).toStdString() + "/scores/dev.scores");
        QVERIFY2(run.ok(), run.ok() ? "" : run.message().c_str());

        QCOMPARE(scores->labelNames(), run->labelNames());
        QCOMPARE(scores->documentIds(), run->documentIds());
        QCOMPARE(scores->goldLabels(), run->goldLabels());
        QCOMPARE(scores->documentCount(), std::size_t(40));
        const double worst = maxDifference(*scores, *run);
        QVERIFY2(worst <= 1e-5, qPrintable(QString("largest score difference %1").arg(worst)));
        for (std::size_t i = 0; i < run->documentCount(); ++i)
            QCOMPARE(predictor->rule().apply(scores->row(i), scores->labelCount()),
                     predictor->rule().apply(run->row(i), run->labelCount()));
        // The model learned something (the fixture's chance micro-F1 is about 0.4).
        QVERIFY(eval::evaluate(*scores, predictor->rule()).f1 > 0.6);
    }

    void manifestDescribesTheRun()
    {
        const auto cnn = Bundle::open(bundlePath("textcnn").toStdString());
        QVERIFY(cnn.ok());
        const BundleManifest& m = cnn->manifest();
        QCOMPARE(m.model.kind, std::string("TextCNN"));
        QCOMPARE(m.model.optionsAs<TextCnnOptions>().kernelSizes, (std::vector<std::int64_t>{2, 3}));
        QCOMPARE(m.model.optionsAs<TextCnnOptions>().maxLength, std::int64_t(40));
        QCOMPARE(m.tokenizer.kind, TokenizerKind::Char);
        QCOMPARE(m.labels.front(), std::string("新车::上市"));
        QCOMPARE(m.hierarchy.separator, std::string("::"));
        QCOMPARE(m.rule.globalThreshold(), 0.4f);  // textcnn.json eval.threshold / top_k
        QCOMPARE(m.rule.topK(), 2);
        QCOMPARE(m.tagbenchVersion, std::string(TAGBENCH_VERSION));
        // The metrics card is the run's dev scores under the bundled rule.
        const auto run = eval::ScoreMatrix::load(runDir("textcnn").toStdString() + "/scores/dev.scores");
        QVERIFY(run.ok());
        const eval::Metrics expected = eval::evaluate(*run, m.rule);
        QCOMPARE(m.metrics.size(), std::size_t(1));
        QCOMPARE(m.metrics[0].split, std::string("dev"));
        QCOMPARE(m.metrics[0].metrics.truePositives, expected.truePositives);
        QCOMPARE(m.metrics[0].metrics.predicted, expected.predicted);
        QCOMPARE(m.metrics[0].metrics.gold, expected.gold);
        QCOMPARE(m.metrics[0].metrics.labels.size(), m.labels.size());

        // FastText chose its threshold on dev: the bundle has the one run.json records.
        const auto ft = Bundle::open(bundlePath("fasttext").toStdString());
        QVERIFY(ft.ok());
        const QJsonObject runJson = QJsonDocument::fromJson(readAll(runDir("fasttext") + "/run.json")).object();
        QCOMPARE(ft->manifest().rule.globalThreshold(), static_cast<float>(runJson["threshold"].toDouble()));
        QCOMPARE(ft->manifest().model.optionsAs<FastTextOptions>().buckets, std::int64_t(5000));
        QCOMPARE(ft->manifest().model.optionsAs<FastTextOptions>().wordNgrams, std::int64_t(2));
    }

    // The sentencepiece model travels inside the bundle: the run's copy is not needed.
    void sentencepieceModelIsEmbedded()
    {
        const auto bundle = Bundle::open(bundlePath("sentencepiece").toStdString());
        QVERIFY(bundle.ok());
        const QByteArray runModel = readAll(runDir("sentencepiece") + "/tokenizer.model");
        QVERIFY(!runModel.isEmpty());
        QCOMPARE(QByteArray::fromStdString(bundle->manifest().tokenizer.sentencepieceModel), runModel);
        QVERIFY(bundle->weights().find("tokenizer.sentencepiece_model"));
        const QString moved = m_dir.filePath("moved.tagbench");
        QVERIFY(QFile::copy(bundlePath("sentencepiece"), moved));
        QVERIFY(QFile::remove(runDir("sentencepiece") + "/tokenizer.model"));
        auto predictor = Predictor::open(moved.toStdString(), {"cpu", 1, 8});
        QVERIFY2(predictor.ok(), predictor.ok() ? "" : predictor.message().c_str());
        const auto prediction = predictor->predict("谍照 曝光 伪装 路试");
        QVERIFY(prediction.ok());
        QCOMPARE(prediction->labels.size(), std::size_t(1));
        QCOMPARE(predictor->labels()[prediction->labels.front().label], std::string("新车::谍照"));
    }

    void tunedRuleIsBundled()
    {
        const QString run = m_dir.filePath("tuned-run");
        std::filesystem::copy(runDir("textcnn").toStdString(), run.toStdString(), std::filesystem::copy_options::recursive);
        auto labels = Bundle::open(bundlePath("textcnn").toStdString())->manifest().labels;
        eval::DecisionRule rule(0.25f);
        rule.setLabelThreshold(1, 0.7f);
        rule.setAtLeastOne(true);
        QVERIFY(rule.save((run + "/rule.json").toStdString(), labels).ok());
        const QString out = m_dir.filePath("tuned.tagbench");
        const auto exported = exportBundle(run.toStdString(), out.toStdString());
        QVERIFY2(exported.ok(), exported.ok() ? "" : exported.message().c_str());
        QCOMPARE(exported->manifest.ruleSource, std::string("rule.json"));
        const auto predictor = Predictor::open(out.toStdString(), {"cpu", 1, 16});
        QVERIFY(predictor.ok());
        QVERIFY(predictor->rule() == rule);
    }

    void singleAndBatchAgree_data()
    {
        QTest::addColumn<QString>("model");
        QTest::newRow("TextCNN") << "textcnn";
        QTest::newRow("FastText") << "fasttext";
    }

    void singleAndBatchAgree()
    {
        QFETCH(QString, model);
        auto predictor = Predictor::open(bundlePath(model).toStdString(), {"cpu", 2, 4});
        QVERIFY(predictor.ok());
        const std::vector<std::string_view> texts = {"报价 售价 万元 优惠", "比赛 车手 冠军", "", "谍照 曝光 伪装 路试 spy",
                                                     "x"};
        const auto batch = predictor->predictBatch(texts, /*allScores=*/true);
        QVERIFY2(batch.ok(), batch.ok() ? "" : batch.message().c_str());
        QCOMPARE(batch->size(), texts.size());
        for (std::size_t i = 0; i < texts.size(); ++i) {
            const auto one = predictor->predict(texts[i], true);
            QVERIFY(one.ok());
            QCOMPARE(one->scores.size(), predictor->labels().size());
            for (std::size_t l = 0; l < one->scores.size(); ++l) QVERIFY(std::abs(one->scores[l] - (*batch)[i].scores[l]) <= 1e-5f);
            QCOMPARE(one->labels.size(), (*batch)[i].labels.size());
            for (const auto& kept : one->labels) QCOMPARE(kept.score, one->scores[kept.label]);
            QVERIFY(one->labels.size() <= static_cast<std::size_t>(model == "textcnn" ? 2 : 5));  // top_k 2 / none
        }
        QVERIFY(predictor->predict("x", false)->scores.empty());
        if (model == "textcnn") return;
        // The keyword documents get their label.
        const auto& labels = predictor->labels();
        const auto has = [&](const Prediction& p, const std::string& name) {
            return std::any_of(p.labels.begin(), p.labels.end(), [&](const LabelScore& s) { return labels[s.label] == name; });
        };
        QVERIFY(has((*batch)[0], "新车::报价"));
        QVERIFY(has((*batch)[1], "赛事"));
        QVERIFY(has((*batch)[3], "新车::谍照"));
        QVERIFY((*batch)[0].labels.front().score >= (*batch)[0].labels.back().score);  // best first
    }

    void ruleCanBeOverridden()
    {
        auto predictor = Predictor::open(bundlePath("fasttext").toStdString(), {"cpu", 1, 8});
        QVERIFY(predictor.ok());
        eval::DecisionRule everything(0.0f);
        QVERIFY(predictor->setRule(everything).ok());
        QCOMPARE(predictor->predict("比赛")->labels.size(), predictor->labels().size());
        eval::DecisionRule best(1.0f);
        best.setAtLeastOne(true);
        QVERIFY(predictor->setRule(best).ok());
        QCOMPARE(predictor->predict("比赛")->labels.size(), std::size_t(1));
        eval::DecisionRule invalid;
        invalid.setLabelThreshold(99, 0.5f);
        QVERIFY(!predictor->setRule(invalid).ok());
        QVERIFY(predictor->rule() == best);
        predictor->resetRule();
        QVERIFY(predictor->rule() == predictor->bundle().manifest().rule);
    }

    // Loading rebuilds the network from the manifest and copies tensors in by name: a manifest
    // that disagrees with the weights, or weights with a missing or extra tensor, are refused.
    void refusesWeightsThatDoNotFit_data()
    {
        QTest::addColumn<int>("which");
        QTest::addColumn<QString>("expected");
        QTest::newRow("embedding dim") << 0 << "weights: tensor \"model.bag.weight\" is F32 [5";
        QTest::newRow("missing tensor") << 1 << "weights: tensor \"model.output.bias\" is missing";
        QTest::newRow("extra tensor") << 2 << "weights: unexpected tensor \"model.extra\"";
        QTest::newRow("truncated") << 3 << "truncated: the header announces";
    }

    void refusesWeightsThatDoNotFit()
    {
        QFETCH(int, which);
        QFETCH(QString, expected);
        const auto file = BundleFile::open(bundlePath("fasttext").toStdString());
        QVERIFY(file.ok());
        QByteArray manifest(file->manifestJson().data(), static_cast<int>(file->manifestJson().size()));
        QByteArray weights(file->weights().data(), static_cast<int>(file->weights().size()));
        const QString path = m_dir.filePath(QString("misfit%1.tagbench").arg(which));
        if (which == 0) {
            QJsonObject root = QJsonDocument::fromJson(manifest).object();
            QJsonObject model = root["model"].toObject();
            model["embedding_dim"] = 13;
            root["model"] = model;
            manifest = QJsonDocument(root).toJson();
        } else if (which == 1 || which == 2) {
            const auto reader = SafetensorsReader::parse(file->weights());
            QVERIFY(reader.ok());
            std::vector<TensorRef> refs;
            for (const auto& t : reader->tensors()) {
                if (which == 1 && t.name == "model.output.bias") continue;
                const std::string_view data = reader->data(t);
                refs.push_back({t.name, t.dtype, t.shape, data.data(), data.size()});
            }
            const float extra = 1.0f;
            if (which == 2) refs.push_back({"model.extra", TensorDType::F32, {1}, &extra, 4});
            const auto writer = SafetensorsWriter::create(refs);
            QVERIFY(writer.ok());
            weights = QByteArray::fromStdString(writer->toBytes());
            QJsonObject root = QJsonDocument::fromJson(manifest).object();
            QJsonObject section = root["weights"].toObject();
            section["bytes"] = weights.size();
            root["weights"] = section;
            manifest = QJsonDocument(root).toJson();
        }
        writeRaw(path, manifest, weights);
        if (which == 3) {
            QFile cut(path);
            QVERIFY(cut.resize(cut.size() - 1000));
        }
        const auto predictor = Predictor::open(path.toStdString(), {"cpu", 1, 8});
        QVERIFY(!predictor.ok());
        QVERIFY2(QString::fromStdString(predictor.message()).startsWith(path + ": "), predictor.message().c_str());
        QVERIFY2(QString::fromStdString(predictor.message()).contains(expected), predictor.message().c_str());
    }

    void exportRefusesIncompleteRuns()
    {
        const QString empty = m_dir.filePath("not-a-run");
        QVERIFY(QDir().mkpath(empty));
        auto result = exportBundle(empty.toStdString(), m_dir.filePath("x.tagbench").toStdString());
        QVERIFY(!result.ok());
        QVERIFY2(QString::fromStdString(result.message()).contains("not-a-run/config.json: cannot open"), result.message().c_str());

        const QString noModel = m_dir.filePath("no-model");
        std::filesystem::copy(runDir("fasttext").toStdString(), noModel.toStdString(), std::filesystem::copy_options::recursive);
        QVERIFY(QFile::remove(noModel + "/model.pt"));
        result = exportBundle(noModel.toStdString(), m_dir.filePath("x.tagbench").toStdString());
        QVERIFY(!result.ok());
        QVERIFY2(QString::fromStdString(result.message()).contains("model.pt"), result.message().c_str());
        QVERIFY(!QFile::exists(m_dir.filePath("x.tagbench")));  // nothing half-written
    }

private:
    QString runDir(const QString& model) const { return m_dir.filePath(model + "-run"); }
    QString bundlePath(const QString& model) const { return m_dir.filePath(model + ".tagbench"); }

    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(PredictorTest)
#include "PredictorTest.moc"
