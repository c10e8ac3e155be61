#pragma once

#include "core/model/torch/TextClassifier.h"

#include <torch/torch.h>

#include <string>
#include <vector>

namespace tagbench {

/// Settings of Optimizer (train.optimizer, learning_rate, weight_decay in the config).
struct OptimizerOptions {
    std::string kind = "adam";  // adam | adamw | sgd
    double learningRate = 1e-3;
    double weightDecay = 0.0;
    double beta1 = 0.9;
    double beta2 = 0.999;
    double epsilon = 1e-8;
};

/// Adam, AdamW and SGD over dense and sparse gradients. A sparse gradient (EmbeddingBag with
/// sparse=true) updates only the rows it names, moments included ("lazy" Adam, as
/// torch.optim.SparseAdam): an epoch over millions of n-gram buckets costs what the batches
/// touch, not the table size. The state round-trips through torch archives for resumable runs.
class Optimizer final {
public:
    /// Optimizes the parameters that require gradients, in one group; names key the saved state.
    Optimizer(const std::vector<std::pair<std::string, torch::Tensor>>& namedParameters, OptimizerOptions options);
    /// Optimizes the groups' parameters that require gradients, each group with its learning
    /// rate scale and with or without weight decay. The saved state is keyed by position, so the
    /// groups must list parameters in the same order every time (resumed runs).
    Optimizer(const std::vector<ParameterGroup>& groups, OptimizerOptions options);

    /// The parameters optimized, in slot order (e.g. for gradient clipping).
    std::vector<torch::Tensor> parameters() const;

    /// Drops the gradients of every parameter.
    void zeroGrad();
    /// One update from the current gradients.
    void step();
    /// One update of parameter from an explicit row gradient (unique ascending rows, values [R, D]),
    /// for parameters whose gradient the caller computed outside autograd.
    void stepRows(const torch::Tensor& parameter, const torch::Tensor& rows, const torch::Tensor& values);

    void setLearningRate(double learningRate) { m_options.learningRate = learningRate; }
    double learningRate() const { return m_options.learningRate; }

    /// Writes moments and step counts (keys p0_exp_avg, ...; use a sub-archive).
    void save(torch::serialize::OutputArchive& archive) const;
    /// Restores what save() wrote; throws c10::Error when the archive does not match.
    void load(torch::serialize::InputArchive& archive);

private:
    struct Slot {
        std::string name;
        torch::Tensor parameter;
        torch::Tensor expAvg;    // first moment (undefined for sgd)
        torch::Tensor expAvgSq;  // second moment (undefined for sgd)
        std::int64_t steps = 0;
        double learningRateScale = 1.0;
        std::optional<double> weightDecay;  // unset: m_options.weightDecay
    };
    void stepDense(Slot& slot, const torch::Tensor& grad);
    void stepSparse(Slot& slot, const torch::Tensor& rows, torch::Tensor values);
    void stepSparseCpu(Slot& slot, const torch::Tensor& rows, const torch::Tensor& values);
    double learningRate(const Slot& slot) const { return m_options.learningRate * slot.learningRateScale; }
    double weightDecay(const Slot& slot) const { return slot.weightDecay.value_or(m_options.weightDecay); }

    OptimizerOptions m_options;
    std::vector<Slot> m_slots;
};

} // namespace tagbench
