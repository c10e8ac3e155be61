#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace tagbench {

/// Finds documents whose id repeats an earlier document's. Ids are recorded as (hash, document)
/// while merging, in order, and matched by one sort at the end: on large files that is several
/// times cheaper than probing a hash table (a cache miss) per document. The ids themselves stay
/// in the Dataset; hash matches are confirmed by comparing them.
class DuplicateIdFinder final {
public:
    struct Duplicate {
        std::uint32_t document;  ///< the repeating document
        std::uint32_t first;     ///< the earliest document with the same id
    };

    /// Prepares for about n ids.
    void reserve(std::size_t n) { m_entries.reserve(n); }

    /// Records that document (added in increasing order) has an id with this hash.
    void add(std::uint64_t hash, std::uint32_t document) { m_entries.push_back(Entry{hash, document}); }

    /// Number of ids recorded.
    std::size_t size() const { return m_entries.size(); }

    /// All duplicates in document order; idOf(document) returns a document's id.
    template <typename IdOf>
    std::vector<Duplicate> find(IdOf&& idOf) const
    {
        // Fast path: sort the bare hashes; distinct ids almost never share one, so usually no
        // hash repeats and nothing else is needed.
        std::vector<std::uint64_t> hashes;
        hashes.reserve(m_entries.size());
        for (const Entry& entry : m_entries) hashes.push_back(entry.hash);
        std::sort(hashes.begin(), hashes.end());
        std::vector<std::uint64_t> repeated;
        for (std::size_t i = 1; i < hashes.size(); ++i) {
            if (hashes[i] == hashes[i - 1] && (repeated.empty() || repeated.back() != hashes[i]))
                repeated.push_back(hashes[i]);
        }
        std::vector<Duplicate> duplicates;
        if (repeated.empty()) return duplicates;
        std::vector<Entry> candidates;  // in document order, since m_entries is
        for (const Entry& entry : m_entries) {
            if (std::binary_search(repeated.begin(), repeated.end(), entry.hash)) candidates.push_back(entry);
        }
        std::stable_sort(candidates.begin(), candidates.end(),
                         [](const Entry& a, const Entry& b) { return a.hash < b.hash; });
        for (std::size_t begin = 0; begin < candidates.size();) {
            std::size_t end = begin + 1;
            while (end < candidates.size() && candidates[end].hash == candidates[begin].hash) ++end;
            // Equal hashes are nearly always equal ids; compare within the (tiny) run to be sure.
            for (std::size_t j = begin + 1; j < end; ++j) {
                const std::string_view id = idOf(candidates[j].document);
                for (std::size_t k = begin; k < j; ++k) {
                    if (idOf(candidates[k].document) == id) {
                        duplicates.push_back(Duplicate{candidates[j].document, candidates[k].document});
                        break;
                    }
                }
            }
            begin = end;
        }
        std::sort(duplicates.begin(), duplicates.end(),
                  [](const Duplicate& a, const Duplicate& b) { return a.document < b.document; });
        return duplicates;
    }

private:
    struct Entry {
        std::uint64_t hash;
        std::uint32_t document;
    };
    std::vector<Entry> m_entries;
};

} // namespace tagbench
