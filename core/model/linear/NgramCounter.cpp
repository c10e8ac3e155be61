#include "core/model/linear/NgramCounter.h"

#include "core/text/ParallelRanges.h"

#include <utility>

namespace tagbench::linear {

namespace {

// Partition from the hash's high half: the table takes its slot from the low bits, so choosing
// the partition from them would leave each partition's table with clustered slots.
inline std::size_t partitionOf(std::uint64_t hash, std::size_t partitions)
{
    return static_cast<std::size_t>(((hash >> 32) * partitions) >> 32);
}

} // namespace

NgramCounter NgramCounter::count(const NgramAnalyzer& analyzer, const std::vector<std::string_view>& texts, int threads)
{
    const int workers = resolveThreadCount(threads, texts.size());
    const auto partitions = static_cast<std::size_t>(workers);
    std::vector<std::vector<Partition>> local(partitions, std::vector<Partition>(partitions));

    forEachRange(texts.size(), workers, [&](std::size_t worker, std::size_t begin, std::size_t end) {
        auto& parts = local[worker];
        // The last document that counted each n-gram: the document frequency goes up once per
        // document without sorting the document's n-grams.
        std::vector<std::vector<std::size_t>> lastDocument(partitions);
        Ngrams ngrams;
        for (std::size_t d = begin; d < end; ++d) {
            analyzer.analyze(texts[d], ngrams);
            for (std::size_t i = 0; i < ngrams.size(); ++i) {
                const std::string_view ngram = ngrams[i];
                const std::uint64_t hash = NgramTable::hash(ngram);
                const std::size_t p = partitionOf(hash, partitions);
                Partition& part = parts[p];
                const std::uint32_t id = part.table.intern(ngram, hash);
                if (id == part.documents.size()) {
                    part.documents.push_back(0);
                    part.occurrences.push_back(0);
                    lastDocument[p].push_back(0);
                }
                ++part.occurrences[id];
                if (lastDocument[p][id] != d + 1) {
                    lastDocument[p][id] = d + 1;
                    ++part.documents[id];
                }
            }
        }
    });

    NgramCounter counter;
    counter.m_partitions.resize(partitions);
    forEachRange(partitions, workers, [&](std::size_t, std::size_t begin, std::size_t end) {
        for (std::size_t p = begin; p < end; ++p) {
            Partition merged = std::move(local[0][p]);
            for (std::size_t w = 1; w < partitions; ++w) {
                mergeInto(merged, local[w][p]);
                local[w][p] = Partition();  // give the memory back as soon as it is merged
            }
            counter.m_partitions[p] = std::move(merged);
        }
    });
    return counter;
}

void NgramCounter::mergeInto(Partition& target, const Partition& source)
{
    for (std::uint32_t id = 0; id < source.table.size(); ++id) {
        const std::uint32_t into = target.table.intern(source.table.key(id), source.table.keyHash(id));
        if (into == target.documents.size()) {
            target.documents.push_back(0);
            target.occurrences.push_back(0);
        }
        target.documents[into] += source.documents[id];
        target.occurrences[into] += source.occurrences[id];
    }
}

std::vector<NgramCounter::Entry> NgramCounter::select(double minDocuments, double maxDocuments) const
{
    std::vector<Entry> entries;
    for (const Partition& part : m_partitions)
        for (std::uint32_t id = 0; id < part.table.size(); ++id) {
            // Compared as doubles, as numpy compares the int64 frequencies with a float bound.
            const auto documents = static_cast<double>(part.documents[id]);
            if (documents >= minDocuments && documents <= maxDocuments)
                entries.push_back(Entry{part.table.key(id), part.documents[id], part.occurrences[id]});
        }
    return entries;
}

std::size_t NgramCounter::size() const
{
    std::size_t total = 0;
    for (const Partition& part : m_partitions) total += part.table.size();
    return total;
}

} // namespace tagbench::linear
