#include "core/eval/EnsembleSpec.h"

#include "core/eval/CalibrationJson.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <limits>
#include <unordered_map>

namespace tagbench::eval {

namespace {

using nlohmann::json;

std::unordered_map<std::string, std::uint32_t> indexOf(const std::vector<std::string>& labels)
{
    std::unordered_map<std::string, std::uint32_t> index;
    for (std::size_t i = 0; i < labels.size(); ++i) index.emplace(labels[i], static_cast<std::uint32_t>(i));
    return index;
}

} // namespace

const char* ensembleCombinationName(EnsembleCombination combination)
{
    switch (combination) {
    case EnsembleCombination::Mean: return "mean";
    case EnsembleCombination::WeightedMean: return "weighted";
    case EnsembleCombination::Min: return "intersection";
    case EnsembleCombination::Max: return "union";
    }
    return "mean";
}

Result<EnsembleCombination> parseEnsembleCombination(const std::string& text)
{
    for (const auto c : {EnsembleCombination::Mean, EnsembleCombination::WeightedMean, EnsembleCombination::Min, EnsembleCombination::Max})
        if (text == ensembleCombinationName(c)) return c;
    return Error{"unknown combination \"" + text + "\" (expected mean, weighted, intersection or union)"};
}

std::string EnsembleSpec::toJson() const
{
    json list = json::array();
    for (const auto& m : members)
        list.push_back({{"run", m.run},
                        {"weight", m.weight},
                        {"labels", m.labels},
                        {"calibration", m.calibration.empty() ? json(nullptr)
                                                              : json::parse(calibrationToJson(m.calibration, m.labels).dump())}});
    return json{{"format", "tagbench-ensemble"},
                {"combination", ensembleCombinationName(combination)},
                {"calibration", Calibration::methodName(calibration)},
                {"members", list}}
               .dump(2) + "\n";
}

Result<EnsembleSpec> EnsembleSpec::fromJson(const std::string& text, const std::string& origin)
{
    const json j = json::parse(text, nullptr, false);
    if (j.is_discarded() || !j.is_object() || j.value("format", "") != "tagbench-ensemble")
        return Error{origin + ": not an ensemble description (\"format\": \"tagbench-ensemble\")"};
    EnsembleSpec spec;
    auto combination = parseEnsembleCombination(j.value("combination", "mean"));
    if (!combination) return Error{origin + ": combination: " + combination.message()};
    spec.combination = *combination;
    auto method = Calibration::parseMethod(j.value("calibration", "none"));
    if (!method) return Error{origin + ": calibration: " + method.message()};
    spec.calibration = *method;
    const auto members = j.find("members");
    if (members == j.end() || !members->is_array() || members->size() < 2)
        return Error{origin + ": members: expected an array of at least two runs"};
    for (std::size_t i = 0; i < members->size(); ++i) {
        const json& m = (*members)[i];
        const std::string where = origin + ": members[" + std::to_string(i) + "]";
        EnsembleMember member;
        if (!m.is_object() || !m.contains("run") || !m["run"].is_string()) return Error{where + ".run: expected a run folder"};
        member.run = m["run"].get<std::string>();
        if (m.contains("weight")) {
            if (!m["weight"].is_number() || m["weight"].get<double>() < 0) return Error{where + ".weight: expected a number >= 0"};
            member.weight = m["weight"].get<double>();
        }
        if (!m.contains("labels") || !m["labels"].is_array()) return Error{where + ".labels: expected the member's label names"};
        for (const auto& label : m["labels"]) {
            if (!label.is_string()) return Error{where + ".labels: expected strings"};
            member.labels.push_back(label.get<std::string>());
        }
        if (m.contains("calibration") && !m["calibration"].is_null()) {
            auto calibration = calibrationFromJson(m["calibration"], member.labels, indexOf(member.labels));
            if (!calibration) return Error{where + ".calibration: " + calibration.message()};
            member.calibration = std::move(*calibration);
        }
        spec.members.push_back(std::move(member));
    }
    if (auto columns = ensembleColumns(spec); !columns) return Error{origin + ": " + columns.message()};
    return spec;
}

Result<std::vector<std::vector<std::int64_t>>> ensembleColumns(const EnsembleSpec& spec)
{
    const auto index = indexOf(spec.labels());
    std::vector<std::vector<std::int64_t>> columns;
    for (std::size_t m = 0; m < spec.members.size(); ++m) {
        std::vector<std::int64_t> column;
        for (const auto& label : spec.members[m].labels) {
            const auto it = index.find(label);
            if (it == index.end())
                return Error{"member " + std::to_string(m + 1) + " (" + spec.members[m].run + ") scores \"" + label
                             + "\", which the first member does not have"};
            column.push_back(it->second);
        }
        columns.push_back(std::move(column));
    }
    return columns;
}

void combineRow(const EnsembleSpec& spec, const std::vector<std::vector<std::int64_t>>& columns,
                const std::vector<const float*>& rows, float* out)
{
    const std::size_t labels = spec.labels().size();
    std::vector<double> total(labels, 0.0), weight(labels, 0.0);
    const bool min = spec.combination == EnsembleCombination::Min;
    const bool max = spec.combination == EnsembleCombination::Max;
    if (min) std::fill(total.begin(), total.end(), std::numeric_limits<double>::infinity());
    if (max) std::fill(total.begin(), total.end(), -std::numeric_limits<double>::infinity());
    for (std::size_t m = 0; m < rows.size(); ++m) {
        const EnsembleMember& member = spec.members[m];
        const double w = spec.combination == EnsembleCombination::WeightedMean ? member.weight : 1.0;
        for (std::size_t j = 0; j < columns[m].size(); ++j) {
            const auto column = static_cast<std::size_t>(columns[m][j]);
            const double score = member.calibration.apply(static_cast<std::uint32_t>(j), rows[m][j]);
            if (min) total[column] = std::min(total[column], score);
            else if (max) total[column] = std::max(total[column], score);
            else total[column] += w * score;
            weight[column] += w;
        }
    }
    for (std::size_t l = 0; l < labels; ++l)
        out[l] = static_cast<float>(min || max ? total[l] : (weight[l] > 0 ? total[l] / weight[l] : 0.0));
}

Result<ScoreMatrix> combineScores(const EnsembleSpec& spec, const std::vector<const ScoreMatrix*>& members)
{
    if (members.size() != spec.members.size()) return Error{"an ensemble needs the scores of each of its members"};
    auto columns = ensembleColumns(spec);
    if (!columns) return columns.error();
    const ScoreMatrix& first = *members.front();
    for (std::size_t m = 0; m < members.size(); ++m) {
        if (members[m]->labelNames() != spec.members[m].labels)
            return Error{"member " + std::to_string(m + 1) + " (" + spec.members[m].run + "): its scores have other labels than it had"};
        if (members[m]->documentIds() != first.documentIds())
            return Error{"member " + std::to_string(m + 1) + " (" + spec.members[m].run + ") scored other documents than member 1"};
    }
    ScoreMatrix combined(spec.labels());
    combined.reserve(first.documentCount());
    std::vector<float> row(spec.labels().size());
    std::vector<const float*> rows(members.size());
    for (std::size_t d = 0; d < first.documentCount(); ++d) {
        for (std::size_t m = 0; m < members.size(); ++m) rows[m] = members[m]->row(d);
        combineRow(spec, *columns, rows, row.data());
        const GoldSpan gold = first.gold(d);
        if (auto s = combined.addDocument(first.documentIds()[d], row, std::vector<std::uint32_t>(gold.begin(), gold.end())); !s)
            return s.error();
    }
    return combined;
}

} // namespace tagbench::eval
