#include "core/model/linear/LinearModel.h"

#include "core/text/ParallelRanges.h"

#include <cassert>
#include <cmath>
#include <cstring>

namespace tagbench::linear {

std::string_view lossName(LinearLoss loss)
{
    return loss == LinearLoss::Logistic ? "logistic" : "squared_hinge";
}

std::optional<LinearLoss> parseLoss(std::string_view name)
{
    if (name == "logistic") return LinearLoss::Logistic;
    if (name == "squared_hinge") return LinearLoss::SquaredHinge;
    return std::nullopt;
}

LinearModel::LinearModel(std::size_t features, std::size_t labels, LinearLoss loss)
    : m_features(features), m_labels(labels), m_loss(loss), m_weights(features * labels, 0.0f), m_bias(labels, 0.0f)
{
}

float LinearModel::squash(float margin)
{
    // exp overflows to inf for margins below about -88: the score is then 0, still finite.
    return 1.0f / (1.0f + std::exp(-margin));
}

void LinearModel::margins(const SparseMatrix& x, std::size_t row, float* out) const
{
    std::memcpy(out, m_bias.data(), m_labels * sizeof(float));
    const std::size_t n = x.rowSize(row);
    const std::uint32_t* ids = x.rowIndices(row);
    const float* values = x.rowValues(row);
    for (std::size_t i = 0; i < n; ++i) {
        assert(ids[i] < m_features);
        const float v = values[i];
        const float* w = m_weights.data() + static_cast<std::size_t>(ids[i]) * m_labels;
        for (std::size_t l = 0; l < m_labels; ++l) out[l] += v * w[l];
    }
}

std::vector<float> LinearModel::scores(const SparseMatrix& x, int threads) const
{
    std::vector<float> out(x.rows() * m_labels);
    forEachRange(x.rows(), resolveThreadCount(threads, x.rows()), [&](std::size_t, std::size_t begin, std::size_t end) {
        for (std::size_t r = begin; r < end; ++r) {
            float* row = out.data() + r * m_labels;
            margins(x, r, row);
            for (std::size_t l = 0; l < m_labels; ++l) row[l] = squash(row[l]);
        }
    });
    return out;
}

void LinearModel::appendTensors(const std::string& prefix, std::vector<TensorRef>& tensors,
                                std::map<std::string, std::string>& metadata) const
{
    tensors.push_back({prefix + "weight", TensorDType::F32,
                       {static_cast<std::int64_t>(m_features), static_cast<std::int64_t>(m_labels)},
                       m_weights.data(), m_weights.size() * sizeof(float)});
    tensors.push_back({prefix + "bias", TensorDType::F32, {static_cast<std::int64_t>(m_labels)}, m_bias.data(),
                       m_bias.size() * sizeof(float)});
    metadata[prefix + "loss"] = std::string(lossName(m_loss));
}

Result<LinearModel> LinearModel::fromTensors(const SafetensorsReader& reader, const std::string& prefix,
                                             const std::string& origin)
{
    const auto lossIt = reader.metadata().find(prefix + "loss");
    const auto loss = lossIt == reader.metadata().end() ? std::nullopt : parseLoss(lossIt->second);
    if (!loss) return Error{origin + ": metadata '" + prefix + "loss' is missing or not logistic/squared_hinge"};
    const TensorInfo* weight = reader.find(prefix + "weight");
    const TensorInfo* bias = reader.find(prefix + "bias");
    if (!weight || weight->dtype != TensorDType::F32 || weight->shape.size() != 2)
        return Error{origin + ": tensor '" + prefix + "weight' is missing or not a 2-D F32 tensor"};
    if (!bias || bias->dtype != TensorDType::F32 || bias->shape.size() != 1 || bias->shape[0] != weight->shape[1])
        return Error{origin + ": tensor '" + prefix + "bias' is missing or not an F32 vector of one value per label"};
    LinearModel model(static_cast<std::size_t>(weight->shape[0]), static_cast<std::size_t>(weight->shape[1]), *loss);
    const std::string_view weightBytes = reader.data(*weight);
    const std::string_view biasBytes = reader.data(*bias);
    if (!weightBytes.empty()) std::memcpy(model.m_weights.data(), weightBytes.data(), weightBytes.size());
    if (!biasBytes.empty()) std::memcpy(model.m_bias.data(), biasBytes.data(), biasBytes.size());
    for (const auto* values : {&model.m_weights, &model.m_bias})
        for (const float v : *values)
            if (!std::isfinite(v))
                return Error{origin + ": tensor '" + prefix + (values == &model.m_bias ? "bias" : "weight") +
                             "' holds a value that is not finite"};
    return model;
}

std::string LinearModel::serialize() const
{
    std::vector<TensorRef> tensors;
    std::map<std::string, std::string> metadata;
    appendTensors("", tensors, metadata);
    auto writer = SafetensorsWriter::create(std::move(tensors), std::move(metadata));
    return writer ? writer->toBytes() : std::string();
}

Result<LinearModel> LinearModel::deserialize(std::string_view bytes, const std::string& origin)
{
    auto reader = SafetensorsReader::parse(bytes);
    if (!reader) return Error{origin + ": " + reader.message()};
    return fromTensors(*reader, "", origin);
}

} // namespace tagbench::linear
