#include "core/train/EpochEvaluation.h"

#include "core/eval/Metrics.h"
#include "core/train/TrainingRule.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>

namespace tagbench {

namespace {

using nlohmann::json;

json metricsJson(const eval::Metrics& m, float threshold, const std::vector<std::string>& labelNames)
{
    // The keys right/predict/standard are the file format of metrics.jsonl since 0.1.
    json j = {{"threshold", threshold}, {"precision", m.precision}, {"recall", m.recall}, {"micro_f1", m.f1},
              {"macro_f1", m.macroF1},  {"right", m.truePositives}, {"predict", m.predicted}, {"standard", m.gold}};
    json labels = json::array();
    for (std::size_t l = 0; l < m.labels.size(); ++l) {
        const auto& lm = m.labels[l];
        labels.push_back({{"label", labelNames[l]}, {"precision", lm.precision}, {"recall", lm.recall}, {"f1", lm.f1},
                          {"support", lm.counts.support}, {"predicted", lm.counts.predicted}});
    }
    j["labels"] = std::move(labels);
    return j;
}

} // namespace

float bestGlobalThreshold(const eval::ScoreMatrix& scores, int topK)
{
    float best = 0.5f;
    double bestF1 = -1.0;
    for (int step = 5; step <= 95; ++step) {
        eval::DecisionRule rule(static_cast<float>(step) / 100.0f);
        rule.setTopK(topK);
        const double f1 = eval::evaluate(scores, rule).f1;
        if (f1 > bestF1 + 1e-12) {
            bestF1 = f1;
            best = rule.globalThreshold();
        }
    }
    return best;
}

float evaluationThreshold(const eval::ScoreMatrix& dev, const TrainConfig& config)
{
    return config.eval.thresholdFromDev && config.model.task == TaskKind::MultiLabel
               ? bestGlobalThreshold(dev, static_cast<int>(config.eval.topK))
               : static_cast<float>(config.eval.threshold);
}

double devLoss(const eval::ScoreMatrix& scores, TaskKind task)
{
    constexpr double kFloor = 1e-7;  // log(0) of a saturated sigmoid would make one document infinite
    const std::size_t labels = scores.labelCount();
    double total = 0.0;
    std::vector<char> isGold(labels, 0);
    for (std::size_t d = 0; d < scores.documentCount(); ++d) {
        const float* row = scores.row(d);
        const auto gold = scores.gold(d);
        if (task == TaskKind::SingleLabel) {
            if (!gold.empty()) total -= std::log(std::max<double>(row[*gold.begin()], kFloor));
            continue;
        }
        for (const auto label : gold) isGold[label] = 1;
        for (std::size_t l = 0; l < labels; ++l) {
            const double p = std::clamp<double>(row[l], kFloor, 1.0 - kFloor);
            total -= isGold[l] ? std::log(p) : std::log1p(-p);
        }
        for (const auto label : gold) isGold[label] = 0;
    }
    return scores.documentCount() > 0 ? total / static_cast<double>(scores.documentCount()) : 0.0;
}

EpochReport epochReport(const eval::Metrics& metrics, const eval::ScoreMatrix& devScores, TaskKind task, std::int64_t epoch,
                        double trainLoss, double seconds, std::int64_t examples)
{
    EpochReport report;
    report.epoch = epoch;
    report.trainLoss = trainLoss;
    report.seconds = seconds;
    report.examples = examples;
    report.examplesPerSecond = static_cast<double>(examples) / std::max(seconds, 1e-9);
    report.devPrecision = metrics.precision;
    report.devRecall = metrics.recall;
    report.devMicroF1 = metrics.f1;
    report.devMacroF1 = metrics.macroF1;
    report.devLoss = devLoss(devScores, task);
    report.devLabelF1.reserve(metrics.labels.size());
    for (const auto& label : metrics.labels) report.devLabelF1.push_back(label.f1);
    return report;
}

double selectionScore(const EpochReport& report, const std::string& selectBestBy)
{
    if (selectBestBy == "macro_f1") return report.devMacroF1;
    if (selectBestBy == "dev_loss") return -report.devLoss;
    return report.devMicroF1;
}

std::string epochJsonLine(const EpochReport& report, const eval::Metrics& dev, float threshold,
                          const std::vector<std::string>& labelNames)
{
    const json line = {{"epoch", report.epoch},
                       {"train_loss", report.trainLoss},
                       {"seconds", report.seconds},
                       {"examples_per_second", report.examplesPerSecond},
                       {"best", report.best},
                       {"dev_loss", report.devLoss},
                       {"dev", metricsJson(dev, threshold, labelNames)}};
    return line.dump();
}

} // namespace tagbench
