#include "core/model/linear/torch/LinearModule.h"

#include "core/model/linear/LinearTrainer.h"
#include "core/model/linear/SparseMatrix.h"

#include <atomic>
#include <cstring>

namespace tagbench {

LinearModuleImpl::LinearModuleImpl(const ModelSpec& spec)
    : m_options(spec.optionsAs<LinearOptions>())
{
    TORCH_CHECK(spec.vocabularySize > 0 && spec.labels > 0, "the linear model needs features and labels");
    m_weights = register_module("weights", torch::nn::EmbeddingBag(torch::nn::EmbeddingBagOptions(spec.vocabularySize, spec.labels)
                                                                        .mode(torch::kSum)));
    m_bias = register_parameter("bias", torch::zeros({spec.labels}));
    torch::NoGradGuard noGrad;
    m_weights->weight.zero_();
}

torch::Tensor LinearModuleImpl::forward(const ModelBatch& batch)
{
    return m_weights(batch.tokens, batch.offsets, batch.weights) + m_bias;
}

ModelBatch LinearModuleImpl::collate(const EncodedSplit& split, const std::vector<std::int64_t>& rows, bool pin) const
{
    ModelBatch batch;
    collateBags(split, rows, pin, batch);
    return batch;
}

Status LinearModuleImpl::fit(const SolverRequest& request)
{
    const EncodedSplit& train = *request.train;
    const auto features = static_cast<std::size_t>(m_weights->weight.size(0));
    linear::SparseMatrix x(features);
    std::vector<std::uint32_t> ids;
    std::vector<std::vector<std::uint32_t>> gold(train.size());
    for (std::size_t d = 0; d < train.size(); ++d) {
        const std::size_t begin = train.inputOffsets[d], length = train.inputLength(d);
        ids.assign(train.inputs.begin() + static_cast<std::ptrdiff_t>(begin),
                   train.inputs.begin() + static_cast<std::ptrdiff_t>(begin + length));
        x.appendRow(ids.data(), train.inputWeights.data() + begin, length);
        gold[d].assign(train.gold.begin() + static_cast<std::ptrdiff_t>(train.goldOffsets[d]),
                       train.gold.begin() + static_cast<std::ptrdiff_t>(train.goldOffsets[d + 1]));
    }
    linear::LinearTrainOptions options = m_options.training;
    options.threads = request.threads;
    std::atomic<bool> cancel{false};
    const auto progress = [&](std::size_t done, std::size_t total) {
        if (request.progress && !request.progress(done, total)) cancel = true;
    };
    if (request.log)
        request.log("liblinear: " + std::string(linear::lossName(options.loss)) + ", C " + std::to_string(options.C) + ", "
                    + std::to_string(request.labels) + " labels on " + std::to_string(options.threads) + " threads");
    auto model = linear::LinearTrainer(options).train(x, gold, static_cast<std::size_t>(request.labels), &cancel, progress);
    if (!model) return model.error();
    // LinearModel keeps features x labels row-major: the EmbeddingBag table's layout.
    torch::NoGradGuard noGrad;
    std::memcpy(m_weights->weight.data_ptr<float>(), model->weights().data(), model->weights().size() * sizeof(float));
    std::memcpy(m_bias.data_ptr<float>(), model->bias().data(), model->bias().size() * sizeof(float));
    return {};
}

} // namespace tagbench
