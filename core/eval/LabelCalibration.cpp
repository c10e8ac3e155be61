#include "core/eval/LabelCalibration.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

namespace tagbench::eval {

namespace {

// Finite floats in ascending order map to ascending keys (and back), so a binary search over
// keys walks the floats in order.
std::uint32_t orderKey(float value)
{
    std::uint32_t bits;
    std::memcpy(&bits, &value, sizeof(bits));
    return (bits & 0x80000000u) ? ~bits : (bits | 0x80000000u);
}

float fromOrderKey(std::uint32_t key)
{
    const std::uint32_t bits = (key & 0x80000000u) ? (key & 0x7fffffffu) : ~key;
    float value;
    std::memcpy(&value, &bits, sizeof(value));
    return value;
}

} // namespace

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
    // Platt: the closed-form inverse is off by rounding, so search the floats themselves for
    // the first one whose calibrated value reaches the threshold (32 steps).
    std::uint32_t lo = orderKey(lowest), hi = orderKey(highest);
    if (apply(lowest) >= threshold) return lowest;
    if (!(apply(highest) >= threshold)) return highest;
    // Invariant: apply(lo) < threshold <= apply(hi).
    while (hi - lo > 1) {
        const std::uint32_t mid = lo + (hi - lo) / 2;
        if (apply(fromOrderKey(mid)) >= threshold)
            hi = mid;
        else
            lo = mid;
    }
    return fromOrderKey(hi);
}

bool LabelCalibration::operator==(const LabelCalibration& other) const
{
    return m_kind == other.m_kind && m_a == other.m_a && m_b == other.m_b && m_knots == other.m_knots &&
           m_values == other.m_values;
}

} // namespace tagbench::eval
