#include "core/model/ModelFactory.h"

#include "core/model/FastTextModel.h"
#include "core/model/PretrainedVectors.h"
#include "core/model/TextCnn.h"

#include <ATen/autocast_mode.h>
#include <torch/version.h>

// LibTorch 2.4 moved autocast to per-device functions and deprecated the CUDA-only ones.
#if TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 4)
#define TAGBENCH_AUTOCAST_PER_DEVICE 1
#endif

namespace tagbench {

std::shared_ptr<TextClassifierImpl> createModel(const TrainConfig& config, std::int64_t vocabSize, std::int64_t labels)
{
    if (config.model == ModelKind::FastText) {
        FastTextOptions options;
        options.vocabSize = vocabSize;
        options.embeddingDim = config.embedding.dimension;
        options.numClasses = labels;
        options.buckets = config.fastText.wordNgrams > 1 ? config.fastText.buckets : 0;
        return std::make_shared<FastTextImpl>(options);
    }
    TextCnnOptions options;
    options.vocabSize = vocabSize;
    options.embeddingDim = config.embedding.dimension;
    options.numClasses = labels;
    options.kernelSizes = config.textCnn.kernelSizes;
    options.numKernels = config.textCnn.numKernels;
    options.topK = config.textCnn.topKMaxPooling;
    options.hidden = config.textCnn.hidden;
    options.dropout = config.textCnn.dropout;
    return std::make_shared<TextCnnImpl>(options);
}

void applyPretrainedVectors(TextClassifierImpl& model, const PretrainedVectors& vectors, bool trainable)
{
    torch::NoGradGuard noGrad;
    torch::Tensor weight = model.embeddingWeight();
    const auto rows = static_cast<std::int64_t>(vectors.found.size());
    TORCH_CHECK(weight.size(1) == vectors.dimension && weight.size(0) >= rows,
                "pretrained vectors do not fit the embedding table");
    const torch::Tensor values =
        torch::from_blob(const_cast<float*>(vectors.rows.data()), {rows, vectors.dimension}, torch::kFloat32);
    const torch::Tensor found =
        torch::from_blob(const_cast<std::uint8_t*>(vectors.found.data()), {rows}, torch::kUInt8).to(torch::kBool);
    const torch::Tensor ids = found.nonzero().squeeze(1).to(weight.device());
    weight.index_copy_(0, ids, values.index_select(0, found.nonzero().squeeze(1)).to(weight.device()));
    if (!trainable) weight.requires_grad_(false);
}

AutocastGuard::AutocastGuard(bool enabled)
    : m_enabled(enabled)
{
    if (!m_enabled) return;
#ifdef TAGBENCH_AUTOCAST_PER_DEVICE
    m_previous = at::autocast::is_autocast_enabled(at::kCUDA);
    at::autocast::set_autocast_dtype(at::kCUDA, at::kBFloat16);
    at::autocast::set_autocast_enabled(at::kCUDA, true);
#else
    m_previous = at::autocast::is_enabled();
    at::autocast::set_autocast_gpu_dtype(at::kBFloat16);
    at::autocast::set_enabled(true);
#endif
}

AutocastGuard::~AutocastGuard()
{
    if (!m_enabled) return;
#ifdef TAGBENCH_AUTOCAST_PER_DEVICE
    at::autocast::set_autocast_enabled(at::kCUDA, m_previous);
#else
    at::autocast::set_enabled(m_previous);
#endif
    // Casted weights are cached per autocast region; drop them so updated weights are re-cast.
    if (!m_previous) at::autocast::clear_cache();
}

} // namespace tagbench
