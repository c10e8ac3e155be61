#include "core/model/linear/TfidfInput.h"

#include "core/util/AtomicFile.h"

namespace tagbench {

TfidfInput::TfidfInput(linear::TfidfFeatureUnion features)
    : m_features(std::move(features))
{
    // The analyzers are sklearn's (?u)\b\w\w+\b words and code point n-grams: "word" is the
    // closest name for bundles that only show it.
    m_config.kind = TokenizerKind::Word;
    m_config.lowercase = !m_features.blocks().empty() && m_features.blocks().front().options().lowercase;
}

void TfidfInput::encode(std::string_view text, std::vector<std::int64_t>& ids, std::vector<float>& weights) const
{
    const linear::SparseMatrix row = m_features.transform({text}, 1);
    ids.insert(ids.end(), row.indices().begin(), row.indices().end());
    weights.insert(weights.end(), row.values().begin(), row.values().end());
}

void TfidfInput::encodeAll(const TextSource& texts, std::size_t count, int threads, EncodedSplit& out) const
{
    std::vector<std::string_view> views(count);
    for (std::size_t i = 0; i < count; ++i) views[i] = texts(i);
    const linear::SparseMatrix rows = m_features.transform(views, threads);
    const std::uint64_t base = out.inputs.size();
    out.inputs.insert(out.inputs.end(), rows.indices().begin(), rows.indices().end());
    out.inputWeights.insert(out.inputWeights.end(), rows.values().begin(), rows.values().end());
    for (std::size_t r = 1; r < rows.offsets().size(); ++r) out.inputOffsets.push_back(base + rows.offsets()[r]);
}

Status TfidfInput::save(const std::string& runDir) const
{
    return writeFileAtomically(runDir + "/" + kFileName, m_features.serialize());
}

void TfidfInput::appendTensors(std::vector<TensorRef>& tensors, std::map<std::string, std::string>& metadata) const
{
    m_features.appendTensors(kTensorPrefix, tensors, metadata);
}

} // namespace tagbench
