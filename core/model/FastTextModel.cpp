#include "core/model/FastTextModel.h"

namespace tagbench {

FastTextImpl::FastTextImpl(const FastTextOptions& options)
    : m_options(options)
{
    TORCH_CHECK(options.vocabSize > 1 && options.embeddingDim > 0 && options.numClasses > 0
                    && options.buckets >= 0,
                "FastText needs a vocabulary, an embedding dimension, labels and buckets >= 0");
    m_bag = register_module(
        "bag", torch::nn::EmbeddingBag(torch::nn::EmbeddingBagOptions(options.vocabSize + options.buckets,
                                                                      options.embeddingDim)
                                           .mode(torch::kMean)
                                           .sparse(true)));
    m_output = register_module("output", torch::nn::Linear(options.embeddingDim, options.numClasses));
    // fastText's initialisation: small uniform input vectors, a zero output layer.
    torch::NoGradGuard noGrad;
    const double bound = 1.0 / static_cast<double>(options.embeddingDim);
    m_bag->weight.uniform_(-bound, bound);
    m_output->weight.zero_();
    m_output->bias.zero_();
}

torch::Tensor FastTextImpl::forward(const ModelBatch& batch)
{
    return m_output(m_bag(batch.tokens, batch.lengths));
}

} // namespace tagbench
