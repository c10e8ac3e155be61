#include "core/model/linear/LinearTrainer.h"

#include "core/text/ParallelRanges.h"

#include <linear.h>

#include <algorithm>
#include <cmath>
#include <mutex>

namespace tagbench::linear {

namespace {

void printNothing(const char*) {}

/// x in liblinear's layout: per row its (1-based index, value) nodes, then the bias node when
/// there is an intercept, then the terminator -1. Shared read-only by every label's problem.
struct LiblinearRows {
    std::vector<feature_node> nodes;
    std::vector<feature_node*> rows;
};

LiblinearRows toLiblinear(const SparseMatrix& x, double interceptScaling)
{
    const bool bias = interceptScaling > 0.0;
    LiblinearRows out;
    out.nodes.reserve(x.nonZeros() + x.rows() * (bias ? 2 : 1));
    std::vector<std::size_t> starts;
    starts.reserve(x.rows());
    const int biasIndex = static_cast<int>(x.columns()) + 1;
    for (std::size_t r = 0; r < x.rows(); ++r) {
        starts.push_back(out.nodes.size());
        const std::uint32_t* ids = x.rowIndices(r);
        const float* values = x.rowValues(r);
        for (std::size_t i = 0; i < x.rowSize(r); ++i)
            out.nodes.push_back({static_cast<int>(ids[i]) + 1, static_cast<double>(values[i])});
        if (bias) out.nodes.push_back({biasIndex, interceptScaling});
        out.nodes.push_back({-1, 0.0});
    }
    out.rows.reserve(x.rows());
    for (const std::size_t start : starts) out.rows.push_back(out.nodes.data() + start);
    return out;
}

} // namespace

std::string_view classWeightingName(ClassWeighting weighting)
{
    switch (weighting) {
    case ClassWeighting::None: return "none";
    case ClassWeighting::Balanced: return "balanced";
    case ClassWeighting::Positive: return "positive";
    }
    return "none";
}

std::optional<ClassWeighting> parseClassWeighting(std::string_view name)
{
    if (name == "none") return ClassWeighting::None;
    if (name == "balanced") return ClassWeighting::Balanced;
    if (name == "positive") return ClassWeighting::Positive;
    return std::nullopt;
}

Status LinearTrainOptions::validate(const std::string& origin) const
{
    if (!(C > 0.0) || !std::isfinite(C)) return Error{origin + ": C must be a positive number, not " + std::to_string(C)};
    if (!(tolerance > 0.0) || !std::isfinite(tolerance))
        return Error{origin + ": tolerance must be a positive number, not " + std::to_string(tolerance)};
    if (classWeight == ClassWeighting::Positive && (!(positiveWeight > 0.0) || !std::isfinite(positiveWeight)))
        return Error{origin + ": positive class weight must be a positive number, not " + std::to_string(positiveWeight)};
    if (!(interceptScaling >= 0.0) || !std::isfinite(interceptScaling))
        return Error{origin + ": intercept scaling must be >= 0 (0: no intercept), not " + std::to_string(interceptScaling)};
    return {};
}

int LinearTrainOptions::solverType() const
{
    if (loss == LinearLoss::Logistic) return dual ? L2R_LR_DUAL : L2R_LR;
    return dual ? L2R_L2LOSS_SVC_DUAL : L2R_L2LOSS_SVC;
}

LinearTrainer::LinearTrainer(LinearTrainOptions options) : m_options(options) {}

Result<LinearModel> LinearTrainer::train(const SparseMatrix& x, const std::vector<std::vector<std::uint32_t>>& gold,
                                         std::size_t labelCount, const std::atomic<bool>* cancel,
                                         const LinearTrainProgress& progress) const
{
    if (Status valid = m_options.validate("linear training"); !valid) return valid.error();
    if (gold.size() != x.rows())
        return Error{"linear training: " + std::to_string(x.rows()) + " feature rows but " + std::to_string(gold.size()) +
                     " label sets"};
    if (x.rows() == 0) return Error{"linear training: no training document"};
    if (x.columns() >= static_cast<std::size_t>(INT32_MAX - 1))
        return Error{"linear training: " + std::to_string(x.columns()) + " features are more than liblinear indexes"};
    std::vector<std::vector<std::uint32_t>> positives(labelCount);
    for (std::size_t d = 0; d < gold.size(); ++d)
        for (const std::uint32_t label : gold[d]) {
            if (label >= labelCount)
                return Error{"linear training: document " + std::to_string(d) + " has label id " + std::to_string(label) +
                             ", but there are " + std::to_string(labelCount) + " labels"};
            positives[label].push_back(static_cast<std::uint32_t>(d));
        }

    // liblinear reports through one process-wide function pointer; set it before any thread
    // starts, and to the same value every time, so concurrent trainings never race on it.
    static std::once_flag silenced;
    std::call_once(silenced, [] { set_print_string_function(&printNothing); });

    const LiblinearRows rows = toLiblinear(x, m_options.interceptScaling);
    const bool bias = m_options.interceptScaling > 0.0;
    const std::size_t features = x.columns();
    LinearModel model(features, labelCount, m_options.loss);
    std::vector<float>& weights = model.weights();
    std::vector<float>& intercepts = model.bias();

    std::atomic<std::size_t> next{0};
    std::atomic<std::size_t> done{0};
    std::atomic<bool> stop{false};
    std::mutex mutex;  // guards failure and serialises progress calls
    std::string failure;
    const int workers = resolveThreadCount(m_options.threads, labelCount);
    forEachRange(static_cast<std::size_t>(workers), workers, [&](std::size_t, std::size_t, std::size_t) {
        const auto l = static_cast<int>(x.rows());
        std::vector<double> y(x.rows());
        problem prob{};
        prob.l = l;
        prob.n = static_cast<int>(features) + (bias ? 1 : 0);
        prob.y = y.data();
        prob.x = const_cast<feature_node**>(rows.rows.data());  // liblinear only reads it
        prob.bias = bias ? m_options.interceptScaling : -1.0;
        while (!stop.load()) {
            if (cancel && cancel->load()) {
                stop = true;
                break;
            }
            const std::size_t label = next.fetch_add(1);
            if (label >= labelCount) break;
            std::fill(y.begin(), y.end(), -1.0);
            for (const std::uint32_t d : positives[label]) y[d] = +1.0;
            const auto positive = static_cast<std::size_t>(std::count(y.begin(), y.end(), +1.0));
            const std::size_t negative = x.rows() - positive;

            int weightLabels[2] = {+1, -1};
            double classWeights[2] = {1.0, 1.0};
            if (m_options.classWeight == ClassWeighting::Balanced && positive > 0 && negative > 0) {
                classWeights[0] = static_cast<double>(x.rows()) / (2.0 * static_cast<double>(positive));
                classWeights[1] = static_cast<double>(x.rows()) / (2.0 * static_cast<double>(negative));
            } else if (m_options.classWeight == ClassWeighting::Positive) {
                classWeights[0] = m_options.positiveWeight;
            }
            parameter param{};
            param.solver_type = m_options.solverType();
            param.eps = m_options.tolerance;
            param.C = m_options.C;
            // liblinear warns on stderr about a weight for a class the problem lacks: give
            // weights only when both classes are there.
            param.nr_weight = positive > 0 && negative > 0 ? 2 : 0;
            param.weight_label = weightLabels;
            param.weight = classWeights;
            param.p = 0.1;
            param.init_sol = nullptr;
            if (const char* problemText = check_parameter(&prob, &param)) {
                std::lock_guard<std::mutex> lock(mutex);
                failure = std::string("linear training: liblinear rejected the parameters: ") + problemText;
                stop = true;
                break;
            }
            ::model* trained = ::train(&prob, &param);
            // liblinear orients w towards its first class label: +1 whenever the label has
            // positives (it swaps a leading -1 for two classes), -1 for a label without any.
            const double sign = trained->label[0] == +1 ? 1.0 : -1.0;
            for (std::size_t j = 0; j < features; ++j)
                weights[j * labelCount + label] = static_cast<float>(sign * trained->w[j]);
            intercepts[label] = bias ? static_cast<float>(sign * trained->w[features] * m_options.interceptScaling) : 0.0f;
            free_and_destroy_model(&trained);

            // Counted under the lock, so that progress sees 1, 2, ... in order.
            std::lock_guard<std::mutex> lock(mutex);
            const std::size_t finished = done.fetch_add(1) + 1;
            if (progress) progress(finished, labelCount);
        }
    });
    if (!failure.empty()) return Error{failure};
    if (done.load() < labelCount)
        return Error{"linear training was cancelled after " + std::to_string(done.load()) + " of " +
                     std::to_string(labelCount) + " labels"};
    return model;
}

} // namespace tagbench::linear
