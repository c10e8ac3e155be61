#pragma once

#include "core/model/EncodedSplit.h"
#include "core/model/InputEncoder.h"
#include "core/model/ModelSpec.h"
#include "core/util/Result.h"

#include <torch/torch.h>

#include <atomic>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace tagbench {

class Optimizer;

/// One mini-batch in the layout a model's collate() produced. Built on the CPU (on the batch
/// prefetcher's thread) and moved to the training device in one go. A model fills the fields
/// its layout uses and leaves the others undefined.
struct ModelBatch {
    /// Padded layouts: [B, L] int64 ids padded with 0. Bag layouts: [N] int64, every
    /// document's ids back to back.
    torch::Tensor tokens;
    /// Padded layouts: [B] int64, each document's length before padding.
    torch::Tensor lengths;
    /// Bag layouts: [B] int64, where each document starts in tokens.
    torch::Tensor offsets;
    /// Weighted bag layouts: [N] float, one weight per id (TF-IDF term frequencies).
    torch::Tensor weights;
    /// Attention layouts: [B, L] int64, 1 for real tokens and 0 for padding.
    torch::Tensor mask;
    /// Multi-label: [B, C] float 0/1. Single-label: [B] int64 class index. Undefined at inference.
    torch::Tensor targets;
    /// [B] int64 row of each document in its split (so scores land in the right place).
    torch::Tensor rows;

    /// Number of documents.
    std::int64_t size() const { return rows.size(0); }
    /// A copy on device (non-blocking when the source is pinned); rows stay on the host.
    ModelBatch to(const torch::Device& device, bool nonBlocking = false) const;
};

/// Parameters that share optimizer settings (BERT: no weight decay on biases and LayerNorm,
/// layer-wise learning rates). Parameters are named as in named_parameters().
struct ParameterGroup {
    std::vector<std::pair<std::string, torch::Tensor>> parameters;
    double learningRateScale = 1.0;
    std::optional<double> weightDecay;  // the group's own decay; unset: the optimizer's
};

/// What a model may need before its first training step.
struct TrainingPreparation {
    std::string pretrainedVectors;   // word vectors file for the embedding table, or empty
    bool trainableEmbedding = true;
    const InputEncoder* input = nullptr;
    double learningRate = 0.0;       // train.learning_rate, for groups that set their own rate
    bool resuming = false;           // the weights will come from the run's checkpoint
    bool exactGradients = false;     // clipping or accumulation needs every gradient before a step
    std::function<void(const std::string&)> log;
};

/// What a model fitted by a solver (not by gradient steps) gets instead of epochs.
struct SolverRequest {
    const EncodedSplit* train = nullptr;
    std::int64_t labels = 0;
    int threads = 0;
    std::function<void(const std::string&)> log;
    /// labels done of total; returning false cancels.
    std::function<bool(std::size_t done, std::size_t total)> progress;
};

/// Every network Tagbench trains: input ids in, one logit per label out. A model kind
/// (core/model/<kind>/) derives it and supplies its batch layout, its parameter groups and,
/// where it needs them, the hooks below; the trainer, scoring, prediction and export use only
/// this interface and never cast to a concrete model.
class TextClassifierImpl : public torch::nn::Module {
public:
    /// Logits [B, C]; sigmoid (multi-label) or softmax (single-label) is applied by the caller.
    virtual torch::Tensor forward(const ModelBatch& batch) = 0;
    /// The inputs of rows of split in this model's layout (targets and rows are the caller's).
    /// Tensors are pinned when pin is true (faster host-to-GPU copies).
    virtual ModelBatch collate(const EncodedSplit& split, const std::vector<std::int64_t>& rows, bool pin) const = 0;
    /// True when a batch is padded to its longest document, so batching similar lengths saves work.
    virtual bool padsBatches() const = 0;

    /// Optimizer groups; the default is one group of every parameter in named_parameters() order.
    virtual std::vector<ParameterGroup> parameterGroups();
    /// Logits of a training step; a model may keep what finishStep() needs.
    virtual torch::Tensor trainingForward(const ModelBatch& batch) { return forward(batch); }
    /// Called after backward() and the optimizer's step, for rows a model updates itself.
    virtual void finishStep(const ModelBatch& batch, Optimizer& optimizer) {}
    /// Loads pretrained weights or vectors before training starts.
    virtual Status prepareForTraining(const TrainingPreparation& preparation) { return {}; }

    /// True for models fitted once by a solver (fit()) rather than by epochs of gradient steps.
    virtual bool fittedBySolver() const { return false; }
    /// Fits the model to request.train; only called when fittedBySolver().
    virtual Status fit(const SolverRequest& request);

    /// Tensors saved in bundles, by name: parameters and buffers (the bundle adds "model.").
    virtual std::vector<std::pair<std::string, torch::Tensor>> namedTensors();
    /// Turns the trained model into the one a bundle holds (e.g. folds LoRA adapters into the
    /// weights) and updates spec to describe it.
    virtual void prepareForExport(ModelSpec& spec) {}
};

/// Pads rows of split to their longest input (at least minLength) into [B, L] tokens and [B]
/// lengths; for the padded layouts of TextCNN and attention models.
void collatePadded(const EncodedSplit& split, const std::vector<std::int64_t>& rows, std::int64_t minLength, bool pin,
                   ModelBatch& batch);
/// Concatenates rows of split into [N] tokens (and weights when the split has them) with [B]
/// offsets; for the bag layouts of FastText and the linear model.
void collateBags(const EncodedSplit& split, const std::vector<std::int64_t>& rows, bool pin, ModelBatch& batch);

} // namespace tagbench
