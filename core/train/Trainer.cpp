#include "core/train/Trainer.h"

#include "core/eval/Metrics.h"
#include "core/model/DeviceSelector.h"
#include "core/model/GpuDevices.h"
#include "core/model/ModelRegistry.h"
#include "core/model/torch/AutocastGuard.h"
#include "core/model/torch/Loss.h"
#include "core/train/BatchSizeFinder.h"
#include "core/train/TrainingData.h"
#include "core/train/TrainingRule.h"
#include "core/train/torch/BatchBuilder.h"
#include "core/train/torch/Checkpoint.h"
#include "core/train/torch/LearningRateSchedule.h"
#include "core/train/torch/LossScaler.h"
#include "core/train/EpochEvaluation.h"
#include "core/train/torch/Optimizer.h"
#include "core/train/torch/Scoring.h"
#include "core/util/AtomicFile.h"

#include <malloc.h>
#include <nlohmann/json.hpp>
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <ctime>
#include <random>
#include <filesystem>
#include <mutex>
#include <thread>

namespace tagbench {

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using nlohmann::json;

double secondsSince(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

/// CPU time of the whole process (all threads): on a shared machine it measures the work done,
/// where wall time also measures the neighbours.
double processCpuSeconds()
{
    timespec now{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) + 1e-9 * static_cast<double>(now.tv_nsec);
}

std::int64_t peakRss()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<std::int64_t>(usage.ru_maxrss) * 1024;  // Linux reports KiB
}

/// glibc hands freed blocks above its (adaptive) mmap threshold back to the kernel and trims the
/// heap top, so every training step on the CPU re-faults and the kernel zeroes its activation and
/// gradient buffers again: a TextCNN epoch on debtags-en took 356k page faults and spent 13% more
/// CPU time than with the buffers kept. A fixed 32 MiB threshold (glibc's maximum on 64-bit) and a
/// 256 MiB trim threshold keep step-sized blocks in the heap for reuse; larger tables (embedding
/// tables, their moments) are still mapped directly.
void keepStepBuffersInTheHeap()
{
#ifdef __GLIBC__
    static std::once_flag once;
    std::call_once(once, [] {
        mallopt(M_MMAP_THRESHOLD, 32 * 1024 * 1024);
        mallopt(M_TRIM_THRESHOLD, 256 * 1024 * 1024);
    });
#endif
}

/// Per-document repeat counts for train.oversample: a label's factor is (median label frequency /
/// its frequency) capped at oversample; a document takes the largest factor of its labels.
std::vector<std::uint8_t> oversamplingRepeats(const EncodedSplit& train, const std::vector<std::int64_t>& counts,
                                              double maxFactor)
{
    if (maxFactor <= 1.0) return {};
    std::vector<std::int64_t> present;
    for (const auto c : counts)
        if (c > 0) present.push_back(c);
    if (present.empty()) return {};
    std::nth_element(present.begin(), present.begin() + static_cast<std::ptrdiff_t>(present.size() / 2), present.end());
    const double median = static_cast<double>(present[present.size() / 2]);
    std::vector<std::uint8_t> repeats(train.size(), 1);
    for (std::size_t i = 0; i < train.size(); ++i) {
        double factor = 1.0;
        for (auto g = train.goldOffsets[i]; g < train.goldOffsets[i + 1]; ++g)
            factor = std::max(factor, std::min(maxFactor, median / static_cast<double>(counts[train.gold[g]])));
        repeats[i] = static_cast<std::uint8_t>(std::clamp(std::lround(factor), 1L, 255L));
    }
    return repeats;
}

/// train.unlabelled_keep: the repeat counts of one epoch with a deterministic share of the
/// documents without labels left out (a different share each epoch, the same in a resumed run).
std::vector<std::uint8_t> keepUnlabelled(const EncodedSplit& train, std::vector<std::uint8_t> repeats, double keep,
                                         std::uint64_t seed, std::int64_t epoch)
{
    if (keep >= 1.0) return repeats;
    if (repeats.empty()) repeats.assign(train.size(), 1);
    std::mt19937_64 rng(seed * 0xD1B54A32D192ED03ULL + static_cast<std::uint64_t>(epoch));
    for (std::size_t i = 0; i < train.size(); ++i) {
        const double draw = static_cast<double>(rng() >> 11) * 0x1.0p-53;  // one draw per document keeps it portable
        if (train.goldOffsets[i + 1] == train.goldOffsets[i] && draw >= keep) repeats[i] = 0;
    }
    return repeats;
}

/// Where a non-finite loss was seen.
struct Divergence {
    std::int64_t epoch = 0;
    std::int64_t step = 0;
};

} // namespace

std::string trainStatusName(TrainStatus status)
{
    switch (status) {
    case TrainStatus::Completed: return "completed";
    case TrainStatus::EarlyStopped: return "early_stopped";
    case TrainStatus::Cancelled: return "cancelled";
    case TrainStatus::Diverged: return "diverged";
    }
    return "unknown";
}

class Trainer::Impl final {
public:
    Impl(TrainConfig config, TrainOptions options) : m_config(std::move(config)), m_options(std::move(options)) {}

    Result<TrainResult> run(const std::atomic<bool>* cancel);

    TrainConfig m_config;
    TrainOptions m_options;
    ProgressCallback m_progress;
    EpochCallback m_epoch;
    LogCallback m_log;

private:
    enum class EpochOutcome { Finished, Cancelled, Diverged };

    void log(const std::string& line) const
    {
        if (m_log) m_log(line);
    }
    Status prepareRunDirectory();
    Status buildModel(bool resuming);
    Status chooseBatchSize();
    BatchSizeTrial tryBatchSize(std::int64_t size, const std::vector<std::int64_t>& longestFirst);
    void addDeviceMemory(TrainProgress& progress) const;
    double scheduleFactor(std::int64_t epoch, std::int64_t step, std::int64_t steps) const;
    Status restore(const std::string& checkpointPath);
    EpochOutcome trainEpoch(std::int64_t epoch, const std::atomic<bool>* cancel, double& lossSum, std::int64_t& examples);
    Status fitBySolver(const std::atomic<bool>* cancel, bool& cancelled);
    Status finishEpoch(std::int64_t epoch, double trainLoss, double seconds, std::int64_t examples);
    Status finish(TrainResult& result);
    Status writeRunJson(const TrainResult& result, const std::string& status) const;
    double learningRate() const { return m_config.train.learningRate * m_state.learningRateScale; }

    Clock::time_point m_started;
    torch::Device m_device{torch::kCPU};
    std::string m_deviceName;
    const ModelKind* m_kind = nullptr;
    TrainingData m_data;
    std::shared_ptr<TextClassifierImpl> m_model;
    std::unique_ptr<Optimizer> m_optimizer;
    LossScaler m_lossScaler;
    torch::Tensor m_posWeight;
    std::vector<std::uint8_t> m_repeats;
    TrainingState m_state;
    Divergence m_divergence;
    std::int64_t m_resumedFrom = 0;
    double m_invocationTrainSeconds = 0.0;
    double m_invocationTrainCpuSeconds = 0.0;
    std::int64_t m_invocationExamples = 0;
    std::int64_t m_peakDeviceBytes = 0;     // most device memory any epoch of this invocation held
    std::size_t m_starvedBatches = 0;       // batches the training loop waited for (prefetch queue empty)
    double m_starvedSeconds = 0.0;
    std::size_t m_batches = 0;
};

Status Trainer::Impl::prepareRunDirectory()
{
    const fs::path dir(m_options.runDir);
    std::error_code ec;
    if (m_options.resume) {
        if (!fs::is_regular_file(dir / "config.json", ec))
            return Error{m_options.runDir + ": not a run directory (no config.json) - cannot resume"};
        return {};
    }
    if (fs::exists(dir / "config.json", ec) || fs::exists(dir / "checkpoint", ec))
        return Error{m_options.runDir + ": already holds a run; resume it with --resume or choose another directory"};
    // checkpoint/ marks a run as config.json does: it is made with config.json, once the data is
    // ready, so a run cancelled or failed while reading its data leaves a reusable folder.
    fs::create_directories(dir, ec);
    if (ec) return Error{m_options.runDir + ": cannot create the run directory: " + ec.message()};
    return {};
}

Status Trainer::Impl::buildModel(bool resuming)
{
    // The same seed gives the same initial weights: a rollback to "before epoch 1" rebuilds.
    torch::manual_seed(m_config.train.seed);
    m_model = m_kind->createModule(m_config.model);
    TrainingPreparation preparation;
    preparation.pretrainedVectors = m_config.embedding.pretrained;
    preparation.trainableEmbedding = m_config.embedding.trainable;
    preparation.input = m_data.input.get();
    preparation.learningRate = m_config.train.learningRate;
    preparation.resuming = resuming;
    preparation.exactGradients = m_config.train.gradientClip > 0 || m_config.train.gradientAccumulation > 1 || m_config.train.fp16;
    preparation.log = [this](const std::string& line) { log(line); };
    if (auto s = m_model->prepareForTraining(preparation); !s) return s;
    m_model->to(m_device);
    if (m_model->fittedBySolver()) return {};
    OptimizerOptions optimizerOptions;
    optimizerOptions.kind = m_config.train.optimizer;
    optimizerOptions.learningRate = learningRate();
    optimizerOptions.weightDecay = m_config.train.weightDecay;
    m_optimizer = std::make_unique<Optimizer>(m_model->parameterGroups(), optimizerOptions);
    return {};
}

Status Trainer::Impl::restore(const std::string& checkpointPath)
{
    auto state = loadCheckpoint(checkpointPath, *m_model, *m_optimizer, m_device);
    if (!state) return state.error();
    m_state = std::move(*state);
    m_optimizer->setLearningRate(learningRate());
    return {};
}

Result<TrainResult> Trainer::Impl::run(const std::atomic<bool>* cancel)
{
    m_started = Clock::now();
    keepStepBuffersInTheHeap();
    const TrainConfig& c = m_config;
    m_kind = ModelRegistry::instance().find(c.model.kind);
    if (!m_kind) return Error{"model: unknown model kind \"" + c.model.kind + "\""};
    if (auto s = prepareRunDirectory(); !s) return s.error();

    const int threads = c.train.threads > 0 ? static_cast<int>(c.train.threads)
                                            : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    torch::set_num_threads(threads);
    const auto device = selectDevice(m_options.device);
    if (!device) return device.error();
    m_device = device->cuda ? torch::Device(torch::kCUDA, static_cast<c10::DeviceIndex>(device->index)) : torch::Device(torch::kCPU);
    m_deviceName = device->description;
    log("device: " + m_deviceName);

    auto data = prepareTrainingData(c, m_options.runDir, m_options.resume, [this](const std::string& line) { log(line); }, cancel);
    if (!data && data.message() == kDataPreparationCancelled) {
        // Nothing was trained and, for a new run, config.json is not written: the folder is not
        // a run yet, and a resumed run keeps the run.json of its last invocation.
        log("cancelled while reading the data; nothing was trained");
        TrainResult result;
        result.status = TrainStatus::Cancelled;
        result.device = m_deviceName;
        result.seconds = secondsSince(m_started);
        return result;
    }
    if (!data) return data.error();
    m_data = std::move(*data);
    // Written once the data is known to be usable: config.json marks the directory as a run.
    if (!m_options.resume) {
        std::error_code ec;
        fs::create_directories(fs::path(m_options.runDir) / "checkpoint", ec);
        if (!ec) fs::create_directories(fs::path(m_options.runDir) / "scores", ec);
        if (ec) return Error{m_options.runDir + ": cannot create the run directory: " + ec.message()};
        if (auto s = writeFileAtomically(m_options.runDir + "/config.json", c.toJson()); !s) return s.error();
    }
    const auto labels = static_cast<std::int64_t>(m_data.labelNames.size());
    if (c.train.posWeight == "list" && static_cast<std::int64_t>(c.train.posWeights.size()) != labels)
        return Error{"train.pos_weight has " + std::to_string(c.train.posWeights.size()) + " values but the training data has "
                     + std::to_string(labels) + " labels"};
    m_config.model.vocabularySize = static_cast<std::int64_t>(m_data.input->vocabularySize());
    m_config.model.labels = labels;

    const std::string checkpointPath = m_options.runDir + "/checkpoint/state.pt";
    const bool resuming = m_options.resume && fs::exists(checkpointPath);
    if (auto s = buildModel(resuming); !s) return s.error();
    if (c.train.posWeight == "auto") m_posWeight = automaticPosWeight(m_data.labelCounts, static_cast<std::int64_t>(m_data.train.size()), c.train.posWeightCap);
    else if (c.train.posWeight == "list") m_posWeight = torch::tensor(std::vector<float>(c.train.posWeights.begin(), c.train.posWeights.end()));
    if (m_posWeight.defined()) m_posWeight = m_posWeight.to(m_device);
    m_repeats = oversamplingRepeats(m_data.train, m_data.labelCounts, c.train.oversample);

    if (m_options.findBatchSize && !m_model->fittedBySolver()) {
        if (resuming) log("--find-batch-size: a resumed run keeps the batch size it started with (" + std::to_string(c.train.batchSize) + ")");
        else if (auto s = chooseBatchSize(); !s) return s.error();
    }
    if (c.train.fp16 && !m_device.is_cuda())
        log("train.fp16: float16 autocast runs on CUDA only; on the CPU the steps stay float32 and only the loss scaling runs "
            "(an exact power-of-two scale: the same updates)");

    if (resuming && !m_model->fittedBySolver()) {
        if (auto s = restore(checkpointPath); !s) return s.error();
        m_resumedFrom = m_state.epochsDone;
        log("resuming after epoch " + std::to_string(m_state.epochsDone));
    }

    TrainResult result;
    result.device = m_deviceName;
    if (auto s = writeRunJson(result, "running"); !s) return s.error();
    // From here on run.json always tells how far the run got, also when it fails.
    const auto failed = [&](const Error& error) -> Result<TrainResult> {
        result.message = error.message;
        writeRunJson(result, "failed");
        return error;
    };
    if (m_model->fittedBySolver()) {
        bool cancelled = false;
        if (auto s = fitBySolver(cancel, cancelled); !s) return failed(s.error());
        if (cancelled) result.status = TrainStatus::Cancelled;
    }
    const auto patience = c.train.earlyStoppingPatience;
    bool stoppedEarly = patience > 0 && m_state.epochsWithoutImprovement >= patience;
    std::int64_t retries = 0;
    for (std::int64_t epoch = m_state.epochsDone + 1;
         !m_model->fittedBySolver() && epoch <= c.train.epochs && !stoppedEarly; ++epoch) {
        const auto epochStart = Clock::now();
        const double cpuStart = processCpuSeconds();
        double lossSum = 0.0;
        std::int64_t examples = 0;
        const EpochOutcome outcome = trainEpoch(epoch, cancel, lossSum, examples);
        if (outcome == EpochOutcome::Cancelled) {
            result.status = TrainStatus::Cancelled;
            break;
        }
        if (outcome == EpochOutcome::Diverged) {
            const std::string where = "epoch " + std::to_string(m_divergence.epoch) + ", step " + std::to_string(m_divergence.step);
            if (retries >= c.train.divergenceRetries) {
                result.status = TrainStatus::Diverged;
                result.message = "training stopped: the loss is not finite at " + where + " after " + std::to_string(retries)
                                 + " retries at lower learning rates; "
                                 + (m_state.bestEpoch > 0 ? "kept the best epoch, " + std::to_string(m_state.bestEpoch)
                                                          : std::string("no epoch finished"));
                log(result.message);
                break;
            }
            ++retries;
            // Back to the end of the last finished epoch (or to the initial weights), then retry
            // this epoch with half the learning rate.
            const double scale = m_state.learningRateScale * 0.5;
            if (m_state.epochsDone > 0) {
                if (auto s = restore(checkpointPath); !s) return failed(s.error());
            } else if (auto s = buildModel(false); !s) {
                return failed(s.error());
            }
            m_state.learningRateScale = scale;
            m_optimizer->setLearningRate(learningRate());
            char text[240];
            std::snprintf(text, sizeof text,
                          "the loss is not finite at %s: rolled back to %s and lowered the learning rate to %g (retry %lld of %lld)",
                          where.c_str(), m_state.epochsDone > 0 ? ("the end of epoch " + std::to_string(m_state.epochsDone)).c_str()
                                                                : "the initial weights",
                          learningRate(), static_cast<long long>(retries), static_cast<long long>(c.train.divergenceRetries));
            log(text);
            epoch = m_state.epochsDone;  // the loop's ++ retries the epoch that diverged
            continue;
        }
        const double seconds = secondsSince(epochStart);
        m_invocationTrainSeconds += seconds;
        m_invocationTrainCpuSeconds += processCpuSeconds() - cpuStart;
        m_invocationExamples += examples;
        if (auto s = finishEpoch(epoch, lossSum / std::max<std::int64_t>(examples, 1), seconds, examples); !s)
            return failed(s.error());
        if (auto s = saveCheckpoint(checkpointPath, *m_model, *m_optimizer, m_state); !s) return failed(s.error());
        stoppedEarly = patience > 0 && m_state.epochsWithoutImprovement >= patience;
        if (stoppedEarly)
            log("early stopping: no dev " + c.train.selectBestBy + " improvement for " + std::to_string(patience) + " epochs");
        if (!stoppedEarly && epoch < c.train.epochs && m_options.finishAfterEpoch && m_options.finishAfterEpoch->load()) {
            stoppedEarly = true;
            log("stopped after epoch " + std::to_string(epoch) + " as asked (time limit); keeping the best epoch, "
                + std::to_string(m_state.bestEpoch));
        }
    }
    if (result.status == TrainStatus::Completed && stoppedEarly) result.status = TrainStatus::EarlyStopped;
    result.epochsDone = m_state.epochsDone;
    result.bestEpoch = m_state.bestEpoch;
    result.bestDevMicroF1 = std::max(0.0, m_state.bestDevMicroF1);
    if (result.status != TrainStatus::Cancelled && m_state.bestEpoch > 0)
        if (auto s = finish(result); !s) return failed(s.error());
    result.seconds = secondsSince(m_started);
    result.meanEpochSeconds = m_state.epochsDone > 0 ? m_state.trainSeconds / static_cast<double>(m_state.epochsDone) : 0.0;
    result.examplesPerSecond = m_invocationTrainSeconds > 0 ? static_cast<double>(m_invocationExamples) / m_invocationTrainSeconds : 0.0;
    result.peakRssBytes = peakRss();
    if (auto s = writeRunJson(result, trainStatusName(result.status)); !s) return s.error();
    return result;
}

Trainer::Impl::EpochOutcome Trainer::Impl::trainEpoch(std::int64_t epoch, const std::atomic<bool>* cancel, double& lossSum,
                                                      std::int64_t& examples)
{
    const TrainConfig& c = m_config;
    const bool cuda = m_device.is_cuda();
    // Reseeding from (seed, epoch) makes dropout of epoch e identical in a resumed run.
    torch::manual_seed(c.train.seed * 1000003ULL + static_cast<std::uint64_t>(epoch));
    BatchPlan plan = planTrainingEpoch(m_data.train, keepUnlabelled(m_data.train, m_repeats, c.train.unlabelledKeep, c.train.seed, epoch),
                                       c.train.batchSize, c.train.seed, epoch, m_model->padsBatches());
    const auto steps = static_cast<std::int64_t>(plan.size());
    std::int64_t epochExamples = 0;
    for (const auto& batch : plan) epochExamples += static_cast<std::int64_t>(batch.size());
    const BatchBuilder builder(m_data.train, *m_model, c.model.task, static_cast<std::int64_t>(m_data.labelNames.size()), true);
    BatchPrefetcher batches(builder, std::move(plan), 4, cuda);

    m_model->train();
    const std::int64_t labels = static_cast<std::int64_t>(m_data.labelNames.size());
    const std::int64_t accumulation = c.train.gradientAccumulation;
    // Loss scaling follows train.fp16 on any device (on the CPU it is exact and keeps its path
    // tested); float16 autocast itself only exists on CUDA.
    const bool fp16 = c.train.fp16;
    const AutocastPrecision precision = fp16 ? AutocastPrecision::Float16 : AutocastPrecision::BFloat16;
    if (cuda) resetPeakDeviceMemory(m_device.index());
    std::vector<torch::Tensor> parameters = m_optimizer->parameters();
    torch::Tensor lossTotal = torch::zeros({}, torch::TensorOptions().dtype(torch::kFloat64).device(m_device));
    const auto start = Clock::now();
    auto lastReport = start;
    std::int64_t step = 0;
    m_optimizer->zeroGrad();
    while (auto batch = batches.next()) {
        if (cancel && cancel->load()) return EpochOutcome::Cancelled;
        // A function of (epoch, step) only, so a resumed run follows the same schedule.
        m_optimizer->setLearningRate(learningRate() * scheduleFactor(epoch, step, steps));
        const ModelBatch b = batch->to(m_device, cuda);
        torch::Tensor logits;
        {
            AutocastGuard autocast(cuda && (c.train.bf16 || fp16), precision);
            logits = m_model->trainingForward(b);
        }
        logits = logits.to(torch::kFloat32);
        torch::Tensor loss = c.model.task == TaskKind::MultiLabel
                                 ? multiLabelLoss(logits, b.targets, m_posWeight, c.train.loss == "focal" ? c.train.focalGamma : 0.0)
                                 : singleLabelLoss(logits, b.targets);
        // "mean" is BCEWithLogitsLoss's mean over labels too: the scale Hugging Face learning rates assume.
        if (c.train.lossReduction == "mean" && c.model.task == TaskKind::MultiLabel) loss = loss / static_cast<double>(labels);
        ++step;
        // A non-finite loss poisons every weight it reaches: stop before the update. On the GPU
        // the check costs a synchronisation, so it runs every 32 steps there (the rollback goes
        // to the last finished epoch either way).
        if ((!cuda || step % 32 == 0 || step == steps) && !std::isfinite((cuda ? lossTotal + loss.detach() : loss).item<double>())) {
            m_divergence = {epoch, step};
            return EpochOutcome::Diverged;
        }
        const torch::Tensor scaled = accumulation > 1 ? loss / static_cast<double>(accumulation) : loss;
        (fp16 ? m_lossScaler.scale(scaled) : scaled).backward();
        if (step % accumulation == 0 || step == steps) {
            if (fp16) {
                m_lossScaler.unscale(parameters);
                if (c.train.gradientClip > 0) torch::nn::utils::clip_grad_norm_(parameters, c.train.gradientClip);
                if (m_lossScaler.step(parameters, [this] { m_optimizer->step(); })) m_model->finishStep(b, *m_optimizer);
                m_lossScaler.update();
            } else {
                if (c.train.gradientClip > 0) torch::nn::utils::clip_grad_norm_(parameters, c.train.gradientClip);
                m_optimizer->step();
                m_model->finishStep(b, *m_optimizer);
            }
            m_optimizer->zeroGrad();
        }
        lossTotal += loss.detach().to(torch::kFloat64) * static_cast<double>(b.size());
        examples += b.size();
        if (m_progress && std::chrono::duration<double>(Clock::now() - lastReport).count() >= 0.5) {
            lastReport = Clock::now();
            TrainProgress progress;
            progress.epoch = epoch;
            progress.epochs = c.train.epochs;
            progress.step = step;
            progress.stepsPerEpoch = steps;
            const double elapsed = secondsSince(start);
            progress.examplesPerSecond = static_cast<double>(examples) / std::max(elapsed, 1e-9);
            progress.loss = lossTotal.item<double>() / static_cast<double>(examples);
            const double remaining = static_cast<double>(epochExamples - examples)
                                     + static_cast<double>(c.train.epochs - epoch) * static_cast<double>(epochExamples);
            progress.etaSeconds = remaining / std::max(progress.examplesPerSecond, 1e-9);
            addDeviceMemory(progress);
            m_progress(progress);
        }
    }
    lossSum = lossTotal.item<double>();
    m_batches += static_cast<std::size_t>(steps);
    m_starvedBatches += batches.starvedCount();
    m_starvedSeconds += batches.starvedSeconds();
    if (cuda) m_peakDeviceBytes = std::max(m_peakDeviceBytes, deviceMemory(m_device.index()).peakBytes);
    if (batches.starvedCount() > 0)
        log("epoch " + std::to_string(epoch) + ": the prefetch queue ran empty before " + std::to_string(batches.starvedCount()) + " of "
            + std::to_string(steps) + " batches (" + std::to_string(static_cast<int>(batches.starvedSeconds() * 1000 + 0.5))
            + " ms waited)");
    if (!std::isfinite(lossSum)) {
        m_divergence = {epoch, steps};
        return EpochOutcome::Diverged;
    }
    return EpochOutcome::Finished;
}

void Trainer::Impl::addDeviceMemory(TrainProgress& progress) const
{
    if (!m_device.is_cuda()) return;
    const DeviceMemory memory = deviceMemory(m_device.index());
    progress.deviceMemoryBytes = memory.currentBytes;
    progress.deviceMemoryPeakBytes = memory.peakBytes;
    progress.deviceMemoryTotalBytes = memory.totalBytes;
}

BatchSizeTrial Trainer::Impl::tryBatchSize(std::int64_t size, const std::vector<std::int64_t>& longestFirst)
{
    const TrainConfig& c = m_config;
    BatchSizeTrial trial;
    std::vector<std::int64_t> rows(static_cast<std::size_t>(size));
    for (std::size_t i = 0; i < rows.size(); ++i) rows[i] = longestFirst[i % longestFirst.size()];
    const auto labels = static_cast<std::int64_t>(m_data.labelNames.size());
    const BatchBuilder builder(m_data.train, *m_model, c.model.task, labels, true);
    const int index = m_device.index();
    m_model->train();
    m_optimizer->zeroGrad();
    releaseCachedDeviceMemory();
    resetPeakDeviceMemory(index);
    try {
        const ModelBatch b = builder.build(rows, false).to(m_device);
        // Two steps: the first allocates the optimizer's moments, the second shows the steady peak.
        for (int step = 0; step < 2; ++step) {
            torch::Tensor logits;
            {
                AutocastGuard autocast(c.train.bf16 || c.train.fp16,
                                       c.train.fp16 ? AutocastPrecision::Float16 : AutocastPrecision::BFloat16);
                logits = m_model->trainingForward(b);
            }
            logits = logits.to(torch::kFloat32);
            const torch::Tensor loss = c.model.task == TaskKind::MultiLabel ? multiLabelLoss(logits, b.targets, m_posWeight, 0.0)
                                                                           : singleLabelLoss(logits, b.targets);
            loss.backward();
            m_optimizer->step();
            m_model->finishStep(b, *m_optimizer);
            m_optimizer->zeroGrad();
        }
        torch::cuda::synchronize(index);
        trial.peakBytes = deviceMemory(index).peakBytes;
    } catch (const c10::Error& e) {
        if (std::string(e.what()).find("out of memory") == std::string::npos) throw;
        trial.outOfMemory = true;
    }
    m_optimizer->zeroGrad();
    releaseCachedDeviceMemory();
    return trial;
}

Status Trainer::Impl::chooseBatchSize()
{
    TrainConfig::Train& t = m_config.train;
    if (!m_device.is_cuda()) {
        log("--find-batch-size applies to GPUs: it sizes the batch to 90% of the card's memory, and on the CPU memory is "
            "not what limits the batch; keeping train.batch_size " + std::to_string(t.batchSize));
        return {};
    }
    std::vector<std::int64_t> longestFirst(m_data.train.size());
    for (std::size_t i = 0; i < longestFirst.size(); ++i) longestFirst[i] = static_cast<std::int64_t>(i);
    std::stable_sort(longestFirst.begin(), longestFirst.end(), [&](std::int64_t a, std::int64_t b) {
        return m_data.train.inputLength(static_cast<std::size_t>(a)) > m_data.train.inputLength(static_cast<std::size_t>(b));
    });
    if (longestFirst.empty()) return Error{"--find-batch-size: the training split is empty"};
    const DeviceMemory memory = deviceMemory(m_device.index());
    const auto maxBatch = std::min<std::int64_t>(static_cast<std::int64_t>(m_data.train.size()), 65536);
    auto choice = findBatchSize([&](std::int64_t size) { return tryBatchSize(size, longestFirst); }, memory.totalBytes, 0.9,
                                std::min<std::int64_t>(t.batchSize, maxBatch), maxBatch);
    if (!choice) return Error{"--find-batch-size: " + choice.message()};
    for (const auto& trial : choice->trials)
        log("--find-batch-size: batch " + std::to_string(trial.batchSize) + ": "
            + (trial.outOfMemory ? std::string("out of memory") : "peak " + formatBytes(trial.peakBytes)));
    log("--find-batch-size: " + choice->summary);
    t.batchSize = choice->batchSize;
    // The trials changed the weights and the optimizer's moments: start again from the seed.
    if (auto s = buildModel(false); !s) return s;
    return writeFileAtomically(m_options.runDir + "/config.json", m_config.toJson());
}

double Trainer::Impl::scheduleFactor(std::int64_t epoch, std::int64_t step, std::int64_t steps) const
{
    const TrainConfig::Train& t = m_config.train;
    const std::int64_t total = t.epochs * steps;
    const std::int64_t done = (epoch - 1) * steps + step;
    if (t.lrSchedule == "linear" && t.warmupRatio == 0.0)
        return std::max(1.0 - static_cast<double>(done) / static_cast<double>(total), 1e-4);  // fastText's decay
    LearningRateSchedule schedule;
    schedule.decay = t.lrSchedule == "cosine" ? LearningRateDecay::Cosine
                     : t.lrSchedule == "linear" ? LearningRateDecay::Linear
                                                : LearningRateDecay::Constant;
    schedule.warmupSteps = static_cast<std::int64_t>(std::llround(t.warmupRatio * static_cast<double>(total)));
    schedule.totalSteps = total;
    return schedule.factor(done);
}

Status Trainer::Impl::fitBySolver(const std::atomic<bool>* cancel, bool& cancelled)
{
    const auto start = Clock::now();
    const double cpuStart = processCpuSeconds();
    SolverRequest request;
    request.train = &m_data.train;
    request.labels = static_cast<std::int64_t>(m_data.labelNames.size());
    request.threads = torch::get_num_threads();
    request.log = [this](const std::string& line) { log(line); };
    auto lastReport = start;
    request.progress = [&](std::size_t done, std::size_t total) {
        if (m_progress && std::chrono::duration<double>(Clock::now() - lastReport).count() >= 0.5) {
            lastReport = Clock::now();
            TrainProgress progress;
            progress.epoch = 1;
            progress.epochs = 1;
            progress.step = static_cast<std::int64_t>(done);
            progress.stepsPerEpoch = static_cast<std::int64_t>(total);
            const double elapsed = secondsSince(start);
            progress.etaSeconds = done > 0 ? elapsed * static_cast<double>(total - done) / static_cast<double>(done) : 0.0;
            m_progress(progress);
        }
        return !(cancel && cancel->load());
    };
    const Status fitted = m_model->fit(request);
    if (cancel && cancel->load()) {
        cancelled = true;
        return {};
    }
    if (!fitted) return fitted;
    const double seconds = secondsSince(start);
    m_invocationTrainSeconds += seconds;
    m_invocationTrainCpuSeconds += processCpuSeconds() - cpuStart;
    m_invocationExamples += static_cast<std::int64_t>(m_data.train.size());
    return finishEpoch(1, 0.0, seconds, static_cast<std::int64_t>(m_data.train.size()));
}

Status Trainer::Impl::finishEpoch(std::int64_t epoch, double trainLoss, double seconds, std::int64_t examples)
{
    const TrainConfig& c = m_config;
    const eval::ScoreMatrix dev = scoreSplit(*m_model, m_data.dev, m_data.labelNames, c, m_device);
    const float threshold = evaluationThreshold(dev, c);
    const eval::Metrics metrics = eval::evaluate(dev, trainingRule(c.model.task, threshold, static_cast<int>(c.eval.topK)));
    EpochReport report = epochReport(metrics, dev, c.model.task, epoch, trainLoss, seconds, examples);
    const double score = selectionScore(report, c.train.selectBestBy);
    report.best = score > m_state.bestScore + 1e-12;
    m_state.epochsDone = epoch;
    m_state.trainSeconds += seconds;
    m_state.examplesSeen += examples;
    if (report.best) {
        m_state.bestScore = score;
        m_state.bestDevMicroF1 = report.devMicroF1;
        m_state.bestEpoch = epoch;
        m_state.epochsWithoutImprovement = 0;
        if (auto s = saveModel(m_options.runDir + "/model.pt", *m_model); !s) return s;
    } else {
        ++m_state.epochsWithoutImprovement;
    }
    report.json = epochJsonLine(report, metrics, threshold, m_data.labelNames);
    char text[220];
    std::snprintf(text, sizeof text,
                  "epoch %lld: loss %.5f, dev P %.4f R %.4f micro-F1 %.4f macro-F1 %.4f, dev loss %.4f%s (%.1f s, %.0f ex/s)",
                  static_cast<long long>(epoch), trainLoss, report.devPrecision, report.devRecall, report.devMicroF1,
                  report.devMacroF1, report.devLoss, report.best ? " *" : "", seconds, report.examplesPerSecond);
    log(text);
    m_state.metricsJsonl += report.json + "\n";
    if (auto s = writeFileAtomically(m_options.runDir + "/metrics.jsonl", m_state.metricsJsonl); !s) return s;
    if (m_epoch) m_epoch(report);
    return {};
}

Status Trainer::Impl::finish(TrainResult& result)
{
    const TrainConfig& c = m_config;
    if (auto s = loadModel(m_options.runDir + "/model.pt", *m_model, m_device); !s) return s;
    const eval::ScoreMatrix dev = scoreSplit(*m_model, m_data.dev, m_data.labelNames, c, m_device);
    const float threshold = evaluationThreshold(dev, c);
    result.threshold = threshold;
    const eval::DecisionRule rule = trainingRule(c.model.task, threshold, static_cast<int>(c.eval.topK));
    result.devPerformanceLine = eval::performanceLine(eval::evaluate(dev, rule));
    if (auto s = dev.save(m_options.runDir + "/scores/dev.scores"); !s) return s;
    if (!c.data.test.empty()) {
        const eval::ScoreMatrix test = scoreSplit(*m_model, m_data.test, m_data.labelNames, c, m_device);
        const eval::Metrics metrics = eval::evaluate(test, rule);
        result.testPerformanceLine = eval::performanceLine(metrics);
        result.testMicroF1 = metrics.f1;
        result.testMacroF1 = metrics.macroF1;
        if (auto s = test.save(m_options.runDir + "/scores/test.scores"); !s) return s;
    }
    return {};
}

Status Trainer::Impl::writeRunJson(const TrainResult& result, const std::string& status) const
{
    std::int64_t parameters = 0;
    if (m_model)
        for (const auto& p : m_model->parameters()) parameters += p.numel();
    json run = {{"status", status},
                {"model", m_config.model.kind},
                {"task", taskKindName(m_config.model.task)},
                {"device", m_deviceName},
                {"threads", torch::get_num_threads()},
                {"epochs_done", m_state.epochsDone},
                {"best_epoch", m_state.bestEpoch},
                {"best_dev_micro_f1", std::max(0.0, m_state.bestDevMicroF1)},
                {"selected_by", m_config.train.selectBestBy},
                {"learning_rate_scale", m_state.learningRateScale},
                {"resumed_after_epoch", m_resumedFrom},
                {"threshold", result.threshold},
                {"dev_performance", result.devPerformanceLine},
                {"test_performance", result.testPerformanceLine},
                {"test_micro_f1", result.testMicroF1},
                {"test_macro_f1", result.testMacroF1},
                {"vocabulary_size", m_data.input ? m_data.input->vocabularySize() : 0},
                {"labels", m_data.labelNames.size()},
                {"parameters", parameters},
                {"seconds",
                 {{"total", result.seconds},
                  {"data", m_data.seconds},
                  {"train", m_state.trainSeconds},
                  {"mean_epoch", result.meanEpochSeconds},
                  {"train_cpu_this_invocation", m_invocationTrainCpuSeconds},
                  {"train_this_invocation", m_invocationTrainSeconds}}},
                {"examples_per_second", result.examplesPerSecond},
                {"examples_per_cpu_second",
                 m_invocationTrainCpuSeconds > 0 ? static_cast<double>(m_invocationExamples) / m_invocationTrainCpuSeconds : 0.0},
                {"peak_rss_bytes", result.peakRssBytes},
                {"peak_device_memory_bytes", m_peakDeviceBytes},
                {"prefetch", {{"batches", m_batches}, {"waited_for", m_starvedBatches}, {"waited_seconds", m_starvedSeconds}}}};
    if (!result.message.empty()) run["message"] = result.message;
    return writeFileAtomically(m_options.runDir + "/run.json", run.dump(2) + "\n");
}

Trainer::Trainer(TrainConfig config, TrainOptions options)
    : m_impl(std::make_unique<Impl>(std::move(config), std::move(options)))
{
}

Trainer::~Trainer() = default;

void Trainer::setProgressCallback(ProgressCallback callback) { m_impl->m_progress = std::move(callback); }
void Trainer::setEpochCallback(EpochCallback callback) { m_impl->m_epoch = std::move(callback); }
void Trainer::setLogCallback(LogCallback callback) { m_impl->m_log = std::move(callback); }

Result<TrainResult> Trainer::run(const std::atomic<bool>* cancel)
{
    // The API edge: nothing from LibTorch or the standard library escapes as an exception.
    try {
        return m_impl->run(cancel);
    } catch (const c10::Error& e) {
        const std::string what = e.what_without_backtrace();
        if (what.find("out of memory") != std::string::npos)
            return Error{"training failed: the device ran out of memory at train.batch_size "
                         + std::to_string(m_impl->m_config.train.batchSize)
                         + "; rerun with --find-batch-size (the largest batch that fits in 90% of the card), or lower "
                           "train.batch_size or the model's max_length. " + what};
        return Error{"training failed: " + what};
    } catch (const std::exception& e) {
        return Error{std::string("training failed: ") + e.what()};
    }
}

Result<TrainConfig> Trainer::loadRunConfig(const std::string& runDir)
{
    return TrainConfig::load(runDir + "/config.json");
}

} // namespace tagbench
