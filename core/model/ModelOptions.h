#pragma once

#include <nlohmann/json_fwd.hpp>

#include <memory>
#include <string>

namespace tagbench {

class ConfigReader;

/// A model kind's hyperparameters: the section named after the kind in a training config
/// ("TextCNN": {...}) and in a bundle manifest's "model" object. Each kind derives its own
/// (core/model/<kind>/), with its defaults as member initialisers; read() validates every key.
/// One serializer for both files, so a run and its bundle can never disagree on a key.
class ModelOptions {
public:
    virtual ~ModelOptions() = default;

    virtual std::unique_ptr<ModelOptions> clone() const = 0;
    /// Reads the keys present in section (its JSON path is path); absent keys keep their values,
    /// unknown keys and bad values are reported to reader.
    virtual void read(ConfigReader& reader, const nlohmann::json& section, const std::string& path) = 0;
    /// Every key with its value.
    virtual nlohmann::json toJson() const = 0;
    /// Tokens of a document the model reads; 0 reads whole documents.
    virtual std::int64_t maxTokens() const { return 0; }
};

} // namespace tagbench
