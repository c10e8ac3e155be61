#include "core/eval/ReliabilityDiagram.h"

#include "core/eval/Calibration.h"
#include "core/eval/ScoreMatrix.h"

#include <algorithm>
#include <cmath>

namespace tagbench::eval {

namespace {

struct Sums {
    std::int64_t count = 0;
    std::int64_t gold = 0;
    double predicted = 0.0;
};

Reliability finish(const std::vector<Sums>& sums)
{
    Reliability r;
    const std::size_t bins = sums.size();
    for (const Sums& s : sums) r.count += s.count;
    for (std::size_t b = 0; b < bins; ++b) {
        ReliabilityBin bin;
        bin.lower = static_cast<double>(b) / static_cast<double>(bins);
        bin.upper = static_cast<double>(b + 1) / static_cast<double>(bins);
        bin.count = sums[b].count;
        if (bin.count > 0) {
            bin.meanPredicted = sums[b].predicted / static_cast<double>(bin.count);
            bin.observed = static_cast<double>(sums[b].gold) / static_cast<double>(bin.count);
            r.ece += static_cast<double>(bin.count) / static_cast<double>(r.count) * std::abs(bin.observed - bin.meanPredicted);
        }
        r.bins.push_back(bin);
    }
    return r;
}

} // namespace

ReliabilityDiagram ReliabilityDiagram::compute(const ScoreMatrix& scores, const Calibration& calibration, std::size_t bins)
{
    bins = std::max<std::size_t>(1, bins);
    const std::size_t labels = scores.labelCount();
    std::vector<std::vector<Sums>> perLabel(labels, std::vector<Sums>(bins));
    std::vector<std::uint8_t> gold(labels, 0);
    for (std::size_t d = 0; d < scores.documentCount(); ++d) {
        for (const std::uint32_t label : scores.gold(d)) gold[label] = 1;
        const float* row = scores.row(d);
        for (std::uint32_t l = 0; l < labels; ++l) {
            const double p = std::min(1.0, std::max(0.0, static_cast<double>(calibration.apply(l, row[l]))));
            const auto b = std::min(bins - 1, static_cast<std::size_t>(p * static_cast<double>(bins)));
            Sums& s = perLabel[l][b];
            ++s.count;
            s.gold += gold[l];
            s.predicted += p;
        }
        for (const std::uint32_t label : scores.gold(d)) gold[label] = 0;
    }
    ReliabilityDiagram diagram;
    std::vector<Sums> pooled(bins);
    for (std::uint32_t l = 0; l < labels; ++l) {
        diagram.m_labels.push_back(finish(perLabel[l]));
        for (std::size_t b = 0; b < bins; ++b) {
            pooled[b].count += perLabel[l][b].count;
            pooled[b].gold += perLabel[l][b].gold;
            pooled[b].predicted += perLabel[l][b].predicted;
        }
    }
    diagram.m_overall = finish(pooled);
    return diagram;
}

} // namespace tagbench::eval
