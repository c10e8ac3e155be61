#pragma once

// Internal to core/export (LibTorch): the bridge between a bundle's manifest and weights and the
// training engine's modules.

#include "core/export/BundleManifest.h"
#include "core/export/Safetensors.h"
#include "core/model/TextClassifier.h"
#include "core/util/Result.h"

#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace tagbench {

/// The training config fields that decide the architecture, filled from spec (data paths and
/// training settings stay at their defaults: they play no part in building the network).
TrainConfig architectureConfig(const ModelSpec& spec);

/// A freshly initialised network of the architecture spec describes, on the CPU.
Result<std::shared_ptr<TextClassifierImpl>> buildModel(const ModelSpec& spec);

/// The model's parameters and buffers as CPU contiguous tensors named kModelTensorPrefix + name.
std::vector<std::pair<std::string, torch::Tensor>> modelTensors(TextClassifierImpl& model);

/// The safetensors dtype of a torch dtype; Error for types the format cannot hold.
Result<TensorDType> safetensorsDType(torch::ScalarType type);

/// Copies every parameter and buffer of model from weights, matching names, dtypes and shapes
/// exactly; a missing, mismatched or unexpected "model." tensor is an Error naming it.
Status loadModelTensors(TextClassifierImpl& model, const SafetensorsReader& weights, const std::string& origin);

} // namespace tagbench
