#include "core/train/Trainer.h"

#include <QtTest>

#include <nlohmann/json.hpp>

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
    void fp16LossScalingOnTheCpuChangesNothing();
    void findBatchSizeOnTheCpuExplainsAndKeepsTheBatch();
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

QTEST_APPLESS_MAIN(TrainerTest)
#include "TrainerTest.moc"
