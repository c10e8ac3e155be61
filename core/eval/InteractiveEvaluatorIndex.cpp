#include "core/eval/InteractiveEvaluatorIndex.h"

#include "core/eval/ParallelFor.h"

#include <algorithm>
#include <cstring>

namespace tagbench::eval {

namespace {

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

struct RankBefore {
    const float* scores;
    bool operator()(std::uint32_t a, std::uint32_t b) const
    {
        return scores[a] > scores[b] || (scores[a] == scores[b] && a < b);
    }
};

} // namespace

void InteractiveEvaluator::Index::build()
{
    auto building = std::make_shared<Shared>();
    auto& perLabel = building->perLabel;
    auto& top = building->top;
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
                if (r < topWidth)
                    top[d * topWidth + r] = TopEntry{row[label], label | (m.isGold(d, label) ? TopEntry::kGoldBit : 0u)};
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
    building->matrix = matrix;
    building->topWidth = topWidth;
    shared = std::move(building);
}

void InteractiveEvaluator::Index::adopt(std::shared_ptr<const Shared> index)
{
    matrix = index->matrix;
    documents = matrix->documentCount();
    labels = matrix->labelCount();
    topWidth = index->topWidth;
    shared = std::move(index);
}

std::uint32_t InteractiveEvaluator::Index::rankInRow(std::uint32_t document, std::uint32_t label) const
{
    const float* row = matrix->row(document);
    const RankBefore before{row};
    std::uint32_t rank = 0;
    for (std::uint32_t j = 0; j < labels; ++j) rank += before(j, label) ? 1 : 0;
    return rank;
}

InteractiveEvaluator::Index::Move InteractiveEvaluator::Index::nextEnabled(std::uint32_t document, std::uint32_t from) const
{
    const TopEntry* entries = topOf(document);
    for (std::size_t r = from; r < topWidth; ++r)
        if (!disabled[entries[r].label()])
            return Move{entries[r].label(), Slot{entries[r].score, static_cast<std::uint32_t>(r), document, entries[r].gold()}};
    if (topWidth == labels) return Move{kNoLabel, Slot{}};
    // Every label in the top entries is disabled (those ranked before from were already), so
    // the best enabled label of the whole row is the one.
    const float* row = matrix->row(document);
    const RankBefore before{row};
    std::uint32_t best = kNoLabel;
    for (std::uint32_t j = 0; j < labels; ++j)
        if (!disabled[j] && (best == kNoLabel || before(j, best))) best = j;
    if (best == kNoLabel) return Move{kNoLabel, Slot{}};
    return Move{best, Slot{row[best], rankInRow(document, best), document, matrix->isGold(document, best) ? 1u : 0u}};
}

void InteractiveEvaluator::Index::applyMoves(std::vector<Move>& moves, const std::vector<std::uint32_t>& removed)
{
    const auto key = [](const Slot& s) { return (std::uint64_t{descendingKey(s.score)} << 32) | s.document; };
    std::sort(moves.begin(), moves.end(), [&key](const Move& a, const Move& b) {
        return a.label != b.label ? a.label < b.label : key(a.slot) < key(b.slot);
    });
    // The new size exactly: reserving more would reallocate the scratch (and fault in fresh
    // pages) on every call, since the two buffers swap roles each time.
    std::vector<Slot>& out = slotScratch;
    out.clear();
    out.reserve(slots.size() - removed.size() + moves.size());
    displacedScratch.clear();
    const auto emit = [&](const Slot& slot) {
        if (slot.rank > 0) displacedScratch.push_back(static_cast<std::uint32_t>(out.size()));
        out.push_back(slot);
    };
    std::size_t m = 0, r = 0, d = 0;
    for (std::size_t l = 0; l < labels; ++l) {
        const std::size_t first = slotOffsets[l], last = slotOffsets[l + 1], start = out.size();
        slotOffsets[l] = start;
        std::size_t moveEnd = m, removedEnd = r;
        while (moveEnd < moves.size() && moves[moveEnd].label == l) ++moveEnd;
        while (removedEnd < removed.size() && removed[removedEnd] < last) ++removedEnd;
        if (m == moveEnd && r == removedEnd) {
            // Most groups are untouched: copy them whole and shift their displaced slots.
            out.insert(out.end(), slots.begin() + static_cast<std::ptrdiff_t>(first), slots.begin() + static_cast<std::ptrdiff_t>(last));
            for (; d < displacedSlots.size() && displacedSlots[d] < last; ++d)
                displacedScratch.push_back(static_cast<std::uint32_t>(displacedSlots[d] - first + start));
            continue;
        }
        while (d < displacedSlots.size() && displacedSlots[d] < last) ++d;
        // removed[r..removedEnd) are ascending indices within [first, last).
        const auto isRemoved = [&](std::size_t i) {
            while (r < removedEnd && removed[r] < i) ++r;
            return r < removedEnd && removed[r] == i;
        };
        std::size_t i = first;
        for (; m < moveEnd; ++m) {
            const std::uint64_t movedKey = key(moves[m].slot);
            for (; i < last && (isRemoved(i) || key(slots[i]) < movedKey); ++i)
                if (!isRemoved(i)) emit(slots[i]);
            emit(moves[m].slot);
        }
        for (; i < last; ++i)
            if (!isRemoved(i)) emit(slots[i]);
        r = removedEnd;
    }
    slotOffsets[labels] = out.size();
    slots.swap(out);
    displacedSlots.swap(displacedScratch);
}

void InteractiveEvaluator::Index::buildFallback()
{
    disabled.assign(labels, 0);
    for (const std::uint32_t label : rule.disabledLabels()) disabled[label] = 1;
    std::vector<Move> moves;
    moves.reserve(documents);
    orphans.clear();
    for (std::uint32_t d = 0; d < documents; ++d) {
        const Move move = nextEnabled(d, 0);
        if (move.label == kNoLabel)
            orphans.push_back(d);
        else
            moves.push_back(move);
    }
    slots.clear();
    slotOffsets.assign(labels + 1, 0);
    displacedSlots.clear();
    removedScratch.clear();
    applyMoves(moves, removedScratch);
    documentsWithoutEnabledLabel = static_cast<std::int64_t>(orphans.size());
}

void InteractiveEvaluator::Index::updateFallback(std::uint32_t label, bool disable)
{
    disabled[label] = disable ? 1 : 0;
    std::vector<Move> moves;
    removedScratch.clear();  // ascending slot indices
    if (disable) {
        // The label's group moves to each document's next enabled label.
        for (std::size_t i = slotOffsets[label]; i < slotOffsets[label + 1]; ++i) {
            removedScratch.push_back(static_cast<std::uint32_t>(i));
            const Move move = nextEnabled(slots[i].document, slots[i].rank + 1);
            if (move.label == kNoLabel)
                orphans.push_back(slots[i].document);
            else
                moves.push_back(move);
        }
    } else {
        // The label takes over where it ranks before the current fallback, which then has a
        // rank > 0 (a displaced slot), and every document that had no enabled label.
        for (const std::uint32_t i : displacedSlots) {
            const Slot& slot = slots[i];
            const TopEntry* entries = topOf(slot.document);
            const std::size_t scan = std::min<std::size_t>(slot.rank, topWidth);
            std::size_t r = 0;
            while (r < scan && entries[r].label() != label) ++r;
            if (r < scan) {
                removedScratch.push_back(i);
                moves.push_back(Move{label, Slot{entries[r].score, static_cast<std::uint32_t>(r), slot.document, entries[r].gold()}});
            } else if (slot.rank >= topWidth) {
                const std::uint32_t rank = rankInRow(slot.document, label);
                if (rank < slot.rank) {
                    removedScratch.push_back(i);
                    moves.push_back(Move{label, Slot{matrix->score(slot.document, label), rank, slot.document,
                                                     matrix->isGold(slot.document, label) ? 1u : 0u}});
                }
            }
        }
        for (const std::uint32_t d : orphans)
            moves.push_back(Move{label, Slot{matrix->score(d, label), rankInRow(d, label), d, matrix->isGold(d, label) ? 1u : 0u}});
        orphans.clear();
    }
    applyMoves(moves, removedScratch);
    documentsWithoutEnabledLabel = static_cast<std::int64_t>(orphans.size());
}

} // namespace tagbench::eval
