#pragma once

#include "core/export/Safetensors.h"
#include "core/model/EncodedSplit.h"
#include "core/text/TokenizerFactory.h"
#include "core/util/Result.h"

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace tagbench {

class Vocabulary;

/// Text i of a collection of count texts (a dataset, a batch of typed texts).
using TextSource = std::function<std::string_view(std::size_t)>;

/// How documents become a model's input ids: the fitted vocabulary and the encoding rules,
/// identical when training, scoring and predicting from a bundle. A model kind supplies it
/// (core/model/<kind>/); immutable and thread-safe once built.
class InputEncoder {
public:
    virtual ~InputEncoder() = default;

    /// Appends the input of one text to ids, and one weight per id to weights when weighted().
    virtual void encode(std::string_view text, std::vector<std::int64_t>& ids, std::vector<float>& weights) const = 0;
    /// Encodes count texts into out's inputs (appending), on up to threads workers (0 = all
    /// cores), in order. The default runs encode() per text; kinds may override with a faster scan.
    virtual void encodeAll(const TextSource& texts, std::size_t count, int threads, EncodedSplit& out) const;
    /// True when inputs carry weights (EncodedSplit::inputWeights).
    virtual bool weighted() const { return false; }

    /// Entries of the input vocabulary in id order (a bundle's "vocabulary").
    virtual std::vector<std::string> vocabularyTokens() const = 0;
    virtual std::size_t vocabularySize() const = 0;
    /// The token vocabulary when the input is one id per token (pretrained vectors use it).
    virtual const Vocabulary* tokenVocabulary() const { return nullptr; }
    /// How text is split, as recorded in bundles.
    virtual const TokenizerConfig& tokenizerConfig() const = 0;
    /// Writes the files a run folder keeps for this input (vocab.tsv, tokenizer.model, ...).
    virtual Status save(const std::string& runDir) const = 0;
    /// State a bundle keeps in its weights beside the manifest's vocabulary (e.g. TF-IDF
    /// statistics), named under "input."; the tensors borrow this object's buffers.
    virtual void appendTensors(std::vector<TensorRef>& tensors, std::map<std::string, std::string>& metadata) const {}
};

} // namespace tagbench
