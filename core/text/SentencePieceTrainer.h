#pragma once

#include "core/util/Result.h"

#include <cstdint>
#include <string>

namespace tagbench {

class Dataset;

/// Sentencepiece segmentation algorithm.
enum class SentencePieceModelType { Unigram, Bpe };

/// Trainer settings (a subset of spm_train's flags that matters for classification).
struct SentencePieceTrainOptions {
    SentencePieceModelType modelType = SentencePieceModelType::Unigram;
    int vocabSize = 8000;
    /// 0.9995 suits CJK-heavy text; 1.0 for small alphabets.
    double characterCoverage = 0.9995;
    /// Must match TokenizerConfig::lowercase of the tokenizer that will use the model.
    bool lowercase = true;
    /// Sentences sampled for training (0 = all); bounds time and memory on huge corpora.
    std::uint64_t inputSentenceSize = 1000000;
    int threads = 0;
    std::uint32_t seed = 42;
};

/// Trains a model on the texts of dataset through the isolated plugin; returns the model bytes
/// (what TokenizerConfig::sentencepieceModel expects).
Result<std::string> trainSentencePiece(const Dataset& dataset, const SentencePieceTrainOptions& options);

} // namespace tagbench
