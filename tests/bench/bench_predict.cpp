// Prediction benchmark: documents/s of a FastText-style and a TextCNN .tagbench bundle on the
// debtags-en test split, side by side with Debian's `fasttext predict-prob` on the same documents
// with a fastText model trained in the same run (same dim, word n-grams and buckets as the bundle).
//
//   bench_predict /work/shared/datasets/debtags-en [--threads N] [--repeat R] [--work DIR]
//                 [--fasttext-run RUN_DIR] [--textcnn-run RUN_DIR]
//
// Without --*-run the runs are trained here (short: a few epochs). The test documents are repeated
// R times (default 10) so that both tools spend their time predicting, not starting up. For
// fastText the time of predicting ONE document (process start + model load) is subtracted, and
// its end-to-end time is printed too; for Tagbench the Predictor is opened once and timed on
// score + decide (the work `tagbench-cli predict` does per chunk). fastText predicts on one
// thread; Tagbench is shown with 1 thread and with N.
#include "core/data/DatasetReader.h"
#include "core/export/BundleExporter.h"
#include "core/export/Predictor.h"
#include "core/train/Trainer.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <thread>
#include <vector>

using namespace tagbench;
namespace fs = std::filesystem;

namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

double cpuSeconds(int who)
{
    rusage usage{};
    getrusage(who, &usage);
    const auto seconds = [](const timeval& t) { return double(t.tv_sec) + double(t.tv_usec) / 1e6; };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

struct Timing {
    double wall = 0.0;
    double cpu = 0.0;
};

// Runs a shell command; its wall time and the CPU time of its process tree.
Timing timeCommand(const std::string& command)
{
    const double cpuBefore = cpuSeconds(RUSAGE_CHILDREN);
    const auto start = Clock::now();
    const int status = std::system(command.c_str());
    Timing t{secondsSince(start), cpuSeconds(RUSAGE_CHILDREN) - cpuBefore};
    if (status != 0) {
        std::cerr << "bench_predict: command failed (" << status << "): " << command << '\n';
        std::exit(1);
    }
    return t;
}

std::string trainConfig(const std::string& data, const std::string& model, int threads)
{
    std::ostringstream c;
    c << "{\"model\": \"" << model << "\", \"task\": \"multi_label\",\n"
      << " \"data\": {\"train\": \"" << data << "/train.jsonl\", \"dev\": \"" << data << "/dev.jsonl\", \"test\": \"" << data
      << "/test.jsonl\"},\n"
      << " \"tokenizer\": {\"kind\": \"word\", \"lowercase\": true},\n";
    if (model == "FastText")
        c << " \"FastText\": {\"word_ngrams\": 2, \"buckets\": 200000}, \"embedding\": {\"dimension\": 50},\n"
          << " \"train\": {\"epochs\": 5, \"batch_size\": 32, \"optimizer\": \"adam\", \"learning_rate\": 0.05, \"threads\": "
          << threads << "},\n";
    else
        c << " \"TextCNN\": {\"kernel_sizes\": [2, 3, 4], \"num_kernels\": 64, \"max_length\": 200, \"dropout\": 0.3},\n"
          << " \"embedding\": {\"dimension\": 64},\n"
          << " \"train\": {\"epochs\": 2, \"batch_size\": 64, \"learning_rate\": 0.002, \"threads\": " << threads << "},\n";
    c << " \"eval\": {\"threshold\": 0.5}}\n";
    return c.str();
}

std::string ensureRun(const std::string& given, const std::string& work, const std::string& data, const std::string& model,
                      int threads)
{
    if (!given.empty()) return given;
    const std::string runDir = work + "/" + model + "-run";
    if (fs::exists(runDir + "/model.pt") && fs::exists(runDir + "/run.json")) return runDir;
    const std::string configPath = work + "/" + model + ".json";
    std::ofstream(configPath) << trainConfig(data, model, threads);
    auto config = TrainConfig::load(configPath);
    if (!config) {
        std::cerr << config.message() << '\n';
        std::exit(1);
    }
    TrainOptions options;
    options.runDir = runDir;
    options.device = "cpu";
    Trainer trainer(*config, options);
    // The trainer calls every callback unconditionally (an unset one throws bad_function_call).
    trainer.setProgressCallback([](const TrainProgress&) {});
    trainer.setEpochCallback([](const EpochReport&) {});
    trainer.setLogCallback([](const std::string&) {});
    std::cout << "training " << model << " (" << config->train.epochs << " epochs) ..." << std::flush;
    const auto start = Clock::now();
    const auto result = trainer.run();
    if (!result) {
        std::cerr << "\n" << result.message() << '\n';
        std::exit(1);
    }
    std::printf(" %.1f s; test: %s\n", secondsSince(start), result->testPerformanceLine.c_str());
    return runDir;
}

struct Rate {
    double docsPerSecond = 0.0;
    double docsPerCpuSecond = 0.0;
    double microF1 = 0.0;
};

Rate measureBundle(const std::string& bundle, const Dataset& test, int repeat, int threads, std::string& device)
{
    auto predictor = Predictor::open(bundle, {"cpu", threads, 256});
    if (!predictor) {
        std::cerr << predictor.message() << '\n';
        std::exit(1);
    }
    device = predictor->deviceDescription();
    std::vector<std::string_view> texts;
    for (int r = 0; r < repeat; ++r)
        for (std::size_t i = 0; i < test.size(); ++i) texts.push_back(test.text(i));
    // Warm-up (first-touch of the weights, allocator pools), as fastText's subtracted start-up.
    (void)predictor->score({texts.begin(), texts.begin() + std::min<std::size_t>(texts.size(), 512)});

    const double cpuBefore = cpuSeconds(RUSAGE_SELF);
    const auto start = Clock::now();
    const std::size_t chunk = 16384;  // as tagbench-cli predict
    std::size_t kept = 0;
    for (std::size_t begin = 0; begin < texts.size(); begin += chunk) {
        const std::vector<std::string_view> part(texts.begin() + begin, texts.begin() + std::min(texts.size(), begin + chunk));
        auto scores = predictor->score(part);
        if (!scores) {
            std::cerr << scores.message() << '\n';
            std::exit(1);
        }
        for (std::size_t i = 0; i < part.size(); ++i) kept += predictor->decide(scores->data() + i * predictor->labels().size()).size();
    }
    const double wall = secondsSince(start);
    const double cpu = cpuSeconds(RUSAGE_SELF) - cpuBefore;
    auto matrix = predictor->scoreDataset(test);
    Rate rate{static_cast<double>(texts.size()) / wall, static_cast<double>(texts.size()) / cpu,
              matrix ? eval::evaluate(*matrix, predictor->rule()).f1 : 0.0};
    (void)kept;
    return rate;
}

} // namespace

int main(int argc, char** argv)
{
    if (argc < 2 || std::string(argv[1]) == "--help") {
        std::cout << "usage: bench_predict DEBTAGS_DIR [--threads N] [--repeat R] [--work DIR] [--fasttext-run DIR] "
                     "[--textcnn-run DIR]\n";
        return argc < 2 ? 2 : 0;
    }
    const std::string data = argv[1];
    int threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    int repeat = 10;
    std::string work = "/tmp/tagbench-bench-predict", fastTextRun, textCnnRun;
    for (int i = 2; i + 1 < argc; i += 2) {
        const std::string flag = argv[i];
        if (flag == "--threads") threads = std::atoi(argv[i + 1]);
        else if (flag == "--repeat") repeat = std::atoi(argv[i + 1]);
        else if (flag == "--work") work = argv[i + 1];
        else if (flag == "--fasttext-run") fastTextRun = argv[i + 1];
        else if (flag == "--textcnn-run") textCnnRun = argv[i + 1];
        else {
            std::cerr << "unknown option " << flag << '\n';
            return 2;
        }
    }
    fs::create_directories(work);

    fastTextRun = ensureRun(fastTextRun, work, data, "FastText", threads);
    textCnnRun = ensureRun(textCnnRun, work, data, "TextCNN", threads);
    for (const auto& [run, bundle] : {std::pair{fastTextRun, work + "/fasttext.tagbench"}, {textCnnRun, work + "/textcnn.tagbench"}}) {
        const auto start = Clock::now();
        auto exported = exportBundle(run, bundle);
        if (!exported) {
            std::cerr << exported.message() << '\n';
            return 1;
        }
        std::printf("exported %s: %.1f MB in %.2f s\n", bundle.c_str(), static_cast<double>(exported->bytes) / 1e6,
                    secondsSince(start));
    }

    // The same documents for both tools: test.jsonl for Tagbench, test.ft.txt (labels removed) for fastText.
    auto test = readDataset(data + "/test.jsonl");
    if (!test) {
        std::cerr << test.message() << '\n';
        return 1;
    }
    const std::string ftTexts = work + "/test-x" + std::to_string(repeat) + ".txt", ftOne = work + "/test-one.txt";
    {
        std::ifstream in(data + "/test.ft.txt");
        std::vector<std::string> lines;
        for (std::string line; std::getline(in, line);) {
            std::istringstream words(line);
            std::string word, text;
            while (words >> word)
                if (word.rfind("__label__", 0) != 0) text += (text.empty() ? "" : " ") + word;
            lines.push_back(text);
        }
        std::ofstream out(ftTexts);
        for (int r = 0; r < repeat; ++r)
            for (const auto& line : lines) out << line << '\n';
        std::ofstream(ftOne) << lines.front() << '\n';
    }

    const std::string ftModel = work + "/fasttext-ref";
    if (!fs::exists(ftModel + ".bin")) {
        const Timing t = timeCommand("fasttext supervised -input " + data + "/train.ft.txt -output " + ftModel +
                                     " -loss ova -dim 50 -wordNgrams 2 -bucket 200000 -epoch 5 -lr 0.5 -thread " +
                                     std::to_string(threads) + " -verbose 0");
        std::printf("fastText reference model trained in %.1f s\n", t.wall);
    }
    const std::size_t docs = test->size() * static_cast<std::size_t>(repeat);
    const std::string predictCommand = "fasttext predict-prob " + ftModel + ".bin ";
    const Timing startup = timeCommand(predictCommand + ftOne + " -1 0.5 > /dev/null");
    const Timing full = timeCommand(predictCommand + ftTexts + " -1 0.5 > " + work + "/fasttext-preds.txt");
    const double ftRate = static_cast<double>(docs) / std::max(1e-9, full.wall - startup.wall);
    const double ftCpuRate = static_cast<double>(docs) / std::max(1e-9, full.cpu - startup.cpu);

    std::printf("\nPrediction on debtags-en test: %zu documents x %d = %zu (threshold rule of each bundle)\n",
                test->size(), repeat, docs);
    std::printf("%-34s %12s %14s %9s %10s\n", "", "docs/s", "docs/CPU-s", "vs fastText", "test micro-F1");
    std::printf("%-34s %12.0f %14.0f %9s %10s\n", "fastText predict-prob (1 thread)", ftRate, ftCpuRate, "1.00x", "");
    std::printf("%-34s %12.0f %14s   (end to end incl. %.2f s start-up and model load)\n", "fastText end to end",
                static_cast<double>(docs) / full.wall, "", startup.wall);
    for (const auto& [name, bundle] : {std::pair{std::string("FastText bundle"), work + "/fasttext.tagbench"},
                                       {std::string("TextCNN bundle"), work + "/textcnn.tagbench"}}) {
        for (const int t : {1, threads}) {
            if (t == threads && threads == 1) continue;
            std::string device;
            const Rate rate = measureBundle(bundle, *test, repeat, t, device);
            const std::string label = name + " (" + device + ")";
            std::printf("%-34s %12.0f %14.0f %8.2fx %10.4f\n", label.c_str(), rate.docsPerSecond, rate.docsPerCpuSecond,
                        rate.docsPerSecond / ftRate, rate.microF1);
        }
    }
    return 0;
}
