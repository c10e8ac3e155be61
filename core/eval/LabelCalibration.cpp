#include "core/eval/LabelCalibration.h"

#include "core/eval/FloatOrder.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace tagbench::eval {


LabelCalibration LabelCalibration::platt(double a, double b)
{
    LabelCalibration c;
    c.m_kind = Kind::Platt;
    c.m_a = std::max(0.0, a);
    c.m_b = b;
    return c;
}

LabelCalibration LabelCalibration::isotonic(std::vector<float> knots, std::vector<float> values)
{
    LabelCalibration c;
    c.m_kind = Kind::Isotonic;
    for (std::size_t i = 0; i < knots.size() && i < values.size(); ++i) {
        // A step to an equal value is no step: the map stays the same with the knot dropped.
        if (!c.m_values.empty() && values[i] <= c.m_values.back()) continue;
        c.m_knots.push_back(knots[i]);
        c.m_values.push_back(values[i]);
    }
    return c;
}

float LabelCalibration::apply(float score) const
{
    if (m_kind == Kind::Platt) {
        const double z = m_a * static_cast<double>(score) + m_b;
        return static_cast<float>(1.0 / (1.0 + std::exp(-z)));
    }
    if (m_values.empty()) return 0.0f;
    const auto it = std::upper_bound(m_knots.begin(), m_knots.end(), score);
    const std::size_t j = it == m_knots.begin() ? 0 : static_cast<std::size_t>(it - m_knots.begin()) - 1;
    return m_values[j];
}

float LabelCalibration::rawThreshold(float threshold) const
{
    constexpr float lowest = std::numeric_limits<float>::lowest();
    constexpr float highest = std::numeric_limits<float>::max();
    if (m_kind == Kind::Isotonic) {
        const auto it = std::lower_bound(m_values.begin(), m_values.end(), threshold);
        if (it == m_values.begin()) return lowest;
        if (it == m_values.end()) return highest;
        return m_knots[static_cast<std::size_t>(it - m_values.begin())];
    }
    if (apply(lowest) >= threshold) return lowest;
    if (!(apply(highest) >= threshold)) return highest;
    // Platt: start from the closed-form inverse, which rounding leaves a few floats off, and
    // step to the first float whose calibrated value reaches the threshold.
    if (m_a > 0.0 && threshold > 0.0f && threshold < 1.0f) {
        const double z = std::log(static_cast<double>(threshold) / (1.0 - static_cast<double>(threshold)));
        const double guess = (z - m_b) / m_a;
        if (std::abs(guess) < static_cast<double>(highest)) {
            float r = static_cast<float>(guess);
            constexpr int kSteps = 8;
            for (int i = 0; i < kSteps && !(apply(r) >= threshold); ++i) r = std::nextafter(r, highest);
            for (int i = 0; i < kSteps && r > lowest && apply(std::nextafter(r, lowest)) >= threshold; ++i) r = std::nextafter(r, lowest);
            if (apply(r) >= threshold && (r == lowest || !(apply(std::nextafter(r, lowest)) >= threshold))) return r;
        }
    }
    // Otherwise search the floats themselves (32 steps).
    std::uint32_t lo = ascendingKey(lowest), hi = ascendingKey(highest);
    // Invariant: apply(lo) < threshold <= apply(hi).
    while (hi - lo > 1) {
        const std::uint32_t mid = lo + (hi - lo) / 2;
        if (apply(fromAscendingKey(mid)) >= threshold)
            hi = mid;
        else
            lo = mid;
    }
    return fromAscendingKey(hi);
}

bool LabelCalibration::operator==(const LabelCalibration& other) const
{
    return m_kind == other.m_kind && m_a == other.m_a && m_b == other.m_b && m_knots == other.m_knots &&
           m_values == other.m_values;
}

} // namespace tagbench::eval
