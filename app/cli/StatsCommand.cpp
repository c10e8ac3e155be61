// tagbench-cli stats: label statistics of one or more dataset files (the first one is train).
#include "app/cli/CliArgs.h"
#include "app/cli/CommandLine.h"
#include "app/cli/Commands.h"
#include "app/cli/ImportProgressLine.h"
#include "app/cli/InterruptGuard.h"
#include "core/data/DatasetReader.h"
#include "core/stats/LabelStatistics.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <cstdlib>
#include <optional>
#include <ostream>
#include <string>

namespace tagbench::cli {

namespace {

constexpr std::size_t kIssuesShown = 20;

const char* const kStatsHelp = R"(Usage: tagbench-cli stats TRAIN [DEV] [TEST ...] [options]

Prints the label distribution and statistics of each file; the first file is the training split
and later files also list their labels never seen in it. On a terminal the import's progress is
shown on stderr; Ctrl-C stops it (exit code 130).

Options:
  --json                 print one JSON document instead of text
  --top-pairs N          label pairs to list (default 10)
  --matrix N             labels in the JSON co-occurrence matrix (default 20)
  --rare-threshold P     percentage of documents under which a label is rare (default 1)
  --levels               also print the distribution of each hierarchy level
  --hierarchy-sep S      hierarchy separator ("::", "--", "/"; "none" for flat; default: detect)
  --format F             jsonl | json (NeuralClassifier) | fasttext | csv | tsv (default: detect)
  --skip-bad             skip bad records and report them on stderr (default)
  --stop-on-error        stop at the first bad record
  --no-empty-labels      treat documents without labels as bad records (by default they are
                         kept and counted under "Documents with no label")
  --text-field NAME      JSON lines text field (default text)
  --labels-field NAME    JSON lines labels field (default labels)
  --id-field NAME        JSON lines id field (default id)
  --label-prefix P       fastText label prefix (default __label__)
  --text-column C        CSV/TSV text column, header name or 0-based index (default text)
  --label-column C       CSV/TSV label column (default labels)
  --id-column C          CSV/TSV id column (default none)
  --label-sep S          separator inside the CSV/TSV label cell (default ,)
  --no-header            the CSV/TSV file has no header row (columns are indices)
)";

std::string format(const char* pattern, double value)
{
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, pattern, value);
    return buffer;
}

std::string percent(double ratio) { return format("%.2f%%", ratio * 100.0); }

std::string joined(const std::vector<std::string>& items)
{
    std::string text;
    for (const auto& item : items) text += (text.empty() ? "" : ", ") + item;
    return text;
}

Result<ImportOptions> importOptions(const CliArgs& args)
{
    ImportOptions options;
    if (args.has("format")) {
        const auto format = parseFormatName(args.value("format"));
        if (!format) return Error{"unknown format '" + args.value("format") + "' (jsonl, json, fasttext, csv, tsv)"};
        options.format = *format;
    }
    if (args.has("skip-bad") && args.has("stop-on-error")) return Error{"--skip-bad and --stop-on-error exclude each other"};
    options.policy = args.has("stop-on-error") ? ErrorPolicy::Stop : ErrorPolicy::Skip;
    options.allowEmptyLabels = !args.has("no-empty-labels");
    options.textField = args.value("text-field", options.textField);
    options.labelsField = args.value("labels-field", options.labelsField);
    options.idField = args.value("id-field", options.idField);
    options.labelPrefix = args.value("label-prefix", options.labelPrefix);
    options.textColumn = args.value("text-column", options.textColumn);
    options.labelColumn = args.value("label-column", options.labelColumn);
    options.idColumn = args.value("id-column", options.idColumn);
    options.labelSeparator = args.value("label-sep", options.labelSeparator);
    options.csvHeader = !args.has("no-header");
    return options;
}

Result<std::size_t> count(const CliArgs& args, const std::string& flag, std::size_t fallback)
{
    if (!args.has(flag)) return fallback;
    const std::string text = args.value(flag);
    char* end = nullptr;
    const long value = std::strtol(text.c_str(), &end, 10);
    if (text.empty() || *end != '\0' || value < 0) return Error{"--" + flag + " needs a non-negative integer"};
    return static_cast<std::size_t>(value);
}

Result<StatisticsOptions> statisticsOptions(const CliArgs& args)
{
    StatisticsOptions options;
    auto pairs = count(args, "top-pairs", options.topPairs);
    if (!pairs) return pairs.error();
    auto matrix = count(args, "matrix", options.matrixLabels);
    if (!matrix) return matrix.error();
    options.topPairs = *pairs;
    options.matrixLabels = *matrix;
    if (args.has("rare-threshold")) {
        const std::string text = args.value("rare-threshold");
        char* end = nullptr;
        const double value = std::strtod(text.c_str(), &end);
        if (text.empty() || (*end != '\0' && std::string(end) != "%") || value < 0 || value > 100)
            return Error{"--rare-threshold needs a percentage between 0 and 100"};
        options.rareThreshold = value / 100.0;
    }
    if (args.has("hierarchy-sep")) {
        const std::string sep = args.value("hierarchy-sep");
        options.hierarchySeparator = sep == "none" ? std::string() : sep;
    }
    return options;
}

void printIssues(const ImportReport& report, std::ostream& err)
{
    for (const auto& issue : report.issues) {
        if (&issue - report.issues.data() >= static_cast<std::ptrdiff_t>(kIssuesShown)) break;
        err << issue.toString() << '\n';
    }
    if (report.issueCount() > kIssuesShown)
        err << "... " << report.issueCount() - kIssuesShown << " more problems not shown\n";
}

void printText(const std::string& file, const SplitStatistics& stats, bool isTrain, double rareThreshold,
               bool levels, std::ostream& out)
{
    out << "--- Distribution in " << file << " ---\n";
    for (const auto& label : stats.distribution)
        out << "Label: " << label.label << ", Count: " << label.count << ", Ratio: " << percent(label.ratio) << '\n';
    out << "Documents: " << stats.documents << '\n';
    out << "Labels: " << stats.labels << '\n';
    out << "Label cardinality: " << format("%.4f", stats.cardinality) << '\n';
    out << "Documents with no label: " << stats.documentsWithoutLabel << '\n';
    out << "Rare labels (<" << format("%g", rareThreshold * 100.0) << "%): " << stats.rareLabels.size();
    if (!stats.rareLabels.empty()) out << ": " << joined(stats.rareLabels);
    out << '\n';
    if (!isTrain) {
        out << "Labels never in train: " << stats.unseenInTrain.size();
        if (!stats.unseenInTrain.empty()) out << ": " << joined(stats.unseenInTrain);
        out << '\n';
    }
    out << "Top label pairs:\n";
    for (const auto& pair : stats.topPairs)
        out << "Pair: " << pair.first << " + " << pair.second << ", Count: " << pair.count
            << ", Ratio: " << percent(pair.ratio) << '\n';
    if (levels && !stats.hierarchySeparator.empty()) {
        for (const auto& level : stats.levels) {
            out << "Level " << level.level << " (separator " << stats.hierarchySeparator << "):\n";
            for (const auto& node : level.labels)
                out << "Label: " << node.label << ", Count: " << node.count << ", Ratio: " << percent(node.ratio) << '\n';
        }
    }
}

nlohmann::ordered_json frequenciesJson(const std::vector<LabelFrequency>& labels)
{
    auto array = nlohmann::ordered_json::array();
    for (const auto& label : labels)
        array.push_back({{"label", label.label}, {"count", label.count}, {"ratio", label.ratio}, {"rare", label.rare}});
    return array;
}

nlohmann::ordered_json toJson(const std::string& file, const ImportReport& report, const SplitStatistics& stats, bool isTrain)
{
    nlohmann::ordered_json split;
    split["file"] = file;
    split["format"] = std::string(formatName(report.format));
    split["documents"] = stats.documents;
    split["labels"] = stats.labels;
    split["label_cardinality"] = stats.cardinality;
    split["documents_without_label"] = stats.documentsWithoutLabel;
    split["distribution"] = frequenciesJson(stats.distribution);
    split["rare_labels"] = stats.rareLabels;
    if (!isTrain) split["unseen_in_train"] = stats.unseenInTrain;
    auto pairs = nlohmann::ordered_json::array();
    for (const auto& pair : stats.topPairs)
        pairs.push_back({{"labels", {pair.first, pair.second}}, {"count", pair.count}, {"ratio", pair.ratio}});
    split["top_pairs"] = pairs;
    split["cardinality_histogram"] = stats.cardinalityHistogram;
    split["hierarchy_separator"] = stats.hierarchySeparator;
    auto levels = nlohmann::ordered_json::array();
    for (const auto& level : stats.levels)
        levels.push_back({{"level", level.level}, {"labels", frequenciesJson(level.labels)}});
    split["levels"] = levels;
    auto rows = nlohmann::ordered_json::array();
    const std::size_t k = stats.cooccurrence.labels.size();
    for (std::size_t r = 0; r < k; ++r) {
        auto row = nlohmann::ordered_json::array();
        for (std::size_t c = 0; c < k; ++c) row.push_back(stats.cooccurrence.at(r, c));
        rows.push_back(row);
    }
    split["cooccurrence"] = {{"labels", stats.cooccurrence.labels}, {"counts", rows}};
    nlohmann::ordered_json issues = nlohmann::ordered_json::object();
    for (std::size_t kind = 0; kind < kIssueKindCount; ++kind) {
        if (report.issueCounts[kind]) issues[std::string(issueKindName(static_cast<IssueKind>(kind)))] = report.issueCounts[kind];
    }
    split["skipped"] = report.skipped;
    split["issues"] = issues;
    return split;
}

} // namespace

int runStats(const std::vector<std::string>& arguments, std::ostream& out, std::ostream& err)
{
    const CommandLine commandLine = parseCommandLine(arguments, "stats", kStatsHelp,
                                              {"top-pairs", "matrix", "rare-threshold", "hierarchy-sep", "format", "text-field",
                                               "labels-field", "id-field", "label-prefix", "text-column", "label-column",
                                               "id-column", "label-sep"},
                                              {"json", "levels", "skip-bad", "stop-on-error", "no-empty-labels", "no-header"}, out, err);
    if (!commandLine.args) return commandLine.exitCode;
    const CliArgs& args = *commandLine.args;
    if (args.positionals().empty()) return usageError(err, "stats", "no dataset file given", kStatsHelp);
    auto import = importOptions(args);
    auto statistics = statisticsOptions(args);
    if (!import || !statistics) {
        err << "tagbench-cli stats: " << (!import ? import.message() : statistics.message()) << '\n';
        return 2;
    }

    const bool json = args.has("json");
    nlohmann::ordered_json document = {{"splits", nlohmann::ordered_json::array()}};
    std::optional<Dataset> train;
    int exitCode = 0;
    const InterruptGuard interrupt;
    ImportProgressLine progressLine(err, ImportProgressLine::isTerminal(err));
    for (std::size_t i = 0; i < args.positionals().size(); ++i) {
        const std::string& file = args.positionals()[i];
        ImportOptions options = *import;
        options.progress = [&](const ImportProgress& progress) {
            progressLine.update(file, progress);
            return !interrupt.requested();
        };
        ImportReport report;
        auto dataset = readDataset(file, options, &report);
        progressLine.clear();
        if (report.cancelled) {
            // Ctrl-C: stop here with nothing half-printed; 130 is the shell's code for SIGINT.
            out.flush();
            err << "tagbench-cli stats: " << dataset.message() << '\n';
            return 130;
        }
        printIssues(report, err);
        if (!dataset) {
            err << "tagbench-cli stats: " << dataset.message() << '\n';
            exitCode = 1;
            if (i == 0) return exitCode;  // without train there is nothing to compare against
            continue;
        }
        if (report.skipped)
            err << file << ": skipped " << report.skipped << " of " << report.skipped + report.documents
                << " records (" << report.summary() << ")\n";
        auto stats = computeStatistics(*dataset, *statistics, file);
        if (i > 0) markUnseenInTrain(stats, *train);
        if (json) {
            document["splits"].push_back(toJson(file, report, stats, i == 0));
        } else {
            if (i > 0) out << '\n';
            printText(file, stats, i == 0, statistics->rareThreshold, args.has("levels"), out);
        }
        if (i == 0) train = std::move(*dataset);
    }
    if (json) {
        document["rare_threshold"] = statistics->rareThreshold;
        out << document.dump(2) << '\n';
    }
    out.flush();
    return exitCode;
}

} // namespace tagbench::cli
