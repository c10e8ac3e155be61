#include "core/text/SentencePieceTokenizer.h"

#include "core/text/CaseFolding.h"
#include "core/text/SentencePiecePlugin.h"

namespace tagbench {

Result<std::unique_ptr<SentencePieceTokenizer>> SentencePieceTokenizer::create(std::string modelBytes, bool lowercase)
{
    if (modelBytes.empty()) return Error{"the sentencepiece tokenizer needs a trained model, but none was given"};
    auto plugin = SentencePiecePlugin::instance();
    if (!plugin) return plugin.error();
    auto model = (*plugin)->load(modelBytes);
    if (!model) return model.error();
    return std::unique_ptr<SentencePieceTokenizer>(
        new SentencePieceTokenizer(**plugin, std::move(*model), std::move(modelBytes), lowercase));
}

SentencePieceTokenizer::SentencePieceTokenizer(const SentencePiecePlugin& plugin,
                                               std::shared_ptr<tagbench_spm_model> model, std::string modelBytes,
                                               bool lowercase)
    : m_plugin(plugin), m_model(std::move(model)), m_modelBytes(std::move(modelBytes)), m_lowercase(lowercase)
{
}

void SentencePieceTokenizer::tokenize(std::string_view text, const TokenSink& sink) const
{
    thread_local std::string folded;
    if (m_lowercase && mayNeedFolding(text)) {
        foldCaseInto(text, folded);
        text = folded;
    }
    // Encoding a loaded model fails only on internal errors; such a text yields no tokens.
    m_plugin.encode(m_model.get(), text, sink);
}

int SentencePieceTokenizer::pieceCount() const { return m_plugin.vocabSize(m_model.get()); }

} // namespace tagbench
