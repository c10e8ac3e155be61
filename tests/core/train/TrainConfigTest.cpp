#include "core/model/fasttext/FastTextOptions.h"
#include "core/model/textcnn/TextCnnOptions.h"
#include "core/train/TrainConfig.h"

#include <QtTest>

using namespace tagbench;

namespace {

const std::string kData = TAGBENCH_TEST_DATA "/train";

/// A minimal valid config with one extra fragment spliced into the top-level object.
std::string configWith(const std::string& fragment)
{
    std::string text = "{\n  \"model\": \"TextCNN\",\n  \"data\": {\"train\": \"train.jsonl\", \"dev\": \"dev.jsonl\"}";
    if (!fragment.empty()) text += ",\n  " + fragment;
    return text + "\n}\n";
}

} // namespace

class TrainConfigTest final : public QObject {
    Q_OBJECT

private slots:
    void acceptsMinimalConfigWithDefaults();
    void resolvesRelativePathsAgainstConfigDirectory();
    void rejectsBadConfigs_data();
    void rejectsBadConfigs();
    void reportsEveryProblemAtOnce();
    void roundTripsThroughJson();
};

void TrainConfigTest::acceptsMinimalConfigWithDefaults()
{
    const auto config = TrainConfig::parse(configWith(""), "run.json", kData);
    QVERIFY2(config.ok(), config.ok() ? "" : config.message().c_str());
    QCOMPARE(config->model.kind, std::string("TextCNN"));
    QCOMPARE(config->model.task, TaskKind::MultiLabel);
    QCOMPARE(config->model.embeddingDim, std::int64_t(128));
    QCOMPARE(config->model.optionsAs<TextCnnOptions>().kernelSizes, (std::vector<std::int64_t>{2, 3, 4}));
    QVERIFY(config->otherModels.empty());
    QCOMPARE(config->train.optimizer, std::string("adam"));
    QCOMPARE(config->eval.threshold, 0.5);
    QVERIFY(config->data.test.empty());
}

void TrainConfigTest::resolvesRelativePathsAgainstConfigDirectory()
{
    const auto config = TrainConfig::parse(configWith("\"task\": \"multi_label\""), "run.json", kData);
    QVERIFY(config.ok());
    QVERIFY(QDir::isAbsolutePath(QString::fromStdString(config->data.train)));
    QVERIFY(QString::fromStdString(config->data.train).endsWith("/train/train.jsonl"));
}

void TrainConfigTest::rejectsBadConfigs_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");  // a fragment of the error message

    const auto row = [](const char* name, const std::string& text, const char* expected) {
        QTest::newRow(name) << QString::fromStdString(text) << QString(expected);
    };
    row("syntax error", "{\n  \"model\": \"TextCNN\",\n  \"data\": {\n}", "run.json:4: invalid JSON");
    row("not an object", "[1, 2]", "expected a JSON object");
    row("missing model", "{\"data\": {\"train\": \"train.jsonl\", \"dev\": \"dev.jsonl\"}}", "model: missing");
    row("unknown model", configWith("\"model\": \"GPT\""), "model: expected one of TextCNN, FastText, Linear, BERT, got string \"GPT\"");
    row("BERT without checkpoint", configWith("\"model\": \"BERT\""), "BERT.checkpoint: missing (a Hugging Face BERT folder");
    row("BERT checkpoint not a folder", configWith("\"model\": \"BERT\", \"BERT\": {\"checkpoint\": \"nope\"}"),
        "BERT.checkpoint: folder not found:");
    row("BERT checkpoint without config", configWith("\"model\": \"BERT\", \"BERT\": {\"checkpoint\": \".\"}"),
        "BERT.checkpoint: ");
    row("BERT bad pooling", configWith("\"model\": \"BERT\", \"BERT\": {\"checkpoint\": \"../bert-tiny\", \"pooling\": \"max\"}"),
        "BERT.pooling: expected one of cls, mean");
    row("BERT too long", configWith("\"model\": \"BERT\", \"BERT\": {\"checkpoint\": \"../bert-tiny\", \"max_length\": 65}"),
        "BERT.max_length: 65 is more than the model's max_position_embeddings (64)");
    row("BERT bad LoRA target", configWith("\"model\": \"BERT\", \"BERT\": {\"checkpoint\": \"../bert-tiny\", \"lora\": {\"rank\": 4, \"target_modules\": [\"dense\"]}}"),
        "BERT.lora.target_modules: expected an array of strings out of query, key, value");
    row("fp16 with bf16", configWith("\"train\": {\"fp16\": true, \"bf16\": true}"), "train.fp16: set together with train.bf16");
    row("missing data", "{\"model\": \"FastText\"}", "data: missing");
    row("missing dev", "{\"model\": \"FastText\", \"data\": {\"train\": \"train.jsonl\"}}", "data.dev: missing");
    row("file not found", "{\"model\": \"FastText\", \"data\": {\"train\": \"nope.jsonl\", \"dev\": \"dev.jsonl\"}}",
        "data.train: file not found:");
    row("unknown top-level key", configWith("\"trian\": {}"), "run.json:4: trian: unknown key (did you mean 'train'?)");
    row("unknown nested key", configWith("\"train\": {\"learnig_rate\": 0.1}"),
        "train.learnig_rate: unknown key (did you mean 'learning_rate'?)");
    row("unknown deep key", configWith("\"tokenizer\": {\"vocab\": {\"min_cnt\": 2}}"), "tokenizer.vocab.min_cnt: unknown key");
    row("wrong type", configWith("\"train\": {\"epochs\": \"ten\"}"), "train.epochs: expected an integer in [1, 100000], got string \"ten\"");
    row("fractional integer", configWith("\"train\": {\"batch_size\": 3.5}"), "train.batch_size: expected an integer");
    row("negative epochs", configWith("\"train\": {\"epochs\": -3}"), "train.epochs: expected an integer in [1, 100000], got integer -3");
    row("zero learning rate", configWith("\"train\": {\"learning_rate\": 0}"), "train.learning_rate: expected a number > 0");
    row("dropout too large", configWith("\"TextCNN\": {\"dropout\": 1.5}"), "TextCNN.dropout: expected a number >= 0 and <= 0.95");
    row("bad kernel sizes", configWith("\"TextCNN\": {\"kernel_sizes\": [2, 0]}"), "TextCNN.kernel_sizes: expected a non-empty array");
    row("empty kernel sizes", configWith("\"TextCNN\": {\"kernel_sizes\": []}"), "TextCNN.kernel_sizes");
    row("bad top k", configWith("\"TextCNN\": {\"top_k_max_pooling\": 0}"), "TextCNN.top_k_max_pooling: expected an integer in [1, 64]");
    row("bad optimizer", configWith("\"train\": {\"optimizer\": \"lbfgs\"}"), "train.optimizer: expected one of adam, adamw, sgd");
    row("bad lr schedule", configWith("\"train\": {\"lr_schedule\": \"step\"}"), "train.lr_schedule: expected one of constant, linear, cosine");
    row("bad loss", configWith("\"train\": {\"loss\": \"hinge\"}"), "train.loss: expected one of bce, focal");
    row("bad pos_weight", configWith("\"train\": {\"pos_weight\": \"sometimes\"}"), "train.pos_weight: expected \"none\", \"auto\"");
    row("negative pos_weight", configWith("\"train\": {\"pos_weight\": [1, -2]}"), "train.pos_weight");
    row("bool as number", configWith("\"train\": {\"bf16\": 1}"), "train.bf16: expected true or false");
    row("bad tokenizer", configWith("\"tokenizer\": {\"kind\": \"bpe\"}"), "tokenizer.kind: expected one of char, word, sentencepiece");
    row("threshold out of range", configWith("\"eval\": {\"threshold\": 1.5}"), "eval.threshold: expected a number > 0 and <= 1");
    row("section not an object", configWith("\"FastText\": 3"), "FastText: expected an object, got integer 3");
    row("pretrained missing", configWith("\"embedding\": {\"pretrained\": \"no_such_vectors.txt\"}"), "embedding.pretrained: file not found");
    row("focal for single label", configWith("\"task\": \"single_label\", \"train\": {\"loss\": \"focal\"}"),
        "apply to multi_label only");
    row("line of nested error", "{\n\"model\": \"TextCNN\",\n\"data\": {\"train\": \"train.jsonl\", \"dev\": \"dev.jsonl\"},\n"
                                "\"train\": {\n  \"seed\": 1,\n  \"epochs\": 0\n}\n}",
        "run.json:6: train.epochs");
}

void TrainConfigTest::rejectsBadConfigs()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    const auto config = TrainConfig::parse(text.toStdString(), "run.json", kData);
    QVERIFY(!config.ok());
    const QString message = QString::fromStdString(config.message());
    QVERIFY2(message.contains(expected), qPrintable("message was: " + message));
}

void TrainConfigTest::reportsEveryProblemAtOnce()
{
    const auto config = TrainConfig::parse(configWith("\"train\": {\"epochs\": 0, \"batch_size\": 0}, \"bogus\": 1"),
                                           "run.json", kData);
    QVERIFY(!config.ok());
    const QStringList lines = QString::fromStdString(config.message()).split('\n');
    QCOMPARE(lines.size(), 3);
}

void TrainConfigTest::roundTripsThroughJson()
{
    const auto config = TrainConfig::parse(
        configWith("\"model\": \"FastText\", \"FastText\": {\"word_ngrams\": 3, \"buckets\": 1000},"
                   "\"train\": {\"pos_weight\": \"auto\", \"oversample\": 2.5, \"seed\": 9}, \"eval\": {\"threshold\": \"dev\"}"),
        "run.json", kData);
    QVERIFY2(config.ok(), config.ok() ? "" : config.message().c_str());
    const auto again = TrainConfig::parse(config->toJson(), "config.json", "/");
    QVERIFY2(again.ok(), again.ok() ? "" : again.message().c_str());
    QCOMPARE(again->toJson(), config->toJson());
    QCOMPARE(again->model.kind, std::string("FastText"));
    QCOMPARE(again->model.optionsAs<FastTextOptions>().wordNgrams, std::int64_t(3));
    QCOMPARE(again->train.oversample, 2.5);
    QVERIFY(again->eval.thresholdFromDev);
}

QTEST_APPLESS_MAIN(TrainConfigTest)
#include "TrainConfigTest.moc"
