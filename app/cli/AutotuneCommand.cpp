// tagbench-cli autotune: search model kinds and settings on dev within a time budget.
#include "app/cli/CliArgs.h"
#include "app/cli/CommandLine.h"
#include "app/cli/Commands.h"
#include "app/cli/InterruptGuard.h"
#include "app/cli/RunCommandSupport.h"
#include "core/eval/Metrics.h"
#include "core/train/Autotune.h"

#include <cstdio>
#include <cstdlib>
#include <ostream>

namespace tagbench::cli {

namespace {

const char* const kAutotuneHelp = R"(Usage: tagbench-cli autotune --train F --dev F [--test F] --budget SECONDS --out RUN_DIR
                          [--objective micro-f1|macro-f1] [--models linear,fasttext,textcnn,bert]
                          [--bert-checkpoint DIR] [--threads N] [--device auto|cpu|cuda[:N]] [--seed N]

Searches model kinds and their settings on the dev split within the time budget and leaves the
best run, or a calibrated ensemble of the best runs, in RUN_DIR with its rule tuned per label for
the objective (default micro-f1). Every choice is made on dev: trials are compared by their
5-fold cross-validated value over dev, not by the optimistic dev value. The test split, when
given, is only scored at the end. Trials that trail the best one by far stop early; each trial
keeps its metrics in RUN_DIR/trials/, and RUN_DIR/autotune.json lists what was tried.
BERT is tried only with --bert-checkpoint. Ctrl-C stops after the current step.
)";

} // namespace

int runAutotune(const std::vector<std::string>& arguments, std::ostream& out, std::ostream& err)
{
    const CommandLine commandLine = parseCommandLine(
        arguments, "autotune", kAutotuneHelp,
        {"train", "dev", "test", "budget", "out", "objective", "models", "bert-checkpoint", "threads", "device", "seed"}, {}, out, err);
    if (!commandLine.args) return commandLine.exitCode;
    const CliArgs& args = *commandLine.args;
    AutotuneRequest request;
    request.train = args.value("train");
    request.dev = args.value("dev");
    request.test = args.value("test");
    request.outDir = args.value("out");
    if (request.train.empty() || request.dev.empty() || request.outDir.empty())
        return usageError(err, "autotune", "give --train, --dev and --out", kAutotuneHelp);
    char* end = nullptr;
    const std::string budget = args.value("budget", "900");
    request.budgetSeconds = std::strtod(budget.c_str(), &end);
    if (budget.empty() || *end != '\0' || request.budgetSeconds < 10)
        return usageError(err, "autotune", "--budget needs seconds (at least 10)", kAutotuneHelp);
    request.objective = args.value("objective", "micro-f1");
    const std::string models = args.value("models");
    for (std::size_t start = 0; !models.empty() && start <= models.size();) {
        const std::size_t comma = std::min(models.find(',', start), models.size());
        if (comma > start) request.models.push_back(models.substr(start, comma - start));
        start = comma + 1;
    }
    request.bertCheckpoint = args.value("bert-checkpoint");
    request.threads = std::atoi(args.value("threads", "0").c_str());
    request.device = args.value("device", "auto");
    request.seed = std::strtoull(args.value("seed", "42").c_str(), nullptr, 10);
    request.log = [&out](const std::string& line) { out << line << '\n' << std::flush; };

    const InterruptGuard interrupt;
    auto result = autotune(request, interrupt.flag());
    if (!result) {
        err << "tagbench-cli autotune: " << result.message() << '\n';
        return 1;
    }
    out << "\nTrials (chosen on dev; cross-validated = 5-fold estimate over dev of the tuned rule)\n";
    char line[400];
    std::snprintf(line, sizeof line, "%-14s %-9s %-8s %7s %7s %7s %7s  %s\n", "trial", "kind", "status", "epochs", "seconds", "dev", "cv",
                  "settings");
    out << line;
    for (const auto& t : result->trials) {
        std::snprintf(line, sizeof line, "%-14s %-9s %-8s %7lld %7.0f %7.4f %7.4f  %s\n", t.name.c_str(), t.kind.c_str(), t.status.c_str(),
                      static_cast<long long>(t.epochs), t.seconds, request.objective == "macro-f1" ? t.dev.macroF1 : t.dev.f1,
                      t.crossValidated, (t.message.empty() ? t.settings : t.message).c_str());
        out << line;
    }
    for (const auto& e : result->ensembles) out << "ensemble " << e << '\n';
    out << "Chosen: " << result->chosen << " (cross-validated " << request.objective << " " << fixed(result->crossValidated, 4)
        << ") in " << request.outDir << ", " << fixed(result->seconds, 0) << " s\n";
    out << "dev:  " << eval::performanceLine(result->dev) << '\n';
    if (result->test) out << "test: " << eval::performanceLine(*result->test) << '\n';
    return interrupt.requested() ? 130 : 0;
}

} // namespace tagbench::cli
