#pragma once

#include "core/model/ModelSpec.h"
#include "core/text/TokenizerSettings.h"
#include "core/util/Result.h"

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace tagbench {

/// A validated training configuration (the JSON "run config"). Every field has a default except
/// the model and the train/dev data; paths are absolute once validated.
struct TrainConfig {
    /// TextCNN with every default; data files unset.
    TrainConfig();

    /// The network: kind ("model"), task, embedding width ("embedding.dimension") and the
    /// kind's own section ("TextCNN": {...}); sizes are filled once the data is read.
    ModelSpec model;
    /// Sections of other model kinds the file holds (kept, so that switching kinds in the Train
    /// page and saving again loses nothing; they play no part in training).
    std::map<std::string, std::shared_ptr<const ModelOptions>> otherModels;

    struct Data {
        std::string train, dev, test;  // test is optional
    } data;

    TokenizerSettings tokenizer;

    struct Embedding {
        std::string pretrained;  // word2vec/GloVe text file, optional
        bool trainable = true;
    } embedding;

    struct Train {
        std::int64_t batchSize = 64;
        std::int64_t epochs = 10;
        double learningRate = 1e-3;
        std::string optimizer = "adam";  // adam | adamw | sgd
        std::string lrSchedule = "constant";  // constant | linear (to 0 at the last step) | cosine
        double warmupRatio = 0.0;        // share of all steps the rate rises linearly from 0 (transformers' warmup)
        double weightDecay = 0.0;
        std::string loss = "bce";        // bce | focal (multi-label); ce is implied for single-label
        double focalGamma = 2.0;
        std::string posWeight = "none";  // none | auto | list
        std::vector<double> posWeights;  // when posWeight == "list": one per label, in labels.txt order
        double posWeightCap = 10.0;
        double oversample = 1.0;         // max repeat factor for documents with rare labels; 1 = off
        double unlabelledKeep = 1.0;     // share of documents without labels each epoch trains on; 1 = all
        std::int64_t earlyStoppingPatience = 3;  // 0 = never stop early
        std::uint64_t seed = 42;
        std::int64_t threads = 0;        // 0 = all hardware threads
        bool bf16 = false;               // bfloat16 autocast on CUDA
        bool fp16 = false;               // float16 autocast on CUDA with dynamic loss scaling (GPUs without bf16)
        std::int64_t gradientAccumulation = 1;  // batches per optimizer step
        std::string lossReduction = "sum";      // sum over labels per document (fastText) | mean over labels too (Hugging Face)
        double gradientClip = 0.0;       // max global gradient norm; 0 = no clipping
        std::string selectBestBy = "micro_f1";  // micro_f1 | macro_f1 | dev_loss: which epoch is kept
        std::int64_t divergenceRetries = 3;     // non-finite loss: roll back, halve the learning rate, retry
    } train;

    struct Eval {
        double threshold = 0.5;  // global decision threshold for multi-label metrics
        bool thresholdFromDev = false;  // "threshold": "dev" picks the best global threshold on dev
        std::int64_t topK = 0;   // also keep at most top_k labels per document; 0 = no limit
    } eval;

    /// Whether parse() requires the data files to exist.
    enum class Files { MustExist, MayBeMissing };

    /// Parses and validates JSON text. Relative paths are resolved against baseDir. Errors name
    /// origin (the file) and the JSON path of the offending key, e.g. "run.json: train.epochs: ...".
    static Result<TrainConfig> parse(const std::string& jsonText, const std::string& origin,
                                     const std::string& baseDir, Files files = Files::MustExist);

    /// Reads and validates a config file (paths relative to its directory).
    static Result<TrainConfig> load(const std::string& path, Files files = Files::MustExist);

    /// The normalized config as pretty JSON with every key present (what RUN_DIR/config.json holds).
    std::string toJson() const;

    /// The default config of a model kind (no data files yet): what the Train page starts from.
    static TrainConfig defaults(const std::string& modelKind);
};

} // namespace tagbench
