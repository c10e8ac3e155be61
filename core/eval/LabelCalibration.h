#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace tagbench::eval {

/// One label's map from a model score to a calibrated probability. Both kinds are monotone
/// non-decreasing, so "calibrated score >= t" is the same as "raw score >= rawThreshold(t)":
/// a decision rule with calibration keeps thresholds on the calibrated scale and compares raw
/// scores against their inverse, which leaves every index sorted by raw score valid.
///
///  - Platt: p = 1 / (1 + exp(-(a * s + b))) with a >= 0, computed in double, rounded to float.
///  - Isotonic: a step function. knots are ascending raw scores, values strictly ascending;
///    p = values[j] for the last knot j <= s, and values[0] below the first knot.
class LabelCalibration final {
public:
    enum class Kind { Platt, Isotonic };

    /// The identity-free default: Platt with a = 0, b = 0 (every score maps to 0.5).
    LabelCalibration() = default;
    /// Platt scaling; a must be >= 0 (a negative slope would reverse the order).
    static LabelCalibration platt(double a, double b);
    /// Isotonic step function; knots strictly ascending, values non-decreasing, same size >= 1.
    /// Adjacent equal values are merged.
    static LabelCalibration isotonic(std::vector<float> knots, std::vector<float> values);

    Kind kind() const { return m_kind; }
    double a() const { return m_a; }
    double b() const { return m_b; }
    const std::vector<float>& knots() const { return m_knots; }
    const std::vector<float>& values() const { return m_values; }

    /// The calibrated value of a raw score.
    float apply(float score) const;
    /// The smallest float s with apply(s) >= threshold: the lowest float when every score
    /// reaches it, the largest finite float when none does (apply() of it stays below). So for
    /// every float s except the largest finite one, s >= rawThreshold(t) <=> apply(s) >= t.
    float rawThreshold(float threshold) const;

    bool operator==(const LabelCalibration& other) const;
    bool operator!=(const LabelCalibration& other) const { return !(*this == other); }

private:
    Kind m_kind = Kind::Platt;
    double m_a = 0.0;
    double m_b = 0.0;
    std::vector<float> m_knots;
    std::vector<float> m_values;
};

} // namespace tagbench::eval
