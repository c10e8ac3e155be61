#pragma once
// The "calibration" object of rule.json, read and written by DecisionRule.

#include "core/eval/Calibration.h"
#include "core/util/Result.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace tagbench::eval {

/// {"method": "platt", "labels": {"name": {"a": A, "b": B}, ...}} or
/// {"method": "isotonic", "labels": {"name": {"scores": [...], "values": [...]}, ...}}.
nlohmann::ordered_json calibrationToJson(const Calibration& calibration, const std::vector<std::string>& labelNames);

/// Parses calibrationToJson() output; every label needs its map. Errors name the key.
Result<Calibration> calibrationFromJson(const nlohmann::json& json, const std::vector<std::string>& labelNames,
                                        const std::unordered_map<std::string, std::uint32_t>& indexOf);

} // namespace tagbench::eval
