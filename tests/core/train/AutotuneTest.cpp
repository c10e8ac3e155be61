#include "core/train/Autotune.h"

#include "core/eval/RunFiles.h"

#include <QtTest>
#include <QTemporaryDir>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>

using namespace tagbench;

namespace {

const std::string kData = TAGBENCH_TEST_DATA "/export";

AutotuneRequest tinyRequest(const QString& outDir)
{
    AutotuneRequest request;
    request.train = kData + "/train.jsonl";
    request.dev = kData + "/dev.jsonl";
    request.outDir = outDir.toStdString();
    request.models = {"linear", "textcnn"};
    request.budgetSeconds = 120;  // the tiny trials take a second or two: no time limit cuts one
    request.threads = 1;
    request.device = "cpu";
    request.seed = 5;
    return request;
}

/// Writes the dev documents with every document's labels taken from the next one: a test split
/// that scores differently but must not change what is chosen.
std::string writeScrambledCopy(const std::string& from, const QString& to)
{
    std::ifstream in(from);
    std::vector<nlohmann::json> documents;
    for (std::string line; std::getline(in, line);)
        if (!line.empty()) documents.push_back(nlohmann::json::parse(line));
    std::ofstream out(to.toStdString());
    for (std::size_t i = 0; i < documents.size(); ++i) {
        nlohmann::json document = documents[i];
        document["labels"] = documents[(i + 1) % documents.size()]["labels"];
        out << document.dump() << '\n';
    }
    return to.toStdString();
}

} // namespace

class AutotuneTest final : public QObject {
    Q_OBJECT

private slots:
    void choosesTheBestCrossValidatedCandidate();
    void theTestSplitNeverInfluencesTheChoice();
    void rejectsBadRequests_data();
    void rejectsBadRequests();
    void cancelledBeforeAnyTrialIsAnError();
};

void AutotuneTest::choosesTheBestCrossValidatedCandidate()
{
    QTemporaryDir dir;
    const QString out = dir.path() + "/best";
    auto result = autotune(tinyRequest(out));
    QVERIFY2(result, result ? "" : result.message().c_str());

    std::vector<const AutotuneTrial*> finished;
    for (const auto& trial : result->trials)
        if (trial.status == "done" || trial.status == "pruned") finished.push_back(&trial);
    QVERIFY(finished.size() >= 4);  // both kinds, every settings of the search spaces
    for (const AutotuneTrial* trial : finished) {
        QVERIFY2(result->crossValidated >= trial->crossValidated - 1e-12, trial->name.c_str());
        // A trial that lost keeps what explains it, not its weights.
        const auto trialDir = std::filesystem::path(out.toStdString()) / "trials" / trial->name;
        if (result->chosen.find(trial->name) == std::string::npos) {
            QVERIFY(std::filesystem::exists(trialDir / "metrics.jsonl"));
            QVERIFY(!std::filesystem::exists(trialDir / "model.pt"));
        }
    }
    if (result->chosen.rfind("ensemble of ", 0) != 0) {
        const auto chosen = std::find_if(finished.begin(), finished.end(), [&](const AutotuneTrial* t) { return t->name == result->chosen; });
        QVERIFY(chosen != finished.end());
        QCOMPARE((*chosen)->crossValidated, result->crossValidated);
        // The rule tuned on dev is never worse on dev than the training threshold.
        auto split = eval::loadRunSplit(out.toStdString(), "dev");
        QVERIFY(split);
        auto trainingRule = eval::trainingRule(out.toStdString(), split->labels);
        QVERIFY(trainingRule);
        QVERIFY(result->dev.f1 >= eval::evaluate(split->scores, trainingRule->rule).f1 - 1e-12);
    }
    // The chosen run is a run like any other: its tuned rule, labels and the record of the search.
    auto dev = eval::loadRunUnderRule(out.toStdString(), "dev");
    QVERIFY2(dev, dev ? "" : dev.message().c_str());
    QCOMPARE(dev->rule.source.find("rule.json") != std::string::npos, true);
    QCOMPARE(eval::evaluate(dev->split.scores, dev->rule.rule).f1, result->dev.f1);
    std::ifstream summaryFile(out.toStdString() + "/autotune.json");
    const auto summary = nlohmann::json::parse(summaryFile);
    QCOMPARE(summary.at("trials").size(), result->trials.size());
    QCOMPARE(summary.at("chosen").get<std::string>(), result->chosen);
    QVERIFY(!result->test);  // no test split given, none scored
}

void AutotuneTest::theTestSplitNeverInfluencesTheChoice()
{
    QTemporaryDir dir;
    AutotuneRequest same = tinyRequest(dir.path() + "/same");
    same.test = kData + "/dev.jsonl";
    AutotuneRequest scrambled = tinyRequest(dir.path() + "/scrambled");
    scrambled.test = writeScrambledCopy(kData + "/dev.jsonl", dir.path() + "/scrambled.jsonl");
    auto a = autotune(same);
    auto b = autotune(scrambled);
    QVERIFY2(a && b, a ? (b ? "" : b.message().c_str()) : a.message().c_str());
    QCOMPARE(a->chosen, b->chosen);
    QCOMPARE(a->crossValidated, b->crossValidated);
    QCOMPARE(a->trials.size(), b->trials.size());
    for (std::size_t i = 0; i < a->trials.size(); ++i) QCOMPARE(a->trials[i].crossValidated, b->trials[i].crossValidated);
    QVERIFY(a->test && b->test);
    QCOMPARE(a->test->f1, a->dev.f1);        // test = dev here
    QVERIFY(b->test->f1 < a->test->f1 - 0.1);  // scored, but only at the end
}

void AutotuneTest::rejectsBadRequests_data()
{
    QTest::addColumn<QString>("models");
    QTest::addColumn<QString>("objective");
    QTest::addColumn<QString>("expected");
    QTest::newRow("unknown kind") << "linear,svm" << "micro-f1" << "unknown model kind \"svm\"";
    QTest::newRow("bert without a checkpoint") << "bert" << "micro-f1" << "--bert-checkpoint";
    QTest::newRow("objective") << "linear" << "accuracy" << "--objective";
}

void AutotuneTest::rejectsBadRequests()
{
    QFETCH(QString, models);
    QFETCH(QString, objective);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    AutotuneRequest request = tinyRequest(dir.path() + "/out");
    request.models.clear();
    for (const QString& m : models.split(',')) request.models.push_back(m.toStdString());
    request.objective = objective.toStdString();
    auto result = autotune(request);
    QVERIFY(!result);
    QVERIFY2(result.message().find(expected.toStdString()) != std::string::npos, result.message().c_str());
}

void AutotuneTest::cancelledBeforeAnyTrialIsAnError()
{
    QTemporaryDir dir;
    const std::atomic<bool> cancel{true};
    auto result = autotune(tinyRequest(dir.path() + "/out"), &cancel);
    QVERIFY(!result);
    QVERIFY2(result.message().find("no trial finished") != std::string::npos, result.message().c_str());
    // A folder that already holds a search is not overwritten.
    QVERIFY(std::filesystem::exists(dir.path().toStdString() + "/out/trials"));
    auto again = autotune(tinyRequest(dir.path() + "/out"));
    QVERIFY(!again);
    QVERIFY2(again.message().find("already holds a run") != std::string::npos, again.message().c_str());
}

QTEST_GUILESS_MAIN(AutotuneTest)
#include "AutotuneTest.moc"
