#include "core/stats/LabelStatistics.h"

#include "core/data/LabelHierarchy.h"
#include "core/stats/CooccurrenceCounter.h"

#include <algorithm>
#include <numeric>

namespace tagbench {

namespace {

// Frequencies sorted by count descending, ties by name so output is stable across runs.
void sortByCount(std::vector<LabelFrequency>& labels)
{
    std::sort(labels.begin(), labels.end(), [](const LabelFrequency& a, const LabelFrequency& b) {
        return a.count != b.count ? a.count > b.count : a.label < b.label;
    });
}

LabelFrequency frequency(std::string label, std::uint64_t count, std::uint64_t documents, double rareThreshold)
{
    const double ratio = documents ? double(count) / double(documents) : 0.0;
    return LabelFrequency{std::move(label), count, ratio, ratio < rareThreshold};
}

} // namespace

SplitStatistics computeStatistics(const Dataset& dataset, const StatisticsOptions& options, std::string name)
{
    SplitStatistics stats;
    stats.name = std::move(name);
    stats.documents = dataset.size();
    const auto& names = dataset.labelNames();
    std::vector<std::uint64_t> counts(names.size(), 0);
    CooccurrenceCounter pairs(names.size());
    for (std::size_t doc = 0; doc < dataset.size(); ++doc) {
        const auto labels = dataset.labels(doc);
        if (labels.size >= stats.cardinalityHistogram.size()) stats.cardinalityHistogram.resize(labels.size + 1, 0);
        ++stats.cardinalityHistogram[labels.size];
        stats.labelAssignments += labels.size;
        for (const auto labelId : labels) ++counts[static_cast<std::size_t>(labelId)];
        if (labels.size >= 2) pairs.add(labels);
    }
    stats.documentsWithoutLabel = stats.cardinalityHistogram.empty() ? 0 : stats.cardinalityHistogram[0];
    stats.cardinality = stats.documents ? double(stats.labelAssignments) / double(stats.documents) : 0.0;

    std::vector<std::int32_t> byCount;
    for (std::size_t id = 0; id < names.size(); ++id) {
        if (counts[id] == 0) continue;
        stats.distribution.push_back(frequency(names[id], counts[id], stats.documents, options.rareThreshold));
        byCount.push_back(static_cast<std::int32_t>(id));
    }
    stats.labels = stats.distribution.size();
    sortByCount(stats.distribution);
    for (const auto& label : stats.distribution) {
        if (label.rare) stats.rareLabels.push_back(label.label);
    }

    for (const auto& pair : pairs.top(options.topPairs)) {
        const double ratio = stats.documents ? double(pair.count) / double(stats.documents) : 0.0;
        stats.topPairs.push_back(LabelPair{names[static_cast<std::size_t>(pair.first)],
                                           names[static_cast<std::size_t>(pair.second)], pair.count, ratio});
    }

    // Matrix of the top-K labels, in the order of the distribution.
    std::sort(byCount.begin(), byCount.end(), [&](std::int32_t a, std::int32_t b) {
        const auto ca = counts[static_cast<std::size_t>(a)];
        const auto cb = counts[static_cast<std::size_t>(b)];
        return ca != cb ? ca > cb : names[static_cast<std::size_t>(a)] < names[static_cast<std::size_t>(b)];
    });
    byCount.resize(std::min(byCount.size(), options.matrixLabels));
    const std::size_t k = byCount.size();
    stats.cooccurrence.counts.assign(k * k, 0);
    for (std::size_t r = 0; r < k; ++r) {
        stats.cooccurrence.labels.push_back(names[static_cast<std::size_t>(byCount[r])]);
        for (std::size_t c = 0; c < k; ++c) {
            stats.cooccurrence.counts[r * k + c] =
                r == c ? counts[static_cast<std::size_t>(byCount[r])] : pairs.count(byCount[r], byCount[c]);
        }
    }

    const auto hierarchy = LabelHierarchy::build(dataset, options.hierarchySeparator);
    stats.hierarchySeparator = hierarchy.separator();
    for (int level = 1; level <= hierarchy.depth(); ++level) {
        LevelDistribution distribution;
        distribution.level = level;
        for (const auto index : hierarchy.level(level)) {
            const auto& node = hierarchy.nodes()[static_cast<std::size_t>(index)];
            if (node.count == 0) continue;
            distribution.labels.push_back(frequency(node.path, node.count, stats.documents, options.rareThreshold));
        }
        sortByCount(distribution.labels);
        stats.levels.push_back(std::move(distribution));
    }
    return stats;
}

std::vector<std::string> labelsUnseenIn(const SplitStatistics& split, const Dataset& train)
{
    std::vector<std::string> unseen;
    for (const auto& label : split.distribution) {
        if (train.labelId(label.label) < 0) unseen.push_back(label.label);
    }
    return unseen;
}

void markUnseenInTrain(SplitStatistics& split, const Dataset& train) { split.unseenInTrain = labelsUnseenIn(split, train); }

} // namespace tagbench
