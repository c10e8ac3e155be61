#include "core/model/torch/TextClassifier.h"

#include <algorithm>

namespace tagbench {

ModelBatch ModelBatch::to(const torch::Device& device, bool nonBlocking) const
{
    const auto move = [&](const torch::Tensor& t) { return t.defined() ? t.to(device, nonBlocking) : t; };
    ModelBatch moved;
    moved.tokens = move(tokens);
    moved.lengths = move(lengths);
    moved.offsets = move(offsets);
    moved.weights = move(weights);
    moved.mask = move(mask);
    moved.targets = move(targets);
    moved.rows = rows;
    return moved;
}

std::vector<ParameterGroup> TextClassifierImpl::parameterGroups()
{
    ParameterGroup all;
    for (const auto& p : named_parameters()) all.parameters.emplace_back(p.key(), p.value());
    return {std::move(all)};
}

Status TextClassifierImpl::fit(const SolverRequest&)
{
    return Error{"this model is trained by gradient steps, not by a solver"};
}

std::vector<std::pair<std::string, torch::Tensor>> TextClassifierImpl::namedTensors()
{
    std::vector<std::pair<std::string, torch::Tensor>> tensors;
    for (const auto& item : named_parameters(/*recurse=*/true)) tensors.emplace_back(item.key(), item.value());
    for (const auto& item : named_buffers(/*recurse=*/true)) tensors.emplace_back(item.key(), item.value());
    return tensors;
}

void collatePadded(const EncodedSplit& split, const std::vector<std::int64_t>& rows, std::int64_t minLength, bool pin,
                   ModelBatch& batch)
{
    const auto size = static_cast<std::int64_t>(rows.size());
    const auto longOptions = torch::TensorOptions().dtype(torch::kInt64).pinned_memory(pin);
    std::int64_t longest = minLength;
    for (const std::int64_t row : rows) longest = std::max<std::int64_t>(longest, static_cast<std::int64_t>(split.inputLength(row)));
    batch.tokens = torch::zeros({size, longest}, longOptions);
    batch.lengths = torch::empty({size}, longOptions);
    auto* tokens = batch.tokens.data_ptr<std::int64_t>();
    auto* lengths = batch.lengths.data_ptr<std::int64_t>();
    for (std::int64_t b = 0; b < size; ++b) {
        const auto row = static_cast<std::size_t>(rows[static_cast<std::size_t>(b)]);
        const auto begin = split.inputs.begin() + static_cast<std::ptrdiff_t>(split.inputOffsets[row]);
        lengths[b] = static_cast<std::int64_t>(split.inputLength(row));
        std::copy(begin, begin + lengths[b], tokens + b * longest);
    }
}

void collateBags(const EncodedSplit& split, const std::vector<std::int64_t>& rows, bool pin, ModelBatch& batch)
{
    const auto size = static_cast<std::int64_t>(rows.size());
    const auto longOptions = torch::TensorOptions().dtype(torch::kInt64).pinned_memory(pin);
    batch.offsets = torch::empty({size}, longOptions);
    auto* offsets = batch.offsets.data_ptr<std::int64_t>();
    std::int64_t total = 0;
    for (std::int64_t b = 0; b < size; ++b) {
        offsets[b] = total;
        total += static_cast<std::int64_t>(split.inputLength(rows[static_cast<std::size_t>(b)]));
    }
    batch.tokens = torch::empty({total}, longOptions);
    const bool weighted = !split.inputWeights.empty();
    if (weighted) batch.weights = torch::empty({total}, torch::TensorOptions().dtype(torch::kFloat32).pinned_memory(pin));
    auto* tokens = batch.tokens.data_ptr<std::int64_t>();
    float* weights = weighted ? batch.weights.data_ptr<float>() : nullptr;
    for (const std::int64_t row : rows) {
        const auto start = static_cast<std::ptrdiff_t>(split.inputOffsets[static_cast<std::size_t>(row)]);
        const auto length = static_cast<std::ptrdiff_t>(split.inputLength(row));
        tokens = std::copy(split.inputs.begin() + start, split.inputs.begin() + start + length, tokens);
        if (weighted) weights = std::copy(split.inputWeights.begin() + start, split.inputWeights.begin() + start + length, weights);
    }
}

} // namespace tagbench
