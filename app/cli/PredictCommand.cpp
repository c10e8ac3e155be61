// tagbench-cli predict: applies a .tagbench bundle to a dataset file and writes JSONL or CSV.
#include "app/cli/CliArgs.h"
#include "app/cli/CommandLine.h"
#include "app/cli/Commands.h"
#include "app/cli/ImportProgressLine.h"
#include "app/cli/InterruptGuard.h"
#include "core/data/DatasetReader.h"
#include "core/export/PredictionInput.h"
#include "core/export/Predictor.h"
#include "core/util/AtomicFile.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <optional>

namespace tagbench::cli {

namespace {

constexpr const char* kUsage =
    "Usage: tagbench-cli predict --model MODEL.tagbench --input DOCS --output PREDICTIONS\n"
    "                            [--format jsonl|csv] [--all-scores] [--threads N] [--batch-size N]\n"
    "                            [--device auto|cpu|cuda[:N]] [--input-format F] [--stop-on-error]\n\n"
    "Scores every document of DOCS (JSON lines, NeuralClassifier JSON, fastText, CSV/TSV; labels\n"
    "optional) and applies the bundle's decision rule. Each output record holds the document id\n"
    "(null when the input has none), its line in DOCS, the predicted labels with their scores and,\n"
    "with --all-scores, the score of every label. PREDICTIONS is replaced atomically.\n"
    "--input-format forces jsonl, neuralclassifier, fasttext, csv or tsv instead of detecting it.\n"
    "Ctrl-C stops reading or scoring (exit code 130) and leaves PREDICTIONS as it was.\n";

constexpr std::size_t kChunkDocuments = 16384;  // bounds the score buffer on huge inputs

std::optional<DatasetFormat> parseFormat(const std::string& name)
{
    for (const auto format : {DatasetFormat::JsonLines, DatasetFormat::NeuralClassifier, DatasetFormat::FastText,
                              DatasetFormat::Csv, DatasetFormat::Tsv})
        if (name == formatName(format)) return format;
    if (name == "json") return DatasetFormat::JsonLines;
    return std::nullopt;
}

std::optional<int> parsePositive(const std::string& text)
{
    int value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || value < 1) return std::nullopt;
    return value;
}

void appendScore(std::string& out, float score)
{
    char text[32];
    const int n = std::snprintf(text, sizeof text, "%.6g", static_cast<double>(score));
    out.append(text, static_cast<std::size_t>(n));
}

std::string csvField(std::string_view value)
{
    if (value.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(value);
    std::string quoted = "\"";
    for (const char c : value) {
        if (c == '"') quoted += '"';
        quoted += c;
    }
    return quoted + '"';
}

// Writes prediction records in one format; label names are escaped once, not once per document.
class PredictionWriter final {
public:
    PredictionWriter(bool csv, bool allScores, const std::vector<std::string>& labels)
        : m_csv(csv), m_allScores(allScores), m_labels(labels)
    {
        for (const auto& label : labels) m_names.push_back(csv ? csvField(label) : nlohmann::json(label).dump());
    }

    std::string header() const
    {
        if (!m_csv) return {};
        std::string line = "id,line,labels,scores";
        if (m_allScores)
            for (const auto& name : m_names) line += "," + name;
        return line + "\n";
    }

    void append(std::string& out, std::string_view id, std::uint64_t line, const std::vector<LabelScore>& kept,
                const float* scores)
    {
        if (m_csv) return appendCsv(out, id, line, kept, scores);
        out += "{\"id\":";
        out += id.empty() ? "null" : nlohmann::json(std::string(id)).dump();
        out += ",\"line\":" + std::to_string(line) + ",\"labels\":[";
        for (std::size_t i = 0; i < kept.size(); ++i) {
            out += i ? ",{\"label\":" : "{\"label\":";
            out += m_names[kept[i].label];
            out += ",\"score\":";
            appendScore(out, kept[i].score);
            out += '}';
        }
        out += ']';
        if (m_allScores) {
            out += ",\"scores\":{";
            for (std::size_t l = 0; l < m_names.size(); ++l) {
                if (l) out += ',';
                out += m_names[l];
                out += ':';
                appendScore(out, scores[l]);
            }
            out += '}';
        }
        out += "}\n";
    }

private:
    void appendCsv(std::string& out, std::string_view id, std::uint64_t line, const std::vector<LabelScore>& kept,
                   const float* scores)
    {
        std::string labels, values;
        for (std::size_t i = 0; i < kept.size(); ++i) {
            if (i) {
                labels += '|';
                values += '|';
            }
            labels += m_labels[kept[i].label];
            appendScore(values, kept[i].score);
        }
        out += csvField(id) + "," + std::to_string(line) + "," + csvField(labels) + "," + values;
        if (m_allScores)
            for (std::size_t l = 0; l < m_names.size(); ++l) {
                out += ',';
                appendScore(out, scores[l]);
            }
        out += '\n';
    }

    bool m_csv;
    bool m_allScores;
    const std::vector<std::string>& m_labels;
    std::vector<std::string> m_names;  // JSON strings or CSV fields
};

} // namespace

int runPredict(const std::vector<std::string>& args, std::ostream& out, std::ostream& err)
{
    const CommandLine commandLine =
        parseCommandLine(args, "predict", kUsage, {"model", "input", "output", "format", "threads", "batch-size", "device", "input-format"},
                         {"all-scores", "stop-on-error", "skip-bad"}, out, err);
    if (!commandLine.args) return commandLine.exitCode;
    const CliArgs& a = *commandLine.args;
    const auto usageError = [&](const std::string& message) { return cli::usageError(err, "predict", message, kUsage); };
    if (!a.has("model") || !a.has("input") || !a.has("output")) return usageError("--model, --input and --output are required");
    if (!a.positionals().empty()) return usageError("unexpected argument '" + a.positionals().front() + "'");
    const std::string format = a.value("format", "jsonl");
    if (format != "jsonl" && format != "csv") return usageError("--format must be jsonl or csv");
    PredictorOptions options;
    options.device = a.value("device", "auto");
    if (a.has("threads")) {
        const auto threads = parsePositive(a.value("threads"));
        if (!threads) return usageError("--threads must be a positive integer");
        options.threads = *threads;
    }
    if (a.has("batch-size")) {
        const auto batch = parsePositive(a.value("batch-size"));
        if (!batch) return usageError("--batch-size must be a positive integer");
        options.batchSize = *batch;
    }
    ImportOptions import;
    import.policy = a.has("stop-on-error") ? ErrorPolicy::Stop : ErrorPolicy::Skip;
    if (a.has("input-format")) {
        const auto forced = parseFormat(a.value("input-format"));
        if (!forced) return usageError("unknown --input-format '" + a.value("input-format") + "'");
        import.format = *forced;
    }

    const auto started = std::chrono::steady_clock::now();
    auto predictor = Predictor::open(a.value("model"), options);
    if (!predictor) {
        err << "tagbench-cli predict: " << predictor.message() << '\n';
        return 1;
    }
    const InterruptGuard interrupt;
    ImportProgressLine progressLine(err, ImportProgressLine::isTerminal(err));
    import.progress = [&](const ImportProgress& progress) {
        progressLine.update(a.value("input"), progress);
        return !interrupt.requested();
    };
    ImportReport report;
    auto dataset = readPredictionInput(a.value("input"), import, &report);
    progressLine.clear();
    if (report.cancelled) {
        err << "tagbench-cli predict: " << dataset.message() << '\n';
        return 130;
    }
    if (!dataset) {
        err << "tagbench-cli predict: " << dataset.message() << '\n';
        return 1;
    }
    for (const auto& issue : report.issues) err << issue.toString() << '\n';
    if (report.skipped > 0) err << "skipped " << report.skipped << " records: " << report.summary() << '\n';
    const auto loaded = std::chrono::steady_clock::now();

    AtomicFile file(a.value("output"));
    if (auto opened = file.open(); !opened) {
        err << "tagbench-cli predict: " << opened.message() << '\n';
        return 1;
    }
    const bool allScores = a.has("all-scores");
    PredictionWriter writer(format == "csv", allScores, predictor->labels());
    file.write(writer.header());
    const std::size_t labels = predictor->labels().size();
    std::vector<std::string_view> texts;
    std::string buffer;
    std::uint64_t predictedLabels = 0;
    for (std::size_t begin = 0; begin < dataset->size(); begin += kChunkDocuments) {
        if (interrupt.requested()) {
            // The uncommitted AtomicFile removes its temporary: the old output stays.
            err << "tagbench-cli predict: interrupted after " << begin << " of " << dataset->size()
                << " documents; " << a.value("output") << " was not written\n";
            return 130;
        }
        const std::size_t end = std::min(dataset->size(), begin + kChunkDocuments);
        texts.clear();
        for (std::size_t i = begin; i < end; ++i) texts.push_back(dataset->text(i));
        auto scores = predictor->score(texts);
        if (!scores) {
            err << "tagbench-cli predict: " << scores.message() << '\n';
            return 1;
        }
        buffer.clear();
        for (std::size_t i = begin; i < end; ++i) {
            const float* row = scores->data() + (i - begin) * labels;
            const std::vector<LabelScore> kept = predictor->decide(row);
            predictedLabels += kept.size();
            writer.append(buffer, dataset->id(i), dataset->sourceLine(i), kept, row);
        }
        file.write(buffer);
    }
    if (auto committed = file.commit(); !committed) {
        err << "tagbench-cli predict: " << committed.message() << '\n';
        return 1;
    }
    const auto finished = std::chrono::steady_clock::now();
    const double predictSeconds = std::chrono::duration<double>(finished - loaded).count();
    char line[256];
    std::snprintf(line, sizeof line,
                  "Predicted %zu documents (%llu labels) in %.2f s: %.0f documents/s on %s; reading took %.2f s\n",
                  dataset->size(), static_cast<unsigned long long>(predictedLabels), predictSeconds,
                  predictSeconds > 0 ? static_cast<double>(dataset->size()) / predictSeconds : 0.0,
                  predictor->deviceDescription().c_str(), std::chrono::duration<double>(loaded - started).count());
    out << line << "Wrote " << a.value("output") << '\n';
    return 0;
}

} // namespace tagbench::cli
