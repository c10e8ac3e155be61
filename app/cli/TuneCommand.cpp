// tagbench-cli tune: choose the decision rule (thresholds, top-k) of a run on its dev scores.
#include "app/cli/CliArgs.h"
#include "app/cli/CommandLine.h"
#include "app/cli/Commands.h"
#include "app/cli/RunCommandSupport.h"
#include "core/eval/Calibration.h"
#include "core/eval/InteractiveEvaluator.h"
#include "core/eval/Metrics.h"
#include "core/eval/ReliabilityDiagram.h"
#include "core/eval/RunFiles.h"
#include "core/eval/ThresholdTuner.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <optional>
#include <ostream>
#include <sys/stat.h>

namespace tagbench::cli {

namespace {

using namespace tagbench::eval;

constexpr std::size_t kLabelsNamed = 10;

const char* const kTuneHelp = R"(Usage: tagbench-cli tune --run RUN_DIR [options]

Chooses a decision rule on RUN_DIR/scores/dev.scores, prints dev and test metrics before (the
run's eval config: threshold and top_k of config.json, else 0.5) and after, an estimate of the
tuned rule on unseen documents (k-fold cross-validation over dev), and writes RUN_DIR/rule.json
atomically. A score equal to a threshold counts as positive.

Options:
  --objective OBJ     micro-f1 (default; f1 is the same) | macro-f1 | fbeta:B
                      | precision>=X (max recall with precision >= X)
                      | recall>=X (max precision with recall >= X)
  --per-label         one threshold per label (else a single global threshold). micro-f1 and
                      fbeta move a label's threshold only where that raises the micro value
                      (coordinate ascent from the best global threshold, so never below it);
                      macro-f1 takes each label's best F1, pulled toward the global threshold
                      by its dev support; precision/recall floors hold for each label
  --min-support N     with --per-label: labels with fewer than N dev documents keep the global
                      threshold (default 5)
  --shrinkage M       with macro-f1 --per-label: t = (n t_label + M t_global) / (n + M) for a
                      label with n dev documents (default 10)
  --calibrate METHOD  platt | isotonic | none (default): fit a per-label calibration on dev and
                      keep it in rule.json; thresholds are then probabilities
  --folds K           cross-validation folds for the estimate (default 5; 0 = skip it)
  --top-k K|auto      at most K labels per document (0 = unlimited); auto tries 1..--max-top-k and
                      0 and keeps the best dev micro-F1 (macro-F1 for macro-f1)
                      (default: the run's eval top_k)
  --max-top-k N       largest K that auto tries (default 10)
  --at-least-one      give a document with no label its best label
  --dry-run           print the metrics but do not write rule.json
)";

Result<long long> integer(const CliArgs& args, const std::string& flag, long long fallback, long long min)
{
    if (!args.has(flag)) return fallback;
    const std::string text = args.value(flag);
    char* end = nullptr;
    const long long value = std::strtoll(text.c_str(), &end, 10);
    if (text.empty() || *end != '\0' || value < min)
        return Error{"--" + flag + " needs an integer >= " + std::to_string(min) + ", got '" + text + "'"};
    return value;
}

std::string describe(const DecisionRule& rule)
{
    std::string text = "global threshold " + fixed(rule.globalThreshold(), 4) + ", top-k " +
                       (rule.topK() == 0 ? std::string("unlimited") : std::to_string(rule.topK()));
    if (!rule.labelThresholds().empty()) text += ", " + std::to_string(rule.labelThresholds().size()) + " label thresholds";
    if (!rule.disabledLabels().empty()) text += ", " + std::to_string(rule.disabledLabels().size()) + " disabled labels";
    if (rule.atLeastOne()) text += ", at least one label";
    if (!rule.calibration().empty()) text += std::string(", ") + Calibration::methodName(rule.calibration().method()) + " calibration";
    return text;
}

std::string nameLabels(const std::vector<std::uint32_t>& indices, const std::vector<std::string>& names)
{
    std::string text;
    for (std::size_t i = 0; i < indices.size() && i < kLabelsNamed; ++i) text += (i ? ", " : "") + names[indices[i]];
    if (indices.size() > kLabelsNamed) text += " (+" + std::to_string(indices.size() - kLabelsNamed) + " more)";
    return text;
}

std::string labelCount(std::size_t count)
{
    return std::to_string(count) + (count == 1 ? " label" : " labels");
}

bool exists(const std::string& path)
{
    struct stat info {};
    return ::stat(path.c_str(), &info) == 0;
}

Result<TuneOptions> tuneOptions(const CliArgs& args, const DecisionRule& before)
{
    TuneOptions options;
    auto objective = TuneObjective::parse(args.value("objective", "micro-f1"));
    if (!objective) return objective.error();
    options.objective = *objective;
    auto folds = integer(args, "folds", 5, 0);
    if (!folds || *folds == 1) return Error{"--folds needs 0 (no estimate) or an integer >= 2, got '" + args.value("folds") + "'"};
    options.folds = static_cast<int>(*folds);
    if (args.has("shrinkage")) {
        const std::string text = args.value("shrinkage");
        char* end = nullptr;
        const double m = std::strtod(text.c_str(), &end);
        if (text.empty() || *end != '\0' || !(m >= 0.0) || !std::isfinite(m))
            return Error{"--shrinkage needs a number >= 0, got '" + text + "'"};
        options.shrinkage = m;
    }
    options.perLabel = args.has("per-label");
    options.atLeastOne = args.has("at-least-one") || before.atLeastOne();
    auto minSupport = integer(args, "min-support", 5, 0);
    if (!minSupport) return minSupport.error();
    options.minSupport = *minSupport;
    auto maxTopK = integer(args, "max-top-k", 10, 1);
    if (!maxTopK) return maxTopK.error();
    options.maxTopK = static_cast<int>(*maxTopK);
    options.topK = before.topK();
    if (args.value("top-k") == "auto") {
        options.autoTopK = true;
    } else {
        auto topK = integer(args, "top-k", before.topK(), 0);
        if (!topK) return Error{"--top-k needs 'auto' or an integer >= 0, got '" + args.value("top-k") + "'"};
        options.topK = static_cast<int>(*topK);
    }
    return options;
}

double ece(const ScoreMatrix& scores, const Calibration& calibration)
{
    return ReliabilityDiagram::compute(scores, calibration).overall().ece;
}

// "  micro-F1: dev 0.7100, cross-validated 0.6600 +/- 0.0200"
void printEstimate(std::ostream& out, const TuneOptions& options, const TuneResult& tuned)
{
    const CrossValidation& cv = *tuned.crossValidated;
    out << "Estimate on unseen documents (" << cv.folds << "-fold cross-validation over dev: the same tuning on "
        << cv.folds - 1 << "/" << cv.folds << " of it, measured on the rest):\n";
    out << "  micro-F1: dev " << fixed(tuned.dev.f1, 4) << ", cross-validated " << fixed(cv.microF1, 4) << " +/- "
        << fixed(cv.microF1Deviation, 4) << '\n';
    out << "  macro-F1: dev " << fixed(tuned.dev.macroF1, 4) << ", cross-validated " << fixed(cv.macroF1, 4) << " +/- "
        << fixed(cv.macroF1Deviation, 4) << '\n';
    const auto kind = options.objective.kind;
    if (kind != TuneObjective::Kind::MicroF1 && kind != TuneObjective::Kind::MacroF1)
        out << "  " << options.objective.toString() << ": dev " << fixed(tuned.devObjective, 4) << ", cross-validated "
            << fixed(cv.objective, 4) << '\n';
}

} // namespace

int runTune(const std::vector<std::string>& arguments, std::ostream& out, std::ostream& err)
{
    const CommandLine commandLine =
        parseCommandLine(arguments, "tune", kTuneHelp, {"run", "objective", "min-support", "top-k", "max-top-k", "calibrate", "folds", "shrinkage"},
                         {"per-label", "at-least-one", "dry-run"}, out, err);
    if (!commandLine.args) return commandLine.exitCode;
    const CliArgs& args = *commandLine.args;
    const std::string runDir = args.value("run");
    if (runDir.empty() || !args.positionals().empty()) {
        return usageError(err, "tune", "give the run directory with --run RUN_DIR", kTuneHelp);
    }
    const auto fail = [&](const std::string& message) {
        err << "tagbench-cli tune: " << message << '\n';
        return 1;
    };

    auto dev = loadRunSplit(runDir, "dev");
    if (!dev) return fail(dev.message());
    std::optional<RunSplit> test;
    const std::string testPath = runScoresPath(runDir, "test");
    if (exists(testPath)) {
        auto loaded = loadRunSplit(runDir, "test");
        if (!loaded) return fail(loaded.message());
        test = std::move(*loaded);
    }
    const std::vector<std::string>& labels = dev->labels;
    auto before = trainingRule(runDir, labels);
    if (!before) return fail(before.message());
    auto options = tuneOptions(args, before->rule);
    auto method = Calibration::parseMethod(args.value("calibrate", "none"));
    if (!options || !method) {
        err << "tagbench-cli tune: " << (options ? method.message() : options.message()) << '\n';
        return 2;
    }

    auto devScores = std::make_shared<const ScoreMatrix>(std::move(dev->scores));
    // The rule to tune from: the run's, with a calibration fitted on dev when asked for.
    DecisionRule start = before->rule;
    start.setCalibration(Calibration::fit(*devScores, *method));
    auto evaluator = InteractiveEvaluator::create(devScores, before->rule);
    if (!evaluator) return fail(evaluator.message());
    const Metrics devBefore = (*evaluator)->metrics();
    std::optional<Metrics> testBefore;
    if (test) testBefore = evaluate(test->scores, before->rule);

    out << "Run: " << runDir << " (" << labels.size() << " labels; dev " << devScores->documentCount()
        << " documents" << (test ? "; test " + std::to_string(test->scores.documentCount()) + " documents" : "")
        << ")\n";
    if (!test) out << "No " << testPath << ": test metrics are skipped.\n";
    out << "Objective: " << options->objective.toString() << (options->perLabel ? ", per-label thresholds" : ", global threshold")
        << ", top-k " << (options->autoTopK ? "auto (1.." + std::to_string(options->maxTopK) + ", 0)" : std::to_string(options->topK))
        << '\n';
    out << "Before (" << before->source << ": " << describe(before->rule) << "):\n";
    out << "  dev:  " << performanceLine(devBefore) << '\n';
    if (testBefore) out << "  test: " << performanceLine(*testBefore) << '\n';
    if (!start.calibration().empty()) {
        // Expected calibration error of the scores as probabilities, raw and calibrated.
        out << "Calibration: " << Calibration::methodName(*method) << ", fitted on dev; expected calibration error dev "
            << fixed(ece(*devScores, Calibration()), 4) << " -> " << fixed(ece(*devScores, start.calibration()), 4);
        if (test)
            out << ", test " << fixed(ece(test->scores, Calibration()), 4) << " -> " << fixed(ece(test->scores, start.calibration()), 4);
        out << '\n';
        if (auto s = (*evaluator)->setRule(start); !s) return fail(s.message());
    }

    auto tuned = tuneRule(**evaluator, *options, start);
    if (!tuned) return fail(tuned.message());
    if (tuned->globalInfeasible)
        out << "No global threshold reaches " << options->objective.toString() << " on dev; it stays "
            << fixed(before->rule.globalThreshold(), 4) << ".\n";
    if (!tuned->topKTrials.empty()) {
        out << "Top-k on dev (" << (options->objective.kind == TuneObjective::Kind::MacroF1 ? "macro-F1" : "micro-F1") << "):";
        for (const auto& [k, f1] : tuned->topKTrials) out << ' ' << (k == 0 ? std::string("unlimited") : std::to_string(k)) << '=' << fixed(f1, 4);
        out << '\n';
    }
    out << "After (" << describe(tuned->rule) << "):\n";
    out << "  dev:  " << performanceLine(tuned->dev) << '\n';
    if (test) out << "  test: " << performanceLine(evaluate(test->scores, tuned->rule)) << '\n';
    if (!tuned->lowSupportLabels.empty())
        out << "Min support " << options->minSupport << ": " << labelCount(tuned->lowSupportLabels.size())
            << " with fewer dev documents use the global threshold: "
            << nameLabels(tuned->lowSupportLabels, labels) << '\n';
    if (!tuned->infeasibleLabels.empty())
        out << "No threshold reaches " << options->objective.toString() << " for "
            << labelCount(tuned->infeasibleLabels.size()) << "; they use the global threshold: " << nameLabels(tuned->infeasibleLabels, labels) << '\n';
    if (tuned->passes > 0)
        out << "Per-label thresholds (coordinate ascent, " << tuned->passes << (tuned->passes == 1 ? " pass" : " passes")
            << "): dev " << options->objective.toString() << ' ' << fixed(options->objective.of(tuned->globalDev), 4)
            << " at the best global threshold -> " << fixed(tuned->devObjective, 4) << '\n';
    if (tuned->crossValidated) printEstimate(out, *options, *tuned);
    if (args.has("dry-run")) {
        out << "Dry run: rule.json not written.\n";
        return 0;
    }
    const std::string rulePath = runDir + (runDir.back() == '/' ? "" : "/") + "rule.json";
    if (auto saved = tuned->rule.save(rulePath, labels); !saved) return fail(saved.message());
    out << "Wrote " << rulePath << '\n';
    return 0;
}

} // namespace tagbench::cli
