#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace tagbench::eval {

class Calibration;
class ScoreMatrix;

/// One bin of a reliability diagram: the (document, label) pairs whose predicted probability
/// fell in [lower, upper) (the last bin includes 1).
struct ReliabilityBin {
    double lower = 0.0;
    double upper = 0.0;
    std::int64_t count = 0;
    double meanPredicted = 0.0;  // mean predicted probability of the pairs (0 when empty)
    double observed = 0.0;       // share of the pairs that are gold (0 when empty)
};

/// A reliability diagram of one label or of all pairs together.
struct Reliability {
    std::vector<ReliabilityBin> bins;
    std::int64_t count = 0;
    /// Expected calibration error: sum over bins of count / total * |observed - meanPredicted|.
    double ece = 0.0;
};

/// How well scores read as probabilities: for equal-width bins of the predicted value, the
/// mean prediction against the observed frequency of gold, per label and over every pair.
/// Perfectly calibrated scores lie on the diagonal and have ECE 0. The predicted value is the
/// calibrated score when a calibration is given, else the raw score; values outside [0, 1]
/// (raw scores that are not probabilities) are clamped to it, into the first or last bin.
class ReliabilityDiagram final {
public:
    /// Bins the scores of every document and label; bins >= 1.
    static ReliabilityDiagram compute(const ScoreMatrix& scores, const Calibration& calibration, std::size_t bins = 10);

    /// All (document, label) pairs pooled.
    const Reliability& overall() const { return m_overall; }
    /// Per label (index = label).
    const std::vector<Reliability>& labels() const { return m_labels; }

private:
    Reliability m_overall;
    std::vector<Reliability> m_labels;
};

} // namespace tagbench::eval
