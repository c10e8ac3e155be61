#pragma once

#include "core/model/ModelOptions.h"
#include "core/util/Result.h"

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace tagbench {

/// One label per document (softmax + cross-entropy) or any number (one sigmoid per label + BCE).
enum class TaskKind { MultiLabel, SingleLabel };

/// "multi_label" or "single_label".
std::string taskKindName(TaskKind kind);

/// The single description of a network's architecture: enough to rebuild it without its
/// training config, data files or any code from a bundle. A training config holds one (sizes
/// still 0 until the data is read); a bundle manifest holds the complete one.
struct ModelSpec {
    std::string kind = "TextCNN";       // a ModelRegistry name
    TaskKind task = TaskKind::MultiLabel;
    std::int64_t vocabularySize = 0;    // input ids, specials included
    std::int64_t labels = 0;            // output columns
    std::int64_t embeddingDim = 0;      // token embedding width (config "embedding.dimension"); 0 = none
    std::shared_ptr<const ModelOptions> options;  // the kind's section, never null once parsed

    /// The kind's own options type; only the kind's folder knows it (throws std::bad_cast otherwise).
    template <typename T>
    const T& optionsAs() const { return dynamic_cast<const T&>(*options); }

    /// The bundle manifest's "model" object:
    /// {"type", "task", "vocabulary_size", "labels", "embedding_dim", "<kind>": {section}}.
    std::string toManifestJson() const;
    /// Reads what toManifestJson() wrote (and what Tagbench 0.1 wrote); errors start with origin
    /// and name the key ("x.tagbench: manifest: model.TextCNN.num_kernels: ...").
    static Result<ModelSpec> fromManifestJson(std::string_view json, const std::string& origin);
};

} // namespace tagbench
