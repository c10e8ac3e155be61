#pragma once

#include "core/model/linear/NgramAnalyzer.h"
#include "core/model/linear/NgramTable.h"

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace tagbench::linear {

/// Document frequency and total count of every n-gram of a corpus: the statistics a TF-IDF
/// vocabulary is chosen from.
///
/// Counted in parallel without locks: each worker counts its documents into P tables, one per
/// hash partition, then worker p merges partition p of every worker. A corpus has millions of
/// distinct character n-grams, so a serial merge into one table would dominate the fit.
class NgramCounter final {
public:
    /// One n-gram and its counts; ngram points into the counter and lives as long as it.
    struct Entry {
        std::string_view ngram;
        std::int64_t documents = 0;    // documents containing it
        std::int64_t occurrences = 0;  // total count over all documents
    };

    /// Counts the n-grams analyzer finds in texts with threads workers (0 = all cores).
    static NgramCounter count(const NgramAnalyzer& analyzer, const std::vector<std::string_view>& texts, int threads);

    /// The n-grams whose document frequency lies in [minDocuments, maxDocuments], unordered.
    std::vector<Entry> select(double minDocuments, double maxDocuments) const;

    /// Distinct n-grams counted.
    std::size_t size() const;

private:
    struct Partition {
        NgramTable table;
        std::vector<std::int64_t> documents;
        std::vector<std::int64_t> occurrences;
    };

    static void mergeInto(Partition& target, const Partition& source);

    std::vector<Partition> m_partitions;
};

} // namespace tagbench::linear
