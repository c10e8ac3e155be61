#include "core/text/Vocabulary.h"

#include "core/data/Dataset.h"
#include "core/text/ParallelRanges.h"
#include "core/text/TokenCounter.h"
#include "core/text/TokenScanner.h"
#include "core/text/Tokenizer.h"
#include "core/util/AtomicFile.h"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <fstream>
#include <functional>

namespace tagbench {

namespace {

constexpr std::string_view kPadToken = "<pad>";
constexpr std::string_view kUnkToken = "<unk>";
constexpr std::uint64_t kEmptySlot = 0;

std::uint64_t hashToken(std::string_view token) { return std::hash<std::string_view>{}(token); }

inline std::uint64_t makeSlot(std::uint64_t hash, std::int32_t id)
{
    return (hash & 0xFFFFFFFF00000000ULL) | (static_cast<std::uint64_t>(id) + 1);
}

inline std::int32_t slotId(std::uint64_t slot) { return static_cast<std::int32_t>((slot & 0xFFFFFFFFULL) - 1); }

Error lineError(const std::string& path, std::size_t line, const std::string& reason)
{
    return Error{path + ":" + std::to_string(line) + ": " + reason};
}

} // namespace

Vocabulary::Vocabulary()
{
    add(std::string(kPadToken), 0);
    add(std::string(kUnkToken), 0);
}

void Vocabulary::add(std::string token, std::int64_t count)
{
    if ((m_tokens.size() + 1) * 2 > m_slots.size()) rehash(std::max<std::size_t>(16, m_slots.size() * 2));
    const auto id = static_cast<std::int32_t>(m_tokens.size());
    const std::uint64_t hash = hashToken(token);
    m_slots[findSlot(token, hash)] = makeSlot(hash, id);
    m_tokens.push_back(std::move(token));
    m_counts.push_back(count);
}

void Vocabulary::rehash(std::size_t slotCount)
{
    m_slots.assign(slotCount, kEmptySlot);
    for (std::size_t id = 0; id < m_tokens.size(); ++id) {
        const std::uint64_t hash = hashToken(m_tokens[id]);
        m_slots[findSlot(m_tokens[id], hash)] = makeSlot(hash, static_cast<std::int32_t>(id));
    }
}

std::size_t Vocabulary::findSlot(std::string_view token, std::uint64_t hash) const
{
    const std::size_t mask = m_slots.size() - 1;
    const std::uint64_t tag = hash & 0xFFFFFFFF00000000ULL;
    std::size_t slot = hash & mask;
    for (;; slot = (slot + 1) & mask) {
        const std::uint64_t entry = m_slots[slot];
        if (entry == kEmptySlot) return slot;
        if ((entry & 0xFFFFFFFF00000000ULL) == tag && m_tokens[static_cast<std::size_t>(slotId(entry))] == token)
            return slot;
    }
}

std::int32_t Vocabulary::id(std::string_view token) const
{
    const std::uint64_t entry = m_slots[findSlot(token, hashToken(token))];
    return entry == kEmptySlot ? kUnk : slotId(entry);
}

Vocabulary Vocabulary::fromCounts(std::vector<std::pair<std::string, std::int64_t>> counts, std::int64_t minCount,
                                  std::size_t maxSize)
{
    counts.erase(std::remove_if(counts.begin(), counts.end(),
                                [minCount](const auto& entry) {
                                    return entry.second < std::max<std::int64_t>(1, minCount)
                                        || entry.first == kPadToken || entry.first == kUnkToken
                                        || entry.first.empty();
                                }),
                 counts.end());
    // Ties broken by token bytes so the same corpus always yields the same ids.
    std::sort(counts.begin(), counts.end(), [](const auto& a, const auto& b) {
        return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    Vocabulary vocabulary;
    const std::size_t limit = maxSize == 0 ? counts.size() : (maxSize > 2 ? maxSize - 2 : 0);
    if (counts.size() > limit) counts.resize(limit);
    vocabulary.m_tokens.reserve(counts.size() + 2);
    vocabulary.m_counts.reserve(counts.size() + 2);
    for (auto& [token, count] : counts) vocabulary.add(std::move(token), count);
    return vocabulary;
}

Vocabulary Vocabulary::build(const Dataset& dataset, const Tokenizer& tokenizer, std::int64_t minCount,
                             std::size_t maxSize, int threads)
{
    const int workers = resolveThreadCount(threads, dataset.size());
    std::vector<TokenCounter> partial(static_cast<std::size_t>(workers));
    forEachRange(dataset.size(), workers, [&](std::size_t worker, std::size_t begin, std::size_t end) {
        TokenCounter& counter = partial[worker];
        for (std::size_t i = begin; i < end; ++i)
            forEachToken(tokenizer, dataset.text(i), [&counter](std::string_view token) { counter.add(token); });
    });
    for (std::size_t w = 1; w < partial.size(); ++w) {
        partial.front().merge(partial[w]);
        partial[w] = TokenCounter();
    }
    return fromCounts(partial.front().takeCounts(), minCount, maxSize);
}

Status Vocabulary::save(const std::string& path) const
{
    AtomicFile file(path);
    if (auto st = file.open(); !st) return st;
    std::string line;
    for (std::size_t id = 0; id < m_tokens.size(); ++id) {
        line.assign(m_tokens[id]);
        line.push_back('\t');
        line.append(std::to_string(m_counts[id]));
        line.push_back('\n');
        file.write(line);
    }
    return file.commit();
}

Result<Vocabulary> Vocabulary::load(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) return Error{"cannot open vocabulary " + path + ": " + std::strerror(errno)};
    Vocabulary vocabulary;
    vocabulary.m_tokens.clear();
    vocabulary.m_counts.clear();
    vocabulary.m_slots.assign(16, kEmptySlot);
    std::string line;
    std::size_t lineNumber = 0;
    while (std::getline(in, line)) {
        ++lineNumber;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        const auto tab = line.rfind('\t');
        if (tab == std::string::npos || tab == 0)
            return lineError(path, lineNumber, "expected 'token<TAB>count', got '" + line + "'");
        const std::string_view countText = std::string_view(line).substr(tab + 1);
        std::int64_t count = 0;
        const auto [end, ec] = std::from_chars(countText.data(), countText.data() + countText.size(), count);
        if (ec != std::errc() || end != countText.data() + countText.size() || count < 0)
            return lineError(path, lineNumber, "count '" + std::string(countText) + "' is not a non-negative integer");
        std::string token = line.substr(0, tab);
        if (token.find('\t') != std::string::npos)
            return lineError(path, lineNumber, "token contains a tab");
        const std::string_view expected = lineNumber == 1 ? kPadToken : lineNumber == 2 ? kUnkToken : "";
        if (!expected.empty() && token != expected)
            return lineError(path, lineNumber, "expected the special token " + std::string(expected) + ", got '" + token + "'");
        if (vocabulary.id(token) != kUnk || (lineNumber > 2 && token == kUnkToken))
            return lineError(path, lineNumber, "duplicate token '" + token + "'");
        vocabulary.add(std::move(token), count);
    }
    if (in.bad()) return Error{"cannot read vocabulary " + path + ": " + std::strerror(errno)};
    if (vocabulary.m_tokens.size() < 2)
        return Error{path + ": vocabulary is " + (lineNumber == 0 ? "empty" : "missing <unk>")
                     + " (expected <pad> and <unk> on lines 1 and 2)"};
    return vocabulary;
}

} // namespace tagbench
