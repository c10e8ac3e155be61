#include "core/eval/InteractiveEvaluator.h"

#include "core/eval/InteractiveEvaluatorIndex.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace tagbench::eval {

namespace {

constexpr std::size_t kMaxLabels = 65535;  // ranks are stored as uint16
constexpr std::size_t kPrefetchAhead = 8;  // documents whose memory is requested ahead of use
constexpr std::size_t kPrefetchLabels = 8; // row scores requested per undecided document

inline void prefetch(const void* address)
{
#if defined(__GNUC__) || defined(__clang__)
    __builtin_prefetch(address);
#else
    (void)address;
#endif
}

} // namespace

LabelCounts InteractiveEvaluator::Index::labelCounts(std::uint32_t label, float threshold) const
{
    const LabelIndex& index = shared->perLabel[label];
    LabelCounts c;
    c.support = static_cast<std::int64_t>(index.goldPos.size());
    if (std::isinf(threshold) && threshold > 0) return c;
    const auto p = static_cast<std::size_t>(
        std::partition_point(index.sorted.begin(), index.sorted.end(), [threshold](float s) { return s >= threshold; }) -
        index.sorted.begin());
    const auto g = static_cast<std::size_t>(
        std::lower_bound(index.goldPos.begin(), index.goldPos.end(), static_cast<std::uint32_t>(p)) -
        index.goldPos.begin());
    if (topKLimited()) {
        const auto k = static_cast<std::uint32_t>(rule.topK());
        c.predicted = static_cast<std::int64_t>(index.ranks.countLess(p, k));
        c.truePositives = static_cast<std::int64_t>(index.goldRanks.countLess(g, k));
    } else {
        c.predicted = static_cast<std::int64_t>(p);
        c.truePositives = static_cast<std::int64_t>(g);
    }
    return c;
}

bool InteractiveEvaluator::Index::isEmptySlow(std::uint32_t document, float bound) const
{
    // Labels beyond the stored best ones score <= bound, so only labels whose threshold is
    // <= bound can still pass: usually the few with a low override, not the whole row.
    const float* row = matrix->row(document);
    for (const std::uint32_t label : thresholdOrder) {
        const float t = thresholds[label];
        if (t > bound) break;
        if (row[label] >= t && (!topKLimited() || rankInRow(document, label) < static_cast<std::uint32_t>(rule.topK())))
            return false;
    }
    return true;
}

int InteractiveEvaluator::Index::emptiness(std::uint32_t document, float minThreshold, float& bound) const
{
    // Scores fall along the rank order: stop at the first one below every threshold.
    const std::size_t limit = topKLimited() ? static_cast<std::size_t>(rule.topK()) : labels;
    const std::size_t scan = std::min(limit, topWidth);
    const TopEntry* entries = topOf(document);
    for (std::size_t r = 0; r < scan; ++r) {
        if (entries[r].score < minThreshold) return 1;
        if (entries[r].score >= thresholds[entries[r].label()]) return 0;
    }
    if (scan == limit) return 1;
    bound = entries[scan - 1].score;
    return 2;
}

void InteractiveEvaluator::Index::refreshDocuments()
{
    // Only a document whose fallback label is not predicted can be empty. The documents are
    // visited in slot order but their top entries and rows lie anywhere in memory: loads for a
    // few documents ahead are issued early, so their cache misses overlap instead of queueing.
    std::fill(extra.begin(), extra.end(), LabelCounts{});
    empty = documentsWithoutEnabledLabel;
    thresholdOrder.resize(labels);
    for (std::uint32_t l = 0; l < labels; ++l) thresholdOrder[l] = l;
    std::sort(thresholdOrder.begin(), thresholdOrder.end(),
              [this](std::uint32_t a, std::uint32_t b) { return thresholds[a] < thresholds[b]; });
    const float minThreshold = thresholds[thresholdOrder.front()];
    const bool limited = topKLimited();
    const auto k = static_cast<std::uint32_t>(rule.topK());
    const bool fill = rule.atLeastOne();
    const auto settle = [&](std::size_t slot, std::uint32_t label) {
        if (fill) {
            LabelCounts& e = extra[label];
            ++e.predicted;
            e.truePositives += slots[slot].gold;
        } else {
            ++empty;
        }
    };
    const auto prefetchTop = [this](std::uint32_t document) {
        const char* at = reinterpret_cast<const char*>(topOf(document));
        prefetch(at);
        prefetch(at + 64);
    };
    pending.clear();
    const auto visit = [&](std::size_t slot, std::uint32_t label) {
        float bound = 0.0f;
        const int state = emptiness(slots[slot].document, minThreshold, bound);
        if (state == 1) settle(slot, label);
        if (state == 2) pending.push_back(Pending{static_cast<std::uint32_t>(slot), label, bound});
    };
    // The candidates first (a suffix of each group, plus with top-k the displaced fallbacks
    // ranked beyond it), in one list: most suffixes are short, and prefetching within one
    // group would not reach ahead.
    candidates.clear();
    for (std::uint32_t l = 0; l < labels; ++l) {
        const float t = thresholds[l];
        const std::size_t first = slotOffsets[l], last = slotOffsets[l + 1];
        const std::size_t from = static_cast<std::size_t>(
            std::partition_point(slots.begin() + static_cast<std::ptrdiff_t>(first), slots.begin() + static_cast<std::ptrdiff_t>(last),
                                 [t](const Slot& slot) { return slot.score >= t; }) - slots.begin());
        for (std::size_t i = from; i < last; ++i) candidates.push_back(Candidate{static_cast<std::uint32_t>(i), l});
    }
    if (limited) {
        // Passing its threshold is not enough when the fallback ranks beyond top-k.
        for (std::size_t l = 0, i = 0; i < displacedSlots.size(); ++i) {
            const std::uint32_t slot = displacedSlots[i];
            while (slotOffsets[l + 1] <= slot) ++l;
            if (slots[slot].rank >= k && slots[slot].score >= thresholds[l]) candidates.push_back(Candidate{slot, static_cast<std::uint32_t>(l)});
        }
    }
    for (std::size_t i = 0; i < std::min(candidates.size(), kPrefetchAhead); ++i) prefetchTop(slots[candidates[i].slot].document);
    for (std::size_t i = 0; i < candidates.size(); ++i) {
        if (i + kPrefetchAhead < candidates.size()) prefetchTop(slots[candidates[i + kPrefetchAhead].slot].document);
        visit(candidates[i].slot, candidates[i].label);
    }
    // The undecided documents need a look at single scores of their rows.
    const auto prefetchRow = [this](const Pending& p) {
        const float* row = matrix->row(slots[p.slot].document);
        for (std::size_t j = 0; j < kPrefetchLabels && j < labels && thresholds[thresholdOrder[j]] <= p.bound; ++j)
            prefetch(row + thresholdOrder[j]);
    };
    for (std::size_t i = 0; i < std::min(pending.size(), kPrefetchAhead); ++i) prefetchRow(pending[i]);
    for (std::size_t i = 0; i < pending.size(); ++i) {
        if (i + kPrefetchAhead < pending.size()) prefetchRow(pending[i + kPrefetchAhead]);
        if (isEmptySlow(slots[pending[i].slot].document, pending[i].bound)) settle(pending[i].slot, pending[i].label);
    }
    truePositives = predicted = 0;
    for (std::size_t l = 0; l < labels; ++l) {
        counts[l].truePositives = base[l].truePositives + extra[l].truePositives;
        counts[l].predicted = base[l].predicted + extra[l].predicted;
        truePositives += counts[l].truePositives;
        predicted += counts[l].predicted;
    }
}

void InteractiveEvaluator::Index::refreshLabel(std::uint32_t label)
{
    base[label] = labelCounts(label, thresholds[label]);
    refreshDocuments();
}

void InteractiveEvaluator::Index::refreshAll()
{
    thresholds = rule.effectiveThresholds(labels);
    gold = 0;
    for (std::uint32_t l = 0; l < labels; ++l) {
        base[l] = labelCounts(l, thresholds[l]);
        counts[l].support = base[l].support;
        gold += base[l].support;
    }
    refreshDocuments();
}

void InteractiveEvaluator::Index::startCounting()
{
    base.resize(labels);
    counts.resize(labels);
    extra.resize(labels);
    buildFallback();
    refreshAll();
}

InteractiveEvaluator::InteractiveEvaluator() : m_index(std::make_unique<Index>()) {}
InteractiveEvaluator::~InteractiveEvaluator() = default;

Result<std::unique_ptr<InteractiveEvaluator>> InteractiveEvaluator::create(std::shared_ptr<const ScoreMatrix> scores,
                                                                            DecisionRule rule)
{
    if (!scores) return Error{"no scores to evaluate"};
    if (scores->labelCount() == 0) return Error{"the score matrix has no labels"};
    if (scores->labelCount() > kMaxLabels)
        return Error{"interactive evaluation supports at most " + std::to_string(kMaxLabels) + " labels, the scores have " +
                     std::to_string(scores->labelCount())};
    if (scores->documentCount() >= std::numeric_limits<std::uint32_t>::max())
        return Error{"too many documents for interactive evaluation"};
    if (auto s = rule.validate(scores->labelCount()); !s) return s.error();
    std::unique_ptr<InteractiveEvaluator> evaluator(new InteractiveEvaluator());
    Index& index = *evaluator->m_index;
    index.matrix = std::move(scores);
    index.rule = std::move(rule);
    index.build();
    index.startCounting();
    return evaluator;
}

Result<std::unique_ptr<InteractiveEvaluator>> InteractiveEvaluator::create(std::shared_ptr<const SharedIndex> shared,
                                                                            DecisionRule rule)
{
    if (!shared) return Error{"no index to evaluate"};
    if (auto s = rule.validate(shared->matrix->labelCount()); !s) return s.error();
    std::unique_ptr<InteractiveEvaluator> evaluator(new InteractiveEvaluator());
    Index& index = *evaluator->m_index;
    index.adopt(std::move(shared));
    index.rule = std::move(rule);
    index.startCounting();
    return evaluator;
}

std::shared_ptr<const InteractiveEvaluator::SharedIndex> InteractiveEvaluator::sharedIndex() const
{
    return m_index->shared;
}

const DecisionRule& InteractiveEvaluator::rule() const { return m_index->rule; }
const ScoreMatrix& InteractiveEvaluator::scores() const { return *m_index->matrix; }

Status InteractiveEvaluator::setRule(const DecisionRule& rule)
{
    if (auto s = rule.validate(m_index->labels); !s) return s;
    const bool disabledChanged = rule.disabledLabels() != m_index->rule.disabledLabels();
    m_index->rule = rule;
    if (disabledChanged) m_index->buildFallback();
    m_index->refreshAll();
    return {};
}

void InteractiveEvaluator::setGlobalThreshold(float threshold)
{
    Index& x = *m_index;
    x.rule.setGlobalThreshold(threshold);
    for (std::uint32_t l = 0; l < x.labels; ++l) {
        if (x.rule.isDisabled(l) || x.rule.labelThreshold(l)) continue;
        x.thresholds[l] = x.rule.rawThresholdFor(l);
        x.base[l] = x.labelCounts(l, x.thresholds[l]);
    }
    x.refreshDocuments();
}

void InteractiveEvaluator::setLabelThreshold(std::uint32_t label, float threshold)
{
    Index& x = *m_index;
    if (label >= x.labels) return;
    x.rule.setLabelThreshold(label, threshold);
    if (x.rule.isDisabled(label)) return;
    x.thresholds[label] = x.rule.rawThresholdFor(label);
    x.refreshLabel(label);
}

void InteractiveEvaluator::clearLabelThreshold(std::uint32_t label)
{
    Index& x = *m_index;
    if (label >= x.labels) return;
    x.rule.clearLabelThreshold(label);
    if (x.rule.isDisabled(label)) return;
    x.thresholds[label] = x.rule.rawThresholdFor(label);
    x.refreshLabel(label);
}

void InteractiveEvaluator::setTopK(int topK)
{
    Index& x = *m_index;
    x.rule.setTopK(topK);
    for (std::uint32_t l = 0; l < x.labels; ++l) x.base[l] = x.labelCounts(l, x.thresholds[l]);
    x.refreshDocuments();
}

void InteractiveEvaluator::setAtLeastOne(bool enabled)
{
    m_index->rule.setAtLeastOne(enabled);
    m_index->refreshDocuments();
}

void InteractiveEvaluator::setDisabled(std::uint32_t label, bool disabled)
{
    Index& x = *m_index;
    if (label >= x.labels || x.rule.isDisabled(label) == disabled) return;
    x.rule.setDisabled(label, disabled);
    x.thresholds[label] = disabled ? std::numeric_limits<float>::infinity() : x.rule.rawThresholdFor(label);
    x.base[label] = x.labelCounts(label, x.thresholds[label]);
    x.updateFallback(label, disabled);
    x.refreshDocuments();
}

const std::vector<LabelCounts>& InteractiveEvaluator::counts() const { return m_index->counts; }
std::int64_t InteractiveEvaluator::truePositives() const { return m_index->truePositives; }
std::int64_t InteractiveEvaluator::predicted() const { return m_index->predicted; }
std::int64_t InteractiveEvaluator::gold() const { return m_index->gold; }
std::int64_t InteractiveEvaluator::documentsWithoutPrediction() const { return m_index->empty; }

Metrics InteractiveEvaluator::metrics() const
{
    return metricsFromCounts(m_index->counts, static_cast<std::int64_t>(m_index->documents), m_index->empty);
}

LabelCounts InteractiveEvaluator::countsAt(std::uint32_t label, float threshold) const
{
    return m_index->labelCounts(label, m_index->rule.rawThreshold(label, threshold));
}

LabelCurve InteractiveEvaluator::curve(std::uint32_t label, std::size_t maxPoints) const
{
    const Index& x = *m_index;
    const auto& sorted = x.shared->perLabel[label].sorted;
    std::vector<float> distinct;
    for (std::size_t i = 0; i < sorted.size(); ++i)
        if (i == 0 || sorted[i] != sorted[i - 1]) {
            // Calibrated values of distinct scores may coincide (an isotonic step): one point each.
            const float value = x.rule.calibratedScore(label, sorted[i]);
            if (distinct.empty() || value != distinct.back()) distinct.push_back(value);
        }
    if (maxPoints > 0 && distinct.size() > maxPoints) {
        std::vector<float> kept;
        kept.reserve(maxPoints);
        for (std::size_t p = 0; p < maxPoints; ++p)
            kept.push_back(distinct[p * (distinct.size() - 1) / std::max<std::size_t>(1, maxPoints - 1)]);
        kept.erase(std::unique(kept.begin(), kept.end()), kept.end());
        distinct.swap(kept);
    }
    return sampledCurve(label, distinct);
}

LabelCurve InteractiveEvaluator::sampledCurve(std::uint32_t label, const std::vector<float>& thresholds) const
{
    LabelCurve curve;
    curve.support = static_cast<std::int64_t>(m_index->shared->perLabel[label].goldPos.size());
    for (const float t : thresholds) {
        const LabelMetrics m = labelMetrics(m_index->labelCounts(label, m_index->rule.rawThreshold(label, t)));
        curve.thresholds.push_back(t);
        curve.precision.push_back(m.precision);
        curve.recall.push_back(m.recall);
        curve.f1.push_back(m.f1);
        curve.truePositives.push_back(m.counts.truePositives);
        curve.predicted.push_back(m.counts.predicted);
    }
    return curve;
}

std::vector<float> InteractiveEvaluator::goldScores(std::uint32_t label) const
{
    const Index::LabelIndex& index = m_index->shared->perLabel[label];
    std::vector<float> scores;
    scores.reserve(index.goldPos.size());
    for (const std::uint32_t pos : index.goldPos) scores.push_back(m_index->rule.calibratedScore(label, index.sorted[pos]));
    return scores;
}

float InteractiveEvaluator::highestScore(std::uint32_t label) const
{
    const auto& sorted = m_index->shared->perLabel[label].sorted;
    return sorted.empty() ? 0.0f : m_index->rule.calibratedScore(label, sorted.front());
}

float InteractiveEvaluator::nthHighestScore(std::uint32_t label, std::size_t n) const
{
    return m_index->rule.calibratedScore(label, m_index->shared->perLabel[label].sorted[n]);
}

std::size_t InteractiveEvaluator::memoryBytes() const
{
    const Index& x = *m_index;
    std::size_t bytes = x.shared->top.capacity() * sizeof(Index::TopEntry) +
                        (x.slots.capacity() + x.slotScratch.capacity()) * sizeof(Index::Slot) +
                        (x.displacedSlots.capacity() + x.orphans.capacity()) * 4;
    for (const auto& l : x.shared->perLabel)
        bytes += l.sorted.capacity() * 4 + l.goldPos.capacity() * 4 + l.ranks.memoryBytes() + l.goldRanks.memoryBytes();
    return bytes;
}

} // namespace tagbench::eval
