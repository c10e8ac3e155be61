// tagbench-cli eval: scores a labelled dataset with a .tagbench bundle and prints its metrics.
#include "app/cli/CliArgs.h"
#include "app/cli/CommandLine.h"
#include "app/cli/Commands.h"
#include "core/data/DatasetReader.h"
#include "core/eval/Metrics.h"
#include "core/export/Predictor.h"

#include <charconv>
#include <chrono>
#include <cstdio>
#include <iostream>

namespace tagbench::cli {

namespace {

constexpr const char* kUsage =
    "Usage: tagbench-cli eval --model MODEL.tagbench --data LABELLED_DOCS [--rule RULE.json]\n"
    "                         [--per-label] [--threads N] [--batch-size N] [--device auto|cpu|cuda[:N]]\n\n"
    "Scores LABELLED_DOCS with the bundle, applies its decision rule (or RULE.json) and prints\n"
    "micro/macro metrics and the 'Performance is ...' line. Gold labels the model does not know\n"
    "are left out of the gold sets (and counted).\n";

bool parsePositive(const std::string& text, int& value)
{
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    return ec == std::errc() && end == text.data() + text.size() && value >= 1;
}

} // namespace

int runEval(const std::vector<std::string>& args, std::ostream& out, std::ostream& err)
{
    const CommandLine commandLine = parseCommandLine(args, "eval", kUsage, {"model", "data", "rule", "threads", "batch-size", "device"},
                                              {"per-label"}, out, err);
    if (!commandLine.args) return commandLine.exitCode;
    const CliArgs& a = *commandLine.args;
    const auto usageError = [&](const std::string& message) { return cli::usageError(err, "eval", message, kUsage); };
    if (!a.has("model") || !a.has("data")) return usageError("--model and --data are required");
    if (!a.positionals().empty()) return usageError("unexpected argument '" + a.positionals().front() + "'");
    PredictorOptions options;
    options.device = a.value("device", "auto");
    if (a.has("threads") && !parsePositive(a.value("threads"), options.threads))
        return usageError("--threads must be a positive integer");
    if (a.has("batch-size") && !parsePositive(a.value("batch-size"), options.batchSize))
        return usageError("--batch-size must be a positive integer");

    auto predictor = Predictor::open(a.value("model"), options);
    if (!predictor) {
        err << "tagbench-cli eval: " << predictor.message() << '\n';
        return 1;
    }
    std::string ruleSource = predictor->bundle().manifest().ruleSource;
    if (a.has("rule")) {
        auto rule = eval::DecisionRule::load(a.value("rule"), predictor->labels());
        if (!rule) {
            err << "tagbench-cli eval: " << rule.message() << '\n';
            return 1;
        }
        if (auto set = predictor->setRule(std::move(*rule)); !set) {
            err << "tagbench-cli eval: " << a.value("rule") << ": " << set.message() << '\n';
            return 1;
        }
        ruleSource = a.value("rule");
    }
    ImportReport report;
    auto dataset = readDataset(a.value("data"), {}, &report);
    if (!dataset) {
        err << "tagbench-cli eval: " << dataset.message() << '\n';
        return 1;
    }
    for (const auto& issue : report.issues) err << issue.toString() << '\n';
    if (report.skipped > 0) err << "skipped " << report.skipped << " records: " << report.summary() << '\n';

    const auto started = std::chrono::steady_clock::now();
    auto scores = predictor->scoreDataset(*dataset);
    if (!scores) {
        err << "tagbench-cli eval: " << scores.message() << '\n';
        return 1;
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::uint64_t goldLabels = 0;
    for (std::size_t i = 0; i < dataset->size(); ++i) goldLabels += dataset->labels(i).size;
    const std::uint64_t unknown = goldLabels - scores->goldLabels().size();

    const eval::Metrics metrics = eval::evaluate(*scores, predictor->rule());
    char line[512];
    std::snprintf(line, sizeof line, "Model: %s (%s, %zu labels) on %s\nData: %s, %zu documents scored in %.2f s (%.0f documents/s)\n",
                  a.value("model").c_str(), predictor->bundle().manifest().model.kind.c_str(),
                  predictor->labels().size(), predictor->deviceDescription().c_str(), a.value("data").c_str(),
                  dataset->size(), seconds, seconds > 0 ? static_cast<double>(dataset->size()) / seconds : 0.0);
    out << line;
    if (unknown > 0) out << "Gold labels unknown to the model (left out): " << unknown << '\n';
    const eval::DecisionRule& rule = predictor->rule();
    std::snprintf(line, sizeof line, "Decision rule (%s): threshold %g, top_k %d, %zu label thresholds\n", ruleSource.c_str(),
                  rule.globalThreshold(), rule.topK(), rule.labelThresholds().size());
    out << line;
    std::snprintf(line, sizeof line,
                  "Micro precision %.6f, recall %.6f, F1 %.6f; macro-F1 %.6f; documents without prediction %lld\n",
                  metrics.precision, metrics.recall, metrics.f1, metrics.macroF1,
                  static_cast<long long>(metrics.documentsWithoutPrediction));
    out << line;
    if (a.has("per-label")) {
        out << "label\tsupport\tpredicted\tprecision\trecall\tf1\n";
        for (std::size_t l = 0; l < metrics.labels.size(); ++l) {
            const auto& m = metrics.labels[l];
            std::snprintf(line, sizeof line, "\t%lld\t%lld\t%.6f\t%.6f\t%.6f\n", static_cast<long long>(m.counts.support),
                          static_cast<long long>(m.counts.predicted), m.precision, m.recall, m.f1);
            out << predictor->labels()[l] << line;
        }
    }
    out << eval::performanceLine(metrics) << '\n';
    return 0;
}

} // namespace tagbench::cli
