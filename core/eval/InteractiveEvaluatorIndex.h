#pragma once
// Private to InteractiveEvaluator.cpp and InteractiveEvaluatorIndex.cpp: the evaluator's state.

#include "core/eval/InteractiveEvaluator.h"
#include "core/eval/ScoreMatrix.h"
#include "core/eval/WaveletMatrix.h"

#include <cstdint>
#include <limits>
#include <memory>
#include <vector>

namespace tagbench::eval {

constexpr std::uint32_t kNoLabel = std::numeric_limits<std::uint32_t>::max();

class InteractiveEvaluator::Index final {
public:
    struct LabelIndex {
        std::vector<float> sorted;           // this label's scores, descending
        std::vector<std::uint32_t> goldPos;  // positions in sorted of gold entries, ascending
        WaveletMatrix ranks;                 // row rank of each sorted entry
        WaveletMatrix goldRanks;             // row rank of each gold entry, in goldPos order
    };

    std::shared_ptr<const ScoreMatrix> matrix;
    std::size_t documents = 0;
    std::size_t labels = 0;


    // Each document's best kTopPerDocument labels in rank order (documents x topWidth).
    struct TopEntry {
        float score;
        std::uint32_t label;
    };
    std::size_t topWidth = 0;
    // perLabel and top, built once per score matrix and never changed: evaluators over the same
    // scores share them (across threads too); each keeps its own rule, slots and counts below.
    using Shared = InteractiveEvaluator::SharedIndex;
    std::shared_ptr<const Shared> shared;

    // Documents with an enabled label, grouped by their fallback (best enabled) label and sorted
    // by its score descending: the documents that can be empty at a threshold are a suffix of
    // each group, read sequentially. slotTop repeats top in this order for the same reason.
    struct Slot {
        float score;          // the fallback label's score
        std::uint32_t rank;   // its rank in the row (> 0 when better labels are disabled)
        std::uint32_t document;
        std::uint32_t gold;   // 1 when it is a gold label of the document
    };
    std::vector<std::size_t> slotOffsets;  // per label, CSR into slots
    std::vector<Slot> slots;
    std::vector<TopEntry> slotTop;
    std::vector<std::uint32_t> displacedSlots;  // slots with rank > 0
    std::int64_t documentsWithoutEnabledLabel = 0;

    // Current rule and counts.
    DecisionRule rule;
    std::vector<float> thresholds;  // effective; +inf = disabled
    std::vector<std::uint32_t> thresholdOrder;  // labels by threshold, ascending
    std::vector<LabelCounts> base;  // without atLeastOne
    std::vector<LabelCounts> counts;
    std::vector<LabelCounts> extra;  // atLeastOne additions
    std::int64_t truePositives = 0, predicted = 0, gold = 0, empty = 0;

    bool topKLimited() const { return rule.topK() > 0 && static_cast<std::size_t>(rule.topK()) < labels; }

    void build();
    /// Takes an index another evaluator built over the same scores.
    void adopt(std::shared_ptr<const Shared> index);
    /// Sizes the counts and computes them for rule (after build() or adopt()).
    void startCounting();
    void buildFallback();
    LabelCounts labelCounts(std::uint32_t label, float threshold) const;
    void refreshLabel(std::uint32_t label);
    void refreshAll();
    void refreshDocuments();
    bool isEmpty(std::size_t slot, float minThreshold) const;
    bool isEmptySlow(std::uint32_t document, float bound) const;
    std::uint32_t rankInRow(std::uint32_t document, std::uint32_t label) const;
};

class InteractiveEvaluator::SharedIndex final {
public:
    std::shared_ptr<const ScoreMatrix> matrix;
    std::size_t topWidth = 0;
    std::vector<Index::LabelIndex> perLabel;
    std::vector<Index::TopEntry> top;  // documents x topWidth
};

} // namespace tagbench::eval
