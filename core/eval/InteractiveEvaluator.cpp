#include "core/eval/InteractiveEvaluator.h"

#include "core/eval/ScoreMatrix.h"
#include "core/eval/WaveletMatrix.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstring>
#include <functional>
#include <limits>
#include <thread>

namespace tagbench::eval {

namespace {

constexpr std::uint32_t kNoLabel = std::numeric_limits<std::uint32_t>::max();
constexpr std::size_t kMaxLabels = 65535;  // ranks are stored as uint16
constexpr std::size_t kTopPerDocument = 16;

// Maps a finite score to a key whose ascending order is the descending score order.
// +0 and -0 compare equal as floats, so they must share a key.
inline std::uint32_t descendingKey(float score)
{
    if (score == 0.0f) score = 0.0f;
    std::uint32_t bits;
    std::memcpy(&bits, &score, sizeof(bits));
    const std::uint32_t ascending = (bits & 0x80000000u) ? ~bits : (bits | 0x80000000u);
    return ~ascending;
}

// Runs work(i) for i in [0, count) on a few threads.
void parallelFor(std::size_t count, const std::function<void(std::size_t)>& work)
{
    const std::size_t threads = std::max<std::size_t>(1, std::min<std::size_t>(std::thread::hardware_concurrency(), 8));
    std::atomic<std::size_t> next{0};
    const auto worker = [&] {
        for (std::size_t i = next++; i < count; i = next++) work(i);
    };
    std::vector<std::thread> pool;
    for (std::size_t t = 1; t < threads && t < count; ++t) pool.emplace_back(worker);
    worker();
    for (auto& thread : pool) thread.join();
}

struct RankBefore {
    const float* scores;
    bool operator()(std::uint32_t a, std::uint32_t b) const
    {
        return scores[a] > scores[b] || (scores[a] == scores[b] && a < b);
    }
};

} // namespace

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
    std::vector<LabelIndex> perLabel;

    // Each document's best kTopPerDocument labels in rank order (documents x topWidth).
    struct TopEntry {
        float score;
        std::uint32_t label;
    };
    std::size_t topWidth = 0;
    std::vector<TopEntry> top;

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
    std::int64_t right = 0, predict = 0, standard = 0, empty = 0;

    bool topKLimited() const { return rule.topK() > 0 && static_cast<std::size_t>(rule.topK()) < labels; }

    void build();
    void buildFallback();
    LabelCounts labelCounts(std::uint32_t label, float threshold) const;
    void refreshLabel(std::uint32_t label);
    void refreshAll();
    void refreshDocuments();
    bool isEmpty(std::size_t slot, float minThreshold) const;
    bool isEmptySlow(std::uint32_t document, float bound) const;
    std::uint32_t rankInRow(std::uint32_t document, std::uint32_t label) const;
};

void InteractiveEvaluator::Index::build()
{
    const ScoreMatrix& m = *matrix;
    documents = m.documentCount();
    labels = m.labelCount();
    topWidth = std::min(labels, kTopPerDocument);
    top.resize(documents * topWidth);

    // Pass 1, per document: the rank of every (document, label) and the best labels.
    std::vector<std::uint16_t> rankOf(documents * labels);
    const std::size_t chunk = 1024;
    parallelFor((documents + chunk - 1) / chunk, [&](std::size_t c) {
        std::vector<std::uint64_t> keys(labels);
        for (std::size_t d = c * chunk; d < std::min(documents, (c + 1) * chunk); ++d) {
            const float* row = m.row(d);
            for (std::size_t j = 0; j < labels; ++j)
                keys[j] = (std::uint64_t{descendingKey(row[j])} << 32) | j;
            std::sort(keys.begin(), keys.end());
            for (std::size_t r = 0; r < labels; ++r) {
                const auto label = static_cast<std::uint32_t>(keys[r]);
                rankOf[d * labels + label] = static_cast<std::uint16_t>(r);
                if (r < topWidth) top[d * topWidth + r] = TopEntry{row[label], label};
            }
        }
    });

    // Gold documents of each label (transpose of the CSR gold sets).
    std::vector<std::size_t> goldOffsets(labels + 1, 0);
    for (const std::uint32_t label : m.goldLabels()) ++goldOffsets[label + 1];
    for (std::size_t l = 0; l < labels; ++l) goldOffsets[l + 1] += goldOffsets[l];
    std::vector<std::uint32_t> goldDocs(m.goldLabels().size());
    {
        std::vector<std::size_t> fill(goldOffsets.begin(), goldOffsets.end() - 1);
        for (std::size_t d = 0; d < documents; ++d)
            for (const std::uint32_t label : m.gold(d)) goldDocs[fill[label]++] = static_cast<std::uint32_t>(d);
    }

    unsigned bits = 0;
    while ((std::size_t{1} << bits) < labels) ++bits;

    // Pass 2, per label: sort its column and index the ranks. Columns are gathered a block of
    // labels at a time so that each row's cache line is read once, not once per label.
    perLabel.resize(labels);
    constexpr std::size_t kBlock = 16;
    parallelFor((labels + kBlock - 1) / kBlock, [&](std::size_t block) {
        const std::size_t first = block * kBlock, count = std::min(kBlock, labels - first);
        std::vector<float> columns(count * documents);
        std::vector<std::uint16_t> columnRanks(count * documents);
        for (std::size_t d = 0; d < documents; ++d) {
            const float* row = m.row(d) + first;
            const std::uint16_t* rank = rankOf.data() + d * labels + first;
            for (std::size_t c = 0; c < count; ++c) {
                columns[c * documents + d] = row[c];
                columnRanks[c * documents + d] = rank[c];
            }
        }
        std::vector<std::uint64_t> keys(documents);
        std::vector<std::uint8_t> isGold(documents, 0);
        for (std::size_t c = 0; c < count; ++c) {
            const std::size_t l = first + c;
            const float* column = columns.data() + c * documents;
            const std::uint16_t* columnRank = columnRanks.data() + c * documents;
            for (std::size_t d = 0; d < documents; ++d)
                keys[d] = (std::uint64_t{descendingKey(column[d])} << 32) | d;
            std::sort(keys.begin(), keys.end());
            for (std::size_t i = goldOffsets[l]; i < goldOffsets[l + 1]; ++i) isGold[goldDocs[i]] = 1;

            LabelIndex& index = perLabel[l];
            index.sorted.resize(documents);
            std::vector<std::uint16_t> ranks(documents), goldRanks;
            goldRanks.reserve(goldOffsets[l + 1] - goldOffsets[l]);
            index.goldPos.reserve(goldOffsets[l + 1] - goldOffsets[l]);
            for (std::size_t i = 0; i < documents; ++i) {
                const auto d = static_cast<std::uint32_t>(keys[i]);
                index.sorted[i] = column[d];
                ranks[i] = columnRank[d];
                if (isGold[d]) {
                    index.goldPos.push_back(static_cast<std::uint32_t>(i));
                    goldRanks.push_back(ranks[i]);
                }
            }
            for (std::size_t i = goldOffsets[l]; i < goldOffsets[l + 1]; ++i) isGold[goldDocs[i]] = 0;
            index.ranks = WaveletMatrix(ranks, bits);
            index.goldRanks = WaveletMatrix(goldRanks, bits);
        }
    });
}

std::uint32_t InteractiveEvaluator::Index::rankInRow(std::uint32_t document, std::uint32_t label) const
{
    const float* row = matrix->row(document);
    const RankBefore before{row};
    std::uint32_t rank = 0;
    for (std::uint32_t j = 0; j < labels; ++j) rank += before(j, label) ? 1 : 0;
    return rank;
}

void InteractiveEvaluator::Index::buildFallback()
{
    std::vector<std::uint32_t> labelOf(documents, kNoLabel);
    std::vector<std::uint64_t> keys;  // per slot: descending score key << 32 | document
    keys.reserve(documents);
    std::vector<std::uint32_t> rankOf(documents, 0);
    slotOffsets.assign(labels + 1, 0);
    documentsWithoutEnabledLabel = 0;
    for (std::uint32_t d = 0; d < documents; ++d) {
        std::uint32_t best = kNoLabel, rank = 0;
        const TopEntry* entries = top.data() + static_cast<std::size_t>(d) * topWidth;
        for (std::size_t r = 0; r < topWidth; ++r) {
            if (!rule.isDisabled(entries[r].label)) {
                best = entries[r].label;
                rank = static_cast<std::uint32_t>(r);
                break;
            }
        }
        if (best == kNoLabel && topWidth < labels) {
            const float* row = matrix->row(d);
            const RankBefore before{row};
            for (std::uint32_t j = 0; j < labels; ++j)
                if (!rule.isDisabled(j) && (best == kNoLabel || before(j, best))) best = j;
            if (best != kNoLabel) rank = rankInRow(d, best);
        }
        if (best == kNoLabel) {
            ++documentsWithoutEnabledLabel;
            continue;
        }
        labelOf[d] = best;
        rankOf[d] = rank;
        ++slotOffsets[best + 1];
    }
    for (std::size_t l = 0; l < labels; ++l) slotOffsets[l + 1] += slotOffsets[l];
    keys.resize(slotOffsets[labels]);
    {
        std::vector<std::size_t> fill(slotOffsets.begin(), slotOffsets.end() - 1);
        for (std::uint32_t d = 0; d < documents; ++d)
            if (labelOf[d] != kNoLabel)
                keys[fill[labelOf[d]]++] = (std::uint64_t{descendingKey(matrix->score(d, labelOf[d]))} << 32) | d;
    }
    slots.resize(keys.size());
    slotTop.resize(keys.size() * topWidth);
    displacedSlots.clear();
    for (std::size_t l = 0; l < labels; ++l) {
        std::sort(keys.begin() + static_cast<std::ptrdiff_t>(slotOffsets[l]),
                  keys.begin() + static_cast<std::ptrdiff_t>(slotOffsets[l + 1]));
        for (std::size_t i = slotOffsets[l]; i < slotOffsets[l + 1]; ++i) {
            const auto d = static_cast<std::uint32_t>(keys[i]);
            slots[i] = Slot{matrix->score(d, l), rankOf[d], d, matrix->isGold(d, static_cast<std::uint32_t>(l)) ? 1u : 0u};
            std::copy_n(top.begin() + static_cast<std::ptrdiff_t>(static_cast<std::size_t>(d) * topWidth), topWidth,
                        slotTop.begin() + static_cast<std::ptrdiff_t>(i * topWidth));
            if (rankOf[d] > 0) displacedSlots.push_back(static_cast<std::uint32_t>(i));
        }
    }
}

LabelCounts InteractiveEvaluator::Index::labelCounts(std::uint32_t label, float threshold) const
{
    const LabelIndex& index = perLabel[label];
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

bool InteractiveEvaluator::Index::isEmpty(std::size_t slot, float minThreshold) const
{
    // Scores fall along the rank order: stop at the first one below every threshold.
    const std::size_t limit = topKLimited() ? static_cast<std::size_t>(rule.topK()) : labels;
    const std::size_t scan = std::min(limit, topWidth);
    const TopEntry* entries = slotTop.data() + slot * topWidth;
    for (std::size_t r = 0; r < scan; ++r) {
        if (entries[r].score < minThreshold) return true;
        if (entries[r].score >= thresholds[entries[r].label]) return false;
    }
    if (scan == limit) return true;
    return isEmptySlow(slots[slot].document, entries[scan - 1].score);
}

void InteractiveEvaluator::Index::refreshDocuments()
{
    // Only a document whose fallback label is not predicted can be empty.
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
    const auto visit = [&](std::size_t slot, std::uint32_t label) {
        if (!isEmpty(slot, minThreshold)) return;
        if (fill) {
            LabelCounts& e = extra[label];
            ++e.predicted;
            e.truePositives += slots[slot].gold;
        } else {
            ++empty;
        }
    };
    for (std::uint32_t l = 0; l < labels; ++l) {
        const float t = thresholds[l];
        const auto first = slots.begin() + static_cast<std::ptrdiff_t>(slotOffsets[l]);
        const auto last = slots.begin() + static_cast<std::ptrdiff_t>(slotOffsets[l + 1]);
        const auto from = std::partition_point(first, last, [t](const Slot& slot) { return slot.score >= t; });
        for (auto it = from; it != last; ++it) visit(static_cast<std::size_t>(it - slots.begin()), l);
    }
    if (limited) {
        // Passing its threshold is not enough when the fallback ranks beyond top-k.
        for (std::size_t l = 0, i = 0; i < displacedSlots.size(); ++i) {
            const std::uint32_t slot = displacedSlots[i];
            while (slotOffsets[l + 1] <= slot) ++l;
            if (slots[slot].rank >= k && slots[slot].score >= thresholds[l]) visit(slot, static_cast<std::uint32_t>(l));
        }
    }
    right = predict = 0;
    for (std::size_t l = 0; l < labels; ++l) {
        counts[l].truePositives = base[l].truePositives + extra[l].truePositives;
        counts[l].predicted = base[l].predicted + extra[l].predicted;
        right += counts[l].truePositives;
        predict += counts[l].predicted;
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
    standard = 0;
    for (std::uint32_t l = 0; l < labels; ++l) {
        base[l] = labelCounts(l, thresholds[l]);
        counts[l].support = base[l].support;
        standard += base[l].support;
    }
    refreshDocuments();
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
    index.base.resize(index.labels);
    index.counts.resize(index.labels);
    index.extra.resize(index.labels);
    index.buildFallback();
    index.refreshAll();
    return evaluator;
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
        x.thresholds[l] = threshold;
        x.base[l] = x.labelCounts(l, threshold);
    }
    x.refreshDocuments();
}

void InteractiveEvaluator::setLabelThreshold(std::uint32_t label, float threshold)
{
    Index& x = *m_index;
    if (label >= x.labels) return;
    x.rule.setLabelThreshold(label, threshold);
    if (x.rule.isDisabled(label)) return;
    x.thresholds[label] = threshold;
    x.refreshLabel(label);
}

void InteractiveEvaluator::clearLabelThreshold(std::uint32_t label)
{
    Index& x = *m_index;
    if (label >= x.labels) return;
    x.rule.clearLabelThreshold(label);
    if (x.rule.isDisabled(label)) return;
    x.thresholds[label] = x.rule.globalThreshold();
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
    x.thresholds[label] = x.rule.effectiveThresholds(x.labels)[label];
    x.base[label] = x.labelCounts(label, x.thresholds[label]);
    x.buildFallback();
    x.refreshDocuments();
}

const std::vector<LabelCounts>& InteractiveEvaluator::counts() const { return m_index->counts; }
std::int64_t InteractiveEvaluator::right() const { return m_index->right; }
std::int64_t InteractiveEvaluator::predict() const { return m_index->predict; }
std::int64_t InteractiveEvaluator::standard() const { return m_index->standard; }
std::int64_t InteractiveEvaluator::documentsWithoutPrediction() const { return m_index->empty; }

Metrics InteractiveEvaluator::metrics() const
{
    return metricsFromCounts(m_index->counts, static_cast<std::int64_t>(m_index->documents), m_index->empty);
}

LabelCounts InteractiveEvaluator::countsAt(std::uint32_t label, float threshold) const
{
    return m_index->labelCounts(label, threshold);
}

LabelCurve InteractiveEvaluator::curve(std::uint32_t label, std::size_t maxPoints) const
{
    const Index& x = *m_index;
    const auto& sorted = x.perLabel[label].sorted;
    std::vector<float> distinct;
    for (std::size_t i = 0; i < sorted.size(); ++i)
        if (i == 0 || sorted[i] != sorted[i - 1]) distinct.push_back(sorted[i]);
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
    curve.support = static_cast<std::int64_t>(m_index->perLabel[label].goldPos.size());
    for (const float t : thresholds) {
        const LabelMetrics m = labelMetrics(m_index->labelCounts(label, t));
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
    const Index::LabelIndex& index = m_index->perLabel[label];
    std::vector<float> scores;
    scores.reserve(index.goldPos.size());
    for (const std::uint32_t pos : index.goldPos) scores.push_back(index.sorted[pos]);
    return scores;
}

std::size_t InteractiveEvaluator::memoryBytes() const
{
    const Index& x = *m_index;
    std::size_t bytes = (x.top.capacity() + x.slotTop.capacity()) * sizeof(Index::TopEntry) +
                        x.slots.capacity() * sizeof(Index::Slot) + x.displacedSlots.capacity() * 4;
    for (const auto& l : x.perLabel)
        bytes += l.sorted.capacity() * 4 + l.goldPos.capacity() * 4 + l.ranks.memoryBytes() + l.goldRanks.memoryBytes();
    return bytes;
}

} // namespace tagbench::eval
