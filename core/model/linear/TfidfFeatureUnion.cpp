#include "core/model/linear/TfidfFeatureUnion.h"

#include <algorithm>
#include <cassert>
#include <charconv>

namespace tagbench::linear {

namespace {

constexpr const char* kBlockCountKey = "tfidf_blocks";

std::string blockPrefix(const std::string& prefix, std::size_t block)
{
    return prefix + "tfidf" + std::to_string(block) + ".";
}

} // namespace

TfidfFeatureUnion::TfidfFeatureUnion(std::vector<TfidfVectorizer> blocks) : m_blocks(std::move(blocks))
{
    m_offsets.push_back(0);
    for (const auto& block : m_blocks) m_offsets.push_back(m_offsets.back() + block.featureCount());
}

Result<TfidfFeatureUnion> TfidfFeatureUnion::fit(const std::vector<std::string_view>& texts,
                                                 const std::vector<TfidfOptions>& blocks, int threads)
{
    if (blocks.empty()) return Error{"TF-IDF features: no block (give word and/or character n-gram options)"};
    std::vector<TfidfVectorizer> fitted;
    fitted.reserve(blocks.size());
    for (std::size_t b = 0; b < blocks.size(); ++b) {
        auto vectorizer = TfidfVectorizer::fit(texts, blocks[b], threads);
        if (!vectorizer)
            return Error{"TF-IDF block " + std::to_string(b + 1) + " (" + std::string(analyzerName(blocks[b].analyzer)) +
                         "): " + vectorizer.message()};
        fitted.push_back(std::move(*vectorizer));
    }
    return TfidfFeatureUnion(std::move(fitted));
}

SparseMatrix TfidfFeatureUnion::transform(const std::vector<std::string_view>& texts, int threads) const
{
    if (m_blocks.size() == 1) return m_blocks.front().transform(texts, threads);
    std::vector<SparseMatrix> parts;
    parts.reserve(m_blocks.size());
    for (const auto& block : m_blocks) parts.push_back(block.transform(texts, threads));
    std::vector<const SparseMatrix*> views;
    for (const auto& part : parts) views.push_back(&part);
    return SparseMatrix::hstack(views);
}

std::pair<std::size_t, std::uint32_t> TfidfFeatureUnion::locate(std::uint32_t id) const
{
    assert(id < featureCount());
    const auto after = std::upper_bound(m_offsets.begin(), m_offsets.end(), static_cast<std::size_t>(id));
    const auto block = static_cast<std::size_t>(after - m_offsets.begin()) - 1;
    return {block, static_cast<std::uint32_t>(id - m_offsets[block])};
}

std::string TfidfFeatureUnion::featureName(std::uint32_t id) const
{
    const auto [block, local] = locate(id);
    const TfidfVectorizer& vectorizer = m_blocks[block];
    return std::string(analyzerName(vectorizer.options().analyzer)) + ":" + std::string(vectorizer.feature(local));
}

void TfidfFeatureUnion::appendTensors(const std::string& prefix, std::vector<TensorRef>& tensors,
                                      std::map<std::string, std::string>& metadata) const
{
    metadata[prefix + kBlockCountKey] = std::to_string(m_blocks.size());
    for (std::size_t b = 0; b < m_blocks.size(); ++b) m_blocks[b].appendTensors(blockPrefix(prefix, b), tensors, metadata);
}

Result<TfidfFeatureUnion> TfidfFeatureUnion::fromTensors(const SafetensorsReader& reader, const std::string& prefix,
                                                         const std::string& origin)
{
    const auto it = reader.metadata().find(prefix + kBlockCountKey);
    std::size_t count = 0;
    if (it == reader.metadata().end() ||
        std::from_chars(it->second.data(), it->second.data() + it->second.size(), count).ec != std::errc() || count == 0)
        return Error{origin + ": metadata '" + prefix + kBlockCountKey + "' is missing or not a positive count"};
    std::vector<TfidfVectorizer> blocks;
    for (std::size_t b = 0; b < count; ++b) {
        auto block = TfidfVectorizer::fromTensors(reader, blockPrefix(prefix, b), origin);
        if (!block) return block.error();
        blocks.push_back(std::move(*block));
    }
    return TfidfFeatureUnion(std::move(blocks));
}

std::string TfidfFeatureUnion::serialize() const
{
    std::vector<TensorRef> tensors;
    std::map<std::string, std::string> metadata;
    appendTensors("", tensors, metadata);
    auto writer = SafetensorsWriter::create(std::move(tensors), std::move(metadata));
    return writer ? writer->toBytes() : std::string();
}

Result<TfidfFeatureUnion> TfidfFeatureUnion::deserialize(std::string_view bytes, const std::string& origin)
{
    auto reader = SafetensorsReader::parse(bytes);
    if (!reader) return Error{origin + ": " + reader.message()};
    return fromTensors(*reader, "", origin);
}

} // namespace tagbench::linear
