#pragma once

#include "core/eval/LabelCalibration.h"
#include "core/util/Result.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace tagbench::eval {

class ScoreMatrix;

/// Per-label calibration of one model's scores, fitted on its dev split and kept in the
/// decision rule, so that thresholds mean probabilities ("0.5" is an even chance for every
/// label and every model) instead of whatever scale the model's scores happen to have.
///
/// Fitting, per label, on (score, is gold) over the dev documents:
///  - Platt: logistic regression p = 1 / (1 + exp(-(a s + b))) by maximum likelihood with
///    Platt's smoothed targets, (N+ + 1) / (N+ + 2) for gold and 1 / (N- + 2) for the others
///    (so a label seen a few times is not mapped to 0 and 1), solved by Newton's method with
///    backtracking (Lin, Lin & Weng 2007). A fit with a < 0 (scores that fall as the label
///    gets likelier) is replaced by the best constant, a = 0: calibration must keep the order.
///  - Isotonic: the non-decreasing step function closest to the 0/1 gold flags in squared
///    error (pool-adjacent-violators); equal scores are pooled first, each step starts at the
///    lowest score of its block.
class Calibration final {
public:
    enum class Method { None, Platt, Isotonic };

    /// No calibration: scores are used as they are.
    Calibration() = default;
    /// One map per label (index = label).
    Calibration(Method method, std::vector<LabelCalibration> labels);

    /// Parses "none", "platt" or "isotonic".
    static Result<Method> parseMethod(const std::string& text);
    /// The text parseMethod() accepts.
    static const char* methodName(Method method);

    /// Fits one map per label on scores and their gold sets (labels on a few threads).
    /// Method::None gives the empty calibration.
    static Calibration fit(const ScoreMatrix& scores, Method method);
    /// The same on the given documents (rows) of scores only, e.g. cross-validation's training folds.
    static Calibration fit(const ScoreMatrix& scores, Method method, const std::vector<std::uint32_t>& documents);
    /// Platt scaling of one label: scores and gold flags of the same length.
    static LabelCalibration fitPlatt(const std::vector<float>& scores, const std::vector<std::uint8_t>& gold);
    /// Isotonic regression of one label.
    static LabelCalibration fitIsotonic(const std::vector<float>& scores, const std::vector<std::uint8_t>& gold);

    /// True when there is no calibration.
    bool empty() const { return m_method == Method::None; }
    Method method() const { return m_method; }
    /// Number of labels mapped (0 when empty).
    std::size_t size() const { return m_labels.size(); }
    const LabelCalibration& label(std::uint32_t label) const { return m_labels[label]; }
    /// The calibrated score of label (the score itself when empty).
    float apply(std::uint32_t label, float score) const { return empty() ? score : m_labels[label].apply(score); }

    bool operator==(const Calibration& other) const;
    bool operator!=(const Calibration& other) const { return !(*this == other); }

private:
    Method m_method = Method::None;
    std::vector<LabelCalibration> m_labels;
};

} // namespace tagbench::eval
