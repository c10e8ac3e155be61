#include "core/train/Trainer.h"

#include <QtTest>
#include <QFile>
#include <QTemporaryDir>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>

using namespace tagbench;

namespace {

const std::string kData = TAGBENCH_TEST_DATA "/train";

TrainConfig tinyConfig(const std::string& model, const std::string& extraTrain = {})
{
    std::string text = "{\"model\": \"" + model + "\","
                       R"("data": {"train": "train.jsonl", "dev": "dev.jsonl", "test": "test.jsonl"},
                          "TextCNN": {"kernel_sizes": [1, 2], "num_kernels": 16, "dropout": 0.1},
                          "FastText": {"word_ngrams": 2, "buckets": 5000},
                          "embedding": {"dimension": 16},
                          "train": {"epochs": 6, "batch_size": 16, "learning_rate": 0.01, "threads": 1, "seed": 3,
                                    "early_stopping_patience": 0)"
                       + extraTrain + "}}";
    auto config = TrainConfig::parse(text, "tiny.json", kData);
    if (!config) qFatal("%s", config.message().c_str());
    return *config;
}

Result<TrainResult> train(const TrainConfig& config, const QString& dir, bool resume = false,
                          const std::atomic<bool>* cancel = nullptr, const Trainer::EpochCallback& onEpoch = {},
                          const Trainer::LogCallback& onLog = {})
{
    TrainOptions options;
    options.runDir = dir.toStdString();
    options.device = "cpu";
    options.resume = resume;
    Trainer trainer(config, options);
    if (onEpoch) trainer.setEpochCallback(onEpoch);
    if (onLog) trainer.setLogCallback(onLog);
    return trainer.run(cancel);
}

QByteArray fileBytes(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

/// Dev micro-F1 of every epoch in metrics.jsonl (timings differ between runs; metrics must not).
std::vector<double> devF1PerEpoch(const QString& dir)
{
    std::ifstream in((dir + "/metrics.jsonl").toStdString());
    std::vector<double> values;
    std::string line;
    while (std::getline(in, line)) values.push_back(nlohmann::json::parse(line).at("dev").at("micro_f1").get<double>());
    return values;
}

} // namespace

class TrainerTest final : public QObject {
    Q_OBJECT

private slots:
    void textCnnLearnsTinyData();
    void fastTextLearnsTinyData();
    void singleLabelLearnsTinyData();
    void sameSeedGivesIdenticalResults();
    void resumeEqualsUninterruptedRun();
    void cancelBeforeFirstEpochLeavesResumableRun();
    void cancelWhileReadingDataLeavesNoRun();
    void refusesToOverwriteARun();
    void rejectsPosWeightListOfWrongLength();
    void divergenceRollsBackAndLowersTheLearningRate();
    void divergenceWithoutRetriesStopsAndKeepsTheBestEpoch();
    void unlabelledDocumentsAreDownsampled();
    void labelShiftBetweenSplitsIsReported();
    void bestEpochFollowsTheChosenMetric_data();
    void bestEpochFollowsTheChosenMetric();
    void fp16LossScalingOnTheCpuChangesNothing();
    void findBatchSizeOnTheCpuExplainsAndKeepsTheBatch();
    void finishAfterEpochEndsCleanlyWithTheBestEpoch();
};

void TrainerTest::textCnnLearnsTinyData()
{
    QTemporaryDir dir;
    const auto result = train(tinyConfig("TextCNN"), dir.path());
    QVERIFY2(result.ok(), result.ok() ? "" : result.message().c_str());
    QCOMPARE(result->status, TrainStatus::Completed);
    // Chance level (predicting labels at their base rate) is about 0.3 micro-F1 on this data.
    QVERIFY2(result->bestDevMicroF1 > 0.75, qPrintable(QString::number(result->bestDevMicroF1)));
    QVERIFY(QString::fromStdString(result->testPerformanceLine).startsWith("Performance is precision: "));
    for (const char* file : {"config.json", "vocab.tsv", "labels.txt", "model.pt", "checkpoint/state.pt", "metrics.jsonl",
                             "scores/dev.scores", "scores/test.scores", "run.json"})
        QVERIFY2(QFileInfo::exists(dir.filePath(file)), file);
    QCOMPARE(devF1PerEpoch(dir.path()).size(), std::size_t(6));
    QCOMPARE(fileBytes(dir.filePath("labels.txt")), QByteArray("car\nfood\nmusic\nsport\ntech\ntravel\n"));
}

void TrainerTest::finishAfterEpochEndsCleanlyWithTheBestEpoch()
{
    // Raised before the run: the first epoch still finishes, then the run ends as early stopping
    // does, with a model, scores and run.json, where a cancel would leave only a checkpoint.
    QTemporaryDir dir;
    const std::atomic<bool> finish{true};
    TrainOptions options;
    options.runDir = dir.path().toStdString();
    options.device = "cpu";
    options.finishAfterEpoch = &finish;
    std::vector<std::string> lines;
    Trainer trainer(tinyConfig("TextCNN"), options);
    trainer.setLogCallback([&](const std::string& line) { lines.push_back(line); });
    const auto result = trainer.run();
    QVERIFY2(result.ok(), result.ok() ? "" : result.message().c_str());
    QCOMPARE(result->status, TrainStatus::EarlyStopped);
    QCOMPARE(result->epochsDone, std::int64_t(1));
    QCOMPARE(result->bestEpoch, std::int64_t(1));
    for (const char* file : {"model.pt", "scores/dev.scores", "scores/test.scores", "run.json"}) QVERIFY2(QFileInfo::exists(dir.filePath(file)), file);
    QVERIFY(std::any_of(lines.begin(), lines.end(), [](const std::string& l) { return l.find("stopped after epoch 1 as asked") != std::string::npos; }));
}

void TrainerTest::fastTextLearnsTinyData()
{
    QTemporaryDir dir;
    TrainConfig config = tinyConfig("FastText");
    config.train.epochs = 10;
    config.train.learningRate = 0.05;
    const auto result = train(config, dir.path());
    QVERIFY2(result.ok(), result.ok() ? "" : result.message().c_str());
    QVERIFY2(result->bestDevMicroF1 > 0.75, qPrintable(QString::number(result->bestDevMicroF1)));
}

void TrainerTest::singleLabelLearnsTinyData()
{
    QTemporaryDir dir;
    TrainConfig config = tinyConfig("TextCNN");
    config.model.task = TaskKind::SingleLabel;
    config.data.train = kData + "/single_train.jsonl";
    config.data.dev = kData + "/single_dev.jsonl";
    config.data.test.clear();
    const auto result = train(config, dir.path());
    QVERIFY2(result.ok(), result.ok() ? "" : result.message().c_str());
    // One prediction per document, so chance accuracy (= micro-F1) is 1/6.
    QVERIFY2(result->bestDevMicroF1 > 0.7, qPrintable(QString::number(result->bestDevMicroF1)));
    QVERIFY(result->testPerformanceLine.empty());
}

void TrainerTest::sameSeedGivesIdenticalResults()
{
    QTemporaryDir first, second;
    QVERIFY(train(tinyConfig("TextCNN"), first.path()).ok());
    QVERIFY(train(tinyConfig("TextCNN"), second.path()).ok());
    QCOMPARE(devF1PerEpoch(first.path()), devF1PerEpoch(second.path()));
    QCOMPARE(fileBytes(first.filePath("scores/test.scores")), fileBytes(second.filePath("scores/test.scores")));
}

void TrainerTest::resumeEqualsUninterruptedRun()
{
    // Dropout, shuffling and oversampling draw random numbers and the schedule depends on the
    // step, so exercise them all.
    const TrainConfig config = tinyConfig("TextCNN", R"(, "oversample": 3, "pos_weight": "auto", "lr_schedule": "linear")");
    QTemporaryDir whole, interrupted;
    QVERIFY(train(config, whole.path()).ok());

    std::atomic<bool> cancel{false};
    const auto stopped = train(config, interrupted.path(), false, &cancel, [&](const EpochReport& report) {
        if (report.epoch == 2) cancel = true;
    });
    QVERIFY2(stopped.ok(), stopped.ok() ? "" : stopped.message().c_str());
    QCOMPARE(stopped->status, TrainStatus::Cancelled);
    QCOMPARE(stopped->epochsDone, std::int64_t(2));
    QVERIFY(!QFileInfo::exists(interrupted.filePath("scores/test.scores")));

    const auto saved = Trainer::loadRunConfig(interrupted.path().toStdString());
    QVERIFY2(saved.ok(), saved.ok() ? "" : saved.message().c_str());
    const auto resumed = train(*saved, interrupted.path(), true);
    QVERIFY2(resumed.ok(), resumed.ok() ? "" : resumed.message().c_str());
    QCOMPARE(resumed->status, TrainStatus::Completed);
    QCOMPARE(resumed->epochsDone, std::int64_t(6));
    QCOMPARE(devF1PerEpoch(interrupted.path()), devF1PerEpoch(whole.path()));
    QCOMPARE(fileBytes(interrupted.filePath("scores/test.scores")), fileBytes(whole.filePath("scores/test.scores")));
    QCOMPARE(fileBytes(interrupted.filePath("model.pt")).size(), fileBytes(whole.filePath("model.pt")).size());
}

// Cancelled once the data is ready (the vocabulary line comes after the last check during data
// preparation): the first batch sees it, and the run can be resumed.
void TrainerTest::cancelBeforeFirstEpochLeavesResumableRun()
{
    QTemporaryDir dir;
    std::atomic<bool> cancel{false};
    const auto stopped = train(tinyConfig("FastText"), dir.path(), false, &cancel, {}, [&cancel](const std::string& line) {
        if (line.rfind("vocabulary:", 0) == 0) cancel = true;
    });
    QVERIFY(stopped.ok());
    QCOMPARE(stopped->status, TrainStatus::Cancelled);
    QCOMPARE(stopped->epochsDone, std::int64_t(0));
    const auto run = nlohmann::json::parse(fileBytes(dir.filePath("run.json")).toStdString());
    QCOMPARE(run.at("status").get<std::string>(), std::string("cancelled"));

    const auto resumed = train(*Trainer::loadRunConfig(dir.path().toStdString()), dir.path(), true);
    QVERIFY2(resumed.ok(), resumed.ok() ? "" : resumed.message().c_str());
    QCOMPARE(resumed->status, TrainStatus::Completed);
    QVERIFY(QFileInfo::exists(dir.filePath("scores/test.scores")));
}

// Cancelled while the files are read: nothing is trained, the folder does not become a run, and
// a new run can use it.
void TrainerTest::cancelWhileReadingDataLeavesNoRun()
{
    QTemporaryDir dir;
    const std::atomic<bool> cancel{true};
    std::vector<std::string> lines;
    const auto stopped = train(tinyConfig("TextCNN"), dir.path(), false, &cancel, {},
                               [&lines](const std::string& line) { lines.push_back(line); });
    QVERIFY2(stopped.ok(), stopped.ok() ? "" : stopped.message().c_str());
    QCOMPARE(stopped->status, TrainStatus::Cancelled);
    QCOMPARE(stopped->epochsDone, std::int64_t(0));
    QVERIFY(!QFileInfo::exists(dir.filePath("config.json")));
    QVERIFY(!QFileInfo::exists(dir.filePath("run.json")));
    QVERIFY(!QFileInfo::exists(dir.filePath("model.pt")));
    QCOMPARE(QString::fromStdString(lines.back()), QStringLiteral("cancelled while reading the data; nothing was trained"));
    QVERIFY(!Trainer::loadRunConfig(dir.path().toStdString()).ok());

    TrainConfig config = tinyConfig("TextCNN");
    config.train.epochs = 1;
    const auto fresh = train(config, dir.path());
    QVERIFY2(fresh.ok(), fresh.ok() ? "" : fresh.message().c_str());
    QCOMPARE(fresh->status, TrainStatus::Completed);
}

void TrainerTest::refusesToOverwriteARun()
{
    QTemporaryDir dir;
    TrainConfig config = tinyConfig("FastText");
    config.train.epochs = 1;
    QVERIFY(train(config, dir.path()).ok());
    const auto again = train(config, dir.path());
    QVERIFY(!again.ok());
    QVERIFY2(QString::fromStdString(again.message()).contains("already holds a run"), again.message().c_str());
}

void TrainerTest::fp16LossScalingOnTheCpuChangesNothing()
{
    // The trainer's loss-scaling path (scale, unscale, finite check, step, update) runs on CPU
    // tensors too; a power-of-two scale is exact, so every score must equal the float32 run's.
    QTemporaryDir plain, scaled;
    QVERIFY(train(tinyConfig("TextCNN"), plain.path()).ok());
    std::vector<std::string> log;
    const auto result = train(tinyConfig("TextCNN", R"(, "fp16": true)"), scaled.path(), false, nullptr, {},
                              [&](const std::string& line) { log.push_back(line); });
    QVERIFY2(result.ok(), result.ok() ? "" : result.message().c_str());
    QCOMPARE(devF1PerEpoch(scaled.path()), devF1PerEpoch(plain.path()));
    QCOMPARE(fileBytes(scaled.filePath("scores/test.scores")), fileBytes(plain.filePath("scores/test.scores")));
    bool explained = false;
    for (const auto& line : log) explained |= line.find("train.fp16: float16 autocast runs on CUDA only") == 0;
    QVERIFY(explained);
}

void TrainerTest::findBatchSizeOnTheCpuExplainsAndKeepsTheBatch()
{
    QTemporaryDir dir;
    TrainOptions options;
    options.runDir = dir.path().toStdString();
    options.device = "cpu";
    options.findBatchSize = true;
    TrainConfig config = tinyConfig("TextCNN");
    config.train.epochs = 1;
    Trainer trainer(config, options);
    std::vector<std::string> log;
    trainer.setLogCallback([&](const std::string& line) { log.push_back(line); });
    QVERIFY(trainer.run().ok());
    bool explained = false;
    for (const auto& line : log) explained |= line.find("--find-batch-size applies to GPUs") == 0;
    QVERIFY(explained);
    auto saved = Trainer::loadRunConfig(options.runDir);
    QVERIFY(saved.ok());
    QCOMPARE(saved->train.batchSize, std::int64_t(16));
}

void TrainerTest::rejectsPosWeightListOfWrongLength()
{
    QTemporaryDir dir;
    const auto result = train(tinyConfig("TextCNN", R"(, "pos_weight": [1, 2, 3])"), dir.path());
    QVERIFY(!result.ok());
    QVERIFY2(QString::fromStdString(result.message()).contains("train.pos_weight has 3 values but the training data has 6 labels"),
             result.message().c_str());
}


namespace {

nlohmann::json runJson(const QString& dir)
{
    std::ifstream in((dir + "/run.json").toStdString());
    return nlohmann::json::parse(in);
}

} // namespace

// SGD at a learning rate of 100 makes the weights infinite within the first epoch: the trainer
// rolls back and halves the rate until it trains, and says so.
void TrainerTest::divergenceRollsBackAndLowersTheLearningRate()
{
    QTemporaryDir dir;
    std::vector<std::string> log;
    TrainConfig config = tinyConfig("TextCNN", R"(, "optimizer": "sgd", "divergence_retries": 20)");
    config.train.learningRate = 100;
    config.train.epochs = 3;
    const auto result = train(config, dir.path(), false, nullptr, {}, [&log](const std::string& line) { log.push_back(line); });
    QVERIFY2(result.ok(), result.ok() ? "" : result.message().c_str());
    QCOMPARE(result->status, TrainStatus::Completed);
    QCOMPARE(result->epochsDone, std::int64_t(3));
    const auto rolledBack = std::count_if(log.begin(), log.end(), [](const std::string& line) {
        return line.find("the loss is not finite at epoch 1, step") == 0 && line.find("rolled back to the initial weights") != std::string::npos;
    });
    QVERIFY2(rolledBack >= 1, log.empty() ? "" : log.back().c_str());
    const nlohmann::json run = runJson(dir.path());
    QVERIFY(run.at("learning_rate_scale").get<double>() < 1.0);
    QVERIFY(result->bestDevMicroF1 > 0.5);
}

// Without retries a run that diverges after a good epoch stops at once, names where, and keeps
// (and scores) the best epoch; run.json tells the epochs that finished.
void TrainerTest::divergenceWithoutRetriesStopsAndKeepsTheBestEpoch()
{
    QTemporaryDir dir;
    std::atomic<bool> cancel{false};
    TrainConfig config = tinyConfig("TextCNN", R"(, "optimizer": "sgd", "divergence_retries": 0)");
    config.train.learningRate = 0.5;
    config.train.epochs = 3;
    const auto first = train(config, dir.path(), false, &cancel, [&cancel](const EpochReport& report) {
        if (report.epoch == 1) cancel = true;
    });
    QVERIFY(first.ok());
    QCOMPARE(first->epochsDone, std::int64_t(1));
    // The same run resumed at a learning rate that blows up.
    TrainConfig resumed = config;
    resumed.train.learningRate = 100;
    const auto result = train(resumed, dir.path(), true);
    QVERIFY2(result.ok(), result.ok() ? "" : result.message().c_str());
    QCOMPARE(result->status, TrainStatus::Diverged);
    QVERIFY2(QString::fromStdString(result->message).contains(QStringLiteral("at epoch 2, step")), result->message.c_str());
    QVERIFY2(QString::fromStdString(result->message).contains(QStringLiteral("kept the best epoch, 1")), result->message.c_str());
    QCOMPARE(result->bestEpoch, std::int64_t(1));
    QVERIFY(QFile::exists(dir.filePath("scores/dev.scores")));
    const nlohmann::json run = runJson(dir.path());
    QCOMPARE(run.at("status").get<std::string>(), std::string("diverged"));
    QCOMPARE(run.at("epochs_done").get<int>(), 1);
    QCOMPARE(run.at("best_epoch").get<int>(), 1);
}

void TrainerTest::bestEpochFollowsTheChosenMetric_data()
{
    QTest::addColumn<QString>("metric");
    QTest::newRow("micro_f1") << "micro_f1";
    QTest::newRow("macro_f1") << "macro_f1";
    QTest::newRow("dev_loss") << "dev_loss";
}

void TrainerTest::bestEpochFollowsTheChosenMetric()
{
    QFETCH(QString, metric);
    QTemporaryDir dir;
    TrainConfig config = tinyConfig("FastText", ", \"select_best_by\": \"" + metric.toStdString() + "\"");
    std::vector<EpochReport> reports;
    const auto result = train(config, dir.path(), false, nullptr, [&reports](const EpochReport& r) { reports.push_back(r); });
    QVERIFY(result.ok());
    // The best epoch is the first one with the best value of the metric (independent argmax).
    std::size_t best = 0;
    const auto value = [&](const EpochReport& r) {
        return metric == "micro_f1" ? r.devMicroF1 : metric == "macro_f1" ? r.devMacroF1 : -r.devLoss;
    };
    for (std::size_t i = 1; i < reports.size(); ++i)
        if (value(reports[i]) > value(reports[best]) + 1e-12) best = i;
    QCOMPARE(result->bestEpoch, reports[best].epoch);
    QCOMPARE(runJson(dir.path()).at("selected_by").get<std::string>(), metric.toStdString());
}

namespace {

/// Writes count documents to path: label "a" on every second one when labelled, else none;
/// labelled=false leaves every other document without labels.
void writeDocuments(const QString& path, int count, double shareA, bool someUnlabelled)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly)) qFatal("cannot write %s", qPrintable(path));
    for (int i = 0; i < count; ++i) {
        const bool a = i < static_cast<int>(shareA * count);
        const bool none = someUnlabelled && i % 2 == 1 && !a;
        const QByteArray labels = none ? "[]" : a ? "[\"a\"]" : "[\"b\"]";
        file.write("{\"text\": \"" + QByteArray(a ? "alpha word " : "beta word ") + QByteArray::number(i) + "\", \"labels\": " + labels + "}\n");
    }
}

} // namespace

void TrainerTest::unlabelledDocumentsAreDownsampled()
{
    QTemporaryDir data, run;
    writeDocuments(data.filePath("train.jsonl"), 400, 0.2, true);  // 160 of 400 without labels
    writeDocuments(data.filePath("dev.jsonl"), 60, 0.2, false);
    const std::string text = R"({"model": "FastText", "FastText": {"buckets": 1000}, "embedding": {"dimension": 16}, "data": {"train": "train.jsonl", "dev": "dev.jsonl"},
        "train": {"epochs": 3, "threads": 1, "early_stopping_patience": 0, "unlabelled_keep": 0.25}})";
    auto config = TrainConfig::parse(text, "keep.json", data.path().toStdString());
    QVERIFY2(config.ok(), config.ok() ? "" : config.message().c_str());
    std::vector<std::int64_t> examples;
    QVERIFY(train(*config, run.path(), false, nullptr, [&](const EpochReport& r) { examples.push_back(r.examples); }).ok());
    QCOMPARE(examples.size(), std::size_t(3));
    for (const auto n : examples) {
        // 240 labelled documents always, about a quarter of the 160 others.
        QVERIFY2(n > 240 + 20 && n < 240 + 60, qPrintable(QString::number(n)));
    }
    QVERIFY(examples[0] != examples[1] || examples[1] != examples[2]);  // a new draw each epoch
}

void TrainerTest::labelShiftBetweenSplitsIsReported()
{
    QTemporaryDir data, run;
    writeDocuments(data.filePath("train.jsonl"), 200, 0.05, false);  // a on 5% of train
    writeDocuments(data.filePath("dev.jsonl"), 200, 0.30, false);    // and on 30% of dev
    const std::string text = R"({"model": "FastText", "FastText": {"buckets": 1000}, "embedding": {"dimension": 16}, "data": {"train": "train.jsonl", "dev": "dev.jsonl"},
        "train": {"epochs": 1, "threads": 1}})";
    auto config = TrainConfig::parse(text, "shift.json", data.path().toStdString());
    QVERIFY(config.ok());
    std::vector<std::string> log;
    QVERIFY(train(*config, run.path(), false, nullptr, {}, [&log](const std::string& line) { log.push_back(line); }).ok());
    const auto warned = std::count_if(log.begin(), log.end(), [](const std::string& line) {
        return line == "warning: label a is on 5.00% of train documents but 30.00% of dev documents";
    });
    QCOMPARE(warned, 1L);
    const auto others = std::count_if(log.begin(), log.end(), [](const std::string& line) { return line.find("label b ") != std::string::npos; });
    QCOMPARE(others, 0L);  // 95% against 70%: not a shift worth a warning
}

QTEST_APPLESS_MAIN(TrainerTest)
#include "TrainerTest.moc"
