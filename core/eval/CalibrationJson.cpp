#include "core/eval/CalibrationJson.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <optional>

namespace tagbench::eval {

namespace {

// The shortest decimal that reads back as the same float (see DecisionRule's thresholds).
double shortestDecimal(float value)
{
    char buffer[32];
    for (int digits = 1; digits <= 9; ++digits) {
        std::snprintf(buffer, sizeof(buffer), "%.*g", digits, static_cast<double>(value));
        if (std::strtof(buffer, nullptr) == value) return std::strtod(buffer, nullptr);
    }
    return value;
}

bool finiteNumber(const nlohmann::json& v) { return v.is_number() && std::isfinite(v.get<double>()); }

std::optional<std::vector<float>> floats(const nlohmann::json& v)
{
    if (!v.is_array() || v.empty()) return std::nullopt;
    std::vector<float> out;
    for (const auto& x : v) {
        if (!finiteNumber(x)) return std::nullopt;
        out.push_back(x.get<float>());
    }
    return out;
}

} // namespace

nlohmann::ordered_json calibrationToJson(const Calibration& calibration, const std::vector<std::string>& labelNames)
{
    nlohmann::ordered_json json;
    json["method"] = Calibration::methodName(calibration.method());
    auto labels = nlohmann::ordered_json::object();
    for (std::uint32_t l = 0; l < calibration.size() && l < labelNames.size(); ++l) {
        const LabelCalibration& map = calibration.label(l);
        nlohmann::ordered_json entry;
        if (map.kind() == LabelCalibration::Kind::Platt) {
            entry["a"] = map.a();
            entry["b"] = map.b();
        } else {
            auto scores = nlohmann::ordered_json::array(), values = nlohmann::ordered_json::array();
            for (const float x : map.knots()) scores.push_back(shortestDecimal(x));
            for (const float y : map.values()) values.push_back(shortestDecimal(y));
            entry["scores"] = std::move(scores);
            entry["values"] = std::move(values);
        }
        labels[labelNames[l]] = std::move(entry);
    }
    json["labels"] = std::move(labels);
    return json;
}

Result<Calibration> calibrationFromJson(const nlohmann::json& json, const std::vector<std::string>& labelNames,
                                        const std::unordered_map<std::string, std::uint32_t>& indexOf)
{
    const auto fail = [](const std::string& why) { return Error{"\"calibration\": " + why}; };
    if (!json.is_object() || !json.contains("method") || !json["method"].is_string())
        return fail("must be an object with a \"method\"");
    auto method = Calibration::parseMethod(json["method"].get<std::string>());
    if (!method || *method == Calibration::Method::None)
        return fail("\"method\" must be \"platt\" or \"isotonic\"");
    for (const auto& [key, value] : json.items())
        if (key != "method" && key != "labels") return fail("unknown key \"" + key + "\"");
    if (!json.contains("labels") || !json["labels"].is_object()) return fail("\"labels\" must be an object {label: map}");

    std::vector<std::optional<LabelCalibration>> maps(labelNames.size());
    for (const auto& [name, entry] : json["labels"].items()) {
        const auto it = indexOf.find(name);
        if (it == indexOf.end()) return fail("unknown label '" + name + "'");
        const std::string where = "map of '" + name + "' ";
        if (*method == Calibration::Method::Platt) {
            if (!entry.is_object() || entry.size() != 2 || !entry.contains("a") || !entry.contains("b") ||
                !finiteNumber(entry["a"]) || !finiteNumber(entry["b"]))
                return fail(where + "must be {\"a\": number, \"b\": number}");
            if (entry["a"].get<double>() < 0.0) return fail(where + "has a < 0 (the map must not reverse the order)");
            maps[it->second] = LabelCalibration::platt(entry["a"].get<double>(), entry["b"].get<double>());
        } else {
            if (!entry.is_object() || entry.size() != 2 || !entry.contains("scores") || !entry.contains("values"))
                return fail(where + "must be {\"scores\": [...], \"values\": [...]}");
            const auto scores = floats(entry["scores"]), values = floats(entry["values"]);
            if (!scores || !values || scores->size() != values->size())
                return fail(where + "needs \"scores\" and \"values\" of the same length >= 1, all numbers");
            for (std::size_t i = 1; i < scores->size(); ++i)
                if (!((*scores)[i - 1] < (*scores)[i]) || !((*values)[i - 1] <= (*values)[i]))
                    return fail(where + "must have ascending \"scores\" and non-decreasing \"values\"");
            maps[it->second] = LabelCalibration::isotonic(*scores, *values);
        }
    }
    std::vector<LabelCalibration> labels;
    for (std::size_t l = 0; l < maps.size(); ++l) {
        if (!maps[l]) return fail("no map for label '" + labelNames[l] + "'");
        labels.push_back(*maps[l]);
    }
    return Calibration(*method, std::move(labels));
}

} // namespace tagbench::eval
