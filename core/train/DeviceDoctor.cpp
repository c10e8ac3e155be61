#include "core/train/DeviceDoctor.h"

#include "core/model/DeviceSelector.h"
#include "core/model/ModelRegistry.h"
#include "core/model/bert/BertOptions.h"
#include "core/model/fasttext/FastTextOptions.h"
#include "core/model/textcnn/TextCnnOptions.h"
#include "core/model/torch/AutocastGuard.h"
#include "core/model/torch/CpuLinear.h"
#include "core/model/torch/Loss.h"
#include "core/model/torch/TextClassifier.h"
#include "core/train/BatchSizeFinder.h"
#include "core/train/torch/BatchBuilder.h"
#include "core/train/torch/LossScaler.h"
#include "core/train/torch/Optimizer.h"

#include <torch/torch.h>

#include <chrono>
#include <cmath>
#include <cstdio>

namespace tagbench {

namespace {

using Clock = std::chrono::steady_clock;
constexpr std::int64_t kVocabulary = 200;
constexpr std::int64_t kLabels = 6;
const char* const kKinds[] = {"TextCNN", "FastText", "BERT"};

/// A tiny network of a registered kind: small enough for milliseconds per step on any device.
ModelSpec tinySpec(const std::string& kindName)
{
    const ModelKind* kind = ModelRegistry::instance().find(kindName);
    TORCH_CHECK(kind, "no model kind ", kindName);
    std::unique_ptr<ModelOptions> options = kind->defaultOptions();
    if (auto* textCnn = dynamic_cast<TextCnnOptions*>(options.get())) {
        textCnn->kernelSizes = {2, 3};
        textCnn->numKernels = 16;
        textCnn->maxLength = 64;
    }
    if (auto* fastText = dynamic_cast<FastTextOptions*>(options.get())) fastText->buckets = 1000;
    if (auto* bert = dynamic_cast<BertOptions*>(options.get())) {
        bert->maxLength = 64;
        bert->encoder.vocabSize = kVocabulary;
        bert->encoder.hiddenSize = 32;
        bert->encoder.numHiddenLayers = 2;
        bert->encoder.numAttentionHeads = 4;
        bert->encoder.intermediateSize = 64;
        bert->encoder.maxPositionEmbeddings = 512;
    }
    ModelSpec spec;
    spec.kind = kind->name();
    spec.vocabularySize = kVocabulary;
    spec.labels = kLabels;
    spec.embeddingDim = kind->usesEmbedding() ? 16 : 0;
    spec.options = std::shared_ptr<const ModelOptions>(std::move(options));
    return spec;
}

/// Documents of 5-40 ids with one or two labels, from a fixed generator (no torch RNG).
EncodedSplit syntheticSplit(std::size_t documents)
{
    EncodedSplit split;
    split.name = "doctor";
    std::uint64_t state = 12345;
    const auto next = [&](std::uint64_t range) {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return (state >> 33) % range;
    };
    for (std::size_t d = 0; d < documents; ++d) {
        split.ids.push_back("doc" + std::to_string(d));
        const auto length = 5 + next(36);
        for (std::uint64_t t = 0; t < length; ++t) split.inputs.push_back(static_cast<std::int64_t>(1 + next(kVocabulary - 1)));
        split.inputOffsets.push_back(split.inputs.size());
        const auto first = static_cast<std::uint32_t>(next(kLabels));
        split.gold.push_back(first);
        const auto second = static_cast<std::uint32_t>(next(kLabels));
        if (second > first) split.gold.push_back(second);
        split.goldOffsets.push_back(split.gold.size());
    }
    return split;
}

std::shared_ptr<TextClassifierImpl> makeModel(const ModelSpec& spec, const torch::Device& device)
{
    torch::manual_seed(7);
    auto model = ModelRegistry::instance().find(spec.kind)->createModule(spec);
    TrainingPreparation preparation;
    preparation.learningRate = 1e-2;
    preparation.resuming = true;  // keep the random initial weights (BERT would load a checkpoint)
    if (auto s = model->prepareForTraining(preparation); !s) TORCH_CHECK(false, s.message());
    model->to(device);
    // No dropout: the CPU and the GPU draw different masks.
    model->eval();
    return model;
}

struct StepResult {
    std::vector<double> losses;
    std::vector<torch::Tensor> parameters;  // on the CPU, after the steps
    double scale = 0.0;
};

enum class Precision { Float32, BFloat16, Float16Scaled, Float32Scaled };

StepResult trainSteps(TextClassifierImpl& model, const ModelBatch& hostBatch, const torch::Device& device, int steps, Precision precision)
{
    const ModelBatch batch = hostBatch.to(device);
    OptimizerOptions options;
    options.learningRate = 1e-2;
    Optimizer optimizer(model.parameterGroups(), options);
    LossScaler scaler;
    const std::vector<torch::Tensor> parameters = optimizer.parameters();
    const bool scaled = precision == Precision::Float16Scaled || precision == Precision::Float32Scaled;
    StepResult result;
    for (int step = 0; step < steps; ++step) {
        torch::Tensor logits;
        {
            AutocastGuard autocast(precision == Precision::BFloat16 || precision == Precision::Float16Scaled,
                                   precision == Precision::Float16Scaled ? AutocastPrecision::Float16 : AutocastPrecision::BFloat16);
            logits = model.trainingForward(batch);
        }
        const torch::Tensor loss = multiLabelLoss(logits.to(torch::kFloat32), batch.targets, {}, 0.0);
        result.losses.push_back(loss.item<double>());
        (scaled ? scaler.scale(loss) : loss).backward();
        if (scaled) {
            if (scaler.step(parameters, [&] { optimizer.step(); })) model.finishStep(batch, optimizer);
            scaler.update();
        } else {
            optimizer.step();
            model.finishStep(batch, optimizer);
        }
        optimizer.zeroGrad();
    }
    for (const auto& p : model.parameters()) result.parameters.push_back(p.detach().to(torch::kCPU, torch::kFloat32));
    result.scale = scaler.currentScale();
    return result;
}

/// max |a - b| / max |a| over matching tensors (0 when equal).
double relativeDifference(const std::vector<torch::Tensor>& a, const std::vector<torch::Tensor>& b)
{
    double difference = 0.0, magnitude = 1e-12;
    for (std::size_t i = 0; i < a.size() && i < b.size(); ++i) {
        if (a[i].numel() == 0) continue;
        difference = std::max(difference, (a[i] - b[i]).abs().max().item<double>());
        magnitude = std::max(magnitude, a[i].abs().max().item<double>());
    }
    return a.size() == b.size() ? difference / magnitude : INFINITY;
}

double relativeLossDifference(const StepResult& a, const StepResult& b)
{
    double worst = 0.0;
    for (std::size_t i = 0; i < a.losses.size(); ++i)
        worst = std::max(worst, std::fabs(a.losses[i] - b.losses[i]) / std::max(1e-12, std::fabs(a.losses[i])));
    return worst;
}

bool allFinite(const StepResult& r)
{
    for (const double loss : r.losses)
        if (!std::isfinite(loss)) return false;
    for (const auto& p : r.parameters)
        if (!torch::isfinite(p).all().item<bool>()) return false;
    return true;
}

std::string number(const char* format, double value)
{
    char text[64];
    std::snprintf(text, sizeof text, format, value);
    return text;
}

class Doctor final {
public:
    Doctor(const DoctorOptions& options, const std::function<void(const DoctorCheck&)>& onCheck, DoctorReport& report)
        : m_options(options), m_onCheck(onCheck), m_report(report), m_split(syntheticSplit(24))
    {
        for (std::int64_t i = 0; i < 16; ++i) m_rows.push_back(i);
    }

    /// Runs body (which sets outcome and detail) and times it; an exception fails the check.
    void check(const std::string& name, const std::function<void(DoctorCheck&)>& body)
    {
        DoctorCheck c;
        c.name = name;
        const auto start = Clock::now();
        try {
            body(c);
        } catch (const c10::Error& e) {
            c.outcome = DoctorCheck::Outcome::Failed;
            c.detail = e.what_without_backtrace();
        } catch (const std::exception& e) {
            c.outcome = DoctorCheck::Outcome::Failed;
            c.detail = e.what();
        }
        c.seconds = std::chrono::duration<double>(Clock::now() - start).count();
        m_report.checks.push_back(c);
        if (m_onCheck) m_onCheck(c);
    }

    static void verdict(DoctorCheck& c, bool passed, const std::string& detail)
    {
        c.outcome = passed ? DoctorCheck::Outcome::Passed : DoctorCheck::Outcome::Failed;
        c.detail = detail;
    }

    ModelBatch batchFor(const TextClassifierImpl& model) const
    {
        return BatchBuilder(m_split, model, TaskKind::MultiLabel, kLabels, true).build(m_rows, false);
    }

    void cpuChecks();
    void gpuChecks(const torch::Device& gpu, const GpuInfo& info);

private:
    void outOfMemoryCheck(const torch::Device& gpu);

    const DoctorOptions& m_options;
    const std::function<void(const DoctorCheck&)>& m_onCheck;
    DoctorReport& m_report;
    EncodedSplit m_split;
    std::vector<std::int64_t> m_rows;
};

void Doctor::cpuChecks()
{
    const torch::Device cpu(torch::kCPU);
    check("CPU matrix products: oneDNN = LibTorch BLAS (forward and both gradients)", [&](DoctorCheck& c) {
        if (cpuGemmEngine() != CpuGemm::OneDnn) {
            c.detail = "linear layers use LibTorch's BLAS here; nothing to compare";
            return;
        }
        const torch::Tensor x = torch::linspace(-1, 1, 64 * 96).view({64, 96}).requires_grad_(true);
        const torch::Tensor w = torch::linspace(-0.3, 0.5, 80 * 96).view({80, 96}).requires_grad_(true);
        const torch::Tensor b = torch::linspace(0, 1, 80).requires_grad_(true);
        const torch::Tensor g = torch::linspace(1, -1, 64 * 80).view({64, 80});
        const torch::Tensor fast = cpuLinear(x, w, b);
        const auto fastGrads = torch::autograd::grad({fast}, {x, w, b}, {g});
        const torch::Tensor plain = torch::linear(x, w, b);
        const auto plainGrads = torch::autograd::grad({plain}, {x, w, b}, {g});
        const double d = relativeDifference({plain.detach(), plainGrads[0], plainGrads[1], plainGrads[2]},
                                            {fast.detach(), fastGrads[0], fastGrads[1], fastGrads[2]});
        verdict(c, d < 1e-5, "largest relative difference " + number("%.2e", d) + " (limit 1e-5)");
    });
    for (const char* kind : kKinds) {
        check(std::string(kind) + ": training step on the CPU is finite and reproducible", [&](DoctorCheck& c) {
            const ModelSpec spec = tinySpec(kind);
            auto first = makeModel(spec, cpu);
            auto second = makeModel(spec, cpu);
            const StepResult a = trainSteps(*first, batchFor(*first), cpu, 2, Precision::Float32);
            const StepResult b = trainSteps(*second, batchFor(*second), cpu, 2, Precision::Float32);
            const double d = relativeDifference(a.parameters, b.parameters);
            verdict(c, allFinite(a) && d < 1e-6,
                    "losses " + number("%.5f", a.losses[0]) + " -> " + number("%.5f", a.losses[1]) + ", repeat differs by "
                        + number("%.1e", d));
        });
    }
    check("fp16 loss scaling (CPU, float32 math): a scaled step equals the unscaled one", [&](DoctorCheck& c) {
        const ModelSpec spec = tinySpec("TextCNN");
        auto plainModel = makeModel(spec, cpu);
        auto scaledModel = makeModel(spec, cpu);
        const StepResult plain = trainSteps(*plainModel, batchFor(*plainModel), cpu, 2, Precision::Float32);
        const StepResult scaled = trainSteps(*scaledModel, batchFor(*scaledModel), cpu, 2, Precision::Float32Scaled);
        const double d = relativeDifference(plain.parameters, scaled.parameters);
        verdict(c, d < 1e-6, "scale " + number("%.0f", scaled.scale) + ", weights differ by " + number("%.1e", d));
    });
}

void Doctor::gpuChecks(const torch::Device& gpu, const GpuInfo& info)
{
    const torch::Device cpu(torch::kCPU);
    const std::string where = "cuda:" + std::to_string(gpu.index());
    const std::string tolerance = number("%.0e", m_options.tolerance);
    for (const char* kind : kKinds) {
        check(std::string(kind) + ": training step, " + where + " = cpu", [&](DoctorCheck& c) {
            const ModelSpec spec = tinySpec(kind);
            auto onCpu = makeModel(spec, cpu);
            auto onGpu = makeModel(spec, gpu);
            const StepResult a = trainSteps(*onCpu, batchFor(*onCpu), cpu, 2, Precision::Float32);
            const StepResult b = trainSteps(*onGpu, batchFor(*onGpu), gpu, 2, Precision::Float32);
            const double weights = relativeDifference(a.parameters, b.parameters);
            const double losses = relativeLossDifference(a, b);
            verdict(c, allFinite(b) && weights < m_options.tolerance && losses < m_options.tolerance,
                    "weights after 2 steps differ by " + number("%.1e", weights) + ", losses by " + number("%.1e", losses) + " (limit "
                        + tolerance + ")");
        });
        check(std::string(kind) + ": prediction, " + where + " = cpu", [&](DoctorCheck& c) {
            const ModelSpec spec = tinySpec(kind);
            auto onCpu = makeModel(spec, cpu);
            auto onGpu = makeModel(spec, gpu);
            torch::NoGradGuard noGrad;
            const torch::Tensor a = torch::sigmoid(onCpu->forward(batchFor(*onCpu)));
            const torch::Tensor b = torch::sigmoid(onGpu->forward(batchFor(*onGpu).to(gpu))).to(cpu);
            const double d = (a - b).abs().max().item<double>();
            verdict(c, d < m_options.tolerance, "largest score difference " + number("%.1e", d) + " (limit " + tolerance + ")");
        });
    }
    for (const char* kind : {"TextCNN", "BERT"}) {
        check(std::string(kind) + ": bf16 autocast step stays finite, " + where, [&](DoctorCheck& c) {
            if (!info.bf16) {
                c.detail = info.name + " (compute capability " + std::to_string(info.major) + "." + std::to_string(info.minor)
                           + ") has no native bf16: use train.fp16";
                return;
            }
            auto model = makeModel(tinySpec(kind), gpu);
            const StepResult r = trainSteps(*model, batchFor(*model), gpu, 3, Precision::BFloat16);
            verdict(c, allFinite(r), "losses " + number("%.4f", r.losses.front()) + " -> " + number("%.4f", r.losses.back()));
        });
        check(std::string(kind) + ": fp16 loss-scaled step stays finite, " + where, [&](DoctorCheck& c) {
            auto model = makeModel(tinySpec(kind), gpu);
            const StepResult r = trainSteps(*model, batchFor(*model), gpu, 3, Precision::Float16Scaled);
            verdict(c, allFinite(r),
                    "losses " + number("%.4f", r.losses.front()) + " -> " + number("%.4f", r.losses.back()) + ", scale "
                        + number("%.0f", r.scale));
        });
    }
    if (m_options.outOfMemoryCheck) outOfMemoryCheck(gpu);
}

void Doctor::outOfMemoryCheck(const torch::Device& gpu)
{
    check("out-of-memory batch is caught and a batch that fits is found, cuda:" + std::to_string(gpu.index()), [&](DoctorCheck& c) {
        const int index = gpu.index();
        auto model = makeModel(tinySpec("BERT"), gpu);
        model->train();
        const std::int64_t length = 512;
        std::string firstError;
        // Batches made on the GPU itself: the one that must not fit is too big to build on the host.
        const auto trial = [&](std::int64_t size) {
            BatchSizeTrial t;
            releaseCachedDeviceMemory();
            resetPeakDeviceMemory(index);
            try {
                ModelBatch b;
                b.tokens = torch::randint(1, kVocabulary, {size, length}, torch::TensorOptions().dtype(torch::kInt64).device(gpu));
                b.mask = torch::ones_like(b.tokens);
                b.targets = torch::zeros({size, kLabels}, torch::TensorOptions().device(gpu));
                multiLabelLoss(model->trainingForward(b), b.targets, {}, 0.0).backward();
                torch::cuda::synchronize(index);
                t.peakBytes = deviceMemory(index).peakBytes;
            } catch (const c10::Error& e) {
                const std::string what = e.what_without_backtrace();
                if (what.find("out of memory") == std::string::npos) throw;
                t.outOfMemory = true;
                if (firstError.empty()) firstError = what.substr(0, what.find('\n')).substr(0, 160);
            }
            model->zero_grad();
            releaseCachedDeviceMemory();
            return t;
        };
        const BatchSizeTrial small = trial(8);
        TORCH_CHECK(!small.outOfMemory && small.peakBytes > 0, "a batch of 8 did not fit");
        const std::int64_t total = deviceMemory(index).totalBytes;
        const std::int64_t tooBig = 2 * total / std::max<std::int64_t>(1, small.peakBytes / 8);
        const BatchSizeTrial huge = trial(tooBig);
        if (!huge.outOfMemory) {
            verdict(c, false, "a batch of " + std::to_string(tooBig) + " (about twice the card) did not run out of memory");
            return;
        }
        auto choice = findBatchSize(trial, total, 0.9, 64, tooBig);
        if (!choice) {
            verdict(c, false, choice.message());
            return;
        }
        verdict(c, choice->batchSize > 8,
                "batch " + std::to_string(tooBig) + " x " + std::to_string(length) + " tokens: caught \"" + firstError + "\"; the finder's "
                    + choice->summary);
    });
}

} // namespace

bool DoctorReport::ok() const
{
    for (const auto& c : checks)
        if (c.outcome == DoctorCheck::Outcome::Failed) return false;
    return true;
}

Result<DoctorReport> runDeviceDoctor(const DoctorOptions& options, const std::function<void(const DoctorCheck&)>& onCheck)
{
    try {
        DoctorReport report;
        report.build = torchBuildInfo();
        report.gpus = listGpus();
        report.cpuGemm = cpuGemmDescription();
        report.cpuThreads = torch::get_num_threads();
        auto device = selectDevice(options.device);
        if (!device) return device.error();
        if (!device->cuda) {
            report.note = !report.build.cudaCompiled ? "no GPU checks: this LibTorch was built without CUDA (CPU only)"
                          : report.gpus.empty()      ? "no GPU checks: LibTorch has CUDA, but no GPU is visible"
                                                     : "no GPU checks: --device cpu";
        } else {
            report.device = "cuda:" + std::to_string(device->index);
        }
        Doctor doctor(options, onCheck, report);
        doctor.cpuChecks();
        if (device->cuda) {
            const torch::Device gpu(torch::kCUDA, static_cast<c10::DeviceIndex>(device->index));
            doctor.gpuChecks(gpu, report.gpus.at(static_cast<std::size_t>(device->index)));
        }
        return report;
    } catch (const c10::Error& e) {
        return Error{"doctor: " + std::string(e.what_without_backtrace())};
    } catch (const std::exception& e) {
        return Error{std::string("doctor: ") + e.what()};
    }
}

} // namespace tagbench
