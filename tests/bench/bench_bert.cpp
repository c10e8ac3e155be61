// BERT-base fine-tuning and inference on the CPU: Tagbench next to a plain PyTorch loop
// (tests/bench/bert/reference_bert.py, Debian python3-torch) in the same run.
//
//   bench_bert [--threads 2] [--docs 160] [--work DIR] [--layers 12]
//              [--python-train-steps 2] [--python-infer-batches 2] [--identical-steps 2]
//
// The model is bert-base-sized (12 layers, hidden 768, 12 heads, intermediate 3072, vocab 21128
// like bert-base-chinese), randomly initialised: the bench writes a Hugging Face folder
// (config.json, vocab.txt, model.safetensors with HF names) that both sides start from. Texts are
// the first --docs documents of resources/samples/car-news-zh/train.jsonl, tokenized once by
// Tagbench's WordPiece (vocabulary padded to 21128 entries); the Python side gets those ids, so
// both see identical tokens. max_length 128, batch 16.
//
// * end to end: `tagbench-cli train` for one epoch over the documents (its length-bucketed
//   batches padded to each batch's longest text) and the Predictor on the exported bundle, vs
//   Python padding every text to 128, as the usual scripts do;
// * identical batches: Tagbench's network, loss and AdamW on the same batches padded to 128 as
//   Python's, in a loop like the trainer's: the engine alone.
// Every measurement runs in its own process (this program re-runs itself with --child), so each
// peak RSS is that of the measurement alone. Python is timed on its first batches (every one has
// the same shape, so its rate does not depend on which).
#include "core/export/BundleExporter.h"
#include "core/export/Predictor.h"
#include "core/export/Safetensors.h"
#include "core/model/ModelRegistry.h"
#include "core/model/bert/torch/BertEncoder.h"
#include "core/model/torch/CpuLinear.h"
#include "core/model/torch/Loss.h"
#include "core/model/torch/TextClassifier.h"
#include "core/text/WordPieceTokenizer.h"
#include "core/train/TrainConfig.h"
#include "core/train/torch/Optimizer.h"

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

using namespace tagbench;
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

using Clock = std::chrono::steady_clock;
constexpr std::int64_t kVocab = 21128;
constexpr std::int64_t kMaxLength = 128;
constexpr std::int64_t kBatch = 16;

double secondsSince(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

double processCpuSeconds()
{
    timespec now{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return double(now.tv_sec) + 1e-9 * double(now.tv_nsec);
}

struct Args {
    int threads = 2;
    std::size_t docs = 160;
    std::string work = "/tmp/tagbench-bench-bert";
    std::int64_t layers = 12;
    int pythonTrainSteps = 2;
    int pythonInferBatches = 2;
    int identicalSteps = 2;
};

std::string readFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

void writeFile(const std::string& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

/// What one child process measured, and its peak RSS from wait4().
struct Measured {
    json result;
    std::int64_t peakRss = 0;
    double wall = 0.0;
};

/// Runs argv with stdout to logPath; the last line of the log must be a JSON object unless
/// jsonResult is false. Exits the bench when the child fails: a number without its run is worthless.
Measured runChild(const std::vector<std::string>& argv, const std::string& logPath, bool jsonResult = true)
{
    const auto start = Clock::now();
    const pid_t pid = fork();
    if (pid == 0) {
        const int fd = ::open(logPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        dup2(fd, 1);
        dup2(fd, 2);
        std::vector<char*> raw;
        for (const auto& a : argv) raw.push_back(const_cast<char*>(a.c_str()));
        raw.push_back(nullptr);
        execv(raw[0], raw.data());
        _exit(127);
    }
    int status = 0;
    rusage usage{};
    wait4(pid, &status, 0, &usage);
    Measured m;
    m.wall = secondsSince(start);
    m.peakRss = static_cast<std::int64_t>(usage.ru_maxrss) * 1024;
    const std::string log = readFile(logPath);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        std::cerr << "bench_bert: failed: " << argv[0] << " ... (log " << logPath << ")\n" << log.substr(log.size() > 3000 ? log.size() - 3000 : 0);
        std::exit(1);
    }
    if (jsonResult) {
        std::string last = log.substr(0, log.find_last_not_of("\n") + 1);
        last = last.substr(last.find_last_of('\n') == std::string::npos ? 0 : last.find_last_of('\n') + 1);
        m.result = json::parse(last);
    }
    return m;
}

/// A bert-base-chinese-like vocabulary: [PAD], [unused1..99], [UNK], [CLS], [SEP], [MASK], the
/// characters of the texts, ASCII letters and digits with their ## forms, padded to kVocab.
std::vector<std::string> buildVocabulary(const std::vector<std::string>& texts)
{
    std::vector<std::string> vocab = {"[PAD]"};
    for (int i = 1; i < 100; ++i) vocab.push_back("[unused" + std::to_string(i) + "]");
    for (const char* special : {"[UNK]", "[CLS]", "[SEP]", "[MASK]"}) vocab.push_back(special);
    std::set<std::string> seen(vocab.begin(), vocab.end());
    const auto add = [&](const std::string& token) {
        if (seen.insert(token).second) vocab.push_back(token);
    };
    for (char c = '!'; c <= '~'; ++c) add(std::string(1, c));
    for (char c = 'a'; c <= 'z'; ++c) add("##" + std::string(1, c));
    for (char c = '0'; c <= '9'; ++c) add("##" + std::string(1, c));
    for (const auto& text : texts) {
        for (std::size_t i = 0; i < text.size();) {
            const auto byte = static_cast<unsigned char>(text[i]);
            const std::size_t n = byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4;
            if (byte >= 0x80) add(text.substr(i, n));
            i += n;
        }
    }
    for (std::int64_t i = static_cast<std::int64_t>(vocab.size()); i < kVocab; ++i) vocab.push_back("[unused" + std::to_string(i) + "]");
    return vocab;
}

BertConfig benchConfig(const Args& args)
{
    BertConfig config;  // bert-base defaults
    config.vocabSize = kVocab;
    config.numHiddenLayers = args.layers;
    return config;
}

/// Random weights of the encoder (no classification head: it is newly initialised for the
/// labels, as when fine-tuning a downloaded checkpoint) under Hugging Face's names.
void writeCheckpoint(const std::string& dir, const BertConfig& config, const std::vector<std::string>& vocab)
{
    fs::create_directories(dir);
    std::string vocabText;
    for (const auto& token : vocab) vocabText += token + "\n";
    writeFile(dir + "/vocab.txt", vocabText);
    writeFile(dir + "/config.json", config.toJson());
    writeFile(dir + "/tokenizer_config.json", R"({"do_lower_case": true, "tokenize_chinese_chars": true, "model_max_length": 512})");
    torch::manual_seed(3);
    BertEncoder encoder(config, LoraOptions{});
    std::vector<std::pair<std::string, torch::Tensor>> tensors;
    for (const auto& item : encoder->named_parameters()) tensors.emplace_back("bert." + item.key(), item.value().detach().contiguous());
    std::vector<TensorRef> refs;
    for (const auto& [name, tensor] : tensors)
        refs.push_back({name, TensorDType::F32, tensor.sizes().vec(), tensor.data_ptr(), static_cast<std::size_t>(tensor.nbytes())});
    auto writer = SafetensorsWriter::create(std::move(refs), {{"format", "pt"}});
    if (!writer) {
        std::cerr << "bench_bert: " << writer.message() << "\n";
        std::exit(1);
    }
    std::ofstream out(dir + "/model.safetensors", std::ios::binary);
    writer->write([&](std::string_view piece) { out.write(piece.data(), static_cast<std::streamsize>(piece.size())); });
}

std::string trainConfigJson(const Args& args, const std::string& work)
{
    json config = {{"model", "BERT"},
                   {"data", {{"train", work + "/train.jsonl"}, {"dev", work + "/dev.jsonl"}}},
                   {"BERT", {{"checkpoint", work + "/checkpoint"}, {"max_length", kMaxLength}}},
                   {"train",
                    {{"optimizer", "adamw"}, {"learning_rate", 2e-5}, {"weight_decay", 0.01}, {"batch_size", kBatch}, {"epochs", 1},
                     {"loss_reduction", "mean"}, {"threads", args.threads}, {"seed", 1}, {"early_stopping_patience", 0}}}};
    return config.dump(2);
}

// ---- children: each measures one thing and prints one JSON line ----

/// Tagbench's network, loss and optimizer on the bench's batches padded to kMaxLength: the
/// trainer's step (forward, loss mean over labels, backward, AdamW) without its batch planning.
int childIdentical(const std::string& work, bool train, int steps, int threads)
{
    torch::set_num_threads(threads);
    const json data = json::parse(readFile(work + "/tokens.json"));
    auto config = TrainConfig::parse(readFile(work + "/train-config.json"), "train-config.json", work);
    if (!config) {
        std::cerr << config.message() << "\n";
        return 1;
    }
    ModelSpec spec = config->model;
    spec.vocabularySize = kVocab;
    spec.labels = data["labels"].get<std::int64_t>();
    torch::manual_seed(1);
    auto model = ModelRegistry::instance().find("BERT")->createModule(spec);
    TrainingPreparation preparation;
    preparation.learningRate = 2e-5;
    if (auto s = model->prepareForTraining(preparation); !s) {
        std::cerr << s.message() << "\n";
        return 1;
    }
    OptimizerOptions options;
    options.kind = "adamw";
    options.learningRate = 2e-5;
    options.weightDecay = 0.01;
    Optimizer optimizer(model->parameterGroups(), options);
    std::vector<ModelBatch> batches;
    for (int s = 0; s < steps; ++s) {
        const auto& rows = data["batches"][static_cast<std::size_t>(s)];
        ModelBatch b;
        const auto n = static_cast<std::int64_t>(rows.size());
        b.tokens = torch::zeros({n, kMaxLength}, torch::kInt64);
        b.mask = torch::zeros({n, kMaxLength}, torch::kInt64);
        b.lengths = torch::zeros({n}, torch::kInt64);
        b.targets = torch::zeros({n, spec.labels});
        b.rows = torch::arange(n);
        for (std::int64_t i = 0; i < n; ++i) {
            const auto& doc = data["docs"][rows[static_cast<std::size_t>(i)].get<std::size_t>()];
            const auto ids = doc["ids"].get<std::vector<std::int64_t>>();
            const auto len = std::min<std::int64_t>(static_cast<std::int64_t>(ids.size()), kMaxLength);
            for (std::int64_t t = 0; t < len; ++t) b.tokens[i][t] = ids[static_cast<std::size_t>(t)];
            b.mask[i].narrow(0, 0, len).fill_(1);
            b.lengths[i] = len;
            for (const auto& label : doc["labels"]) b.targets[i][label.get<std::int64_t>()] = 1.0f;
        }
        batches.push_back(std::move(b));
    }
    const auto start = Clock::now();
    const double cpuStart = processCpuSeconds();
    double lossSum = 0.0;
    if (train) {
        model->train();
        for (const auto& b : batches) {
            const torch::Tensor loss = multiLabelLoss(model->trainingForward(b), b.targets, {}, 0.0) / static_cast<double>(spec.labels);
            loss.backward();
            optimizer.step();
            optimizer.zeroGrad();
            lossSum += loss.item<double>();
        }
    } else {
        model->eval();
        torch::NoGradGuard noGrad;
        for (const auto& b : batches) lossSum += torch::sigmoid(model->forward(b)).sum().item<double>();
    }
    json out = {{"steps", steps}, {"documents", steps * kBatch}, {"seconds", secondsSince(start)},
                {"cpu_seconds", processCpuSeconds() - cpuStart}, {"loss", lossSum / std::max(steps, 1)}, {"gemm", cpuGemmDescription()}};
    std::cout << out.dump() << std::endl;
    return 0;
}

/// The Predictor on the exported bundle: score every document (batch 16, the bench's threads).
int childPredict(const std::string& work, int threads)
{
    PredictorOptions options;
    options.device = "cpu";
    options.threads = threads;
    options.batchSize = static_cast<int>(kBatch);
    auto predictor = Predictor::open(work + "/bert.tagbench", options);
    if (!predictor) {
        std::cerr << predictor.message() << "\n";
        return 1;
    }
    std::vector<std::string> texts;
    std::istringstream lines(readFile(work + "/train.jsonl"));
    for (std::string line; std::getline(lines, line);)
        if (!line.empty()) texts.push_back(json::parse(line)["text"].get<std::string>());
    const std::vector<std::string_view> views(texts.begin(), texts.end());
    const auto start = Clock::now();
    const double cpuStart = processCpuSeconds();
    auto scores = predictor->score(views);
    if (!scores) {
        std::cerr << scores.message() << "\n";
        return 1;
    }
    json out = {{"documents", texts.size()}, {"seconds", secondsSince(start)}, {"cpu_seconds", processCpuSeconds() - cpuStart}};
    std::cout << out.dump() << std::endl;
    return 0;
}

// ---- the driver ----

std::string mib(std::int64_t bytes)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.0f MiB", static_cast<double>(bytes) / (1024.0 * 1024.0));
    return text;
}

void row(const std::string& what, double tagbench, double python, const std::string& unit, const std::string& note = {})
{
    std::printf("  %-44s %9.3f %-7s %9.3f %-7s %6.2fx  %s\n", what.c_str(), tagbench, unit.c_str(), python, unit.c_str(),
                tagbench / python, note.c_str());
}

Args parseArgs(int argc, char** argv)
{
    Args args;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string key = argv[i];
        const std::string value = argv[i + 1];
        if (key == "--threads") args.threads = std::stoi(value);
        else if (key == "--docs") args.docs = std::stoul(value);
        else if (key == "--work") args.work = value;
        else if (key == "--layers") args.layers = std::stoll(value);
        else if (key == "--python-train-steps") args.pythonTrainSteps = std::stoi(value);
        else if (key == "--python-infer-batches") args.pythonInferBatches = std::stoi(value);
        else if (key == "--identical-steps") args.identicalSteps = std::stoi(value);
        else {
            std::cerr << "bench_bert: unknown option " << key << "\n";
            std::exit(2);
        }
    }
    return args;
}

} // namespace

int main(int argc, char** argv)
{
    if (argc >= 2 && std::string(argv[1]) == "--help") {
        std::cout << "bench_bert [--threads 2] [--docs 160] [--work DIR] [--layers 12] [--python-train-steps 2]\n"
                     "           [--python-infer-batches 2] [--identical-steps 2]   (see the source's header)\n";
        return 0;
    }
    if (argc >= 6 && std::string(argv[1]) == "--child") {
        const std::string mode = argv[2];
        const std::string work = argv[3];
        const int count = std::stoi(argv[4]);
        const int threads = std::stoi(argv[5]);
        if (mode == "identical-train") return childIdentical(work, true, count, threads);
        if (mode == "identical-infer") return childIdentical(work, false, count, threads);
        if (mode == "predict") return childPredict(work, threads);
        return 2;
    }
    const Args args = parseArgs(argc, argv);
    const std::string self = fs::canonical("/proc/self/exe").string();
    const std::string work = fs::absolute(args.work).string();
    fs::remove_all(work);
    fs::create_directories(work);

    // Data: the first documents of the car-news sample, and a small dev split for the trainer.
    std::vector<json> docs, dev;
    {
        std::istringstream lines(readFile(TAGBENCH_SOURCE_DIR "/resources/samples/car-news-zh/train.jsonl"));
        for (std::string line; std::getline(lines, line) && docs.size() < args.docs;)
            if (!line.empty()) docs.push_back(json::parse(line));
        std::istringstream devLines(readFile(TAGBENCH_SOURCE_DIR "/resources/samples/car-news-zh/dev.jsonl"));
        for (std::string line; std::getline(devLines, line) && dev.size() < 16;)
            if (!line.empty()) dev.push_back(json::parse(line));
    }
    std::string trainText, devText;
    std::vector<std::string> texts;
    std::set<std::string> labelSet;
    for (const auto& d : docs) {
        trainText += d.dump() + "\n";
        texts.push_back(d["text"].get<std::string>());
        for (const auto& l : d["labels"]) labelSet.insert(l.get<std::string>());
    }
    for (const auto& d : dev) {
        devText += d.dump() + "\n";
        texts.push_back(d["text"].get<std::string>());
    }
    writeFile(work + "/train.jsonl", trainText);
    writeFile(work + "/dev.jsonl", devText);
    const BertConfig config = benchConfig(args);
    const auto prepared = Clock::now();
    writeCheckpoint(work + "/checkpoint", config, buildVocabulary(texts));
    writeFile(work + "/train-config.json", trainConfigJson(args, work));

    // Tokens for both sides from Tagbench's WordPiece; labels indexed in sorted order (as the trainer).
    auto tokenizer = WordPieceTokenizer::fromFolder(work + "/checkpoint");
    if (!tokenizer) {
        std::cerr << "bench_bert: " << tokenizer.message() << "\n";
        return 1;
    }
    const std::vector<std::string> labels(labelSet.begin(), labelSet.end());
    json tokens = {{"config", json::parse(config.toJson())}, {"labels", labels.size()}, {"docs", json::array()}, {"batches", json::array()}};
    std::int64_t tokenTotal = 0;
    for (const auto& d : docs) {
        const auto encoding = tokenizer->encode(d["text"].get<std::string>(), kMaxLength);
        std::vector<std::int64_t> labelIds;
        for (const auto& l : d["labels"])
            labelIds.push_back(std::lower_bound(labels.begin(), labels.end(), l.get<std::string>()) - labels.begin());
        tokens["docs"].push_back({{"ids", encoding.inputIds}, {"labels", labelIds}});
        tokenTotal += static_cast<std::int64_t>(encoding.inputIds.size());
    }
    for (std::size_t start = 0; start < docs.size(); start += kBatch) {
        std::vector<std::size_t> rows;
        for (std::size_t r = start; r < std::min(docs.size(), start + kBatch); ++r) rows.push_back(r);
        tokens["batches"].push_back(rows);
    }
    writeFile(work + "/tokens.json", tokens.dump());
    const auto steps = static_cast<std::int64_t>(tokens["batches"].size());
    std::printf("bench_bert: %zu documents (%lld tokens, mean %.1f per text with [CLS]/[SEP], max_length %lld), %zu labels, "
                "batch %lld, %d threads, %lld layers; checkpoint written in %.1f s\n",
                docs.size(), static_cast<long long>(tokenTotal), double(tokenTotal) / double(docs.size()),
                static_cast<long long>(kMaxLength), labels.size(), static_cast<long long>(kBatch), args.threads,
                static_cast<long long>(args.layers), secondsSince(prepared));
    std::fflush(stdout);

    const std::string threads = std::to_string(args.threads);
    const std::string python = "/usr/bin/python3";
    const std::string reference = TAGBENCH_SOURCE_DIR "/tests/bench/bert/reference_bert.py";

    // End to end: the real trainer for one epoch, then the Predictor on the exported bundle.
    const Measured train = runChild({TAGBENCH_CLI, "train", "--config", work + "/train-config.json", "--out", work + "/run", "--device", "cpu"},
                                    work + "/train.log", false);
    const json run = json::parse(readFile(work + "/run/run.json"));
    const double trainSeconds = run["seconds"]["train_this_invocation"].get<double>();
    const double trainCpu = run["seconds"]["train_cpu_this_invocation"].get<double>();
    runChild({TAGBENCH_CLI, "export", "--run", work + "/run", "--out", work + "/bert.tagbench"}, work + "/export.log", false);
    const Measured predict = runChild({self, "--child", "predict", work, "0", threads}, work + "/predict.log");
    const Measured identicalTrain =
        runChild({self, "--child", "identical-train", work, std::to_string(args.identicalSteps), threads}, work + "/identical-train.log");
    const Measured identicalInfer =
        runChild({self, "--child", "identical-infer", work, std::to_string(args.identicalSteps), threads}, work + "/identical-infer.log");
    const Measured pyTrain = runChild({python, reference, "--input", work + "/tokens.json", "--mode", "train", "--threads", threads,
                                       "--batches", std::to_string(args.pythonTrainSteps)},
                                      work + "/python-train.log");
    const Measured pyInfer = runChild({python, reference, "--input", work + "/tokens.json", "--mode", "infer", "--threads", threads,
                                       "--batches", std::to_string(args.pythonInferBatches)},
                                      work + "/python-infer.log");

    const auto rate = [](const json& r, const char* count, const char* time) { return r[count].get<double>() / r[time].get<double>(); };
    const double pyStepsPerSecond = rate(pyTrain.result, "steps", "seconds");
    const double pyStepsPerCpu = rate(pyTrain.result, "steps", "cpu_seconds");
    const double pyDocsPerSecond = rate(pyInfer.result, "documents", "seconds");
    const double pyDocsPerCpu = rate(pyInfer.result, "documents", "cpu_seconds");
    std::printf("\nTagbench: %s; python3-torch: %d training steps, %d inference batches (each padded to %lld)\n",
                identicalTrain.result["gemm"].get<std::string>().c_str(), args.pythonTrainSteps, args.pythonInferBatches,
                static_cast<long long>(kMaxLength));
    std::printf("  %-44s %17s %17s %7s\n", "", "Tagbench", "PyTorch loop", "ratio");
    std::printf("end to end (Tagbench: trainer over %lld steps, dynamic padding; Predictor over %zu docs)\n",
                static_cast<long long>(steps), docs.size());
    row("training steps/s (wall)", double(steps) / trainSeconds, pyStepsPerSecond, "step/s");
    row("training steps per CPU-second", double(steps) / trainCpu, pyStepsPerCpu, "step/cs");
    row("inference docs/s (wall)", rate(predict.result, "documents", "seconds"), pyDocsPerSecond, "doc/s");
    row("inference docs per CPU-second", rate(predict.result, "documents", "cpu_seconds"), pyDocsPerCpu, "doc/cs");
    std::printf("identical batches (both padded to %lld; Tagbench %d steps)\n", static_cast<long long>(kMaxLength), args.identicalSteps);
    row("training steps/s (wall)", rate(identicalTrain.result, "steps", "seconds"), pyStepsPerSecond, "step/s");
    row("training steps per CPU-second", rate(identicalTrain.result, "steps", "cpu_seconds"), pyStepsPerCpu, "step/cs");
    row("inference docs/s (wall)", rate(identicalInfer.result, "documents", "seconds"), pyDocsPerSecond, "doc/s");
    row("inference docs per CPU-second", rate(identicalInfer.result, "documents", "cpu_seconds"), pyDocsPerCpu, "doc/cs");
    std::printf("peak RSS (whole process)\n");
    std::printf("  %-44s %17s %17s\n", "training", mib(train.peakRss).c_str(), mib(pyTrain.peakRss).c_str());
    std::printf("  %-44s %17s %17s\n", "training, identical batches", mib(identicalTrain.peakRss).c_str(), mib(pyTrain.peakRss).c_str());
    std::printf("  %-44s %17s %17s\n", "inference", mib(predict.peakRss).c_str(), mib(pyInfer.peakRss).c_str());
    std::printf("mean training loss (random weights, a sanity check only): identical batches %.5f, PyTorch %.5f; trainer log: %s\n",
                identicalTrain.result["loss"].get<double>(), pyTrain.result["loss"].get<double>(), (work + "/train.log").c_str());
    return 0;
}
