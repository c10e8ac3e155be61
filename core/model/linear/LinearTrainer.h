#pragma once

#include "core/model/linear/LinearModel.h"
#include "core/model/linear/SparseMatrix.h"
#include "core/util/Result.h"

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tagbench::linear {

/// How the positive and negative documents of a label weigh in its loss (sklearn's class_weight).
enum class ClassWeighting {
    None,      ///< both 1
    Balanced,  ///< n / (2 * positives) and n / (2 * negatives), sklearn's "balanced"
    Positive   ///< positives positiveWeight, negatives 1 (sklearn's {1: w})
};

/// "none", "balanced" or "positive".
std::string_view classWeightingName(ClassWeighting weighting);
std::optional<ClassWeighting> parseClassWeighting(std::string_view name);

/// Settings of one-vs-rest training, named after sklearn's parameters.
struct LinearTrainOptions {
    LinearLoss loss = LinearLoss::Logistic;
    /// Solve the dual problem. The primal solvers (Newton with conjugate gradients) are
    /// deterministic; liblinear's dual coordinate descent shuffles with the C library's rand(),
    /// whose one global state the parallel labels share, so dual results differ between runs
    /// within the tolerance.
    bool dual = false;
    double C = 1.0;                  ///< inverse regularisation strength, > 0
    double tolerance = 1e-4;         ///< liblinear's eps; sklearn's tol default
    ClassWeighting classWeight = ClassWeighting::None;
    double positiveWeight = 1.0;     ///< for ClassWeighting::Positive, > 0
    /// sklearn's intercept_scaling: liblinear appends a constant feature of this value, whose
    /// weight (regularised like the others) times the value is the intercept. 0 means no intercept.
    double interceptScaling = 1.0;
    int threads = 0;                 ///< labels trained at once; 0 = all cores

    /// Error naming the field when a value is out of range.
    Status validate(const std::string& origin) const;
    /// liblinear's solver_type for loss and dual (L2R_LR, L2R_LR_DUAL, L2R_L2LOSS_SVC, L2R_L2LOSS_SVC_DUAL).
    int solverType() const;
};

/// Called after each label is trained with (labels done, labels total), from the worker that
/// finished it, one call at a time.
using LinearTrainProgress = std::function<void(std::size_t done, std::size_t total)>;

/// Trains one binary classifier per label (one-vs-rest) with liblinear, the library sklearn's
/// LogisticRegression(solver="liblinear") and LinearSVC use, labels in parallel: each label is
/// its own liblinear problem sharing the read-only feature rows, and liblinear's train() keeps
/// no state between problems. liblinear prints nothing: its print function is silenced.
class LinearTrainer final {
public:
    explicit LinearTrainer(LinearTrainOptions options);

    /// x: one row per training document; gold[d]: the label ids (< labelCount) of document d.
    /// A label without any positive (or negative) document still gets a model, as liblinear
    /// trains it: a negative (positive) intercept and small weights. Stops between labels once
    /// *cancel is true and then returns the Error "linear training was cancelled after N of M labels".
    Result<LinearModel> train(const SparseMatrix& x, const std::vector<std::vector<std::uint32_t>>& gold,
                              std::size_t labelCount, const std::atomic<bool>* cancel = nullptr,
                              const LinearTrainProgress& progress = {}) const;

    const LinearTrainOptions& options() const { return m_options; }

private:
    LinearTrainOptions m_options;
};

} // namespace tagbench::linear
