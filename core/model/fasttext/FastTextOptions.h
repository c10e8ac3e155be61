#pragma once

#include "core/model/ModelOptions.h"

#include <cstdint>

namespace tagbench {

/// Hyper-parameters of the fastText-style classifier: the "FastText" section.
class FastTextOptions final : public ModelOptions {
public:
    std::int64_t wordNgrams = 2;      // longest word n-gram hashed into buckets; 1 = words only
    std::int64_t buckets = 2000000;   // hash rows for the n-grams, after the vocabulary rows

    /// Rows the n-gram table really has (none for a words-only model).
    std::int64_t bucketRows() const { return wordNgrams > 1 ? buckets : 0; }

    std::unique_ptr<ModelOptions> clone() const override { return std::make_unique<FastTextOptions>(*this); }
    void read(ConfigReader& reader, const nlohmann::json& section, const std::string& path) override;
    nlohmann::json toJson() const override;
};

} // namespace tagbench
