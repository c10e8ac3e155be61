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


    // Each document's best kTopPerDocument labels in rank order (documents x topWidth). The
    // gold flag rides in the label's top bit, so rebuilding the fallback groups never has to
    // look the score or the gold set up in the (much larger, randomly accessed) matrix.
    struct TopEntry {
        float score;
        std::uint32_t packed;  // label | kGoldBit when gold

        static constexpr std::uint32_t kGoldBit = 0x80000000u;
        std::uint32_t label() const { return packed & ~kGoldBit; }
        std::uint32_t gold() const { return packed >> 31; }
    };
    std::size_t topWidth = 0;
    // perLabel and top, built once per score matrix and never changed: evaluators over the same
    // scores share them (across threads too); each keeps its own rule, slots and counts below.
    using Shared = InteractiveEvaluator::SharedIndex;
    std::shared_ptr<const Shared> shared;

    // Documents with an enabled label, grouped by their fallback (best enabled) label and sorted
    // by its score descending: the documents that can be empty at a threshold are a suffix of
    // each group. Slots are small (16 bytes) so that enabling or disabling a label can move the
    // affected documents between groups and rewrite the array in one pass, instead of
    // re-sorting every document; the top entries are read from shared->top with prefetching.
    struct Slot {
        float score;          // the fallback label's score
        std::uint32_t rank;   // its rank in the row (> 0 when better labels are disabled)
        std::uint32_t document;
        std::uint32_t gold;   // 1 when it is a gold label of the document
    };
    std::vector<std::size_t> slotOffsets;  // per label, CSR into slots
    std::vector<Slot> slots;
    std::vector<std::uint32_t> displacedSlots;  // slots with rank > 0
    std::vector<std::uint32_t> orphans;         // documents whose labels are all disabled
    std::int64_t documentsWithoutEnabledLabel = 0;

    // A document that moves to another fallback group (kNoLabel: to orphans).
    struct Move {
        std::uint32_t label;
        Slot slot;
    };
    // Scratch of refreshDocuments(): documents whose top entries could not decide emptiness.
    struct Pending {
        std::uint32_t slot;
        std::uint32_t label;  // the slot's group
        float bound;          // the last top entry's score: labels not in the top score <= bound
    };
    std::vector<Pending> pending;
    struct Candidate {
        std::uint32_t slot;
        std::uint32_t label;  // the slot's group
    };
    std::vector<Candidate> candidates;  // scratch of refreshDocuments(): slots whose fallback fails
    std::vector<std::uint32_t> removedScratch;   // slots leaving their group, ascending
    std::vector<Slot> slotScratch;
    std::vector<std::uint32_t> displacedScratch;

    // Current rule and counts.
    DecisionRule rule;
    std::vector<std::uint8_t> disabled;  // rule.isDisabled() as a dense mask (a set lookup per check is slow)
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
    /// Updates the fallback groups after label was disabled or enabled (rule already changed):
    /// only the documents whose best enabled label changes are touched and re-sorted.
    void updateFallback(std::uint32_t label, bool disabled);
    LabelCounts labelCounts(std::uint32_t label, float threshold) const;
    void refreshLabel(std::uint32_t label);
    void refreshAll();
    void refreshDocuments();
    /// 0: has a label, 1: empty, 2: undecided by the top entries (see isEmptySlow).
    int emptiness(std::uint32_t document, float minThreshold, float& bound) const;
    bool isEmptySlow(std::uint32_t document, float bound) const;
    std::uint32_t rankInRow(std::uint32_t document, std::uint32_t label) const;
    const TopEntry* topOf(std::uint32_t document) const;
    /// The best enabled label of document at rank > after (kNoLabel when none), by the top
    /// entries and, past them, by the whole row.
    Move nextEnabled(std::uint32_t document, std::uint32_t after) const;
    /// Rewrites slots: drops the slots listed in removed (ascending), merges moves (sorted here)
    /// into their groups; untouched groups are copied whole.
    void applyMoves(std::vector<Move>& moves, const std::vector<std::uint32_t>& removed);
};

class InteractiveEvaluator::SharedIndex final {
public:
    std::shared_ptr<const ScoreMatrix> matrix;
    std::size_t topWidth = 0;
    std::vector<Index::LabelIndex> perLabel;
    std::vector<Index::TopEntry> top;  // documents x topWidth
};

inline const InteractiveEvaluator::Index::TopEntry* InteractiveEvaluator::Index::topOf(std::uint32_t document) const
{
    return shared->top.data() + static_cast<std::size_t>(document) * topWidth;
}

} // namespace tagbench::eval
