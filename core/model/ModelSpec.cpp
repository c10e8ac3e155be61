#include "core/model/ModelSpec.h"

#include "core/model/ModelRegistry.h"
#include "core/util/ConfigReader.h"

#include <nlohmann/json.hpp>

namespace tagbench {

using nlohmann::json;

std::string taskKindName(TaskKind kind) { return kind == TaskKind::MultiLabel ? "multi_label" : "single_label"; }

std::string ModelSpec::toManifestJson() const
{
    json m = {{"type", kind}, {"task", taskKindName(task)}, {"vocabulary_size", vocabularySize}, {"labels", labels}};
    if (embeddingDim > 0) m["embedding_dim"] = embeddingDim;
    if (options) m[kind] = options->toJson();
    return m.dump();
}

Result<ModelSpec> ModelSpec::fromManifestJson(std::string_view text, const std::string& origin)
{
    const json m = json::parse(text.begin(), text.end(), nullptr, false);
    if (m.is_discarded() || !m.is_object()) return Error{origin + ": manifest: model: expected an object"};
    ConfigReader r({}, origin + ": manifest");
    ModelSpec spec;
    std::string type;
    r.readString(m, "model", "type", type);
    const ModelKind* kind = ModelRegistry::instance().find(type);
    if (type.empty()) r.fail("model.type", "missing");
    else if (!kind) r.fail("model.type", "unknown model type \"" + type + "\" (this Tagbench knows "
                                             + ModelRegistry::instance().namesText() + ")");
    std::string task;
    r.readChoice(m, "model", "task", task, {taskKindName(TaskKind::MultiLabel), taskKindName(TaskKind::SingleLabel)});
    if (task.empty() && r.ok()) r.fail("model.task", "missing");
    spec.task = task == taskKindName(TaskKind::SingleLabel) ? TaskKind::SingleLabel : TaskKind::MultiLabel;
    spec.vocabularySize = -1;
    spec.labels = -1;
    r.readInt(m, "model", "vocabulary_size", spec.vocabularySize, 2);
    r.readInt(m, "model", "labels", spec.labels, 1);
    if (spec.vocabularySize < 0 && r.ok()) r.fail("model.vocabulary_size", "missing");
    if (spec.labels < 0 && r.ok()) r.fail("model.labels", "missing");
    if (kind) {
        spec.kind = type;
        if (kind->usesEmbedding()) {
            r.readInt(m, "model", "embedding_dim", spec.embeddingDim, 1, 1 << 20);
            if (spec.embeddingDim == 0 && r.ok()) r.fail("model.embedding_dim", "missing");
        } else {
            r.value(m, "model", "embedding_dim");
        }
        auto options = kind->defaultOptions();
        if (const json* section = r.section(m, "model", type)) options->read(r, *section, "model." + type);
        else if (r.ok()) r.fail("model." + type, "missing");
        spec.options = std::move(options);
    }
    if (!r.ok()) return Error{r.errors().front()};
    return spec;
}

} // namespace tagbench
