#pragma once

#include <torch/torch.h>

namespace tagbench {

/// One mini-batch in the layout the models consume. Built on the CPU by the batch builder and
/// moved to the training device in one go.
struct ModelBatch {
    /// TextCNN: [B, L] int64 token ids padded with Vocabulary::kPad.
    /// FastText: [N] int64, every document's ids (words then hashed n-grams) back to back.
    torch::Tensor tokens;
    /// TextCNN: [B] int64 unpadded lengths. FastText: [B] int64 start offsets into tokens.
    torch::Tensor lengths;
    /// Multi-label: [B, C] float 0/1. Single-label: [B] int64 class index. Undefined at inference.
    torch::Tensor targets;
    /// [B] int64 row of each document in its dataset (so scores land in the right place).
    torch::Tensor rows;

    /// Number of documents.
    std::int64_t size() const { return rows.defined() ? rows.size(0) : lengths.size(0); }
    /// A copy on device (non-blocking when the source is pinned).
    ModelBatch to(const torch::Device& device, bool nonBlocking = false) const;
};

/// Common face of the text classifiers: token ids in, one logit per label out.
class TextClassifierImpl : public torch::nn::Module {
public:
    /// Logits [B, C]; sigmoid (multi-label) or softmax (single-label) is applied by the caller.
    virtual torch::Tensor forward(const ModelBatch& batch) = 0;
    /// The token embedding table [V, D] (rows 0..vocab-1 are the vocabulary's ids).
    virtual torch::Tensor embeddingWeight() = 0;
    /// True when tokens come as bags (flat ids + offsets) rather than a padded matrix.
    virtual bool usesBags() const = 0;
    /// Parameters whose gradients are sparse (only the rows a batch used are non-zero).
    virtual std::vector<torch::Tensor> sparseParameters() { return {}; }
};

} // namespace tagbench
