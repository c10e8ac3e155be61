#pragma once

// Internal to core/export (LibTorch): the bridge between a bundle's manifest and weights and the
// training engine's modules.

#include "core/export/BundleManifest.h"
#include "core/export/Safetensors.h"
#include "core/model/torch/TextClassifier.h"
#include "core/util/Result.h"

#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace tagbench {

/// A freshly initialised network of the architecture spec describes (through its model kind), on
/// the CPU, in eval mode.
Result<std::shared_ptr<TextClassifierImpl>> buildModel(const ModelSpec& spec);

/// The model's named tensors (parameters and buffers) as CPU contiguous tensors named
/// kModelTensorPrefix + name.
std::vector<std::pair<std::string, torch::Tensor>> modelTensors(TextClassifierImpl& model);

/// The safetensors dtype of a torch dtype; Error for types the format cannot hold.
Result<TensorDType> safetensorsDType(torch::ScalarType type);

/// Copies every named tensor of model from weights, matching names, dtypes and shapes
/// exactly; a missing, mismatched or unexpected "model." tensor is an Error naming it.
Status loadModelTensors(TextClassifierImpl& model, const SafetensorsReader& weights, const std::string& origin);

} // namespace tagbench
