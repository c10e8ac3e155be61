#include "core/eval/InteractiveEvaluatorIndex.h"

#include <algorithm>
#include <atomic>
#include <cstring>
#include <functional>
#include <thread>

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
        const TopEntry* entries = shared->top.data() + static_cast<std::size_t>(d) * topWidth;
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
            std::copy_n(shared->top.begin() + static_cast<std::ptrdiff_t>(static_cast<std::size_t>(d) * topWidth), topWidth,
                        slotTop.begin() + static_cast<std::ptrdiff_t>(i * topWidth));
            if (rankOf[d] > 0) displacedSlots.push_back(static_cast<std::uint32_t>(i));
        }
    }
}

} // namespace tagbench::eval
