#pragma once

#include "core/model/ModelOptions.h"

#include <cstdint>
#include <vector>

namespace tagbench {

/// Hyper-parameters of TextCNN (Kim 2014) with k-max pooling: the "TextCNN" section.
class TextCnnOptions final : public ModelOptions {
public:
    std::vector<std::int64_t> kernelSizes{2, 3, 4};
    std::int64_t numKernels = 128;      // filters per kernel size
    std::int64_t topKMaxPooling = 1;    // k of k-max pooling; 1 is max-over-time pooling
    std::int64_t hidden = 0;            // width of an optional hidden layer; 0 = none
    double dropout = 0.5;
    std::int64_t maxLength = 256;       // tokens kept per document

    std::unique_ptr<ModelOptions> clone() const override { return std::make_unique<TextCnnOptions>(*this); }
    void read(ConfigReader& reader, const nlohmann::json& section, const std::string& path) override;
    nlohmann::json toJson() const override;
    std::int64_t maxTokens() const override { return maxLength; }
};

} // namespace tagbench
