#pragma once

#include "core/data/Dataset.h"
#include "core/data/DatasetReader.h"

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace tagbench {

class Tokenizer;
class Vocabulary;

/// Token ids of many documents in CSR form: document i is tokens[offsets[i] .. offsets[i+1]).
struct EncodedCorpus {
    std::vector<std::int32_t> tokens;
    std::vector<std::uint64_t> offsets{0};

    /// Number of documents.
    std::size_t size() const { return offsets.empty() ? 0 : offsets.size() - 1; }

    /// Ids of document i.
    Span<std::int32_t> document(std::size_t i) const
    {
        return {tokens.data() + offsets[i], static_cast<std::size_t>(offsets[i + 1] - offsets[i])};
    }
};

/// Turns text into vocabulary ids (unknown tokens map to Vocabulary::kUnk). Immutable, thread-safe.
class TextEncoder final {
public:
    /// maxTokens > 0 keeps only the first maxTokens ids of each text.
    TextEncoder(std::shared_ptr<const Tokenizer> tokenizer, std::shared_ptr<const Vocabulary> vocabulary,
                std::size_t maxTokens = 0);

    /// Replaces out with the ids of text.
    void encode(std::string_view text, std::vector<std::int32_t>& out) const;

    /// Appends the ids of text to out (no clearing); returns how many were appended.
    std::size_t append(std::string_view text, std::vector<std::int32_t>& out) const;

    /// The tokenizer, vocabulary and per-text id limit (0 = none) this encoder uses.
    const Tokenizer& tokenizer() const { return *m_tokenizer; }
    const Vocabulary& vocabulary() const { return *m_vocabulary; }
    std::size_t maxTokens() const { return m_maxTokens; }

private:
    std::shared_ptr<const Tokenizer> m_tokenizer;
    std::shared_ptr<const Vocabulary> m_vocabulary;
    std::size_t m_maxTokens = 0;
};

/// Encodes every document of dataset with threads workers (0 = hardware concurrency), in order.
EncodedCorpus encodeDataset(const Dataset& dataset, const TextEncoder& encoder, int threads = 0);

/// Reads a dataset file and encodes its documents in one pass: the import workers encode each
/// chunk right after parsing it. corpus equals encodeDataset() of the returned Dataset.
Result<Dataset> readAndEncodeDataset(const std::string& path, const TextEncoder& encoder, EncodedCorpus& corpus,
                                     const ImportOptions& options = {}, ImportReport* report = nullptr);

} // namespace tagbench
