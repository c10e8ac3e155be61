#pragma once

#include "core/model/bert/BertCheckpoint.h"
#include "core/model/bert/BertLoadReport.h"
#include "core/model/bert/torch/BertClassifier.h"
#include "core/util/Result.h"

#include <torch/torch.h>

#include <string>
#include <vector>

namespace tagbench {

/// One tensor of a checkpoint, with the file it came from (for error messages).
struct CheckpointTensor {
    std::string name;
    torch::Tensor tensor;  // CPU, contiguous, the stored dtype
    std::string file;
};

/// Reads Hugging Face BERT weights and copies them into a BertClassifier by parameter name.
/// No format executes code: safetensors is parsed by core/export's reader, and pytorch_model.bin
/// goes through LibTorch's restricted unpickler, which only knows tensors, storages and plain
/// containers and refuses every other Python global.
class BertWeights final {
public:
    /// Every tensor of the checkpoint's weight files (all shards).
    static Result<std::vector<CheckpointTensor>> read(const BertCheckpoint& checkpoint);
    /// The tensors of one model.safetensors-format file; errors start with path.
    static Result<std::vector<CheckpointTensor>> readSafetensors(const std::string& path);
    /// The tensors of one torch.save zip file (a flat dict of name -> tensor); errors start with
    /// path and say how to convert files LibTorch cannot read to safetensors.
    static Result<std::vector<CheckpointTensor>> readPytorchBin(const std::string& path);

    /// Copies tensors into model. Names may carry the "bert." prefix or not; LayerNorm gamma/beta
    /// mean weight/bias; position_ids is ignored. A missing or differently shaped "classifier.*"
    /// and a missing pooler are initialised anew and reported, as are LoRA adapters; any other
    /// missing tensor, a wrong shape or a non-float tensor is an error starting with the file.
    static Result<BertLoadReport> assign(BertClassifierImpl& model, const std::vector<CheckpointTensor>& tensors,
                                         const std::string& source);
    /// read() then assign().
    static Result<BertLoadReport> load(BertClassifierImpl& model, const BertCheckpoint& checkpoint);
    /// A classifier shaped by options (options.config is usually checkpoint.config()) with the
    /// checkpoint's weights; report (optional) receives the load lists.
    static Result<BertClassifier> loadClassifier(const BertCheckpoint& checkpoint, const BertClassifierOptions& options,
                                                 BertLoadReport* report = nullptr);
};

} // namespace tagbench
