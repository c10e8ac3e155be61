#include "core/export/Predictor.h"

#include "core/data/Dataset.h"
#include "core/export/BundleModel.h"
#include "core/model/DeviceSelector.h"
#include "core/model/NgramHasher.h"
#include "core/model/TextCnn.h"
#include "core/text/TextEncoder.h"
#include "core/text/Vocabulary.h"
#include "core/train/BatchBuilder.h"

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
    std::unique_ptr<TextEncoder> encoder;
    eval::DecisionRule rule;
    int threads = 1;
    std::int64_t minLength = 0;

    std::size_t labelCount() const { return bundle.manifest().labels.size(); }
    const ModelSpec& spec() const { return bundle.manifest().model; }

    // Model input of one text exactly as the trainer builds it (TrainingData's encodeSplit).
    void encode(std::string_view text, std::vector<std::int32_t>& ids, std::vector<std::int64_t>& out) const
    {
        encoder->encode(text, ids);
        out.insert(out.end(), ids.begin(), ids.end());
        if (model->usesBags())
            appendWordNgrams(ids.data(), ids.size(), static_cast<int>(spec().wordNgrams), spec().buckets,
                             spec().vocabularySize, out);
    }

    Result<EncodedSplit> encodeAll(const std::function<std::string_view(std::size_t)>& text, std::size_t count) const;
    Status scoreAll(const std::function<std::string_view(std::size_t)>& text, std::size_t count, float* out) const;
};

Result<EncodedSplit> Predictor::Impl::encodeAll(const std::function<std::string_view(std::size_t)>& text,
                                                std::size_t count) const
{
    const std::size_t workers = std::min<std::size_t>(static_cast<std::size_t>(threads), std::max<std::size_t>(1, count / 64));
    std::vector<EncodedSplit> parts(workers);
    const auto work = [&](std::size_t w) {
        const std::size_t begin = count * w / workers, end = count * (w + 1) / workers;
        EncodedSplit& part = parts[w];
        std::vector<std::int32_t> ids;
        for (std::size_t i = begin; i < end; ++i) {
            encode(text(i), ids, part.inputs);
            part.inputOffsets.push_back(part.inputs.size());
        }
    };
    std::vector<std::thread> pool;
    for (std::size_t w = 1; w < workers; ++w) pool.emplace_back(work, w);
    work(0);
    for (auto& thread : pool) thread.join();

    EncodedSplit split;
    split.ids.resize(count);
    split.goldOffsets.assign(count + 1, 0);
    for (const auto& part : parts) {
        const std::uint64_t base = split.inputs.size();
        split.inputs.insert(split.inputs.end(), part.inputs.begin(), part.inputs.end());
        for (std::size_t i = 1; i < part.inputOffsets.size(); ++i) split.inputOffsets.push_back(base + part.inputOffsets[i]);
    }
    return split;
}

Status Predictor::Impl::scoreAll(const std::function<std::string_view(std::size_t)>& text, std::size_t count,
                                 float* out) const
{
    if (count == 0) return {};
    auto split = encodeAll(text, count);
    if (!split) return split.error();
    const auto labels = static_cast<std::int64_t>(labelCount());
    // TextCNN pads every document of a batch to the longest: batch documents of similar length.
    const BatchPlan plan = planInference(*split, options.batchSize, !model->usesBags());
    const BatchBuilder builder(*split, model->usesBags(), spec().task, labels, minLength, /*withTargets=*/false);
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
    auto tokenizer = makeTokenizer(manifest.tokenizer);
    if (!tokenizer) return Error{bundle.path() + ": tokenizer: " + tokenizer.message()};
    std::vector<std::pair<std::string, std::int64_t>> tokens;
    tokens.reserve(manifest.vocabulary.size());
    // Vocabulary::fromCounts orders by count; descending counts keep the bundle's id order.
    for (std::size_t i = 2; i < manifest.vocabulary.size(); ++i)
        tokens.emplace_back(manifest.vocabulary[i], static_cast<std::int64_t>(manifest.vocabulary.size() - i));
    auto vocabulary = std::make_shared<const Vocabulary>(Vocabulary::fromCounts(std::move(tokens), 1, 0));
    for (std::size_t i = 0; i < manifest.vocabulary.size(); ++i)
        if (vocabulary->size() != manifest.vocabulary.size() ||
            vocabulary->token(static_cast<std::int32_t>(i)) != manifest.vocabulary[i])
            return Error{bundle.path() + ": manifest: vocabulary: entry " + std::to_string(i) +
                         " is a duplicate, empty or misplaced special token"};
    impl->encoder = std::make_unique<TextEncoder>(std::shared_ptr<const Tokenizer>(std::move(*tokenizer)), vocabulary,
                                                  static_cast<std::size_t>(manifest.model.maxLength));

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
    if (!impl->model->usesBags()) impl->minLength = static_cast<TextCnnImpl&>(*impl->model).minLength();
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
