// BertConfig: Hugging Face config.json parsing, defaults and errors that start with the path.
#include "core/model/bert/BertConfig.h"

#include <QtTest>

using namespace tagbench;

class BertConfigTest final : public QObject {
    Q_OBJECT

private slots:
    void fixtureConfig();
    void absentFieldsTakeBertBaseDefaults();
    void activations_data();
    void activations();
    void nullPadAndClassifierDropout();
    void errorsNameTheField_data();
    void errorsNameTheField();
    void missingFileIsAnError();
};

void BertConfigTest::fixtureConfig()
{
    const auto config = BertConfig::fromFile(TAGBENCH_TEST_DATA "/bert-tiny/config.json");
    QVERIFY2(config, config ? "" : config.message().c_str());
    QCOMPARE(config->vocabSize, std::int64_t(1486));
    QCOMPARE(config->hiddenSize, std::int64_t(32));
    QCOMPARE(config->numHiddenLayers, std::int64_t(2));
    QCOMPARE(config->numAttentionHeads, std::int64_t(4));
    QCOMPARE(config->headSize(), std::int64_t(8));
    QCOMPARE(config->intermediateSize, std::int64_t(64));
    QCOMPARE(config->maxPositionEmbeddings, std::int64_t(64));
    QCOMPARE(config->typeVocabSize, std::int64_t(2));
    QVERIFY(config->hiddenAct == BertActivation::Gelu);
    QCOMPARE(config->layerNormEps, 1e-12);
    QCOMPARE(config->initializerRange, 0.15);
    QCOMPARE(config->hiddenDropoutProb, 0.0);
    QCOMPARE(config->attentionProbsDropoutProb, 0.0);
    QCOMPARE(config->padTokenId, std::optional<std::int64_t>(0));
    QVERIFY(!config->classifierDropout.has_value());
    QCOMPARE(config->problemType, std::string("multi_label_classification"));
    QCOMPARE(config->labels.size(), std::size_t(5));
    QCOMPARE(QString::fromStdString(config->labels[2]), QString::fromUtf8("评测::试驾"));
}

void BertConfigTest::absentFieldsTakeBertBaseDefaults()
{
    const auto config = BertConfig::fromJson(R"({"model_type": "bert"})", "config.json");
    QVERIFY2(config, config ? "" : config.message().c_str());
    QCOMPARE(config->vocabSize, std::int64_t(30522));
    QCOMPARE(config->hiddenSize, std::int64_t(768));
    QCOMPARE(config->numHiddenLayers, std::int64_t(12));
    QCOMPARE(config->numAttentionHeads, std::int64_t(12));
    QCOMPARE(config->intermediateSize, std::int64_t(3072));
    QCOMPARE(config->maxPositionEmbeddings, std::int64_t(512));
    QCOMPARE(config->hiddenDropoutProb, 0.1);
    QCOMPARE(config->initializerRange, 0.02);
    QVERIFY(config->labels.empty());
}

void BertConfigTest::activations_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("activation");
    QTest::newRow("gelu") << "gelu" << int(BertActivation::Gelu);
    QTest::newRow("gelu_new") << "gelu_new" << int(BertActivation::GeluNew);
    QTest::newRow("relu") << "relu" << int(BertActivation::Relu);
}

void BertConfigTest::activations()
{
    QFETCH(QString, name);
    QFETCH(int, activation);
    const auto config = BertConfig::fromJson(R"({"model_type": "bert", "hidden_act": ")" + name.toStdString() + "\"}", "c");
    QVERIFY(config);
    QCOMPARE(int(config->hiddenAct), activation);
    QCOMPARE(QString::fromStdString(std::string(bertActivationName(config->hiddenAct))), name);
}

void BertConfigTest::nullPadAndClassifierDropout()
{
    const auto config = BertConfig::fromJson(R"({"model_type": "bert", "pad_token_id": null, "classifier_dropout": 0.3})", "c");
    QVERIFY(config);
    QVERIFY(!config->padTokenId.has_value());
    QCOMPARE(config->classifierDropout, std::optional<double>(0.3));
}

void BertConfigTest::errorsNameTheField_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<QString>("expected");
    QTest::newRow("not json") << "[1, 2" << "dir/config.json: not a JSON object";
    QTest::newRow("no model_type") << R"({"hidden_size": 32})"
                                   << R"(dir/config.json: field "model_type" is missing; only "bert" checkpoints are supported)";
    QTest::newRow("other model_type") << R"({"model_type": "roberta"})"
                                      << R"(dir/config.json: field "model_type" is "roberta"; only "bert" checkpoints are supported (BERT-architecture models such as chinese-roberta-wwm-ext say "bert"))";
    QTest::newRow("hidden not divisible") << R"({"model_type": "bert", "hidden_size": 30, "num_attention_heads": 4})"
                                          << R"(dir/config.json: field "hidden_size" (30) must be a multiple of "num_attention_heads" (4))";
    QTest::newRow("unknown activation") << R"({"model_type": "bert", "hidden_act": "swish"})"
                                        << R"(dir/config.json: field "hidden_act" must be "gelu", "gelu_new" or "relu" (found "swish"))";
    QTest::newRow("zero layers") << R"({"model_type": "bert", "num_hidden_layers": 0})"
                                 << R"(dir/config.json: field "num_hidden_layers" must be a positive integer (found 0))";
    QTest::newRow("string size") << R"({"model_type": "bert", "vocab_size": "1486"})"
                                 << R"(dir/config.json: field "vocab_size" must be a positive integer (found "1486"))";
    QTest::newRow("dropout out of range") << R"({"model_type": "bert", "hidden_dropout_prob": 1.5})"
                                          << R"(dir/config.json: field "hidden_dropout_prob" must be in [0, 1))";
    QTest::newRow("eps not a number") << R"({"model_type": "bert", "layer_norm_eps": "tiny"})"
                                      << R"(dir/config.json: field "layer_norm_eps" must be a number (found "tiny"))";
    QTest::newRow("relative positions") << R"({"model_type": "bert", "position_embedding_type": "relative_key"})"
                                        << R"(dir/config.json: field "position_embedding_type" must be "absolute" (relative position embeddings are not supported) (found "relative_key"))";
    QTest::newRow("id2label gap") << R"({"model_type": "bert", "id2label": {"0": "a", "2": "b"}})"
                                  << R"(dir/config.json: field "id2label" must map the ids 0..N-1 to label names)";
    QTest::newRow("pad outside vocab") << R"({"model_type": "bert", "vocab_size": 10, "pad_token_id": 10})"
                                       << R"(dir/config.json: field "pad_token_id" (10) must be below "vocab_size" (10))";
}

void BertConfigTest::errorsNameTheField()
{
    QFETCH(QString, json);
    QFETCH(QString, expected);
    const auto config = BertConfig::fromJson(json.toStdString(), "dir/config.json");
    QVERIFY(!config);
    QCOMPARE(QString::fromStdString(config.message()), expected);
}

void BertConfigTest::missingFileIsAnError()
{
    const auto config = BertConfig::fromFile("/nonexistent/config.json");
    QVERIFY(!config);
    QCOMPARE(QString::fromStdString(config.message()), QStringLiteral("/nonexistent/config.json: cannot open the file"));
}

QTEST_APPLESS_MAIN(BertConfigTest)
#include "BertConfigTest.moc"
