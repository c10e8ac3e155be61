#pragma once

#include "core/util/Result.h"

#include <cstdint>
#include <string>
#include <vector>

namespace tagbench {

/// Which network to train.
enum class ModelKind { TextCnn, FastText };

/// One label per document (softmax + cross-entropy) or any number (one sigmoid per label + BCE).
enum class TaskKind { MultiLabel, SingleLabel };

/// A validated training configuration (the JSON "run config"). Every field has a default except
/// the model and the train/dev data; paths are absolute once validated.
struct TrainConfig {
    ModelKind model = ModelKind::TextCnn;
    TaskKind task = TaskKind::MultiLabel;

    struct Data {
        std::string train, dev, test;  // test is optional
    } data;

    struct Tokenizer {
        std::string kind = "word";  // char | word | sentencepiece
        bool lowercase = true;
        bool keepPunctuation = false;
        std::int64_t minCount = 1;
        std::int64_t maxSize = 0;   // 0 = unlimited
        std::string sentencepieceModel;           // existing .model file, or empty to train one
        std::int64_t sentencepieceVocabSize = 8000;
        std::string sentencepieceModelType = "unigram";  // unigram | bpe
        double sentencepieceCharacterCoverage = 0.9995;
    } tokenizer;

    struct TextCnn {
        std::vector<std::int64_t> kernelSizes{2, 3, 4};
        std::int64_t numKernels = 128;
        std::int64_t topKMaxPooling = 1;
        std::int64_t hidden = 0;
        double dropout = 0.5;
        std::int64_t maxLength = 256;
    } textCnn;

    struct FastText {
        std::int64_t wordNgrams = 2;
        std::int64_t buckets = 2000000;
    } fastText;

    struct Embedding {
        std::int64_t dimension = 128;
        std::string pretrained;  // word2vec/GloVe text file, optional
        bool trainable = true;
    } embedding;

    struct Train {
        std::int64_t batchSize = 64;
        std::int64_t epochs = 10;
        double learningRate = 1e-3;
        std::string optimizer = "adam";  // adam | adamw | sgd
        std::string lrSchedule = "constant";  // constant | linear (decays to 0 at the last step, as fastText)
        double weightDecay = 0.0;
        std::string loss = "bce";        // bce | focal (multi-label); ce is implied for single-label
        double focalGamma = 2.0;
        std::string posWeight = "none";  // none | auto | list
        std::vector<double> posWeights;  // when posWeight == "list": one per label, in labels.txt order
        double posWeightCap = 10.0;
        double oversample = 1.0;         // max repeat factor for documents with rare labels; 1 = off
        std::int64_t earlyStoppingPatience = 3;  // 0 = never stop early
        std::uint64_t seed = 42;
        std::int64_t threads = 0;        // 0 = all hardware threads
        bool bf16 = false;               // bfloat16 autocast on CUDA
    } train;

    struct Eval {
        double threshold = 0.5;  // global decision threshold for multi-label metrics
        bool thresholdFromDev = false;  // "threshold": "dev" picks the best global threshold on dev
        std::int64_t topK = 0;   // also keep at most top_k labels per document; 0 = no limit
    } eval;

    /// Parses and validates JSON text. Relative paths are resolved against baseDir. Errors name
    /// origin (the file) and the JSON path of the offending key, e.g. "run.json: train.epochs: ...".
    static Result<TrainConfig> parse(const std::string& jsonText, const std::string& origin,
                                     const std::string& baseDir);

    /// Reads and validates a config file (paths relative to its directory).
    static Result<TrainConfig> load(const std::string& path);

    /// The normalized config as pretty JSON with every key present (what RUN_DIR/config.json holds).
    std::string toJson() const;
};

/// "TextCNN" or "FastText".
std::string modelKindName(ModelKind kind);
/// "multi_label" or "single_label".
std::string taskKindName(TaskKind kind);

} // namespace tagbench
