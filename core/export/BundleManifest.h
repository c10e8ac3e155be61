#pragma once

#include "core/eval/DecisionRule.h"
#include "core/eval/Metrics.h"
#include "core/model/ModelSpec.h"
#include "core/text/TokenizerFactory.h"
#include "core/util/Result.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tagbench {

/// Label hierarchy derived from label paths such as "facet::tag", "A--B" or "a/b": a forest of
/// nodes (inner nodes need not be labels themselves).
struct LabelTree {
    std::string separator;            // empty when the labels are flat
    std::vector<std::string> nodes;   // full paths, parents before children
    std::vector<std::int32_t> parent; // per node: index of its parent node, -1 for a root
    std::vector<std::int32_t> labelNode;  // per label: its node

    /// Builds the tree of labels with the separator LabelHierarchy::detectSeparator() finds.
    static LabelTree fromLabels(const std::vector<std::string>& labels);
};

/// Quality of the bundled model and rule on one split, as measured at export time.
struct MetricsCard {
    std::string split;  // "dev" or "test"
    eval::Metrics metrics;
};

/// The JSON manifest of a .tagbench bundle (schema in docs/bundle-format.md).
struct BundleManifest {
    std::string tagbenchVersion;
    std::string created;              // ISO 8601 UTC
    ModelSpec model;
    /// Tokenizer settings; sentencepieceModel is filled from the weights by Bundle::open.
    TokenizerConfig tokenizer;
    std::vector<std::string> vocabulary;  // index = id; 0 <pad>, 1 <unk>
    std::vector<std::string> labels;      // index = score column
    LabelTree hierarchy;
    eval::DecisionRule rule;
    std::string ruleSource;           // where the rule came from, e.g. "rule.json"
    std::vector<MetricsCard> metrics;
    std::string trainingConfigJson;   // the run's config.json (informational)
    std::string sourceRun;            // run directory the bundle was exported from
    std::int64_t bestEpoch = 0;
    /// Set for an ensemble (eval::EnsembleSpec JSON, members named "member0", ...): model,
    /// tokenizer and vocabulary are then unused and each member is a bundle in the weights.
    std::string ensembleJson;
    std::string weightsSha256;        // SHA-256 of the safetensors section
    std::uint64_t weightsBytes = 0;

    /// Serializes to the manifest JSON.
    std::string toJson() const;

    /// Parses and validates a manifest; origin (the bundle path) prefixes error messages.
    static Result<BundleManifest> fromJson(std::string_view json, const std::string& origin);
};

/// model.kind of an ensemble bundle.
constexpr const char* kEnsembleKind = "Ensemble";

/// Name of the safetensors tensor that holds ensemble member i's bundle bytes: prefix + i (U8).
constexpr const char* kEnsembleMemberTensorPrefix = "ensemble.member";

/// Name of the safetensors tensor that holds the sentencepiece model bytes (U8).
constexpr const char* kSentencePieceTensor = "tokenizer.sentencepiece_model";

/// Prefix of the network's tensors in the safetensors section ("model." + parameter name).
constexpr const char* kModelTensorPrefix = "model.";

} // namespace tagbench
