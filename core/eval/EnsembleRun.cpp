#include "core/eval/EnsembleRun.h"

#include "core/eval/DecisionRule.h"
#include "core/eval/RunFiles.h"
#include "core/util/AtomicFile.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace tagbench::eval {

namespace {

namespace fs = std::filesystem;

/// The global threshold in [0.01, 0.99] with the best micro-F1 (ties: the lower).
float bestThreshold(const ScoreMatrix& scores)
{
    float best = 0.5f;
    double bestF1 = -1.0;
    for (int step = 1; step <= 99; ++step) {
        const double f1 = evaluate(scores, DecisionRule(static_cast<float>(step) / 100.0f)).f1;
        if (f1 > bestF1 + 1e-12) {
            bestF1 = f1;
            best = static_cast<float>(step) / 100.0f;
        }
    }
    return best;
}

Result<std::string> readText(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) return Error{path + ": cannot open"};
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

} // namespace

bool isEnsembleRun(const std::string& runDir)
{
    std::error_code ec;
    return fs::is_regular_file(fs::path(runDir) / "ensemble.json", ec);
}

Result<EnsembleSpec> loadEnsembleRun(const std::string& runDir)
{
    const std::string path = (fs::path(runDir) / "ensemble.json").string();
    auto text = readText(path);
    if (!text) return text.error();
    auto spec = EnsembleSpec::fromJson(*text, path);
    if (!spec) return spec.error();
    for (auto& member : spec->members)
        if (fs::path(member.run).is_relative()) member.run = (fs::path(runDir) / member.run).lexically_normal().string();
    return spec;
}

Result<EnsembleRunSummary> createEnsembleRun(const EnsembleRequest& request)
{
    if (request.runs.size() < 2) return Error{"an ensemble needs at least two runs"};
    if (request.combination == EnsembleCombination::WeightedMean && !request.weights.empty()
        && request.weights.size() != request.runs.size())
        return Error{"give one weight per run (" + std::to_string(request.runs.size()) + "), not " + std::to_string(request.weights.size())};
    std::error_code ec;
    if (fs::exists(fs::path(request.outDir) / "ensemble.json", ec) || fs::exists(fs::path(request.outDir) / "config.json", ec))
        return Error{request.outDir + ": already holds a run; choose another folder"};

    EnsembleRunSummary summary;
    summary.spec.combination = request.combination;
    summary.spec.calibration = request.calibration;
    std::vector<RunSplit> dev, test;
    bool allTest = true;
    for (std::size_t i = 0; i < request.runs.size(); ++i) {
        auto split = loadRunSplit(request.runs[i], "dev");
        if (!split) return split.error();
        EnsembleMember member;
        const fs::path absolute = fs::absolute(request.runs[i], ec).lexically_normal();
        const fs::path out = fs::absolute(request.outDir, ec).lexically_normal();
        member.run = absolute.lexically_relative(out).string();
        if (member.run.empty()) member.run = absolute.string();
        member.labels = split->labels;
        member.calibration = Calibration::fit(split->scores, request.calibration);
        if (request.combination == EnsembleCombination::WeightedMean)
            member.weight = request.weights.empty() ? evaluate(split->scores, DecisionRule(bestThreshold(split->scores))).f1
                                                    : request.weights[i];
        summary.spec.members.push_back(std::move(member));
        dev.push_back(std::move(*split));
        std::error_code exists;
        if (allTest && fs::is_regular_file(runScoresPath(request.runs[i], "test"), exists)) {
            auto testSplit = loadRunSplit(request.runs[i], "test");
            if (!testSplit) return testSplit.error();
            test.push_back(std::move(*testSplit));
        } else {
            allTest = false;
        }
    }
    const auto pointers = [](const std::vector<RunSplit>& splits) {
        std::vector<const ScoreMatrix*> out;
        for (const auto& s : splits) out.push_back(&s.scores);
        return out;
    };
    auto devScores = combineScores(summary.spec, pointers(dev));
    if (!devScores) return Error{"dev: " + devScores.message()};
    std::optional<ScoreMatrix> testScores;
    if (allTest) {
        auto combined = combineScores(summary.spec, pointers(test));
        if (!combined) return Error{"test: " + combined.message()};
        testScores = std::move(*combined);
    }

    summary.threshold = bestThreshold(*devScores);
    const DecisionRule rule(summary.threshold);
    summary.dev = evaluate(*devScores, rule);
    if (testScores) summary.test = evaluate(*testScores, rule);

    fs::create_directories(fs::path(request.outDir) / "scores", ec);
    if (ec) return Error{request.outDir + ": cannot create the run folder: " + ec.message()};
    std::string labels;
    for (const auto& label : summary.spec.labels()) labels += label + '\n';
    if (auto s = writeFileAtomically(request.outDir + "/labels.txt", labels); !s) return s.error();
    if (auto s = devScores->save(runScoresPath(request.outDir, "dev")); !s) return s.error();
    if (testScores)
        if (auto s = testScores->save(runScoresPath(request.outDir, "test")); !s) return s.error();
    if (auto s = rule.save(request.outDir + "/rule.json", summary.spec.labels()); !s) return s.error();
    nlohmann::json run = {{"status", "completed"},
                          {"model", "Ensemble"},
                          {"combination", ensembleCombinationName(request.combination)},
                          {"calibration", Calibration::methodName(request.calibration)},
                          {"members", request.runs.size()},
                          {"threshold", summary.threshold},
                          {"best_epoch", 0},
                          {"dev_performance", performanceLine(summary.dev)}};
    if (summary.test) {
        run["test_performance"] = performanceLine(*summary.test);
        run["test_micro_f1"] = summary.test->f1;
        run["test_macro_f1"] = summary.test->macroF1;
    }
    if (auto s = writeFileAtomically(request.outDir + "/run.json", run.dump(2) + "\n"); !s) return s.error();
    // Written last: ensemble.json marks the folder as an ensemble run.
    if (auto s = writeFileAtomically(request.outDir + "/ensemble.json", summary.spec.toJson()); !s) return s.error();
    return summary;
}

} // namespace tagbench::eval
