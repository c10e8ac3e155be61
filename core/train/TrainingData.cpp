#include "core/train/TrainingData.h"

#include "core/data/DatasetReader.h"
#include "core/model/InputEncoder.h"
#include "core/model/ModelRegistry.h"
#include "core/util/AtomicFile.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <thread>
#include <unordered_map>

namespace tagbench {

const char* const kDataPreparationCancelled = "cancelled while preparing the data";

namespace {

int workerThreads(const TrainConfig& config)
{
    if (config.train.threads > 0) return static_cast<int>(config.train.threads);
    return static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
}

bool cancelled(const std::atomic<bool>* cancel) { return cancel && cancel->load(); }

Result<Dataset> readSplit(const std::string& path, const std::string& name, int threads,
                          const std::function<void(const std::string&)>& log, const std::atomic<bool>* cancel)
{
    ImportOptions options;
    options.threads = static_cast<unsigned>(threads);
    // A multi-gigabyte split takes seconds to read: say how far it got, and stop when asked.
    double nextReport = 2.0;
    options.progress = [&](const ImportProgress& progress) {
        if (progress.seconds >= nextReport && progress.bytesTotal > 0) {
            log(name + ": read " + std::to_string(static_cast<int>(progress.fraction() * 100.0)) + "% ("
                + std::to_string(progress.documents) + " documents)");
            nextReport = progress.seconds + 2.0;
        }
        return !cancelled(cancel);
    };
    ImportReport report;
    auto dataset = readDataset(path, options, &report);
    if (report.cancelled) return Error{kDataPreparationCancelled};
    if (!dataset) return Error{name + " data: " + dataset.message()};
    std::string line = name + ": " + std::to_string(dataset->size()) + " documents from " + path;
    if (report.skipped > 0) line += " (" + std::to_string(report.skipped) + " skipped: " + report.summary() + ")";
    log(line);
    for (std::size_t i = 0; i < std::min<std::size_t>(report.issues.size(), 5); ++i) log("  " + report.issues[i].toString());
    return dataset;
}

/// Single-label training needs exactly one label per document; say which document has not.
Status checkSingleLabel(const Dataset& dataset, const std::string& path)
{
    for (std::size_t i = 0; i < dataset.size(); ++i) {
        if (dataset.labels(i).size == 1) continue;
        return Error{path + ":" + std::to_string(dataset.sourceLine(i)) + ": task single_label needs exactly one label per document, found "
                     + std::to_string(dataset.labels(i).size)};
    }
    return {};
}

Status writeLines(const std::string& path, const std::vector<std::string>& lines)
{
    std::string text;
    for (const auto& line : lines) text += line + '\n';
    return writeFileAtomically(path, text);
}

EncodedSplit encodeSplit(const Dataset& dataset, const std::string& name, const InputEncoder& input,
                         const std::unordered_map<std::string, std::uint32_t>& labelIndex, int threads)
{
    EncodedSplit split;
    split.name = name;
    split.path = dataset.sourcePath();
    input.encodeAll([&dataset](std::size_t i) { return dataset.text(i); }, dataset.size(), threads, split);
    split.ids.reserve(dataset.size());

    // Map this dataset's label ids to the training label columns once.
    std::vector<std::int64_t> column(dataset.labelNames().size(), -1);
    for (std::size_t l = 0; l < column.size(); ++l) {
        const auto it = labelIndex.find(dataset.labelNames()[l]);
        if (it != labelIndex.end()) column[l] = it->second;
    }
    for (std::size_t i = 0; i < dataset.size(); ++i) {
        const std::string_view id = dataset.id(i);
        split.ids.emplace_back(id.empty() ? "line " + std::to_string(dataset.sourceLine(i)) : std::string(id));
        const std::size_t goldStart = split.gold.size();
        for (const std::int32_t label : dataset.labels(i)) {
            if (column[static_cast<std::size_t>(label)] < 0) ++split.unknownLabels;
            else split.gold.push_back(static_cast<std::uint32_t>(column[static_cast<std::size_t>(label)]));
        }
        std::sort(split.gold.begin() + static_cast<std::ptrdiff_t>(goldStart), split.gold.end());
        split.gold.erase(std::unique(split.gold.begin() + static_cast<std::ptrdiff_t>(goldStart), split.gold.end()), split.gold.end());
        split.goldOffsets.push_back(split.gold.size());
    }
    return split;
}

/// A label whose share of documents differs several times between train and dev is learnt for
/// one distribution and judged on another (a re-sampled dev set once took a label to F1 0.011):
/// say so before the user reads anything into its metrics.
void warnAboutShiftedLabels(const TrainingData& data, const std::function<void(const std::string&)>& log)
{
    const EncodedSplit& train = data.train;
    const EncodedSplit& dev = data.dev;
    if (train.size() < 50 || dev.size() < 50) return;
    std::vector<std::int64_t> devCounts(data.labelNames.size(), 0);
    for (const std::uint32_t label : dev.gold) ++devCounts[label];
    std::vector<std::string> lines;
    for (std::size_t l = 0; l < data.labelNames.size(); ++l) {
        const double inTrain = static_cast<double>(data.labelCounts[l]) / static_cast<double>(train.size());
        const double inDev = static_cast<double>(devCounts[l]) / static_cast<double>(dev.size());
        const double high = std::max(inTrain, inDev), low = std::min(inTrain, inDev);
        // Small shares and a few documents are too noisy to tell a shift from chance.
        const std::int64_t highCount = inTrain >= inDev ? data.labelCounts[l] : devCounts[l];
        if (high < 0.005 || highCount < 10 || low * 3.0 >= high) continue;
        char text[256];
        std::snprintf(text, sizeof text, "warning: label %s is on %.2f%% of train documents but %.2f%% of dev documents",
                      data.labelNames[l].c_str(), 100.0 * inTrain, 100.0 * inDev);
        lines.emplace_back(text);
    }
    for (std::size_t i = 0; i < std::min<std::size_t>(lines.size(), 10); ++i) log(lines[i]);
    if (lines.size() > 10) log("warning: " + std::to_string(lines.size() - 10) + " more labels whose share differs more than 3 times between train and dev");
}

} // namespace

Result<std::vector<std::string>> loadLabelNames(const std::string& path)
{
    std::ifstream in(path);
    if (!in) return Error{path + ": cannot open the label list"};
    std::vector<std::string> names;
    std::string line;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty()) return Error{path + ":" + std::to_string(names.size() + 1) + ": empty label name"};
        names.push_back(line);
    }
    if (names.empty()) return Error{path + ": no labels"};
    return names;
}

Result<TrainingData> prepareTrainingData(const TrainConfig& config, const std::string& runDir, bool resume,
                                         const std::function<void(const std::string&)>& log,
                                         const std::atomic<bool>* cancel)
{
    const auto started = std::chrono::steady_clock::now();
    const int threads = workerThreads(config);
    TrainingData data;

    auto train = readSplit(config.data.train, "train", threads, log, cancel);
    if (!train) return train.error();
    auto dev = readSplit(config.data.dev, "dev", threads, log, cancel);
    if (!dev) return dev.error();
    Result<Dataset> test = Dataset();
    if (!config.data.test.empty()) {
        test = readSplit(config.data.test, "test", threads, log, cancel);
        if (!test) return test.error();
    }
    // Tokenizer training and the vocabulary take seconds on big data; nothing is written before.
    if (cancelled(cancel)) return Error{kDataPreparationCancelled};
    if (config.model.task == TaskKind::SingleLabel) {
        for (const auto* d : {&*train, &*dev, &*test})
            if (auto status = checkSingleLabel(*d, d->sourcePath()); !status) return status.error();
    }

    // Labels: sorted names, so columns do not depend on the order documents come in.
    if (resume) {
        auto names = loadLabelNames(runDir + "/labels.txt");
        if (!names) return names.error();
        data.labelNames = std::move(*names);
    } else {
        data.labelNames = train->labelNames();
        std::sort(data.labelNames.begin(), data.labelNames.end());
        if (data.labelNames.empty()) return Error{config.data.train + ": the training data has no labels"};
    }
    std::unordered_map<std::string, std::uint32_t> labelIndex;
    for (std::size_t j = 0; j < data.labelNames.size(); ++j) labelIndex[data.labelNames[j]] = static_cast<std::uint32_t>(j);

    const ModelKind* kind = ModelRegistry::instance().find(config.model.kind);
    if (!kind) return Error{"model: unknown model kind \"" + config.model.kind + "\""};
    if (resume) {
        InputLoadRequest request;
        request.runDir = runDir;
        request.tokenizer = config.tokenizer;
        request.pretokenized = train->pretokenized();
        request.spec = &config.model;
        auto input = kind->loadInput(request);
        if (!input) return input.error();
        data.input = std::move(*input);
    } else {
        InputFitRequest request;
        request.train = &*train;
        request.tokenizer = config.tokenizer;
        request.spec = &config.model;
        request.threads = threads;
        request.seed = config.train.seed;
        request.log = log;
        auto input = kind->fitInput(request);
        if (!input) return input.error();
        data.input = std::move(*input);
        if (auto s = data.input->save(runDir); !s) return s.error();
        if (auto s = writeLines(runDir + "/labels.txt", data.labelNames); !s) return s.error();
    }
    log("vocabulary: " + std::to_string(data.input->vocabularySize()) + " entries, labels: " + std::to_string(data.labelNames.size()));

    data.train = encodeSplit(*train, "train", *data.input, labelIndex, threads);
    data.dev = encodeSplit(*dev, "dev", *data.input, labelIndex, threads);
    if (!config.data.test.empty()) data.test = encodeSplit(*test, "test", *data.input, labelIndex, threads);
    for (const auto* split : {&data.dev, &data.test}) {
        if (split->unknownLabels > 0)
            log(split->name + ": " + std::to_string(split->unknownLabels)
                + " gold labels never seen in training are left out of its gold sets");
    }
    data.labelCounts.assign(data.labelNames.size(), 0);
    for (const std::uint32_t label : data.train.gold) ++data.labelCounts[label];
    warnAboutShiftedLabels(data, log);
    data.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return data;
}

} // namespace tagbench
