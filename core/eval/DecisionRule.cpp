#include "core/eval/DecisionRule.h"

#include "core/eval/CalibrationJson.h"
#include "core/util/AtomicFile.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <limits>
#include <sstream>
#include <unordered_map>

namespace tagbench::eval {

namespace {

constexpr const char* kFormat = "tagbench-rule";
constexpr int kVersion = 1;
constexpr float kDisabled = std::numeric_limits<float>::infinity();

// Rank order of a row: higher score first, then the lower label index.
struct RankBefore {
    const float* scores;
    bool operator()(std::uint32_t a, std::uint32_t b) const
    {
        return scores[a] > scores[b] || (scores[a] == scores[b] && a < b);
    }
};

std::size_t lineOfByte(const std::string& text, std::size_t byte)
{
    byte = std::min(byte, text.size());
    return 1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(byte), '\n'));
}

// The shortest decimal that reads back as the same float, so rule.json says 0.45, not
// 0.44999998807907104, and still round-trips exactly.
double shortestDecimal(float value)
{
    char buffer[32];
    for (int digits = 1; digits <= 9; ++digits) {
        std::snprintf(buffer, sizeof(buffer), "%.*g", digits, static_cast<double>(value));
        if (std::strtof(buffer, nullptr) == value) return std::strtod(buffer, nullptr);
    }
    return value;
}

} // namespace

void DecisionRule::setGlobalThreshold(float threshold)
{
    m_globalThreshold = threshold;
    for (std::uint32_t label = 0; label < m_raw.size(); ++label)
        if (!m_labelThresholds.count(label)) m_raw[label] = rawThreshold(label, threshold);
}

void DecisionRule::setLabelThreshold(std::uint32_t label, float threshold)
{
    m_labelThresholds[label] = threshold;
    refreshRaw(label);
}

void DecisionRule::clearLabelThreshold(std::uint32_t label)
{
    m_labelThresholds.erase(label);
    refreshRaw(label);
}

void DecisionRule::clearLabelThresholds()
{
    m_labelThresholds.clear();
    refreshRaw();
}

void DecisionRule::setCalibration(Calibration calibration)
{
    m_calibration = std::move(calibration);
    refreshRaw();
}

void DecisionRule::refreshRaw(std::uint32_t label)
{
    if (label < m_raw.size()) m_raw[label] = rawThreshold(label, thresholdFor(label));
}

void DecisionRule::refreshRaw()
{
    m_raw.assign(m_calibration.size(), 0.0f);
    for (std::uint32_t label = 0; label < m_raw.size(); ++label) m_raw[label] = rawThreshold(label, thresholdFor(label));
}

std::optional<float> DecisionRule::labelThreshold(std::uint32_t label) const
{
    const auto it = m_labelThresholds.find(label);
    if (it == m_labelThresholds.end()) return std::nullopt;
    return it->second;
}

float DecisionRule::thresholdFor(std::uint32_t label) const
{
    const auto it = m_labelThresholds.find(label);
    return it == m_labelThresholds.end() ? m_globalThreshold : it->second;
}

void DecisionRule::setDisabled(std::uint32_t label, bool disabled)
{
    if (disabled)
        m_disabled.insert(label);
    else
        m_disabled.erase(label);
}

Status DecisionRule::validate(std::size_t labelCount) const
{
    if (!std::isfinite(m_globalThreshold)) return Error{"the global threshold is not a finite number"};
    for (const auto& [label, threshold] : m_labelThresholds) {
        if (label >= labelCount)
            return Error{"threshold override for label index " + std::to_string(label) + " but there are only " +
                         std::to_string(labelCount) + " labels"};
        if (!std::isfinite(threshold))
            return Error{"threshold of label index " + std::to_string(label) + " is not a finite number"};
    }
    if (!m_disabled.empty() && *m_disabled.rbegin() >= labelCount)
        return Error{"disabled label index " + std::to_string(*m_disabled.rbegin()) + " but there are only " +
                     std::to_string(labelCount) + " labels"};
    if (!m_calibration.empty() && m_calibration.size() != labelCount)
        return Error{"the calibration has maps for " + std::to_string(m_calibration.size()) + " labels but there are " +
                     std::to_string(labelCount)};
    return {};
}

std::vector<float> DecisionRule::effectiveThresholds(std::size_t labelCount) const
{
    std::vector<float> thresholds(labelCount, m_globalThreshold);
    for (const auto& [label, threshold] : m_labelThresholds)
        if (label < labelCount) thresholds[label] = threshold;
    if (m_raw.size() == labelCount) std::copy(m_raw.begin(), m_raw.end(), thresholds.begin());
    for (const std::uint32_t label : m_disabled)
        if (label < labelCount) thresholds[label] = kDisabled;
    return thresholds;
}

void DecisionRule::applyThresholds(const float* scores, std::size_t labelCount, const float* thresholds, int topK,
                                   bool atLeastOne, std::vector<std::uint32_t>& predicted,
                                   std::vector<std::uint32_t>& scratch)
{
    predicted.clear();
    const RankBefore before{scores};
    const auto n = static_cast<std::uint32_t>(labelCount);
    if (topK > 0 && static_cast<std::size_t>(topK) < labelCount) {
        // Only ranks < topK may be predicted: select them (O(n)), then filter by threshold.
        scratch.resize(labelCount);
        for (std::uint32_t j = 0; j < n; ++j) scratch[j] = j;
        std::nth_element(scratch.begin(), scratch.begin() + topK - 1, scratch.end(), before);
        std::sort(scratch.begin(), scratch.begin() + topK, before);
        for (int r = 0; r < topK; ++r) {
            const std::uint32_t label = scratch[static_cast<std::size_t>(r)];
            if (scores[label] >= thresholds[label]) predicted.push_back(label);
        }
    } else {
        for (std::uint32_t j = 0; j < n; ++j)
            if (scores[j] >= thresholds[j]) predicted.push_back(j);
        std::sort(predicted.begin(), predicted.end(), before);
    }
    if (predicted.empty() && atLeastOne) {
        std::uint32_t best = n;
        for (std::uint32_t j = 0; j < n; ++j)
            if (thresholds[j] != kDisabled && (best == n || before(j, best))) best = j;
        if (best != n) predicted.push_back(best);
    }
}

void DecisionRule::apply(const float* scores, std::size_t labelCount, std::vector<std::uint32_t>& predicted,
                         std::vector<std::uint32_t>& scratch) const
{
    const std::vector<float> thresholds = effectiveThresholds(labelCount);
    applyThresholds(scores, labelCount, thresholds.data(), m_topK, m_atLeastOne, predicted, scratch);
}

std::vector<std::uint32_t> DecisionRule::apply(const float* scores, std::size_t labelCount) const
{
    std::vector<std::uint32_t> predicted, scratch;
    apply(scores, labelCount, predicted, scratch);
    return predicted;
}

std::string DecisionRule::toJson(const std::vector<std::string>& labelNames) const
{
    nlohmann::ordered_json json;
    json["format"] = kFormat;
    json["version"] = kVersion;
    json["threshold"] = shortestDecimal(m_globalThreshold);
    json["top_k"] = m_topK;
    json["at_least_one"] = m_atLeastOne;
    auto overrides = nlohmann::ordered_json::object();
    for (const auto& [label, threshold] : m_labelThresholds)
        if (label < labelNames.size()) overrides[labelNames[label]] = shortestDecimal(threshold);
    json["label_thresholds"] = std::move(overrides);
    auto disabled = nlohmann::ordered_json::array();
    for (const std::uint32_t label : m_disabled)
        if (label < labelNames.size()) disabled.push_back(labelNames[label]);
    json["disabled"] = std::move(disabled);
    if (!m_calibration.empty()) json["calibration"] = calibrationToJson(m_calibration, labelNames);
    return json.dump(2) + "\n";
}

Result<DecisionRule> DecisionRule::fromJson(const std::string& text, const std::vector<std::string>& labelNames,
                                            const std::string& sourceName)
{
    nlohmann::json json;
    try {
        json = nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error& e) {
        return Error{sourceName + ":" + std::to_string(lineOfByte(text, e.byte > 0 ? e.byte - 1 : 0)) +
                     ": invalid JSON: " + e.what()};
    }
    const auto fail = [&](const std::string& why) { return Error{sourceName + ": " + why}; };
    if (!json.is_object()) return fail("a decision rule must be a JSON object");
    if (json.value("format", std::string()) != kFormat) return fail("\"format\" must be \"tagbench-rule\"");
    if (!json.contains("version") || !json["version"].is_number_integer() || json["version"].get<int>() != kVersion)
        return fail("unsupported \"version\" (expected " + std::to_string(kVersion) + ")");

    std::unordered_map<std::string, std::uint32_t> indexOf;
    for (std::size_t i = labelNames.size(); i-- > 0;) indexOf[labelNames[i]] = static_cast<std::uint32_t>(i);
    const auto labelIndex = [&](const std::string& name, const char* key) -> Result<std::uint32_t> {
        const auto it = indexOf.find(name);
        if (it == indexOf.end()) return fail(std::string("\"") + key + "\": unknown label '" + name + "'");
        return it->second;
    };
    const auto finiteNumber = [](const nlohmann::json& v) { return v.is_number() && std::isfinite(v.get<double>()); };

    DecisionRule rule;
    for (const auto& [key, value] : json.items()) {
        if (key == "format" || key == "version") continue;
        if (key == "threshold") {
            if (!finiteNumber(value)) return fail("\"threshold\" must be a number");
            rule.m_globalThreshold = value.get<float>();
        } else if (key == "top_k") {
            if (!value.is_number_integer() || value.get<long long>() < 0 || value.get<long long>() > 1'000'000)
                return fail("\"top_k\" must be an integer >= 0 (0 = unlimited)");
            rule.m_topK = value.get<int>();
        } else if (key == "at_least_one") {
            if (!value.is_boolean()) return fail("\"at_least_one\" must be true or false");
            rule.m_atLeastOne = value.get<bool>();
        } else if (key == "label_thresholds") {
            if (!value.is_object()) return fail("\"label_thresholds\" must be an object {label: threshold}");
            for (const auto& [name, threshold] : value.items()) {
                auto label = labelIndex(name, "label_thresholds");
                if (!label) return label.error();
                if (!finiteNumber(threshold)) return fail("\"label_thresholds\": threshold of '" + name + "' must be a number");
                rule.m_labelThresholds[*label] = threshold.get<float>();
            }
        } else if (key == "disabled") {
            if (!value.is_array()) return fail("\"disabled\" must be an array of label names");
            for (const auto& name : value) {
                if (!name.is_string()) return fail("\"disabled\" must be an array of label names");
                auto label = labelIndex(name.get<std::string>(), "disabled");
                if (!label) return label.error();
                rule.m_disabled.insert(*label);
            }
        } else if (key == "calibration") {
            auto calibration = calibrationFromJson(value, labelNames, indexOf);
            if (!calibration) return fail(calibration.message());
            rule.m_calibration = std::move(*calibration);  // m_raw follows below, once every threshold is read
        } else {
            return fail("unknown key \"" + key + "\"");
        }
    }
    rule.refreshRaw();
    return rule;
}

Status DecisionRule::save(const std::string& path, const std::vector<std::string>& labelNames) const
{
    if (auto s = validate(labelNames.size()); !s) return Error{path + ": " + s.message()};
    return writeFileAtomically(path, toJson(labelNames));
}

Result<DecisionRule> DecisionRule::load(const std::string& path, const std::vector<std::string>& labelNames)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) return Error{path + ": cannot open decision rule"};
    std::ostringstream text;
    text << in.rdbuf();
    return fromJson(text.str(), labelNames, path);
}

bool DecisionRule::operator==(const DecisionRule& other) const
{
    return m_globalThreshold == other.m_globalThreshold && m_labelThresholds == other.m_labelThresholds &&
           m_disabled == other.m_disabled && m_topK == other.m_topK && m_atLeastOne == other.m_atLeastOne &&
           m_calibration == other.m_calibration;
}

} // namespace tagbench::eval
