#pragma once

#include "core/text/Tokenizer.h"
#include "core/util/Result.h"

#include <memory>
#include <string>
#include <string_view>

struct tagbench_spm_model;

namespace tagbench {

class SentencePiecePlugin;

/// Sentencepiece pieces ("▁new", "car") of a trained model, computed inside the isolated plugin.
class SentencePieceTokenizer final : public Tokenizer {
public:
    /// Loads model bytes (a serialized .model) through the plugin.
    static Result<std::unique_ptr<SentencePieceTokenizer>> create(std::string modelBytes, bool lowercase);

    TokenizerKind kind() const override { return TokenizerKind::SentencePiece; }
    void tokenize(std::string_view text, const TokenSink& sink) const override;

    /// The serialized model, for saving into runs and bundles.
    const std::string& modelBytes() const { return m_modelBytes; }
    /// True when text is case-folded before encoding (must match how the model was trained).
    bool lowercase() const { return m_lowercase; }
    /// Number of pieces the model knows.
    int pieceCount() const;

private:
    SentencePieceTokenizer(const SentencePiecePlugin& plugin, std::shared_ptr<tagbench_spm_model> model,
                           std::string modelBytes, bool lowercase);

    const SentencePiecePlugin& m_plugin;
    std::shared_ptr<tagbench_spm_model> m_model;
    std::string m_modelBytes;
    bool m_lowercase;
};

} // namespace tagbench
