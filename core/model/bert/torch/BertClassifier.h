#pragma once

#include "core/model/bert/BertClassifierOptions.h"
#include "core/model/bert/torch/BertEncoder.h"

#include <torch/torch.h>

#include <string>
#include <utility>
#include <vector>

namespace tagbench {

/// Logits with what led to them (for parity checks and inspection).
struct BertClassifierOutput {
    torch::Tensor logits;  // [B, C]
    BertEncoderOutput encoder;
};

/// BERT for multi-label classification: Hugging Face's BertForSequenceClassification ("bert."
/// encoder, dropout, "classifier" linear head) with a choice of pooling: cls (the pooler, as HF)
/// or mean (mean of the last hidden states over the attention mask). With LoRA enabled only the
/// adapters and the head train (see freezeForLora).
class BertClassifierImpl final : public torch::nn::Module {
public:
    explicit BertClassifierImpl(const BertClassifierOptions& options);

    /// ids [B, L] int64, attentionMask [B, L], tokenTypeIds [B, L] -> logits [B, C].
    torch::Tensor forward(const torch::Tensor& ids, const torch::Tensor& attentionMask, const torch::Tensor& tokenTypeIds);
    /// The same, keeping the encoder's outputs (allHiddenStates: every layer's).
    BertClassifierOutput run(const torch::Tensor& ids, const torch::Tensor& attentionMask,
                             const torch::Tensor& tokenTypeIds, bool allHiddenStates = false);

    /// Makes only the LoRA adapters and the head trainable (requires_grad); no-op without LoRA.
    void freezeForLora();
    /// Trains (true) or freezes (false) the whole encoder; the head always trains.
    void setEncoderTrainable(bool trainable);
    /// Folds every adapter into its projection's weight; forward() computes the same afterwards.
    void mergeLora();
    /// True while unmerged adapters are attached.
    bool hasLora() const;

    /// Parameters that require gradients, with their names.
    std::vector<std::pair<std::string, torch::Tensor>> trainableParameters() const;

    const BertClassifierOptions& options() const { return m_options; }
    BertEncoder encoder() const { return m_bert; }
    torch::nn::Linear head() const { return m_classifier; }

private:
    BertClassifierOptions m_options;
    BertEncoder m_bert{nullptr};
    torch::nn::Dropout m_dropout{nullptr};
    torch::nn::Linear m_classifier{nullptr};
};
TORCH_MODULE(BertClassifier);

} // namespace tagbench
