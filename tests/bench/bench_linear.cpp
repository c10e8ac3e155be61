// Linear model benchmark: Tagbench's TF-IDF + liblinear one-vs-rest (core/model/linear) against
// scikit-learn's TfidfVectorizer + OneVsRestClassifier(LogisticRegression(solver="liblinear"))
// on the same features and C, in the same run (tests/bench/linear/sklearn_baseline.py through
// popen), optionally beside Debian fastText (tests/bench/linear/fasttext_baseline.py).
// Thresholds follow tests/bench/linear/protocol.py: chosen on dev (one global, or one per
// label), applied to test.
//
//   bench_linear --data DIR [--char-wb] [--C 4] [--loss lr,lr_dual:0.1] [--threads N] [--fasttext]
//                [--no-sklearn]                                   (one Tagbench column per loss)
//   bench_linear --data DIR --dev-only --features word12,word12+charwb25 --loss lr,svm
//                --C 1,4,16 --class-weight none,balanced [--tol 1e-4]   (exploration: dev only)
#include "core/data/DatasetReader.h"
#include "core/eval/Metrics.h"
#include "core/model/linear/LinearTrainer.h"
#include "core/model/linear/TfidfFeatureUnion.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <sstream>
#include <string>
#include <sys/resource.h>
#include <thread>
#include <vector>

using namespace tagbench;
using namespace tagbench::linear;

namespace {

using Clock = std::chrono::steady_clock;

double since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

// CPU seconds of this process, all threads: on a shared machine the wall clock depends on the
// neighbours, the CPU time much less.
double cpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const auto seconds = [](const timeval& t) { return double(t.tv_sec) + double(t.tv_usec) / 1e6; };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

double peakRssMib()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

std::vector<std::string> split(const std::string& text, char separator)
{
    std::vector<std::string> parts;
    std::stringstream stream(text);
    for (std::string part; std::getline(stream, part, separator);)
        if (!part.empty()) parts.push_back(part);
    return parts;
}

/// One split: texts and gold label ids (ids of the training label list).
struct Split {
    Dataset dataset;
    std::vector<std::string_view> texts;
    std::vector<std::vector<std::uint32_t>> gold;
};

Split readSplit(const std::string& path, const std::map<std::string, std::uint32_t>& labelIds)
{
    auto dataset = readDataset(path);
    if (!dataset) {
        std::fprintf(stderr, "%s\n", dataset.message().c_str());
        std::exit(1);
    }
    Split split{std::move(*dataset), {}, {}};
    for (std::size_t d = 0; d < split.dataset.size(); ++d) {
        split.texts.push_back(split.dataset.text(d));
        std::vector<std::uint32_t> gold;
        for (const std::int32_t id : split.dataset.labels(d)) {
            const auto it = labelIds.find(split.dataset.labelNames()[static_cast<std::size_t>(id)]);
            if (it != labelIds.end()) gold.push_back(it->second);
        }
        std::sort(gold.begin(), gold.end());
        split.gold.push_back(std::move(gold));
    }
    return split;
}

/// protocol.py's best_threshold: the score with the best F1 of `score >= threshold` over the
/// (score, gold) pairs; the highest such score among equal F1. NaN when there is no positive.
float bestThreshold(std::vector<std::pair<float, bool>>& pairs, std::int64_t positives)
{
    if (positives == 0 || pairs.empty()) return std::nanf("");
    std::sort(pairs.begin(), pairs.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    std::int64_t truePositives = 0;
    double bestF1 = -1.0;
    float best = pairs.front().first;
    for (std::size_t i = 0; i < pairs.size(); ++i) {
        truePositives += pairs[i].second ? 1 : 0;
        if (i + 1 < pairs.size() && pairs[i + 1].first == pairs[i].first) continue;
        const double f1 = 2.0 * double(truePositives) / double(std::int64_t(i + 1) + positives);
        if (f1 > bestF1) {
            bestF1 = f1;
            best = pairs[i].first;
        }
    }
    return best;
}

bool isGold(const std::vector<std::uint32_t>& gold, std::uint32_t label)
{
    return std::binary_search(gold.begin(), gold.end(), label);
}

/// Global threshold, then one per label (the global one for labels without a dev positive).
std::vector<float> chooseThresholds(const std::vector<float>& scores, const Split& dev, std::size_t labels, float& global)
{
    std::vector<std::pair<float, bool>> pairs;
    pairs.reserve(scores.size());
    std::int64_t positives = 0;
    for (std::size_t d = 0; d < dev.gold.size(); ++d)
        for (std::size_t l = 0; l < labels; ++l) {
            const bool gold = isGold(dev.gold[d], static_cast<std::uint32_t>(l));
            positives += gold;
            pairs.emplace_back(scores[d * labels + l], gold);
        }
    global = bestThreshold(pairs, positives);
    std::vector<float> perLabel(labels, global);
    for (std::size_t l = 0; l < labels; ++l) {
        pairs.clear();
        positives = 0;
        for (std::size_t d = 0; d < dev.gold.size(); ++d) {
            const bool gold = isGold(dev.gold[d], static_cast<std::uint32_t>(l));
            positives += gold;
            pairs.emplace_back(scores[d * labels + l], gold);
        }
        const float threshold = bestThreshold(pairs, positives);
        if (!std::isnan(threshold)) perLabel[l] = threshold;
    }
    return perLabel;
}

/// Micro- and macro-F1 (Tagbench's definition, core/eval/Metrics.h) of score >= threshold.
std::pair<double, double> evaluate(const std::vector<float>& scores, const Split& split, const std::vector<float>& thresholds)
{
    const std::size_t labels = thresholds.size();
    std::vector<eval::LabelCounts> counts(labels);
    std::int64_t empty = 0;
    for (std::size_t d = 0; d < split.gold.size(); ++d) {
        bool any = false;
        for (std::size_t l = 0; l < labels; ++l) {
            const bool predicted = scores[d * labels + l] >= thresholds[l];
            const bool gold = isGold(split.gold[d], static_cast<std::uint32_t>(l));
            counts[l].predicted += predicted;
            counts[l].support += gold;
            counts[l].truePositives += predicted && gold;
            any = any || predicted;
        }
        empty += !any;
    }
    const eval::Metrics metrics = eval::metricsFromCounts(counts, static_cast<std::int64_t>(split.gold.size()), empty);
    return {metrics.f1, metrics.macroF1};
}

/// Numbers of one system, keyed like protocol.py's RESULT keys.
using Numbers = std::map<std::string, double>;

void protocolNumbers(const std::vector<float>& devScores, const std::vector<float>& testScores, const Split& dev,
                     const Split* test, std::size_t labels, Numbers& out)
{
    float global = 0.0f;
    const std::vector<float> perLabel = chooseThresholds(devScores, dev, labels, global);
    const std::vector<float> globalAll(labels, global);
    for (const auto& [name, thresholds] : {std::pair{"global", &globalAll}, std::pair{"per_label", &perLabel}}) {
        std::tie(out[std::string(name) + "_dev_micro"], out[std::string(name) + "_dev_macro"]) =
            evaluate(devScores, dev, *thresholds);
        if (test)
            std::tie(out[std::string(name) + "_test_micro"], out[std::string(name) + "_test_macro"]) =
                evaluate(testScores, *test, *thresholds);
    }
    out["global_threshold"] = global;
}

/// RESULT lines of a baseline script: name -> key -> value.
std::map<std::string, Numbers> runBaseline(const std::string& command)
{
    std::map<std::string, Numbers> results;
    std::printf("$ %s\n", command.c_str());
    std::fflush(stdout);
    FILE* pipe = ::popen(command.c_str(), "r");
    if (!pipe) return results;
    char line[4096];
    while (std::fgets(line, sizeof line, pipe)) {
        char name[256], key[256];
        double value = 0.0;
        if (std::sscanf(line, "RESULT %255s %255s %lf", name, key, &value) == 3) results[name][key] = value;
        else std::printf("  %s", line);
    }
    if (::pclose(pipe) != 0) std::printf("  (the command failed)\n");
    return results;
}

std::vector<TfidfOptions> featureBlocks(const std::string& spec)
{
    // "word12" = word 1-2 grams, "charwb25" = char_wb 2-5 grams, "word13", "charwb15", joined by '+';
    // always sublinear tf and min_df 2, as the sklearn baseline.
    std::vector<TfidfOptions> blocks;
    for (const std::string& part : split(spec, '+')) {
        TfidfOptions options;
        options.sublinearTf = true;
        options.minDf = DocumentFrequencyBound::count(2);
        const bool chars = part.rfind("charwb", 0) == 0;
        const std::string range = part.substr(chars ? 6 : 4);
        if ((!chars && part.rfind("word", 0) != 0) || range.size() != 2) {
            std::fprintf(stderr, "unknown feature block '%s' (word12, word13, charwb25, ...)\n", part.c_str());
            std::exit(2);
        }
        options.analyzer = chars ? Analyzer::CharWb : Analyzer::Word;
        options.ngramMin = range[0] - '0';
        options.ngramMax = range[1] - '0';
        blocks.push_back(options);
    }
    return blocks;
}

void printRow(const char* label, const std::vector<std::string>& cells)
{
    std::printf("| %-35s |", label);
    for (const auto& cell : cells) std::printf(" %16s |", cell.c_str());
    std::printf("\n");
}

std::string cell(const Numbers& numbers, const std::string& key, const char* format = "%.4f")
{
    const auto it = numbers.find(key);
    if (it == numbers.end()) return "-";
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, format, it->second);
    return buffer;
}

} // namespace

int main(int argc, char** argv)
{
    std::string data;
    std::string features = "word12";
    std::string cValues = "4";
    std::string losses = "lr";
    std::string weights = "none";
    int threads = 0;
    double tolerance = 1e-4;
    bool devOnly = false;
    bool sklearn = true;
    bool fasttext = false;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        const auto value = [&]() -> std::string { return i + 1 < argc ? argv[++i] : ""; };
        if (arg == "--data") data = value();
        else if (arg == "--char-wb") features = "word12+charwb25";
        else if (arg == "--features") features = value();
        else if (arg == "--C") cValues = value();
        else if (arg == "--loss") losses = value();
        else if (arg == "--class-weight") weights = value();
        else if (arg == "--threads") threads = std::atoi(value().c_str());
        else if (arg == "--tol") tolerance = std::atof(value().c_str());
        else if (arg == "--dev-only") devOnly = true;
        else if (arg == "--no-sklearn") sklearn = false;
        else if (arg == "--fasttext") fasttext = true;
        else {
            std::fprintf(stderr, "usage: %s --data DIR [--char-wb | --features word12+charwb25,...] [--C 4,8]\n"
                                 "       [--loss lr,lr_dual:0.1,svm,svm_primal] [--class-weight none,balanced,positive:W]\n"
                                 "       [--tol 1e-4] [--threads N]\n"
                                 "       [--dev-only] [--no-sklearn] [--fasttext]\n", argv[0]);
            return 2;
        }
    }
    if (data.empty()) return std::fprintf(stderr, "--data DIR is required\n"), 2;
    // A comparison with the references takes one feature set and class weighting; several losses
    // give one Tagbench column each. Anything wider is an exploration (dev numbers only).
    const bool explore = devOnly || split(features, ',').size() > 1 || split(weights, ',').size() > 1;

    // Labels: the training set's, sorted by name as sklearn's baseline does.
    auto trainSet = readDataset(data + "/train.jsonl");
    if (!trainSet) return std::fprintf(stderr, "%s\n", trainSet.message().c_str()), 1;
    std::vector<std::string> labelNames = trainSet->labelNames();
    std::sort(labelNames.begin(), labelNames.end());
    std::map<std::string, std::uint32_t> labelIds;
    for (std::size_t l = 0; l < labelNames.size(); ++l) labelIds[labelNames[l]] = static_cast<std::uint32_t>(l);
    trainSet = Result<Dataset>(Dataset());
    const Split train = readSplit(data + "/train.jsonl", labelIds);
    const Split dev = readSplit(data + "/dev.jsonl", labelIds);
    const Split test = devOnly ? Split{} : readSplit(data + "/test.jsonl", labelIds);
    const std::size_t labels = labelNames.size();
    std::printf("debtags: %zu train, %zu dev, %zu test documents, %zu labels; %u hardware threads\n", train.texts.size(),
                dev.texts.size(), test.texts.size(), labels, std::thread::hardware_concurrency());

    std::map<std::string, Numbers> ours;  // system name -> numbers
    std::vector<std::string> order;
    for (const std::string& featureSpec : split(features, ',')) {
        auto start = Clock::now();
        double cpuStart = cpuSeconds();
        auto union_ = TfidfFeatureUnion::fit(train.texts, featureBlocks(featureSpec), threads);
        if (!union_) return std::fprintf(stderr, "%s\n", union_.message().c_str()), 1;
        const SparseMatrix xTrain = union_->transform(train.texts, threads);
        const SparseMatrix xDev = union_->transform(dev.texts, threads);
        const SparseMatrix xTest = devOnly ? SparseMatrix(union_->featureCount()) : union_->transform(test.texts, threads);
        const double vectorizeSeconds = since(start);
        const double vectorizeCpu = cpuSeconds() - cpuStart;
        std::printf("%s: %zu features (%zu non-zeros in train), vectorized in %.2f s\n", featureSpec.c_str(),
                    union_->featureCount(), xTrain.nonZeros(), vectorizeSeconds);
        std::fflush(stdout);
        for (const std::string& lossSpec : split(losses, ','))
            for (const std::string& weight : split(weights, ','))
                for (const std::string& c : split(cValues, ',')) {
                    // "lr_dual:0.1": a loss with its own tolerance (else --tol).
                    const std::size_t colon = lossSpec.find(':');
                    const std::string loss = lossSpec.substr(0, colon);
                    LinearTrainOptions options;
                    // lr = L2R_LR (sklearn's LogisticRegression default), lr_dual = L2R_LR_DUAL,
                    // svm = L2R_L2LOSS_SVC_DUAL (LinearSVC's default), svm_primal = L2R_L2LOSS_SVC.
                    options.loss = loss.rfind("svm", 0) == 0 ? LinearLoss::SquaredHinge : LinearLoss::Logistic;
                    options.dual = loss == "svm" || loss == "lr_dual";
                    options.tolerance = colon == std::string::npos ? tolerance : std::atof(lossSpec.c_str() + colon + 1);
                    options.C = std::atof(c.c_str());
                    options.threads = threads;
                    if (weight == "balanced") options.classWeight = ClassWeighting::Balanced;
                    if (weight.rfind("positive:", 0) == 0) {
                        options.classWeight = ClassWeighting::Positive;
                        options.positiveWeight = std::atof(weight.c_str() + 9);
                    }
                    start = Clock::now();
                    cpuStart = cpuSeconds();
                    auto model = LinearTrainer(options).train(xTrain, train.gold, labels);
                    if (!model) return std::fprintf(stderr, "%s\n", model.message().c_str()), 1;
                    const double trainSeconds = since(start);
                    const double trainCpu = cpuSeconds() - cpuStart;
                    const std::vector<float> devScores = model->scores(xDev, threads);
                    const std::vector<float> testScores = devOnly ? std::vector<float>() : model->scores(xTest, threads);
                    const std::string name = featureSpec + " " + lossSpec + " C=" + c + " cw=" + weight;
                    Numbers& numbers = ours[name];
                    order.push_back(name);
                    numbers["C"] = options.C;
                    numbers["features"] = double(union_->featureCount());
                    numbers["vectorize_seconds"] = vectorizeSeconds;
                    numbers["train_seconds"] = trainSeconds;
                    numbers["vectorize_cpu_seconds"] = vectorizeCpu;
                    numbers["train_cpu_seconds"] = trainCpu;
                    protocolNumbers(devScores, testScores, dev, devOnly ? nullptr : &test, labels, numbers);
                    std::printf("  %-44s train %6.1f s (CPU %6.1f s)  dev micro %.4f (global %.4f)  dev macro %.4f (global %.4f)\n",
                                name.c_str(), trainSeconds, trainCpu, numbers["per_label_dev_micro"], numbers["global_dev_micro"],
                                numbers["per_label_dev_macro"], numbers["global_dev_macro"]);
                    std::fflush(stdout);
                }
    }
    const double rss = peakRssMib();
    std::printf("Tagbench peak RSS %.0f MiB\n", rss);
    if (explore) return 0;

    // Per loss, with several C values, the one with the best dev micro-F1 under per-label
    // thresholds is reported, as sklearn_baseline.py chooses it.
    std::vector<std::pair<std::string, Numbers>> columns;
    for (const std::string& loss : split(losses, ',')) {
        std::string chosen;
        for (const auto& name : order)
            if (name.find(" " + loss + " ") != std::string::npos &&
                (chosen.empty() || ours[name]["per_label_dev_micro"] > ours[chosen]["per_label_dev_micro"]))
                chosen = name;
        ours[chosen]["peak_rss_mib"] = rss;  // of the whole run: all losses and C values
        columns.emplace_back("Tagbench " + loss, ours[chosen]);
    }
    // References, after our run so that their memory does not count towards ours.
    const std::string scripts = std::string(TAGBENCH_SOURCE_DIR) + "/tests/bench/linear/";
    if (sklearn) {
        const bool charWb = features.find("charwb25") != std::string::npos;
        auto results = runBaseline("nice /usr/bin/python3 " + scripts + "sklearn_baseline.py --data '" + data + "' --C " +
                                   cValues + (charWb ? " --char-wb" : ""));
        const std::string base = charWb ? "sklearn_word12_charwb25" : "sklearn_word12";
        Numbers numbers = results[base];
        char tag[64];
        std::snprintf(tag, sizeof tag, "_C%g", numbers["chosen_C"]);
        for (const auto& [key, value] : results[base + tag]) numbers[key] = value;
        numbers["C"] = numbers["chosen_C"];
        columns.emplace_back("sklearn", numbers);
    }
    if (fasttext) {
        auto results = runBaseline("nice /usr/bin/python3 " + scripts + "fasttext_baseline.py --data '" + data + "'");
        columns.emplace_back("fastText", results["fasttext"]);
    }

    std::printf("\n%s, C chosen on dev among %s, %s threads\n", features.c_str(), cValues.c_str(),
                threads > 0 ? std::to_string(threads).c_str() : "all");
    std::vector<std::string> header;
    for (const auto& column : columns) header.push_back(column.first);
    printRow("", header);
    const std::vector<std::pair<const char*, std::pair<std::string, const char*>>> rows = {
        {"test micro-F1, per-label thresholds", {"per_label_test_micro", "%.4f"}},
        {"test macro-F1, per-label thresholds", {"per_label_test_macro", "%.4f"}},
        {"test micro-F1, global threshold", {"global_test_micro", "%.4f"}},
        {"test macro-F1, global threshold", {"global_test_macro", "%.4f"}},
        {"dev micro-F1, per-label thresholds", {"per_label_dev_micro", "%.4f"}},
        {"dev micro-F1, global threshold", {"global_dev_micro", "%.4f"}},
        {"global threshold (chosen on dev)", {"global_threshold", "%.4f"}},
        {"C (chosen on dev)", {"C", "%g"}},
        {"features", {"features", "%.0f"}},
        {"vectorize train+dev+test, s", {"vectorize_seconds", "%.2f"}},
        {"  CPU s", {"vectorize_cpu_seconds", "%.2f"}},
        {"train, s", {"train_seconds", "%.2f"}},
        {"  CPU s", {"train_cpu_seconds", "%.2f"}},
        {"peak RSS, MiB", {"peak_rss_mib", "%.0f"}},
    };
    for (const auto& [label, key] : rows) {
        std::vector<std::string> cells;
        for (const auto& column : columns) cells.push_back(cell(column.second, key.first, key.second));
        printRow(label, cells);
    }
    return 0;
}
