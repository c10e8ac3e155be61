#include "core/eval/CoordinateAscent.h"

#include "core/eval/TuneProgressTracker.h"
#include "core/eval/TuneTarget.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace tagbench::eval {

namespace {

// A candidate must win by more than rounding to count as better; ties keep the current one.
constexpr double kTie = 1e-12;

} // namespace

std::optional<int> coordinateAscent(TuneTarget& dev, const std::vector<std::uint32_t>& labels, double beta,
                                    int maxPasses, double minGain, TuneProgressTracker& progress, std::size_t start,
                                    std::size_t span)
{
    const double b2 = beta * beta;
    const double standard = static_cast<double>(dev.gold());
    // Micro F-beta from the totals: (1 + b2) R / (b2 S + P).
    const auto value = [&](std::int64_t right, std::int64_t predict) {
        const double denominator = b2 * standard + static_cast<double>(predict);
        return denominator > 0 ? (1.0 + b2) * static_cast<double>(right) / denominator : 0.0;
    };
    // Candidates per label, descending, so that among equals the higher threshold wins.
    std::vector<std::vector<float>> candidates(labels.size());
    for (std::size_t j = 0; j < labels.size(); ++j) {
        auto& c = candidates[j];
        c = dev.goldScores(labels[j]);
        c.erase(std::unique(c.begin(), c.end()), c.end());
        const float never = std::nextafter(dev.highestScore(labels[j]), std::numeric_limits<float>::infinity());
        if (std::isfinite(never)) c.insert(c.begin(), never);
    }
    const bool coupled = dev.rule().atLeastOne();
    double current = value(dev.truePositives(), dev.predicted());
    int passes = 0;
    double share = 0.5;  // of the span this pass covers
    double covered = 0.0;
    while (passes < maxPasses) {
        const double before = current;
        bool changed = false;
        for (std::size_t j = 0; j < labels.size(); ++j) {
            const double fraction = covered + share * static_cast<double>(j) / static_cast<double>(labels.size());
            if (!progress.reach(start + static_cast<std::size_t>(fraction * static_cast<double>(span)))) return std::nullopt;
            const std::uint32_t label = labels[j];
            const float threshold = dev.rule().thresholdFor(label);
            // The other labels' totals; this label's own counts come from countsAt (which leaves
            // atLeastOne out, so compare against its current counts measured the same way).
            const LabelCounts& now = dev.counts()[label];
            const std::int64_t otherRight = dev.truePositives() - now.truePositives, otherPredict = dev.predicted() - now.predicted;
            const LabelCounts plain = dev.countsAt(label, threshold);
            double best = value(otherRight + plain.truePositives, otherPredict + plain.predicted);
            std::optional<float> chosen;
            for (const float t : candidates[j]) {
                const LabelCounts c = dev.countsAt(label, t);
                const double v = value(otherRight + c.truePositives, otherPredict + c.predicted);
                if (v > best + kTie) {
                    best = v;
                    chosen = t;
                }
            }
            if (!chosen) continue;
            dev.setLabelThreshold(label, *chosen);
            const double exact = value(dev.truePositives(), dev.predicted());
            if (coupled && exact < current) {
                dev.setLabelThreshold(label, threshold);  // the rule is the state: this restores it
                continue;
            }
            changed = changed || exact > current;
            current = exact;
        }
        ++passes;
        covered += share;
        share /= 2.0;
        if (!changed || current - before < minGain) break;
    }
    for (const std::uint32_t label : labels)
        if (!dev.rule().labelThreshold(label)) dev.setLabelThreshold(label, dev.rule().globalThreshold());
    return passes;
}

} // namespace tagbench::eval
