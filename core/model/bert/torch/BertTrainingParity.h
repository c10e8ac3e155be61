#pragma once

#include "core/model/bert/BertParityReport.h"
#include "core/util/Result.h"

#include <string>

namespace tagbench {

/// Replays Hugging Face fine-tuning traces (the train_trace.json format of tests/data/bert-tiny)
/// with this project's BertClassifier, parameter groups over core/train's AdamW, gradient
/// clipping and learning-rate schedules. Every object in the file with "losses_before_step" is
/// one trace: fresh weights from the checkpoint, torch.manual_seed(seed), then per step
/// BCEWithLogits(mean) -> backward -> [clip_grad_norm_] -> AdamW step at the scheduled rate.
/// The optimizer's hyper-parameters are read from the recipe line that calls torch.optim.AdamW
/// (lr, betas, eps, weight_decay; all parameters in one group unless the recipe says no_decay).
/// Torch-free interface.
class BertTrainingParity final {
public:
    /// Checks per trace: input ids (exact), learning rates, losses, gradient norms, gradients at
    /// step 1 (after clipping), logits and parameter slices after the last step (within tolerance).
    static Result<BertParityReport> run(const std::string& checkpointFolder, const std::string& tracePath,
                                        double tolerance = 1e-4);
};

} // namespace tagbench
