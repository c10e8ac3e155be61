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
        std::vector<Entry> sorted = m_entries;
        std::sort(sorted.begin(), sorted.end(), [](const Entry& a, const Entry& b) {
            return a.hash != b.hash ? a.hash < b.hash : a.document < b.document;
        });
        std::vector<Duplicate> duplicates;
        for (std::size_t begin = 0; begin < sorted.size();) {
            std::size_t end = begin + 1;
            while (end < sorted.size() && sorted[end].hash == sorted[begin].hash) ++end;
            // Equal hashes are nearly always equal ids; compare within the (tiny) run to be sure.
            for (std::size_t j = begin + 1; j < end; ++j) {
                const std::string_view id = idOf(sorted[j].document);
                for (std::size_t k = begin; k < j; ++k) {
                    if (idOf(sorted[k].document) == id) {
                        duplicates.push_back(Duplicate{sorted[j].document, sorted[k].document});
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
