#pragma once

#include "core/model/ModelOptions.h"
#include "core/model/linear/LinearTrainer.h"
#include "core/model/linear/TfidfOptions.h"

#include <vector>

namespace tagbench {

/// The "Linear" section: TF-IDF blocks (word and character n-grams, as sklearn's
/// TfidfVectorizer) and one-vs-rest logistic regression or linear SVM by liblinear, with
/// sklearn's parameter names.
class LinearOptions final : public ModelOptions {
public:
    std::vector<linear::TfidfOptions> features{defaultFeatures()};
    linear::LinearTrainOptions training = defaultTraining();

    static linear::TfidfOptions defaultFeatures();
    static linear::LinearTrainOptions defaultTraining();

    std::unique_ptr<ModelOptions> clone() const override { return std::make_unique<LinearOptions>(*this); }
    void read(ConfigReader& reader, const nlohmann::json& section, const std::string& path) override;
    nlohmann::json toJson() const override;
};

} // namespace tagbench
