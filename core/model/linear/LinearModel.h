#pragma once

#include "core/export/Safetensors.h"
#include "core/model/linear/SparseMatrix.h"
#include "core/util/Result.h"

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tagbench::linear {

/// The loss a linear classifier was trained with; it decides what its margin means.
enum class LinearLoss {
    Logistic,     ///< L2-regularised logistic regression (sklearn LogisticRegression)
    SquaredHinge  ///< L2-regularised L2-loss linear SVM (sklearn LinearSVC)
};

/// "logistic" or "squared_hinge".
std::string_view lossName(LinearLoss loss);
std::optional<LinearLoss> parseLoss(std::string_view name);

/// One-vs-rest linear classifiers over sparse features: margin_l(x) = w_l . x + b_l, score =
/// sigmoid(margin). For logistic regression that is the model's own probability (sklearn's
/// predict_proba); for the SVM it is only a monotone squashing into (0, 1), with 0.5 at the
/// separating hyperplane, so thresholds and rankings work the same way but the value is no
/// probability until calibrated.
///
/// The weights are dense, features x labels, row-major: scoring walks a document's non-zero
/// features and adds each feature's contiguous row of label weights, which vectorises; L2
/// regularisation leaves almost every weight non-zero, so a sparse layout would save nothing.
class LinearModel final {
public:
    LinearModel(std::size_t features, std::size_t labels, LinearLoss loss);

    std::size_t featureCount() const { return m_features; }
    std::size_t labelCount() const { return m_labels; }
    LinearLoss loss() const { return m_loss; }

    /// Weight of (feature, label) at weights()[feature * labelCount() + label].
    const std::vector<float>& weights() const { return m_weights; }
    std::vector<float>& weights() { return m_weights; }
    /// Intercept per label (sklearn's intercept_, i.e. intercept_scaling times the bias weight).
    const std::vector<float>& bias() const { return m_bias; }
    std::vector<float>& bias() { return m_bias; }

    /// The labelCount() margins of row of x into out; x's column ids must be < featureCount().
    void margins(const SparseMatrix& x, std::size_t row, float* out) const;
    /// sigmoid(margin) for every row of x: rows x labels, row-major, all finite.
    std::vector<float> scores(const SparseMatrix& x, int threads = 0) const;
    /// The squashing from margin to score.
    static float squash(float margin);

    /// Adds tensors prefix + "weight" (F32 [features, labels]) and prefix + "bias" (F32 [labels])
    /// and metadata prefix + "loss"; the tensors borrow this model's buffers.
    void appendTensors(const std::string& prefix, std::vector<TensorRef>& tensors,
                       std::map<std::string, std::string>& metadata) const;
    /// Reads what appendTensors() wrote, checking dtypes, shapes and finiteness.
    static Result<LinearModel> fromTensors(const SafetensorsReader& reader, const std::string& prefix,
                                           const std::string& origin);

    /// The model as one safetensors file, and back.
    std::string serialize() const;
    static Result<LinearModel> deserialize(std::string_view bytes, const std::string& origin);

private:
    std::size_t m_features;
    std::size_t m_labels;
    LinearLoss m_loss;
    std::vector<float> m_weights;
    std::vector<float> m_bias;
};

} // namespace tagbench::linear
