#pragma once
// Private to the threshold tuner: per-label thresholds by coordinate ascent on micro F-beta.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

namespace tagbench::eval {

class TuneProgressTracker;
class TuneTarget;

/// Coordinate ascent on the split's micro F-beta from dev's current rule. Each pass visits the
/// labels in order; for one label, every candidate threshold (its distinct gold scores, where
/// the F-measure can peak, and one above its highest score, "never") is tried with all other
/// labels fixed, and the best strictly better one is kept. Candidates are scored from the
/// label's counts at the threshold; with atLeastOne, which couples the labels, the chosen
/// candidate is kept only when the exact micro value did not fall. So the value never
/// decreases. Stops after a pass that gains < minGain (0: a pass that changes nothing, then
/// every label is at its best given the others) or after maxPasses. Every label in labels ends
/// with an override. Progress: pass p covers [1 - 2^-p, 1 - 2^-(p+1)) of the span
/// [start, start + span). Returns the passes made, nullopt when cancelled.
std::optional<int> coordinateAscent(TuneTarget& dev, const std::vector<std::uint32_t>& labels, double beta,
                                    int maxPasses, double minGain, TuneProgressTracker& progress, std::size_t start,
                                    std::size_t span);

} // namespace tagbench::eval
