#pragma once

#include "core/model/InputEncoder.h"
#include "core/model/ModelKind.h"
#include "core/text/TextEncoder.h"

#include <memory>

namespace tagbench {

/// The input of the models that embed one id per token (TextCNN, FastText): a tokenizer (char,
/// word or a sentencepiece model), a vocabulary built from the training data (vocab.tsv) and an
/// optional limit on the tokens kept per document. With wordNgrams >= 2 the hashed word n-grams
/// follow each document's ids, as fastText's Dictionary::addWordNgrams does (rows after the
/// vocabulary, buckets of them).
class VocabularyInput final : public InputEncoder {
public:
    struct Shape {
        std::int64_t maxTokens = 0;   // 0 = whole documents
        int wordNgrams = 1;
        std::int64_t buckets = 0;
    };

    /// Trains the tokenizer when needed and counts the vocabulary of request.train.
    static Result<std::shared_ptr<const VocabularyInput>> fit(const InputFitRequest& request, Shape shape);
    /// Reads vocab.tsv (and tokenizer.model) of a run folder.
    static Result<std::shared_ptr<const VocabularyInput>> load(const InputLoadRequest& request, Shape shape);
    /// From a bundle's tokenizer and vocabulary list (id order).
    static Result<std::shared_ptr<const VocabularyInput>> fromTokens(const TokenizerConfig& tokenizer,
                                                                     const std::vector<std::string>& tokens, Shape shape);

    VocabularyInput(TokenizerConfig config, std::shared_ptr<const Tokenizer> tokenizer,
                    std::shared_ptr<const Vocabulary> vocabulary, Shape shape);

    void encode(std::string_view text, std::vector<std::int64_t>& ids, std::vector<float>& weights) const override;
    void encodeAll(const TextSource& texts, std::size_t count, int threads, EncodedSplit& out) const override;
    std::vector<std::string> vocabularyTokens() const override;
    std::size_t vocabularySize() const override;
    const Vocabulary* tokenVocabulary() const override { return m_vocabulary.get(); }
    const TokenizerConfig& tokenizerConfig() const override { return m_config; }
    Status save(const std::string& runDir) const override;

private:
    void appendNgrams(const std::int32_t* ids, std::size_t count, std::vector<std::int64_t>& out) const;

    TokenizerConfig m_config;
    std::shared_ptr<const Vocabulary> m_vocabulary;
    TextEncoder m_encoder;
    Shape m_shape;
};

} // namespace tagbench
