#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace tagbench {

/// What a weight import did, in Hugging Face's terms (its loader logs the same two lists).
struct BertLoadReport {
    /// Checkpoint tensors the model has no use for (e.g. cls.predictions.* of a pre-training head).
    std::vector<std::string> unused;
    /// Model parameters the checkpoint did not provide, freshly initialised (a new head, LoRA).
    std::vector<std::string> newlyInitialised;
    /// Head tensors present with another shape (another label count), replaced by new ones.
    std::vector<std::string> mismatchedHead;
    /// Checkpoint tensors loaded under another name (LayerNorm gamma/beta, a missing "bert." prefix).
    std::vector<std::string> renamed;
    /// Number of tensors copied into the model.
    std::size_t loaded = 0;
};

} // namespace tagbench
