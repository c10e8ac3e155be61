// tagbench-cli compare: per-label F1 comparison of two runs on one split.
#include "app/cli/CliArgs.h"
#include "app/cli/CommandLine.h"
#include "app/cli/RunCommandSupport.h"
#include "app/cli/Commands.h"
#include "core/eval/Ensemble.h"
#include "core/eval/Metrics.h"
#include "core/eval/RunComparison.h"
#include "core/eval/RunFiles.h"

#include <cstdio>
#include <cstdlib>
#include <ostream>

namespace tagbench::cli {

namespace {

using namespace tagbench::eval;

const char* const kCompareHelp = R"(Usage: tagbench-cli compare --run A --run B [options]

Compares run B with run A on one split, label by label (F1), each run under its own decision
rule (RUN_DIR/rule.json, else the run's eval config). The runs must have scored the same
documents with the same labels.

Options:
  --split NAME        dev | test (default test)
  --show N            labels listed per group (default 20; 0 = all)
)";

void printGroup(const char* title, const std::vector<LabelDelta>& group, const std::vector<std::string>& labels,
                std::size_t show, std::ostream& out)
{
    out << title << " (" << group.size() << "):\n";
    for (std::size_t i = 0; i < group.size() && (show == 0 || i < show); ++i) {
        const LabelDelta& d = group[i];
        out << "  " << labels[d.label] << ": " << fixed(d.delta, 4, true) << " (" << fixed(d.f1A, 4) << " -> "
            << fixed(d.f1B, 4) << ", support " << d.support << ")\n";
    }
    if (show != 0 && group.size() > show) out << "  ... " << group.size() - show << " more\n";
}

} // namespace

int runCompare(const std::vector<std::string>& arguments, std::ostream& out, std::ostream& err)
{
    std::vector<std::string> rest = arguments;
    const std::vector<std::string> runs = takeRuns(rest);
    const CommandLine commandLine = parseCommandLine(rest, "compare", kCompareHelp, {"split", "show"}, {}, out, err);
    if (!commandLine.args) return commandLine.exitCode;
    const std::optional<CliArgs>& parsed = commandLine.args;
    if (runs.size() != 2) return usageError(err, "compare", "give exactly two runs: --run A --run B", kCompareHelp);
    auto split = splitName(*parsed);
    if (!split) return usageError(err, "compare", split.message(), kCompareHelp);
    const std::string showText = parsed->value("show", "20");
    char* end = nullptr;
    const long show = std::strtol(showText.c_str(), &end, 10);
    if (showText.empty() || *end != '\0' || show < 0) return usageError(err, "compare", "--show needs an integer >= 0", kCompareHelp);

    std::vector<RunUnderRule> loaded;
    for (const auto& dir : runs) {
        auto run = loadRunUnderRule(dir, *split);
        if (!run) {
            err << "tagbench-cli compare: " << run.message() << '\n';
            return 1;
        }
        loaded.push_back(std::move(*run));
    }
    if (auto same = checkSameSplit({&loaded[0].split.scores, &loaded[1].split.scores}); !same) {
        err << "tagbench-cli compare: " << same.message() << '\n';
        return 1;
    }
    const Metrics a = evaluate(loaded[0].split.scores, loaded[0].rule.rule);
    const Metrics b = evaluate(loaded[1].split.scores, loaded[1].rule.rule);
    auto comparison = compareRuns(a, b);
    if (!comparison) {
        err << "tagbench-cli compare: " << comparison.message() << '\n';
        return 1;
    }
    out << "A: " << runs[0] << " (" << loaded[0].rule.source << ")\n   " << performanceLine(a) << '\n';
    out << "B: " << runs[1] << " (" << loaded[1].rule.source << ")\n   " << performanceLine(b) << '\n';
    out << "B - A on " << *split << ": micro-F1 " << fixed(comparison->microF1Delta, 4, true) << ", macro-F1 "
        << fixed(comparison->macroF1Delta, 4, true) << '\n';
    const auto& labels = loaded[0].split.labels;
    printGroup("Improved", comparison->improved, labels, static_cast<std::size_t>(show), out);
    printGroup("Regressed", comparison->regressed, labels, static_cast<std::size_t>(show), out);
    out << "Unchanged: " << comparison->unchanged.size() << " labels\n";
    return 0;
}

} // namespace tagbench::cli
