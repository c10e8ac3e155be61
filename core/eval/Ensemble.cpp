#include "core/eval/Ensemble.h"

#include <algorithm>
#include <unordered_map>

namespace tagbench::eval {

Status checkSameSplit(const std::vector<const ScoreMatrix*>& runs)
{
    if (runs.empty()) return Error{"no runs given"};
    const ScoreMatrix& first = *runs.front();
    for (std::size_t r = 1; r < runs.size(); ++r) {
        const ScoreMatrix& other = *runs[r];
        const std::string which = "run " + std::to_string(r + 1) + " vs run 1: ";
        if (other.labelNames() != first.labelNames()) return Error{which + "the label lists differ"};
        if (other.documentCount() != first.documentCount())
            return Error{which + std::to_string(other.documentCount()) + " vs " + std::to_string(first.documentCount()) +
                         " documents"};
        for (std::size_t d = 0; d < first.documentCount(); ++d) {
            if (other.documentIds()[d] != first.documentIds()[d])
                return Error{which + "document " + std::to_string(d) + " is '" + other.documentIds()[d] + "' vs '" +
                             first.documentIds()[d] + "'"};
            const GoldSpan a = first.gold(d), b = other.gold(d);
            if (!std::equal(a.begin(), a.end(), b.begin(), b.end()))
                return Error{which + "document '" + first.documentIds()[d] + "' has different gold labels"};
        }
    }
    return {};
}

Result<ScoreMatrix> meanScores(const std::vector<const ScoreMatrix*>& runs)
{
    if (runs.size() < 2) return Error{"an ensemble needs at least two runs"};
    if (auto s = checkSameSplit(runs); !s) return s.error();
    const ScoreMatrix& first = *runs.front();
    ScoreMatrix mean(first.labelNames());
    mean.reserve(first.documentCount());
    std::vector<float> row(first.labelCount());
    const auto scale = 1.0 / static_cast<double>(runs.size());
    for (std::size_t d = 0; d < first.documentCount(); ++d) {
        for (std::size_t j = 0; j < row.size(); ++j) {
            double sum = 0.0;
            for (const ScoreMatrix* run : runs) sum += run->score(d, j);
            row[j] = static_cast<float>(sum * scale);
        }
        const GoldSpan gold = first.gold(d);
        if (auto s = mean.addDocument(first.documentIds()[d], row, {gold.begin(), gold.end()}); !s) return s.error();
    }
    return mean;
}

Result<Metrics> combineDecisions(const std::vector<const ScoreMatrix*>& runs, const std::vector<DecisionRule>& rules,
                                 DecisionCombination combination)
{
    if (runs.size() < 2) return Error{"an ensemble needs at least two runs"};
    if (rules.size() != runs.size())
        return Error{std::to_string(runs.size()) + " runs but " + std::to_string(rules.size()) + " rules"};
    if (auto s = checkSameSplit(runs); !s) return s.error();
    const ScoreMatrix& first = *runs.front();
    const std::size_t labels = first.labelCount();
    std::vector<std::vector<float>> thresholds;
    for (std::size_t r = 0; r < rules.size(); ++r) {
        if (auto s = rules[r].validate(labels); !s) return Error{"rule of run " + std::to_string(r + 1) + ": " + s.message()};
        thresholds.push_back(rules[r].effectiveThresholds(labels));
    }
    MetricsAccumulator accumulator(labels);
    std::vector<std::uint32_t> votes(labels), predicted, combined, scratch;
    const auto needed = static_cast<std::uint32_t>(combination == DecisionCombination::Intersection ? runs.size() : 1);
    for (std::size_t d = 0; d < first.documentCount(); ++d) {
        std::fill(votes.begin(), votes.end(), 0);
        for (std::size_t r = 0; r < runs.size(); ++r) {
            DecisionRule::applyThresholds(runs[r]->row(d), labels, thresholds[r].data(), rules[r].topK(),
                                          rules[r].atLeastOne(), predicted, scratch);
            for (const std::uint32_t label : predicted) ++votes[label];
        }
        combined.clear();
        for (std::uint32_t j = 0; j < labels; ++j)
            if (votes[j] >= needed) combined.push_back(j);
        const GoldSpan gold = first.gold(d);
        accumulator.add(combined.data(), combined.data() + combined.size(), gold.begin(), gold.end());
    }
    return accumulator.metrics();
}

Result<ScoreMatrix> overrideLabelScores(const ScoreMatrix& multi, const ScoreMatrix& binary, const std::string& label)
{
    const auto& names = multi.labelNames();
    const auto target = std::find(names.begin(), names.end(), label);
    if (target == names.end()) return Error{"label '" + label + "' is not a label of the multi-label run"};
    std::size_t source = binary.labelCount();
    const auto& binaryNames = binary.labelNames();
    if (const auto it = std::find(binaryNames.begin(), binaryNames.end(), label); it != binaryNames.end())
        source = static_cast<std::size_t>(it - binaryNames.begin());
    else if (binary.labelCount() == 1)
        source = 0;
    if (source == binary.labelCount())
        return Error{"the binary run has no column '" + label + "' and more than one column"};
    std::unordered_map<std::string, std::size_t> rowOf;
    rowOf.reserve(binary.documentCount());
    for (std::size_t d = 0; d < binary.documentCount(); ++d) rowOf.emplace(binary.documentIds()[d], d);

    ScoreMatrix result = multi;
    const auto column = static_cast<std::size_t>(target - names.begin());
    for (std::size_t d = 0; d < multi.documentCount(); ++d) {
        const auto it = rowOf.find(multi.documentIds()[d]);
        if (it == rowOf.end())
            return Error{"document '" + multi.documentIds()[d] + "' has no score in the binary run"};
        result.mutableRow(d)[column] = binary.score(it->second, source);
    }
    return result;
}

} // namespace tagbench::eval
