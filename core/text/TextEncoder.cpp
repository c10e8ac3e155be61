#include "core/text/TextEncoder.h"

#include "core/text/ParallelRanges.h"
#include "core/text/TokenScanner.h"
#include "core/text/Tokenizer.h"
#include "core/text/Vocabulary.h"

#include <cstdint>

namespace tagbench {

TextEncoder::TextEncoder(std::shared_ptr<const Tokenizer> tokenizer, std::shared_ptr<const Vocabulary> vocabulary,
                         std::size_t maxTokens)
    : m_tokenizer(std::move(tokenizer)), m_vocabulary(std::move(vocabulary)), m_maxTokens(maxTokens)
{
}

void TextEncoder::encode(std::string_view text, std::vector<std::int32_t>& out) const
{
    out.clear();
    append(text, out);
}

std::size_t TextEncoder::append(std::string_view text, std::vector<std::int32_t>& out) const
{
    const std::size_t before = out.size();
    const std::size_t limit = m_maxTokens == 0 ? SIZE_MAX : m_maxTokens;
    const Vocabulary& vocabulary = *m_vocabulary;
    std::size_t seen = 0;
    // Tokenizers have no early exit; past the limit the remaining tokens are only skipped.
    forEachToken(*m_tokenizer, text, [&](std::string_view token) {
        if (seen++ < limit) out.push_back(vocabulary.id(token));
    });
    return out.size() - before;
}

EncodedCorpus encodeDataset(const Dataset& dataset, const TextEncoder& encoder, int threads)
{
    struct Part {
        std::vector<std::int32_t> tokens;
        std::vector<std::uint64_t> lengths;
    };
    const int workers = resolveThreadCount(threads, dataset.size());
    std::vector<Part> parts(static_cast<std::size_t>(workers));
    forEachRange(dataset.size(), workers, [&](std::size_t worker, std::size_t begin, std::size_t end) {
        Part& part = parts[worker];
        part.lengths.reserve(end - begin);
        for (std::size_t i = begin; i < end; ++i) part.lengths.push_back(encoder.append(dataset.text(i), part.tokens));
    });

    EncodedCorpus corpus;
    std::size_t total = 0;
    for (const auto& part : parts) total += part.tokens.size();
    corpus.tokens.reserve(total);
    corpus.offsets.reserve(dataset.size() + 1);
    for (auto& part : parts) {
        corpus.tokens.insert(corpus.tokens.end(), part.tokens.begin(), part.tokens.end());
        for (const auto length : part.lengths) corpus.offsets.push_back(corpus.offsets.back() + length);
        Part().tokens.swap(part.tokens);
    }
    return corpus;
}

Result<Dataset> readAndEncodeDataset(const std::string& path, const TextEncoder& encoder, EncodedCorpus& corpus,
                                     const ImportOptions& options, ImportReport* report)
{
    ImportedTokens tokens;
    auto dataset = readDataset(
        path, options, report,
        [&encoder](std::string_view text, std::vector<std::int32_t>& out) { return encoder.append(text, out); },
        tokens);
    corpus.tokens = std::move(tokens.tokens);
    corpus.offsets = std::move(tokens.offsets);
    return dataset;
}

} // namespace tagbench
