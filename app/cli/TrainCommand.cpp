// tagbench-cli train: trains a TextCNN or FastText classifier from a JSON config into a run directory.
#include "app/cli/CliArgs.h"
#include "app/cli/CommandLine.h"
#include "app/cli/Commands.h"
#include "core/model/GpuDevices.h"
#include "core/storage/ProjectStore.h"
#include "core/train/Trainer.h"

#include <nlohmann/json.hpp>

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <optional>
#include <unistd.h>

namespace tagbench::cli {

namespace {

std::atomic<bool> g_cancelRequested{false};

extern "C" void onInterrupt(int)
{
    g_cancelRequested.store(true);
    std::signal(SIGINT, SIG_DFL);  // a second Ctrl-C ends the process at once
}

constexpr const char* kUsage =
    "Usage: tagbench-cli train --config RUN.json --out RUN_DIR [--device auto|cpu|cuda[:N]]\n"
    "                          [--project FILE.tagbench-project] [--find-batch-size]\n"
    "       tagbench-cli train --resume RUN_DIR [--device ...] [--project ...]\n\n"
    "Trains the model RUN.json describes and writes RUN_DIR (config.json, vocab.tsv, labels.txt,\n"
    "model.pt, checkpoint/, metrics.jsonl, scores/, run.json). Ctrl-C stops after the current batch;\n"
    "--resume continues from the last finished epoch with the same result as an uninterrupted run.\n"
    "--find-batch-size (CUDA): tries a few steps at growing batch sizes first and trains at the largest\n"
    "whose peak stays within 90% of the card's memory (recorded in RUN_DIR/config.json).\n";

std::string formatDuration(double seconds)
{
    const auto s = static_cast<long long>(seconds + 0.5);
    char text[32];
    if (s >= 3600) std::snprintf(text, sizeof text, "%lld:%02lld:%02lld", s / 3600, s / 60 % 60, s % 60);
    else std::snprintf(text, sizeof text, "%lld:%02lld", s / 60, s % 60);
    return text;
}

std::string progressText(const TrainProgress& p, bool bar)
{
    char text[256];
    std::string prefix;
    if (bar) {
        const int width = 24;
        const int filled = p.stepsPerEpoch > 0 ? static_cast<int>(width * p.step / p.stepsPerEpoch) : 0;
        prefix = "[" + std::string(static_cast<std::size_t>(filled), '#') + std::string(static_cast<std::size_t>(width - filled), '.') + "] ";
    }
    std::snprintf(text, sizeof text, "epoch %lld/%lld step %lld/%lld  %.0f ex/s  loss %.5f  ETA %s",
                  static_cast<long long>(p.epoch), static_cast<long long>(p.epochs), static_cast<long long>(p.step),
                  static_cast<long long>(p.stepsPerEpoch), p.examplesPerSecond, p.loss, formatDuration(p.etaSeconds).c_str());
    std::string line = prefix + text;
    if (p.deviceMemoryTotalBytes > 0)
        line += "  GPU mem " + formatBytes(p.deviceMemoryBytes) + " (peak " + formatBytes(p.deviceMemoryPeakBytes) + " of "
                + formatBytes(p.deviceMemoryTotalBytes) + ")";
    return line;
}

std::int64_t now() { return static_cast<std::int64_t>(std::time(nullptr)); }

/// The project's record of runDir: the existing one when resuming, else a new one.
Result<std::int64_t> registerRun(ProjectStore& store, const std::string& runDir, const TrainConfig& config)
{
    auto runs = store.listRuns();
    if (!runs) return runs.error();
    for (auto& run : *runs) {
        if (run.runDir != runDir) continue;
        run.status = RunStatus::Running;
        run.finishedAt.reset();
        if (auto s = store.updateRun(run); !s) return s.error();
        return run.id;
    }
    RunRecord record;
    record.runDir = runDir;
    record.configJson = config.toJson();
    record.status = RunStatus::Running;
    record.modelType = config.model.kind;
    record.metricsJson = "{}";
    return store.addRun(record);
}

} // namespace

int runTrain(const std::vector<std::string>& args, std::ostream& out, std::ostream& err)
{
    const CommandLine commandLine =
        parseCommandLine(args, "train", kUsage, {"config", "out", "device", "resume", "project"}, {"find-batch-size"}, out, err);
    if (!commandLine.args) return commandLine.exitCode;
    const std::optional<CliArgs>& parsed = commandLine.args;
    if (!parsed->positionals().empty())
        return usageError(err, "train", "unexpected argument '" + parsed->positionals().front() + "'", kUsage);

    TrainOptions options;
    options.device = parsed->value("device", "auto");
    options.findBatchSize = parsed->has("find-batch-size");
    std::optional<TrainConfig> config;
    if (parsed->has("resume")) {
        options.resume = true;
        options.runDir = parsed->value("resume");
        if (parsed->has("out") && parsed->value("out") != options.runDir) {
            err << "tagbench-cli train: --resume continues RUN_DIR in place; drop --out or give the same directory\n";
            return 2;
        }
        if (parsed->has("config"))
            err << "tagbench-cli train: note: --resume uses " << options.runDir << "/config.json; --config is ignored\n";
        auto loaded = Trainer::loadRunConfig(options.runDir);
        if (!loaded) {
            err << "tagbench-cli train: " << loaded.message() << '\n';
            return 1;
        }
        config = std::move(*loaded);
    } else {
        if (!parsed->has("config") || !parsed->has("out")) {
            return usageError(err, "train", "--config and --out are required (or --resume RUN_DIR)", kUsage);
        }
        options.runDir = parsed->value("out");
        auto loaded = TrainConfig::load(parsed->value("config"));
        if (!loaded) {
            err << "tagbench-cli train: invalid config:\n" << loaded.message() << '\n';
            return 1;
        }
        config = std::move(*loaded);
    }
    std::error_code ec;
    options.runDir = std::filesystem::absolute(options.runDir, ec).lexically_normal().string();

    std::optional<ProjectStore> project;
    std::int64_t runId = 0;
    if (parsed->has("project")) {
        auto store = ProjectStore::open(parsed->value("project"));
        if (!store) {
            err << "tagbench-cli train: " << store.message() << '\n';
            return 1;
        }
        project = std::move(*store);
    }

    const bool terminal = &out == &std::cout && isatty(STDOUT_FILENO);
    Trainer trainer(*config, options);
    bool barShown = false;
    auto lastPlain = std::chrono::steady_clock::now() - std::chrono::hours(1);
    const auto endBar = [&] {
        if (barShown) out << '\n';
        barShown = false;
    };
    trainer.setLogCallback([&](const std::string& line) {
        endBar();
        out << line << std::endl;
    });
    trainer.setProgressCallback([&](const TrainProgress& p) {
        if (terminal) {
            out << '\r' << progressText(p, true) << "\x1b[K" << std::flush;
            barShown = true;
        } else if (std::chrono::steady_clock::now() - lastPlain >= std::chrono::seconds(5)) {
            lastPlain = std::chrono::steady_clock::now();
            out << progressText(p, false) << std::endl;
        }
    });
    std::string projectError;
    trainer.setEpochCallback([&](const EpochReport& report) {
        if (!project || !projectError.empty()) return;
        EpochMetricsRecord record;
        record.runId = runId;
        record.epoch = static_cast<int>(report.epoch);
        record.trainLoss = report.trainLoss;
        record.seconds = report.seconds;
        record.metricsJson = nlohmann::json::parse(report.json).at("dev").dump();
        if (auto s = project->addEpochMetrics(record); !s) projectError = s.message();
    });

    std::signal(SIGINT, onInterrupt);
    // Registered before training so a GUI watching the project sees the run at once; the
    // outcome (finished, failed, cancelled) is written when run() returns.
    if (project) {
        auto id = registerRun(*project, options.runDir, *config);
        if (!id) {
            err << "tagbench-cli train: " << project->path() << ": " << id.message() << '\n';
            return 1;
        }
        runId = *id;
    }
    const auto result = trainer.run(&g_cancelRequested);
    std::signal(SIGINT, SIG_DFL);
    endBar();

    if (project) {
        auto record = project->run(runId);
        if (record && *record) {
            RunRecord run = **record;
            run.status = !result ? RunStatus::Failed
                                 : (result->status == TrainStatus::Cancelled ? RunStatus::Cancelled : RunStatus::Finished);
            if (result) {
                run.metricsJson = nlohmann::json{{"best_epoch", result->bestEpoch},
                                                 {"best_dev_micro_f1", result->bestDevMicroF1},
                                                 {"threshold", result->threshold},
                                                 {"test_micro_f1", result->testMicroF1},
                                                 {"test_macro_f1", result->testMacroF1},
                                                 {"status", trainStatusName(result->status)}}
                                      .dump();
            }
            if (run.status != RunStatus::Cancelled) run.finishedAt = now();
            if (auto s = project->updateRun(run); !s && projectError.empty()) projectError = s.message();
        }
        if (!projectError.empty()) err << "tagbench-cli train: warning: project " << project->path() << ": " << projectError << '\n';
    }

    if (!result) {
        err << "tagbench-cli train: " << result.message() << '\n';
        return 1;
    }
    if (result->status == TrainStatus::Cancelled && !std::filesystem::exists(options.runDir + "/config.json")) {
        out << "Cancelled while reading the data; nothing was trained.\n";
        return 130;
    }
    if (result->status == TrainStatus::Cancelled) {
        out << "Cancelled after epoch " << result->epochsDone << ". Resume with: tagbench-cli train --resume "
            << options.runDir << '\n';
        return 130;
    }
    if (result->status == TrainStatus::Diverged) {
        err << "tagbench-cli train: " << result->message << '\n';
        if (result->bestEpoch == 0) return 1;
    }
    out << "Best epoch " << result->bestEpoch << " of " << result->epochsDone << " ("
        << trainStatusName(result->status) << "), threshold " << result->threshold << ", "
        << static_cast<long long>(result->examplesPerSecond) << " examples/s, peak RSS "
        << result->peakRssBytes / (1024 * 1024) << " MiB, " << formatDuration(result->seconds) << '\n';
    out << "dev:  " << result->devPerformanceLine << '\n';
    if (!result->testPerformanceLine.empty()) out << "test: " << result->testPerformanceLine << '\n';
    // A diverged run kept its best epoch, but it did not train as asked: say so in the exit code.
    return result->status == TrainStatus::Diverged ? 3 : 0;
}

} // namespace tagbench::cli
