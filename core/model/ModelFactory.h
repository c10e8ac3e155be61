#pragma once

#include "core/model/TextClassifier.h"
#include "core/train/TrainConfig.h"

#include <memory>

namespace tagbench {

struct PretrainedVectors;

/// The network config describes, for a vocabulary of vocabSize ids and labels outputs.
std::shared_ptr<TextClassifierImpl> createModel(const TrainConfig& config, std::int64_t vocabSize, std::int64_t labels);

/// Copies the found pretrained rows into the model's embedding table; with trainable false the
/// table is frozen (static embeddings, as in Kim's CNN-static).
void applyPretrainedVectors(TextClassifierImpl& model, const PretrainedVectors& vectors, bool trainable);

/// Enables bfloat16 autocast on CUDA for its lifetime (no-op when disabled). Works with the
/// LibTorch 1.13 API and the per-device API of 2.4+.
class AutocastGuard final {
public:
    explicit AutocastGuard(bool enabled);
    ~AutocastGuard();
    AutocastGuard(const AutocastGuard&) = delete;
    AutocastGuard& operator=(const AutocastGuard&) = delete;

private:
    bool m_enabled;
    bool m_previous = false;
};

} // namespace tagbench
