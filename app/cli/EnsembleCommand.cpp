// tagbench-cli ensemble: combine runs on one split (mean, intersection, union, two-stage).
#include "app/cli/CliArgs.h"
#include "app/cli/CommandLine.h"
#include "app/cli/RunCommandSupport.h"
#include "app/cli/Commands.h"
#include "core/eval/Ensemble.h"
#include "core/eval/EnsembleRun.h"
#include "core/eval/Metrics.h"
#include "core/eval/RunFiles.h"

#include <cstdio>
#include <cstdlib>
#include <ostream>

namespace tagbench::cli {

namespace {

using namespace tagbench::eval;

const char* const kEnsembleHelp = R"(Usage: tagbench-cli ensemble --run A --run B [--run C ...] [options]
       tagbench-cli ensemble --run MULTI --binary-run BINARY --label NAME [options]
       tagbench-cli ensemble --run A --run B [...] --out DIR [--combine C] [--calibrate M] [--weights W,...]

Combines runs on one split and prints the metrics of each run and of the combination.
  mean          average the scores, then apply --threshold/--top-k (default)
  intersection  a label is predicted when every run predicts it (each under its own rule)
  union         a label is predicted when any run predicts it (each under its own rule)
Two-stage: the scores of BINARY (a dedicated run for one label) replace the column NAME of
MULTI, which is then evaluated under MULTI's rule.

With --out, the combination becomes a run of its own in DIR (ensemble.json, scores/, rule.json):
each member's scores are calibrated on its dev split first (--calibrate platt|isotonic|none,
default platt), then combined per label (--combine mean|weighted|intersection|union, default
mean; intersection and union are the minimum and maximum of the calibrated scores, so at one
threshold they are exactly the members' agreement and either member's decision; weighted uses
--weights or, without them, each member's dev micro-F1). DIR is then tuned (tagbench-cli tune),
reviewed, compared and exported (tagbench-cli export) like any run: one bundle predicts with all
members.

Options:
  --split NAME        dev | test (default test)
  --mode MODE         mean | intersection | union (default mean)
  --threshold T       threshold of the mean mode (default 0.5)
  --top-k K           top-k of the mean mode (default 0 = unlimited)
)";

int createRun(const std::vector<std::string>& runs, const CliArgs& args, std::ostream& out, std::ostream& err)
{
    if (runs.size() < 2) return usageError(err, "ensemble", "give at least two runs (--run A --run B)", kEnsembleHelp);
    EnsembleRequest request;
    request.runs = runs;
    request.outDir = args.value("out");
    auto combination = parseEnsembleCombination(args.value("combine", "mean"));
    if (!combination) return usageError(err, "ensemble", "--combine: " + combination.message(), kEnsembleHelp);
    request.combination = *combination;
    auto method = Calibration::parseMethod(args.value("calibrate", "platt"));
    if (!method) return usageError(err, "ensemble", "--calibrate: " + method.message(), kEnsembleHelp);
    request.calibration = *method;
    const std::string weights = args.value("weights");
    for (std::size_t start = 0; !weights.empty() && start <= weights.size();) {
        const std::size_t comma = std::min(weights.find(',', start), weights.size());
        const std::string item = weights.substr(start, comma - start);
        char* end = nullptr;
        const double w = std::strtod(item.c_str(), &end);
        if (item.empty() || *end != '\0' || w < 0) return usageError(err, "ensemble", "--weights needs numbers >= 0 separated by commas", kEnsembleHelp);
        request.weights.push_back(w);
        start = comma + 1;
    }
    auto summary = createEnsembleRun(request);
    if (!summary) {
        err << "tagbench-cli ensemble: " << summary.message() << '\n';
        return 1;
    }
    out << "Ensemble run " << request.outDir << ": " << ensembleCombinationName(request.combination) << " of " << runs.size()
        << " runs, calibration " << Calibration::methodName(request.calibration) << ", threshold " << fixed(summary->threshold, 2)
        << " (best on dev)\n";
    out << "dev:  " << performanceLine(summary->dev) << '\n';
    if (summary->test) out << "test: " << performanceLine(*summary->test) << '\n';
    return 0;
}

} // namespace

int runEnsemble(const std::vector<std::string>& arguments, std::ostream& out, std::ostream& err)
{
    std::vector<std::string> rest = arguments;
    const std::vector<std::string> runs = takeRuns(rest);
    const CommandLine commandLine = parseCommandLine(
        rest, "ensemble", kEnsembleHelp, {"split", "mode", "threshold", "top-k", "binary-run", "label", "out", "combine", "calibrate", "weights"}, {},
        out, err);
    if (!commandLine.args) return commandLine.exitCode;
    const CliArgs& args = *commandLine.args;
    if (args.has("out")) return createRun(runs, args, out, err);
    auto split = splitName(args);
    if (!split) return usageError(err, "ensemble", split.message(), kEnsembleHelp);
    const bool twoStage = args.has("binary-run");
    if (twoStage && (runs.size() != 1 || args.value("label").empty()))
        return usageError(err, "ensemble", "two-stage needs one --run, --binary-run and --label", kEnsembleHelp);
    if (!twoStage && runs.size() < 2) return usageError(err, "ensemble", "give at least two runs (--run A --run B)", kEnsembleHelp);
    const std::string mode = args.value("mode", "mean");
    if (mode != "mean" && mode != "intersection" && mode != "union")
        return usageError(err, "ensemble", "--mode must be mean, intersection or union", kEnsembleHelp);
    char* end = nullptr;
    const std::string thresholdText = args.value("threshold", "0.5");
    const float threshold = std::strtof(thresholdText.c_str(), &end);
    if (thresholdText.empty() || *end != '\0') return usageError(err, "ensemble", "--threshold needs a number", kEnsembleHelp);
    const std::string topKText = args.value("top-k", "0");
    const long topK = std::strtol(topKText.c_str(), &end, 10);
    if (topKText.empty() || *end != '\0' || topK < 0) return usageError(err, "ensemble", "--top-k needs an integer >= 0", kEnsembleHelp);

    std::vector<RunUnderRule> loaded;
    for (const auto& dir : runs) {
        auto run = loadRunUnderRule(dir, *split);
        if (!run) {
            err << "tagbench-cli ensemble: " << run.message() << '\n';
            return 1;
        }
        out << "Run " << loaded.size() + 1 << ": " << dir << " (" << run->rule.source << ")\n   "
            << performanceLine(evaluate(run->split.scores, run->rule.rule)) << '\n';
        loaded.push_back(std::move(*run));
    }
    const auto fail = [&](const std::string& message) {
        err << "tagbench-cli ensemble: " << message << '\n';
        return 1;
    };
    if (twoStage) {
        auto binary = ScoreMatrix::load(runScoresPath(args.value("binary-run"), *split));
        if (!binary) return fail(binary.message());
        auto combined = overrideLabelScores(loaded[0].split.scores, *binary, args.value("label"));
        if (!combined) return fail(combined.message());
        out << "Two-stage (" << args.value("label") << " from " << args.value("binary-run") << ")\n   "
            << performanceLine(evaluate(*combined, loaded[0].rule.rule)) << '\n';
        return 0;
    }
    std::vector<const ScoreMatrix*> matrices;
    std::vector<DecisionRule> rules;
    for (const auto& run : loaded) {
        matrices.push_back(&run.split.scores);
        rules.push_back(run.rule.rule);
    }
    if (mode == "mean") {
        auto mean = meanScores(matrices);
        if (!mean) return fail(mean.message());
        DecisionRule rule(threshold);
        rule.setTopK(static_cast<int>(topK));
        out << "Mean of " << runs.size() << " runs (threshold " << fixed(threshold, 4) << ", top-k " << topK << ")\n   "
            << performanceLine(evaluate(*mean, rule)) << '\n';
        return 0;
    }
    auto combined = combineDecisions(
        matrices, rules, mode == "intersection" ? DecisionCombination::Intersection : DecisionCombination::Union);
    if (!combined) return fail(combined.message());
    out << (mode == "intersection" ? "Intersection" : "Union") << " of " << runs.size() << " runs\n   "
        << performanceLine(*combined) << '\n';
    return 0;
}

} // namespace tagbench::cli
