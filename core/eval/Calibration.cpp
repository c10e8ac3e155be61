#include "core/eval/Calibration.h"

#include "core/eval/FloatOrder.h"
#include "core/eval/ParallelFor.h"
#include "core/eval/ScoreMatrix.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <tuple>
#include <utility>

namespace tagbench::eval {

namespace {

constexpr std::size_t kLabelsPerTask = 16;  // columns gathered per pass over the rows
constexpr std::size_t kPlattSample = 8192;   // points of the warm-start fit on large splits

// Negative log-likelihood of Platt's model in Lin, Lin & Weng's parameters, P = 1/(1+exp(A f + B)),
// with its gradient and Hessian, in one pass with one exp per point (written so that exp never
// overflows).
struct PlattStats {
    double loss = 0.0, g1 = 0.0, g2 = 0.0, h11 = 0.0, h22 = 0.0, h21 = 0.0;
};

PlattStats plattStats(const std::vector<float>& f, const std::vector<double>& t, double A, double B)
{
    constexpr double sigma = 1e-12;  // keeps the Hessian positive definite
    PlattStats s;
    s.h11 = s.h22 = sigma;
    for (std::size_t i = 0; i < f.size(); ++i) {
        const double x = f[i], fApB = x * A + B;
        const double e = std::exp(-std::abs(fApB));
        double p, q;
        if (fApB >= 0) {
            s.loss += t[i] * fApB + std::log1p(e);
            p = e / (1.0 + e);
            q = 1.0 / (1.0 + e);
        } else {
            s.loss += (t[i] - 1.0) * fApB + std::log1p(e);
            p = 1.0 / (1.0 + e);
            q = e / (1.0 + e);
        }
        const double d2 = p * q, d1 = t[i] - p;
        s.h11 += x * x * d2;
        s.h22 += d2;
        s.h21 += x * d2;
        s.g1 += x * d1;
        s.g2 += d1;
    }
    return s;
}

// Newton's method with backtracking from (A, B); returns the minimum found.
std::pair<double, double> plattNewton(const std::vector<float>& f, const std::vector<double>& t, double A, double B)
{
    constexpr int maxIterations = 100;
    constexpr double minStep = 1e-10, tolerance = 1e-5;
    PlattStats s = plattStats(f, t, A, B);
    for (int iteration = 0; iteration < maxIterations; ++iteration) {
        if (std::abs(s.g1) < tolerance && std::abs(s.g2) < tolerance) break;
        const double det = s.h11 * s.h22 - s.h21 * s.h21;
        const double dA = -(s.h22 * s.g1 - s.h21 * s.g2) / det;
        const double dB = -(-s.h21 * s.g1 + s.h11 * s.g2) / det;
        const double gd = s.g1 * dA + s.g2 * dB;
        double step = 1.0;
        while (step >= minStep) {
            const PlattStats trial = plattStats(f, t, A + step * dA, B + step * dB);
            if (trial.loss < s.loss + 0.0001 * step * gd) {
                A += step * dA;
                B += step * dB;
                s = trial;
                break;
            }
            step /= 2.0;
        }
        if (step < minStep) break;  // no descent along Newton's direction: as good as it gets
    }
    return {A, B};
}

} // namespace

Calibration::Calibration(Method method, std::vector<LabelCalibration> labels)
    : m_method(labels.empty() ? Method::None : method)
    , m_labels(m_method == Method::None ? std::vector<LabelCalibration>() : std::move(labels))
{
}

Result<Calibration::Method> Calibration::parseMethod(const std::string& text)
{
    if (text == "none") return Method::None;
    if (text == "platt") return Method::Platt;
    if (text == "isotonic") return Method::Isotonic;
    return Error{"calibration: unknown method '" + text + "' (use platt, isotonic or none)"};
}

const char* Calibration::methodName(Method method)
{
    switch (method) {
    case Method::Platt: return "platt";
    case Method::Isotonic: return "isotonic";
    case Method::None: break;
    }
    return "none";
}

LabelCalibration Calibration::fitPlatt(const std::vector<float>& scores, const std::vector<std::uint8_t>& gold)
{
    // Lin, Lin & Weng, "A note on Platt's probabilistic outputs for support vector machines"
    // (2007), algorithm 1: Newton's method with backtracking line search on smoothed targets.
    const std::size_t n = scores.size();
    double positives = 0.0;
    for (const std::uint8_t g : gold) positives += g ? 1.0 : 0.0;
    const double negatives = static_cast<double>(n) - positives;
    const double hiTarget = (positives + 1.0) / (positives + 2.0);
    const double loTarget = 1.0 / (negatives + 2.0);
    std::vector<double> t(n);
    for (std::size_t i = 0; i < n; ++i) t[i] = gold[i] ? hiTarget : loTarget;

    double A = 0.0, B = std::log((negatives + 1.0) / (positives + 1.0));
    if (n > kPlattSample * 2) {
        // Start the full problem from the solution of an evenly strided sample (with the full
        // targets): Newton then needs a step or two on all points instead of several.
        std::vector<float> fs;
        std::vector<double> ts;
        for (std::size_t i = 0; i < n; i += n / kPlattSample) {
            fs.push_back(scores[i]);
            ts.push_back(t[i]);
        }
        std::tie(A, B) = plattNewton(fs, ts, A, B);
    }
    std::tie(A, B) = plattNewton(scores, t, A, B);
    if (-A >= 0.0) return LabelCalibration::platt(-A, -B);
    // The likelihood is convex, so with the slope held at 0 the best is the mean target.
    const double mean = n > 0 ? std::accumulate(t.begin(), t.end(), 0.0) / static_cast<double>(n) : 0.5;
    return LabelCalibration::platt(0.0, std::log(mean / (1.0 - mean)));
}

LabelCalibration Calibration::fitIsotonic(const std::vector<float>& scores, const std::vector<std::uint8_t>& gold)
{
    // Sorting packed (score, gold) integers is much faster than sorting indices by score.
    std::vector<std::uint64_t> keys(scores.size());
    for (std::size_t i = 0; i < scores.size(); ++i) keys[i] = (std::uint64_t{ascendingKey(scores[i])} << 1) | (gold[i] ? 1u : 0u);
    std::sort(keys.begin(), keys.end());
    const auto scoreAt = [&keys](std::size_t i) { return fromAscendingKey(static_cast<std::uint32_t>(keys[i] >> 1)); };
    struct Block {
        float low;  // lowest score in the block
        double sum;
        double count;
        double mean() const { return sum / count; }
    };
    std::vector<Block> blocks;
    for (std::size_t i = 0; i < keys.size();) {
        // Equal scores must get one value: they enter as one block (+0 and -0 are equal too).
        Block block{scoreAt(i), 0.0, 0.0};
        for (; i < keys.size() && scoreAt(i) == block.low; ++i) {
            block.sum += static_cast<double>(keys[i] & 1u);
            block.count += 1.0;
        }
        blocks.push_back(block);
        // Pool adjacent violators: merge while the block before is not strictly below.
        while (blocks.size() >= 2 && blocks[blocks.size() - 2].mean() >= blocks.back().mean()) {
            const Block top = blocks.back();
            blocks.pop_back();
            blocks.back().sum += top.sum;
            blocks.back().count += top.count;
        }
    }
    if (blocks.empty()) return LabelCalibration::isotonic({0.0f}, {0.0f});
    std::vector<float> knots, values;
    for (const Block& block : blocks) {
        knots.push_back(block.low);
        values.push_back(static_cast<float>(block.mean()));
    }
    return LabelCalibration::isotonic(std::move(knots), std::move(values));
}

Calibration Calibration::fit(const ScoreMatrix& scores, Method method)
{
    std::vector<std::uint32_t> all(scores.documentCount());
    std::iota(all.begin(), all.end(), 0u);
    return fit(scores, method, all);
}

Calibration Calibration::fit(const ScoreMatrix& scores, Method method, const std::vector<std::uint32_t>& rows)
{
    if (method == Method::None) return Calibration();
    const std::size_t labels = scores.labelCount(), documents = rows.size();
    std::vector<LabelCalibration> maps(labels);
    parallelFor((labels + kLabelsPerTask - 1) / kLabelsPerTask, [&](std::size_t task) {
        const std::size_t first = task * kLabelsPerTask, count = std::min(kLabelsPerTask, labels - first);
        std::vector<std::vector<float>> columns(count, std::vector<float>(documents));
        std::vector<std::vector<std::uint8_t>> gold(count, std::vector<std::uint8_t>(documents, 0));
        for (std::size_t d = 0; d < documents; ++d) {
            const float* row = scores.row(rows[d]) + first;
            for (std::size_t c = 0; c < count; ++c) columns[c][d] = row[c];
            for (const std::uint32_t label : scores.gold(rows[d]))
                if (label >= first && label < first + count) gold[label - first][d] = 1;
        }
        for (std::size_t c = 0; c < count; ++c)
            maps[first + c] = method == Method::Platt ? fitPlatt(columns[c], gold[c]) : fitIsotonic(columns[c], gold[c]);
    });
    return Calibration(method, std::move(maps));
}

bool Calibration::operator==(const Calibration& other) const
{
    return m_method == other.m_method && m_labels == other.m_labels;
}

} // namespace tagbench::eval
