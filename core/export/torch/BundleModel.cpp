#include "core/export/torch/BundleModel.h"

#include "core/model/ModelRegistry.h"

#include <torch/torch.h>

#include <cstring>
#include <set>

namespace tagbench {
namespace {

std::string shapeText(const std::vector<std::int64_t>& shape)
{
    std::string text = "[";
    for (std::size_t i = 0; i < shape.size(); ++i) text += (i ? ", " : "") + std::to_string(shape[i]);
    return text + "]";
}

} // namespace

Result<std::shared_ptr<TextClassifierImpl>> buildModel(const ModelSpec& spec)
{
    const ModelKind* kind = ModelRegistry::instance().find(spec.kind);
    if (!kind) return Error{"unknown model kind \"" + spec.kind + "\""};
    try {
        auto model = kind->createModule(spec);
        model->eval();
        return model;
    } catch (const c10::Error& e) {
        return Error{"cannot build the " + spec.kind + " network: " + e.what_without_backtrace()};
    }
}

std::vector<std::pair<std::string, torch::Tensor>> modelTensors(TextClassifierImpl& model)
{
    std::vector<std::pair<std::string, torch::Tensor>> tensors;
    for (const auto& [name, tensor] : model.namedTensors())
        tensors.emplace_back(kModelTensorPrefix + name, tensor.detach().to(torch::kCPU).contiguous());
    return tensors;
}

Result<TensorDType> safetensorsDType(torch::ScalarType type)
{
    switch (type) {
    case torch::kFloat32: return TensorDType::F32;
    case torch::kFloat64: return TensorDType::F64;
    case torch::kFloat16: return TensorDType::F16;
    case torch::kBFloat16: return TensorDType::BF16;
    case torch::kInt64: return TensorDType::I64;
    case torch::kInt32: return TensorDType::I32;
    case torch::kInt16: return TensorDType::I16;
    case torch::kInt8: return TensorDType::I8;
    case torch::kUInt8: return TensorDType::U8;
    case torch::kBool: return TensorDType::Bool;
    default: return Error{std::string("tensor type ") + c10::toString(type) + " has no safetensors equivalent"};
    }
}

Status loadModelTensors(TextClassifierImpl& model, const SafetensorsReader& weights, const std::string& origin)
{
    torch::NoGradGuard noGrad;
    std::set<std::string> expected;
    const auto load = [&](const std::string& key, torch::Tensor target) -> Status {
        const std::string name = kModelTensorPrefix + key;
        expected.insert(name);
        const TensorInfo* info = weights.find(name);
        if (!info) return Error{origin + ": weights: tensor \"" + name + "\" is missing"};
        const auto dtype = safetensorsDType(target.scalar_type());
        if (!dtype) return Error{origin + ": " + dtype.message()};
        if (info->dtype != *dtype || info->shape != target.sizes().vec())
            return Error{origin + ": weights: tensor \"" + name + "\" is " + std::string(tensorDTypeName(info->dtype)) +
                         " " + shapeText(info->shape) + ", the network expects " + std::string(tensorDTypeName(*dtype)) +
                         " " + shapeText(target.sizes().vec())};
        TORCH_CHECK(target.is_contiguous() && target.device().is_cpu(), "bundle weights load into CPU tensors");
        const std::string_view bytes = weights.data(*info);
        // The section is not aligned inside the file, so copy bytes instead of viewing them.
        if (!bytes.empty()) std::memcpy(target.data_ptr(), bytes.data(), bytes.size());
        return {};
    };
    for (auto& [name, tensor] : model.namedTensors())
        if (auto s = load(name, tensor); !s) return s;
    const std::string prefix = kModelTensorPrefix;
    for (const auto& tensor : weights.tensors())
        if (tensor.name.compare(0, prefix.size(), prefix) == 0 && !expected.count(tensor.name))
            return Error{origin + ": weights: unexpected tensor \"" + tensor.name + "\" for this " +
                         "network (the manifest and the weights disagree)"};
    return {};
}

} // namespace tagbench
