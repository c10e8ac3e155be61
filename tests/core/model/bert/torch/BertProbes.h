#pragma once

// Torch-free entry points into core/model/bert/torch for the Qt Test classes (which must not
// include LibTorch): each probe builds the model, runs the code under test, returns plain values.

#include <cstdint>
#include <string>
#include <vector>

namespace tagbench::probe {

/// The outcome of loading a checkpoint folder into a BertClassifier.
struct BertLoadSummary {
    bool ok = false;
    std::string error;
    std::vector<std::string> unused;
    std::vector<std::string> newlyInitialised;
    std::vector<std::string> mismatchedHead;
    std::vector<std::string> renamed;
    std::size_t loaded = 0;
    /// Logits of the loaded model on probeIds (row-major [rows, labels]); empty on failure.
    std::vector<float> logits;
};

/// Loads folder (its config.json) with numLabels labels and scores ids/mask ([rows, length]).
BertLoadSummary loadBert(const std::string& folder, std::int64_t numLabels, const std::vector<std::int64_t>& ids,
                         const std::vector<std::int64_t>& mask, std::int64_t rows);

/// BertWeights::readPytorchBin on path: the tensor names, or the error.
struct TorchSaveRead {
    bool ok = false;
    std::string error;
    std::vector<std::string> names;
};
TorchSaveRead readTorchSave(const std::string& path);

/// How writeBertVariant changes the tensors of a safetensors checkpoint.
struct BertVariant {
    bool stripBertPrefix = false;     // "bert.x" -> "x"
    bool gammaBeta = false;           // LayerNorm.weight/bias -> LayerNorm.gamma/beta
    bool dropClassifier = false;      // no classifier.*
    bool addPretrainingHead = false;  // extra cls.predictions.* and bert.embeddings.position_ids
    bool halfPrecision = false;       // float tensors stored as F16
    std::int64_t classifierLabels = 0;// > 0: a random head of that many labels instead of the original
    std::string dropTensor;           // remove this tensor
    std::string reshapeTensor;        // store this tensor with one row less
    std::size_t truncateBytes = 0;    // cut this many bytes off the end of the file
    int shards = 0;                   // > 1: write model-0000i-of-0000n.safetensors + index instead
};

/// Copies config.json, vocab.txt and the tokenizer files of from into to and writes from's
/// model.safetensors transformed by variant. False (with error) on failure.
bool writeBertVariant(const std::string& from, const std::string& to, const BertVariant& variant, std::string& error);

/// Largest |logit| change caused by padding: one text scored alone vs in a batch with a longer
/// text (pooling "cls" or "mean"), on a randomly initialised model of the folder's config.
double bertPaddingInfluence(const std::string& folder, const std::string& pooling);

/// Number of hidden states run(allHiddenStates) returns (embeddings + one per layer).
std::size_t bertHiddenStateCount(const std::string& folder);

/// LoRA on folder's model: what trains, and what merging changes.
struct LoraProbeResult {
    std::vector<std::string> trainable;       // names of parameters that require gradients
    double freshAdapterChange = -1;           // max |logits with new adapters - logits without|
    double mergeChange = -1;                  // max |logits after merge - before|, adapters trained
    double frozenBaseChange = -1;             // max |change| of frozen encoder weights after an AdamW step
    double adapterChange = -1;                // max |change| of the adapters after that step
    bool adaptersLeftAfterMerge = true;
    std::size_t parametersAfterMerge = 0;
    std::size_t parametersWithoutLora = 0;
};
LoraProbeResult loraProbe(const std::string& folder, std::int64_t rank, double alpha, const std::vector<std::string>& targets);

} // namespace tagbench::probe
