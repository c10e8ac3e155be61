#pragma once

#include "core/data/Dataset.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace tagbench {

/// How often one label (or hierarchy node) occurs in a split.
struct LabelFrequency {
    std::string label;
    std::uint64_t count = 0;  ///< documents carrying the label
    double ratio = 0.0;       ///< count / documents of the split
    bool rare = false;        ///< ratio below StatisticsOptions::rareThreshold
};

/// Two labels carried by the same documents.
struct LabelPair {
    std::string first;
    std::string second;
    std::uint64_t count = 0;  ///< documents carrying both
    double ratio = 0.0;       ///< count / documents
};

/// Distribution of the hierarchy nodes of one level (level 1 of `facet::tag` = the facets).
struct LevelDistribution {
    int level = 1;
    std::vector<LabelFrequency> labels;  ///< by count, descending
};

/// Symmetric co-occurrence counts of the most frequent labels (the GUI draws it as a heatmap).
struct CooccurrenceMatrix {
    std::vector<std::string> labels;   ///< row/column labels, by count descending
    std::vector<std::uint64_t> counts; ///< row-major labels.size()^2; the diagonal holds label counts
    /// Documents carrying labels[row] and labels[column].
    std::uint64_t at(std::size_t row, std::size_t column) const { return counts[row * labels.size() + column]; }
};

/// Label statistics of one split.
struct SplitStatistics {
    std::string name;
    std::uint64_t documents = 0;
    std::uint64_t labels = 0;                 ///< distinct labels carried by at least one document
    std::uint64_t labelAssignments = 0;       ///< (document, label) pairs
    double cardinality = 0.0;                 ///< mean labels per document
    std::uint64_t documentsWithoutLabel = 0;
    std::vector<LabelFrequency> distribution; ///< by count descending, then name
    std::vector<std::string> rareLabels;      ///< ratio below the threshold, by count descending
    std::vector<std::string> unseenInTrain;   ///< filled by markUnseenInTrain()
    std::vector<LabelPair> topPairs;          ///< most frequent pairs, by count descending
    std::vector<std::uint64_t> cardinalityHistogram;  ///< [k] = documents with k labels
    std::string hierarchySeparator;           ///< empty when the labels are flat
    std::vector<LevelDistribution> levels;    ///< one per hierarchy level (only level 1 when flat)
    CooccurrenceMatrix cooccurrence;
};

/// What to compute.
struct StatisticsOptions {
    std::size_t topPairs = 10;       ///< how many label pairs to keep
    std::size_t matrixLabels = 20;   ///< labels in the co-occurrence matrix
    double rareThreshold = 0.01;     ///< labels on fewer than this share of documents are rare
    std::optional<std::string> hierarchySeparator;  ///< nullopt detects it, "" means flat
};

/// Computes the statistics of one split; name is only copied into the result.
SplitStatistics computeStatistics(const Dataset& dataset, const StatisticsOptions& options = {},
                                  std::string name = {});

/// Labels of split (count > 0) that train never carries, in split's distribution order.
std::vector<std::string> labelsUnseenIn(const SplitStatistics& split, const Dataset& train);

/// Sets split.unseenInTrain from train.
void markUnseenInTrain(SplitStatistics& split, const Dataset& train);

} // namespace tagbench
