#include "core/model/linear/LinearOptions.h"

#include "core/util/ConfigReader.h"

#include <nlohmann/json.hpp>

namespace tagbench {

namespace {

using nlohmann::json;

/// sklearn's spelling: an integer is a document count, a float a share of the documents.
void readBound(ConfigReader& r, const json& block, const std::string& path, const char* key, linear::DocumentFrequencyBound& out)
{
    const json* v = r.value(block, path, key);
    if (!v) return;
    if (v->is_number_integer() && v->get<std::int64_t>() >= 1) out = linear::DocumentFrequencyBound::count(v->get<std::int64_t>());
    else if (v->is_number_float() && v->get<double>() >= 0.0 && v->get<double>() <= 1.0) out = linear::DocumentFrequencyBound::share(v->get<double>());
    else r.fail(ConfigReader::join(path, key), "expected a document count (integer >= 1) or a share of documents (number in [0.0, 1.0]), got "
                                                  + ConfigReader::describe(*v));
}

json boundJson(const linear::DocumentFrequencyBound& bound)
{
    return bound.fraction ? json(bound.value) : json(static_cast<std::int64_t>(bound.value));
}

void readBlock(ConfigReader& r, const json& block, const std::string& path, linear::TfidfOptions& out)
{
    std::string analyzer(linear::analyzerName(out.analyzer));
    r.readChoice(block, path, "analyzer", analyzer, {"word", "char", "char_wb"});
    out.analyzer = *linear::parseAnalyzer(analyzer);
    std::vector<std::int64_t> range{out.ngramMin, out.ngramMax};
    r.readIntArray(block, path, "ngram_range", range, 1, 16, 2);
    if (range.size() == 2 && range[0] <= range[1]) {
        out.ngramMin = static_cast<int>(range[0]);
        out.ngramMax = static_cast<int>(range[1]);
    } else {
        r.fail(ConfigReader::join(path, "ngram_range"), "expected [min, max] with min <= max");
    }
    r.readBool(block, path, "lowercase", out.lowercase);
    readBound(r, block, path, "min_df", out.minDf);
    readBound(r, block, path, "max_df", out.maxDf);
    std::int64_t maxFeatures = static_cast<std::int64_t>(out.maxFeatures);
    r.readInt(block, path, "max_features", maxFeatures, 0, 100000000);
    out.maxFeatures = static_cast<std::size_t>(maxFeatures);
    r.readBool(block, path, "sublinear_tf", out.sublinearTf);
    std::string norm(linear::normName(out.norm));
    r.readChoice(block, path, "norm", norm, {"l2", "l1", "none"});
    out.norm = *linear::parseNorm(norm);
    r.readBool(block, path, "use_idf", out.useIdf);
    r.readBool(block, path, "smooth_idf", out.smoothIdf);
    r.reportUnknown(block, path);
    if (auto s = out.validate(path); !s) r.fail(path, s.message());
}

} // namespace

linear::TfidfOptions LinearOptions::defaultFeatures()
{
    // sklearn baseline features: word 1-2 grams, sublinear tf, min_df 2.
    linear::TfidfOptions options;
    options.ngramMin = 1;
    options.ngramMax = 2;
    options.sublinearTf = true;
    options.minDf = linear::DocumentFrequencyBound::count(2);
    return options;
}

linear::LinearTrainOptions LinearOptions::defaultTraining()
{
    linear::LinearTrainOptions options;
    options.C = 4.0;
    return options;
}

void LinearOptions::read(ConfigReader& r, const json& section, const std::string& path)
{
    if (const json* blocks = r.value(section, path, "features")) {
        if (!blocks->is_array() || blocks->empty()) {
            r.fail(ConfigReader::join(path, "features"), "expected a non-empty array of TF-IDF blocks");
        } else {
            features.clear();
            for (std::size_t i = 0; i < blocks->size(); ++i) {
                const std::string blockPath = ConfigReader::join(path, "features") + "[" + std::to_string(i) + "]";
                linear::TfidfOptions block = defaultFeatures();
                if ((*blocks)[i].is_object()) readBlock(r, (*blocks)[i], blockPath, block);
                else r.fail(blockPath, "expected an object");
                features.push_back(block);
            }
        }
    }
    std::string loss(linear::lossName(training.loss));
    r.readChoice(section, path, "loss", loss, {"logistic", "squared_hinge"});
    training.loss = *linear::parseLoss(loss);
    r.readBool(section, path, "dual", training.dual);
    r.readDouble(section, path, "C", training.C, 0.0, 1e9, /*exclusiveMin=*/true);
    r.readDouble(section, path, "tolerance", training.tolerance, 0.0, 1.0, true);
    std::string weighting(linear::classWeightingName(training.classWeight));
    r.readChoice(section, path, "class_weight", weighting, {"none", "balanced", "positive"});
    training.classWeight = *linear::parseClassWeighting(weighting);
    r.readDouble(section, path, "positive_weight", training.positiveWeight, 0.0, 1e6, true);
    r.readDouble(section, path, "intercept_scaling", training.interceptScaling, 0.0, 1e6);
    r.reportUnknown(section, path);
}

json LinearOptions::toJson() const
{
    json blocks = json::array();
    for (const auto& b : features)
        blocks.push_back({{"analyzer", std::string(linear::analyzerName(b.analyzer))},
                          {"ngram_range", {b.ngramMin, b.ngramMax}},
                          {"lowercase", b.lowercase},
                          {"min_df", boundJson(b.minDf)},
                          {"max_df", boundJson(b.maxDf)},
                          {"max_features", b.maxFeatures},
                          {"sublinear_tf", b.sublinearTf},
                          {"norm", std::string(linear::normName(b.norm))},
                          {"use_idf", b.useIdf},
                          {"smooth_idf", b.smoothIdf}});
    return {{"features", blocks},
            {"loss", std::string(linear::lossName(training.loss))},
            {"dual", training.dual},
            {"C", training.C},
            {"tolerance", training.tolerance},
            {"class_weight", std::string(linear::classWeightingName(training.classWeight))},
            {"positive_weight", training.positiveWeight},
            {"intercept_scaling", training.interceptScaling}};
}

} // namespace tagbench
