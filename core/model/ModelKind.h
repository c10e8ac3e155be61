#pragma once

#include "core/export/Safetensors.h"
#include "core/model/InputEncoder.h"
#include "core/model/ModelSpec.h"
#include "core/text/TokenizerSettings.h"
#include "core/util/Result.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace tagbench {

class Dataset;
class TextClassifierImpl;  // core/model/torch/TextClassifier.h

/// What fitting a model's input needs from a training run.
struct InputFitRequest {
    const Dataset* train = nullptr;
    TokenizerSettings tokenizer;
    const ModelSpec* spec = nullptr;
    int threads = 0;
    std::uint64_t seed = 0;
    std::function<void(const std::string&)> log;
};

/// What rebuilding a fitted input from a run folder needs.
struct InputLoadRequest {
    std::string runDir;
    TokenizerSettings tokenizer;
    bool pretokenized = false;  // the training data was already segmented
    const ModelSpec* spec = nullptr;
};

/// One model kind (TextCNN, FastText, ...): everything Tagbench knows about it lives in its
/// folder core/model/<kind>/ behind this interface, and ModelRegistry lists it in one line.
/// Trainer, scoring, the predictor and export only talk to a kind through here and through the
/// module interface it creates (TextClassifierImpl); none of them knows a concrete model.
class ModelKind {
public:
    virtual ~ModelKind() = default;

    /// The "model" value of configs and bundles, and the name of the kind's config section.
    virtual std::string name() const = 0;
    /// One line for people: what the model is and when to pick it.
    virtual std::string summary() const = 0;
    /// The kind's hyperparameters at their defaults.
    virtual std::unique_ptr<ModelOptions> defaultOptions() const = 0;
    /// Training settings that suit the kind, as a JSON merge patch over the default training
    /// config (e.g. {"train": {"learning_rate": 0.01}}): what the Train page starts a new run from.
    virtual std::string recommendedSettings() const { return "{}"; }
    /// Settings autotune tries for this kind, most promising first: JSON merge patches over
    /// recommendedSettings() ("{}" is the recommended settings as they are).
    virtual std::vector<std::string> searchSpace() const { return {"{}"}; }
    /// Roughly what one training of this kind costs beside one linear fit (1): autotune tries the
    /// cheap kinds first so that a short budget still ends with the strong, cheap baselines.
    virtual double relativeCost() const { return 10.0; }
    /// Whether the config's "embedding" section (dimension, pretrained vectors) applies.
    virtual bool usesEmbedding() const { return true; }
    /// Whether the config's "tokenizer" section applies (a kind may bring its own tokenizer).
    virtual bool usesTokenizer() const { return true; }

    /// Builds the input (vocabulary, tokenizer) from the training data of a new run.
    virtual Result<std::shared_ptr<const InputEncoder>> fitInput(const InputFitRequest& request) const = 0;
    /// Rebuilds the input a run folder saved (InputEncoder::save), to resume or export it.
    virtual Result<std::shared_ptr<const InputEncoder>> loadInput(const InputLoadRequest& request) const = 0;
    /// Rebuilds the input of a bundle from its manifest (tokenizer, vocabulary in id order) and
    /// the tensors InputEncoder::appendTensors() put into its weights.
    virtual Result<std::shared_ptr<const InputEncoder>> bundleInput(const ModelSpec& spec, const TokenizerConfig& tokenizer,
                                                                    const std::vector<std::string>& vocabulary, const SafetensorsReader& weights) const = 0;
    /// A freshly initialised network of the architecture spec describes, on the CPU (LibTorch).
    virtual std::shared_ptr<TextClassifierImpl> createModule(const ModelSpec& spec) const = 0;
};

} // namespace tagbench
