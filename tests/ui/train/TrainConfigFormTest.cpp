// The Train form is a view of a TrainConfig: loading a config and reading it back without edits
// gives the same document, every key included; edits change exactly the keys they edit.
#include "core/model/textcnn/TextCnnOptions.h"
#include "core/train/TrainConfig.h"
#include "ui/train/TrainConfigForm.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QTest>
#include <QVBoxLayout>

#include <nlohmann/json.hpp>

using namespace tagbench;
using tagbench::ui::TrainConfigForm;

namespace {

const QString kSource = QStringLiteral(TAGBENCH_SOURCE_DIR);
const std::string kTrainData = TAGBENCH_TEST_DATA "/train";

/// A config that sets every option away from its default.
std::string everyOption(const std::string& model)
{
    nlohmann::json j = {
        {"model", model},
        {"task", "multi_label"},
        {"data", {{"train", "train.jsonl"}, {"dev", "dev.jsonl"}, {"test", "test.jsonl"}}},
        {"tokenizer", {{"kind", "word"}, {"lowercase", false}, {"keep_punctuation", true},
                       {"vocab", {{"min_count", 2}, {"max_size", 5000}}},
                       {"sentencepiece", {{"vocab_size", 300}, {"model_type", "bpe"}, {"character_coverage", 0.999}}}}},
        {"TextCNN", {{"kernel_sizes", {1, 3, 5}}, {"num_kernels", 33}, {"top_k_max_pooling", 2}, {"hidden", 17},
                     {"dropout", 0.37}, {"max_length", 123}}},
        {"FastText", {{"word_ngrams", 3}, {"buckets", 777}}},
        {"embedding", {{"dimension", 4}, {"pretrained", "vectors.txt"}, {"trainable", false}}},
        {"train", {{"batch_size", 7}, {"epochs", 3}, {"learning_rate", 0.0000123}, {"optimizer", "adamw"},
                   {"lr_schedule", "linear"}, {"weight_decay", 0.01}, {"loss", "focal"}, {"focal_gamma", 1.5},
                   {"pos_weight", {1.5, 2.25, 3, 1, 1, 1}}, {"pos_weight_cap", 7}, {"oversample", 2.5},
                   {"early_stopping_patience", 9}, {"seed", 1234567}, {"threads", 3}, {"bf16", true},
                   {"gradient_clip", 1.25}, {"select_best_by", "macro_f1"}, {"divergence_retries", 5}}},
        {"eval", {{"threshold", 0.42}, {"top_k", 3}}}};
    return j.dump();
}

TrainConfig load(const QString& path)
{
    auto config = TrainConfig::load(path.toStdString());
    if (!config) qFatal("%s", config.message().c_str());
    return *config;
}

TrainConfig parse(const std::string& text)
{
    auto config = TrainConfig::parse(text, "every-option.json", kTrainData);
    if (!config) qFatal("%s", config.message().c_str());
    return *config;
}

} // namespace

class TrainConfigFormTest final : public QObject {
    Q_OBJECT
private slots:
    void loadThenSaveKeepsTheWholeDocument_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("json");
        for (const char* path : {"resources/samples/car-news-zh/fasttext.json", "resources/samples/car-news-zh/textcnn.json",
                                 "resources/samples/debtags-mini/fasttext.json", "tests/data/export/fasttext.json",
                                 "tests/data/export/textcnn.json", "tests/data/export/sentencepiece.json",
                                 "tests/data/compat/textcnn-run/config.json", "tests/data/compat/fasttext-run/config.json"})
            QTest::newRow(path) << QString(path) << QString::fromStdString(load(kSource + "/" + path).toJson());
        QTest::newRow("every option, TextCNN") << QString() << QString::fromStdString(parse(everyOption("TextCNN")).toJson());
        QTest::newRow("every option, FastText") << QString() << QString::fromStdString(parse(everyOption("FastText")).toJson());
        TrainConfig single = parse(everyOption("TextCNN"));
        single.model.task = TaskKind::SingleLabel;
        single.train.loss = "bce";
        single.train.posWeight = "none";
        single.train.posWeights.clear();
        QTest::newRow("single label") << QString() << QString::fromStdString(single.toJson());
    }
    void loadThenSaveKeepsTheWholeDocument()
    {
        QFETCH(QString, json);
        const TrainConfig config = parse(json.toStdString());
        TrainConfigForm form;
        form.setConfig(config);
        const auto back = form.config();
        QVERIFY2(back.ok(), back.ok() ? "" : back.message().c_str());
        QCOMPARE(QString::fromStdString(back->toJson()), QString::fromStdString(config.toJson()));
    }

    // Typing a value changes that key and nothing else.
    void typingChangesOnlyThatKey()
    {
        const TrainConfig config = parse(everyOption("TextCNN"));
        TrainConfigForm form;
        form.setConfig(config);
        auto* epochs = form.findChild<QSpinBox*>(QStringLiteral("epochs"));
        QVERIFY(epochs);
        epochs->setFocus();
        epochs->selectAll();
        QTest::keyClicks(epochs, QStringLiteral("11"));
        auto* kernels = form.findChild<QLineEdit*>(QStringLiteral("kernel_sizes"));
        QVERIFY(kernels);
        kernels->selectAll();
        QTest::keyClicks(kernels, QStringLiteral("2, 4"));
        const auto back = form.config();
        QVERIFY2(back.ok(), back.ok() ? "" : back.message().c_str());
        nlohmann::json expected = nlohmann::json::parse(config.toJson());
        expected["train"]["epochs"] = 11;
        expected["TextCNN"]["kernel_sizes"] = {2, 4};
        QCOMPARE(QString::fromStdString(back->toJson()), QString::fromStdString(expected.dump(2) + "\n"));

        // A list that is not numbers is refused by core's parser with the key's path.
        kernels->selectAll();
        QTest::keyClicks(kernels, QStringLiteral("2, x"));
        const auto bad = form.config();
        QVERIFY(!bad.ok());
        QVERIFY2(QString::fromStdString(bad.message()).contains(QStringLiteral("TextCNN.kernel_sizes")), bad.message().c_str());
    }

    // The Advanced pane shows every key and applies an edited document (validated by core).
    void advancedJsonReachesEveryKey()
    {
        TrainConfigForm form;
        form.setConfig(parse(everyOption("FastText")));
        auto* advanced = form.findChild<QGroupBox*>(QStringLiteral("advanced"));
        auto* text = form.findChild<QPlainTextEdit*>(QStringLiteral("configJson"));
        auto* apply = form.findChild<QPushButton*>(QStringLiteral("applyJson"));
        QVERIFY(advanced && text && apply);
        advanced->setChecked(true);
        nlohmann::json shown = nlohmann::json::parse(text->toPlainText().toStdString());
        QCOMPARE(shown["train"]["gradient_clip"].get<double>(), 1.25);
        shown["train"]["weight_decay"] = 0.125;
        text->setPlainText(QString::fromStdString(shown.dump(2)));
        QTest::mouseClick(apply, Qt::LeftButton);
        QCOMPARE(form.config()->train.weightDecay, 0.125);

        text->setPlainText(QStringLiteral("{\"model\": \"FastText\", \"train\": {\"epochs\": 0}}"));
        QTest::mouseClick(apply, Qt::LeftButton);
        QCOMPARE(form.config()->train.weightDecay, 0.125);  // a bad document changes nothing
        const auto* status = apply->parentWidget()->findChildren<QLabel*>().value(0);
        QVERIFY(status && status->text().contains(QStringLiteral("train.epochs")));
    }

    // Switching the network applies its recommended settings but keeps the data.
    void switchingModelKeepsTheData()
    {
        TrainConfigForm form;
        const TrainConfig config = parse(everyOption("FastText"));
        form.setConfig(config);
        auto* model = form.findChild<QComboBox*>(QStringLiteral("model"));
        QVERIFY(model);
        model->setCurrentIndex(model->findData(QStringLiteral("TextCNN")));
        const auto textCnn = form.config();
        QVERIFY2(textCnn.ok(), textCnn.ok() ? "" : textCnn.message().c_str());
        QCOMPARE(textCnn->model.kind, std::string("TextCNN"));
        QCOMPARE(textCnn->model.embeddingDim, std::int64_t(128));
        QCOMPARE(textCnn->data.train, config.data.train);
        QCOMPARE(textCnn->model.optionsAs<TextCnnOptions>().kernelSizes, (std::vector<std::int64_t>{1, 3, 5}));
    }

    // Chinese training text gets the character tokenizer, and the form says why.
    void tokenizerIsChosenFromTheData_data()
    {
        QTest::addColumn<QString>("train");
        QTest::addColumn<QString>("tokenizer");
        QTest::newRow("Chinese") << kSource + "/resources/samples/car-news-zh/train.jsonl" << "char";
        QTest::newRow("English") << kSource + "/resources/samples/debtags-mini/train.jsonl" << "word";
    }
    void tokenizerIsChosenFromTheData()
    {
        QFETCH(QString, train);
        QFETCH(QString, tokenizer);
        TrainConfigForm form;
        form.applyDefaults(QStringLiteral("TextCNN"));
        auto* trainBox = form.findChild<QComboBox*>(QStringLiteral("train"));
        QVERIFY(trainBox);
        trainBox->setFocus();
        QTest::keyClicks(trainBox->lineEdit(), train);
        const auto config = form.config();
        QCOMPARE(QString::fromStdString(config.ok() ? "" : config.message()).contains(QStringLiteral("data.dev")), true);
        auto* box = form.findChild<QComboBox*>(QStringLiteral("tokenizer"));
        QCOMPARE(box->currentData().toString(), tokenizer);
        QVERIFY2(form.tokenizerNote().contains(QStringLiteral("chosen from the data")), qPrintable(form.tokenizerNote()));

        // Choosing words on Chinese text by hand keeps the choice but warns.
        if (tokenizer == QLatin1String("char")) {
            box->setCurrentIndex(box->findData(QStringLiteral("word")));
            QVERIFY2(form.tokenizerNote().startsWith(QStringLiteral("Warning")), qPrintable(form.tokenizerNote()));
        }
    }

    // The wheel scrolls the panel: an unfocused spin box keeps its value.
    void wheelDoesNotChangeUnfocusedValues()
    {
        QScrollArea area;
        auto* form = new TrainConfigForm;
        area.setWidget(form);
        area.setWidgetResizable(true);
        area.resize(600, 400);
        area.show();
        QVERIFY(QTest::qWaitForWindowExposed(&area));
        auto* epochs = form->findChild<QSpinBox*>(QStringLiteral("epochs"));
        const int before = epochs->value();
        area.setFocus();
        QWheelEvent wheel(QPointF(5, 5), epochs->mapToGlobal(QPointF(5, 5)), QPoint(), QPoint(0, -120), Qt::NoButton,
                          Qt::NoModifier, Qt::NoScrollPhase, false);
        QCoreApplication::sendEvent(epochs, &wheel);
        QCOMPARE(epochs->value(), before);
        epochs->setFocus();
        QWheelEvent focused(QPointF(5, 5), epochs->mapToGlobal(QPointF(5, 5)), QPoint(), QPoint(0, -120), Qt::NoButton,
                            Qt::NoModifier, Qt::NoScrollPhase, false);
        QCoreApplication::sendEvent(epochs, &focused);
        QCOMPARE(epochs->value(), before - 1);
    }
};

QTEST_MAIN(TrainConfigFormTest)
#include "TrainConfigFormTest.moc"
