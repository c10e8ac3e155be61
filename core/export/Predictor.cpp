#include "core/export/Predictor.h"

#include "core/data/Dataset.h"
#include "core/eval/EnsembleSpec.h"
#include "core/export/torch/BundleModel.h"
#include "core/model/DeviceSelector.h"
#include "core/model/ModelRegistry.h"
#include "core/train/torch/BatchBuilder.h"

#include <torch/torch.h>

#if __has_include(<omp.h>) && defined(TAGBENCH_HAVE_OPENMP)
#include <omp.h>
#define TAGBENCH_LIMIT_OMP 1
#endif

#include <algorithm>
#include <atomic>
#include <mutex>
#include <numeric>
#include <thread>
#include <unordered_map>

namespace tagbench {
namespace {

// Each worker runs whole batches; LibTorch's own intra-op threads on top of that would only
// oversubscribe the cores. The OpenMP thread count is per thread, so this touches no one else.
void useOneIntraOpThread()
{
#ifdef TAGBENCH_LIMIT_OMP
    at::internal::lazy_init_num_threads();  // would otherwise reset the count at the first op
    omp_set_num_threads(1);
#endif
}

int hardwareThreads() { return static_cast<int>(std::max(1u, std::thread::hardware_concurrency())); }

} // namespace

class Predictor::Impl final {
public:
    Bundle bundle;
    PredictorOptions options;
    std::shared_ptr<TextClassifierImpl> model;
    torch::Device device = torch::kCPU;
    std::string deviceDescription;
    std::shared_ptr<const InputEncoder> input;
    eval::DecisionRule rule;
    int threads = 1;
    // An ensemble: the members score, their calibrated scores combine (no network of its own).
    std::vector<Predictor> members;
    eval::EnsembleSpec ensemble;
    std::vector<std::vector<std::int64_t>> ensembleColumns;

    std::size_t labelCount() const { return bundle.manifest().labels.size(); }
    Status scoreEnsemble(const TextSource& text, std::size_t count, float* out) const;
    const ModelSpec& spec() const { return bundle.manifest().model; }

    Status scoreAll(const TextSource& text, std::size_t count, float* out) const;
};

Status Predictor::Impl::scoreEnsemble(const TextSource& text, std::size_t count, float* out) const
{
    std::vector<std::string_view> texts(count);
    for (std::size_t i = 0; i < count; ++i) texts[i] = text(i);
    std::vector<std::vector<float>> memberScores;
    for (const Predictor& member : members) {
        auto scores = member.score(texts);
        if (!scores) return scores.error();
        memberScores.push_back(std::move(*scores));
    }
    std::vector<const float*> rows(members.size());
    for (std::size_t i = 0; i < count; ++i) {
        for (std::size_t m = 0; m < members.size(); ++m) rows[m] = memberScores[m].data() + i * members[m].labels().size();
        eval::combineRow(ensemble, ensembleColumns, rows, out + i * labelCount());
    }
    return {};
}

Status Predictor::Impl::scoreAll(const TextSource& text, std::size_t count, float* out) const
{
    if (count == 0) return {};
    if (!members.empty()) return scoreEnsemble(text, count, out);
    // Exactly the trainer's encoding (TrainingData's encodeSplit): the kind's input encoder.
    EncodedSplit split;
    split.ids.resize(count);  // the batch plan counts documents by id
    input->encodeAll(text, count, threads, split);
    const auto labels = static_cast<std::int64_t>(labelCount());
    // Padded layouts pay for the longest document of a batch: batch documents of similar length.
    const BatchPlan plan = planInference(split, options.batchSize, model->padsBatches());
    const BatchBuilder builder(split, *model, spec().task, labels, /*withTargets=*/false);
    const bool softmax = spec().task == TaskKind::SingleLabel;

    std::atomic<std::size_t> next{0};
    std::mutex errorMutex;
    std::string error;
    const auto work = [&] {
        try {
            if (!device.is_cuda()) useOneIntraOpThread();
            c10::InferenceMode inference;
            for (std::size_t b = next++; b < plan.size(); b = next++) {
                const ModelBatch batch = builder.build(plan[b], /*pin=*/false).to(device);
                const torch::Tensor logits = model->forward(batch).to(torch::kFloat32);
                const torch::Tensor probabilities =
                    (softmax ? torch::softmax(logits, 1) : torch::sigmoid(logits)).to(torch::kCPU).contiguous();
                const float* source = probabilities.data_ptr<float>();
                for (std::size_t r = 0; r < plan[b].size(); ++r)
                    std::copy(source + r * labels, source + (r + 1) * labels, out + plan[b][r] * labels);
            }
        } catch (const c10::Error& e) {
            std::lock_guard<std::mutex> lock(errorMutex);
            if (error.empty()) error = e.what_without_backtrace();
            next = plan.size();
        } catch (const std::exception& e) {
            std::lock_guard<std::mutex> lock(errorMutex);
            if (error.empty()) error = e.what();
            next = plan.size();
        }
    };
    const std::size_t workers = std::min<std::size_t>(static_cast<std::size_t>(threads), plan.size());
    std::vector<std::thread> pool;
    for (std::size_t w = 0; w < workers; ++w) pool.emplace_back(work);
    for (auto& thread : pool) thread.join();
    if (!error.empty()) return Error{bundle.path() + ": prediction failed: " + error};
    return {};
}

Predictor::Predictor(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
Predictor::Predictor(Predictor&& other) noexcept = default;
Predictor& Predictor::operator=(Predictor&& other) noexcept = default;
Predictor::~Predictor() = default;

Result<Predictor> Predictor::open(const std::string& path, const PredictorOptions& options)
{
    auto bundle = Bundle::open(path);
    if (!bundle) return bundle.error();
    return fromBundle(std::move(*bundle), options);
}

Result<Predictor> Predictor::fromBundle(Bundle bundle, const PredictorOptions& options)
{
    if (options.batchSize < 1) return Error{"batch size must be at least 1"};
    auto impl = std::make_unique<Impl>();
    impl->options = options;
    impl->threads = options.threads > 0 ? options.threads : hardwareThreads();
    const auto choice = selectDevice(options.device);
    if (!choice) return choice.error();
    impl->device = choice->cuda ? torch::Device(torch::kCUDA, static_cast<c10::DeviceIndex>(choice->index))
                                : torch::Device(torch::kCPU);
    impl->deviceDescription = choice->cuda ? choice->description
                                           : "cpu (" + std::to_string(impl->threads) + (impl->threads == 1 ? " thread)" : " threads)");

    const BundleManifest& manifest = bundle.manifest();
    if (!manifest.ensembleJson.empty()) {
        auto spec = eval::EnsembleSpec::fromJson(manifest.ensembleJson, bundle.path() + ": manifest: ensemble");
        if (!spec) return spec.error();
        for (std::size_t m = 0; m < spec->members.size(); ++m) {
            auto memberBundle = bundle.member(m);
            if (!memberBundle) return memberBundle.error();
            auto member = fromBundle(std::move(*memberBundle), options);
            if (!member) return member.error();
            if (member->labels() != spec->members[m].labels)
                return Error{bundle.path() + ": member " + std::to_string(m) + " has other labels than the ensemble says"};
            impl->members.push_back(std::move(*member));
        }
        impl->ensembleColumns = *eval::ensembleColumns(*spec);
        impl->ensemble = std::move(*spec);
        impl->deviceDescription = impl->members.front().deviceDescription();
        impl->rule = manifest.rule;
        impl->bundle = std::move(bundle);
        return Predictor(std::move(impl));
    }
    const ModelKind* kind = ModelRegistry::instance().find(manifest.model.kind);
    if (!kind) return Error{bundle.path() + ": manifest: model.type: unknown model kind \"" + manifest.model.kind + "\""};
    auto input = kind->bundleInput(manifest.model, manifest.tokenizer, manifest.vocabulary, bundle.weights());
    if (!input) return Error{bundle.path() + ": manifest: " + input.message()};
    impl->input = std::move(*input);

    auto model = buildModel(manifest.model);
    if (!model) return Error{bundle.path() + ": " + model.message()};
    if (auto loaded = loadModelTensors(**model, bundle.weights(), bundle.path()); !loaded) return loaded.error();
    try {
        (*model)->to(impl->device);
    } catch (const c10::Error& e) {
        return Error{"cannot move the model to " + impl->deviceDescription + ": " + e.what_without_backtrace()};
    }
    (*model)->eval();
    impl->model = std::move(*model);
    impl->rule = manifest.rule;
    impl->bundle = std::move(bundle);
    return Predictor(std::move(impl));
}

const Bundle& Predictor::bundle() const { return m_impl->bundle; }
const std::vector<std::string>& Predictor::labels() const { return m_impl->bundle.manifest().labels; }
const eval::DecisionRule& Predictor::rule() const { return m_impl->rule; }
const std::string& Predictor::deviceDescription() const { return m_impl->deviceDescription; }
void Predictor::resetRule() { m_impl->rule = m_impl->bundle.manifest().rule; }

Status Predictor::setRule(eval::DecisionRule rule)
{
    if (auto valid = rule.validate(labels().size()); !valid) return valid;
    m_impl->rule = std::move(rule);
    return {};
}

std::vector<LabelScore> Predictor::decide(const float* scores) const
{
    const std::vector<std::uint32_t> kept = m_impl->rule.apply(scores, m_impl->labelCount());
    std::vector<LabelScore> out;
    out.reserve(kept.size());
    for (const std::uint32_t label : kept) out.push_back({label, scores[label]});
    return out;
}

Result<std::vector<float>> Predictor::score(const std::vector<std::string_view>& texts) const
{
    std::vector<float> scores(texts.size() * m_impl->labelCount());
    if (auto s = m_impl->scoreAll([&texts](std::size_t i) { return texts[i]; }, texts.size(), scores.data()); !s)
        return s.error();
    return scores;
}

Result<std::vector<Prediction>> Predictor::predictBatch(const std::vector<std::string_view>& texts, bool allScores) const
{
    auto scores = score(texts);
    if (!scores) return scores.error();
    const std::size_t labels = m_impl->labelCount();
    std::vector<Prediction> predictions(texts.size());
    for (std::size_t i = 0; i < texts.size(); ++i) {
        const float* row = scores->data() + i * labels;
        predictions[i].labels = decide(row);
        if (allScores) predictions[i].scores.assign(row, row + labels);
    }
    return predictions;
}

Result<Prediction> Predictor::predict(std::string_view text, bool allScores) const
{
    auto batch = predictBatch({text}, allScores);
    if (!batch) return batch.error();
    return std::move(batch->front());
}

Result<eval::ScoreMatrix> Predictor::scoreDataset(const Dataset& dataset) const
{
    const std::size_t labels = m_impl->labelCount();
    std::vector<float> scores(dataset.size() * labels);
    if (auto s = m_impl->scoreAll([&dataset](std::size_t i) { return dataset.text(i); }, dataset.size(), scores.data()); !s)
        return s.error();

    std::unordered_map<std::string, std::uint32_t> column;
    for (std::size_t l = 0; l < labels; ++l) column.emplace(this->labels()[l], static_cast<std::uint32_t>(l));
    std::vector<std::int64_t> datasetToColumn(dataset.labelNames().size(), -1);
    for (std::size_t l = 0; l < datasetToColumn.size(); ++l)
        if (const auto it = column.find(dataset.labelNames()[l]); it != column.end()) datasetToColumn[l] = it->second;

    eval::ScoreMatrix matrix(this->labels());
    matrix.reserve(dataset.size());
    for (std::size_t i = 0; i < dataset.size(); ++i) {
        std::vector<std::uint32_t> gold;
        for (const std::int32_t label : dataset.labels(i))
            if (datasetToColumn[static_cast<std::size_t>(label)] >= 0)
                gold.push_back(static_cast<std::uint32_t>(datasetToColumn[static_cast<std::size_t>(label)]));
        const std::string_view id = dataset.id(i);
        const std::string name = id.empty() ? "line " + std::to_string(dataset.sourceLine(i)) : std::string(id);
        if (auto added = matrix.addDocument(name, scores.data() + i * labels, std::move(gold)); !added)
            return Error{dataset.sourcePath() + ":" + std::to_string(dataset.sourceLine(i)) + ": " + added.message()};
    }
    return matrix;
}

} // namespace tagbench
