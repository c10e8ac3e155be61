#pragma once

// Torch-free entry points into core/model for the Qt Test classes (which must not include
// LibTorch): each probe builds tensors, runs the code under test and returns plain values.

#include <cstdint>
#include <vector>

namespace tagbench::probe {

/// kMaxPooling over the last dimension of a [rows, length] matrix; returns [rows, k] row-major.
std::vector<float> kMaxPooling(const std::vector<float>& values, std::int64_t rows, std::int64_t k);

/// Logit shape of a TextCNN with the given layout on a [batch, length] token matrix.
std::vector<std::int64_t> textCnnLogitShape(std::int64_t batch, std::int64_t length,
                                            const std::vector<std::int64_t>& kernelSizes, std::int64_t topK,
                                            std::int64_t hidden, std::int64_t classes);

/// Largest |logit difference| of one short document scored alone and in a batch with a much
/// longer document (padding must be masked, so this is ~0).
double textCnnPaddingInfluence();

/// Logit shape of the FastText model on batch bags of random ids.
std::vector<std::int64_t> fastTextLogitShape(std::int64_t batch, std::int64_t buckets, std::int64_t classes);

/// True when a FastText backward pass gives the bag table a sparse gradient naming only used rows.
bool fastTextGradientIsSparseOverUsedRows();

/// Max |difference| of the weights after one SGD step through the fused bag-row update
/// (trainingForward + finishStep) and one through autograd's sparse gradient, from the same
/// weights and batch (repeated ids, an empty bag); -1 when the fused step used autograd.
double fastTextFusedGradientMatchesAutograd();

/// multiLabelLoss on [rows, columns] logits/targets (posWeight empty = none).
double multiLabelLoss(const std::vector<float>& logits, const std::vector<float>& targets, std::int64_t rows,
                      const std::vector<float>& posWeight, double gamma);

/// singleLabelLoss on [rows, classes] logits and class indices.
double singleLabelLoss(const std::vector<float>& logits, const std::vector<std::int64_t>& targets, std::int64_t rows);

/// automaticPosWeight as floats.
std::vector<float> automaticPosWeight(const std::vector<std::int64_t>& counts, std::int64_t documents, double cap);

/// Max |difference| between a parameter after `steps` lazy-Adam steps on sparse gradients and
/// after dense Adam steps on the same gradients, over the rows every step touched.
double sparseAdamMatchesDenseOnTouchedRows(int steps);

} // namespace tagbench::probe
