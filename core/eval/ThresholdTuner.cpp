#include "core/eval/ThresholdTuner.h"

#include "core/eval/InteractiveEvaluator.h"
#include "core/eval/ScoreMatrix.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <optional>

namespace tagbench::eval {

namespace {

// Evaluations per round of the global search; each costs O(labels log documents).
constexpr std::size_t kGlobalSamples = 256;

Result<double> parseNumber(const std::string& text, const std::string& what)
{
    char* end = nullptr;
    const double value = std::strtod(text.c_str(), &end);
    if (text.empty() || end != text.c_str() + text.size() || !std::isfinite(value))
        return Error{"objective: '" + text + "' is not a number (" + what + ")"};
    return value;
}

// Candidate indices into a descending list: all when few, else evenly spaced within [from, to].
std::vector<std::size_t> sampleRange(std::size_t from, std::size_t to, std::size_t samples)
{
    std::vector<std::size_t> out;
    const std::size_t count = to - from + 1;
    if (count <= samples) {
        for (std::size_t i = from; i <= to; ++i) out.push_back(i);
        return out;
    }
    for (std::size_t s = 0; s < samples; ++s) out.push_back(from + s * (count - 1) / (samples - 1));
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

// Counts labels across top-k trials and asks the caller's callback whether to go on; once it
// says stop, every later check fails too.
class ProgressTracker final {
public:
    ProgressTracker(const TuneProgress& callback, std::size_t total) : m_callback(callback), m_total(total) {}

    /// Reports the current count; false when tuning must stop.
    bool check()
    {
        if (!m_cancelled && m_callback && !m_callback(m_done, m_total)) m_cancelled = true;
        return !m_cancelled;
    }
    /// Counts labels as done, then reports.
    bool advance(std::size_t labels)
    {
        m_done = std::min(m_total, m_done + labels);
        return check();
    }
    bool cancelled() const { return m_cancelled; }

private:
    const TuneProgress& m_callback;
    std::size_t m_total;
    std::size_t m_done = 0;
    bool m_cancelled = false;
};

struct Best {
    std::optional<std::size_t> index;
    double score = 0.0;

    // Candidates come in descending threshold order: strictly better only, so ties keep the
    // higher (more conservative) threshold.
    void offer(std::size_t i, double precision, double recall, const TuneObjective& objective)
    {
        if (!objective.feasible(precision, recall)) return;
        const double s = objective.score(precision, recall);
        if (!index || s > score) {
            index = i;
            score = s;
        }
    }
};

double microPrecision(const InteractiveEvaluator& e)
{
    return e.predicted() > 0 ? static_cast<double>(e.truePositives()) / static_cast<double>(e.predicted()) : 0.0;
}

double microRecall(const InteractiveEvaluator& e)
{
    return e.gold() > 0 ? static_cast<double>(e.truePositives()) / static_cast<double>(e.gold()) : 0.0;
}

// Best global threshold among the gold scores: a coarse pass over evenly spaced candidates,
// then a pass over every candidate between the best one's neighbours (exact when few).
// Checks progress once per round (a round is up to kGlobalSamples full evaluations).
std::optional<float> searchGlobal(InteractiveEvaluator& dev, const std::vector<float>& candidates,
                                  const TuneObjective& objective, ProgressTracker& progress)
{
    if (candidates.empty()) return std::nullopt;
    std::size_t from = 0, to = candidates.size() - 1;
    Best best;
    for (int round = 0; round < 4; ++round) {
        if (!progress.check()) return std::nullopt;
        const auto indices = sampleRange(from, to, kGlobalSamples);
        Best roundBest;
        for (const std::size_t i : indices) {
            dev.setGlobalThreshold(candidates[i]);
            roundBest.offer(i, microPrecision(dev), microRecall(dev), objective);
        }
        if (roundBest.index && (!best.index || roundBest.score > best.score)) best = roundBest;
        if (!best.index || indices.size() == to - from + 1) break;
        // Refine between the sampled neighbours of the best point.
        const auto at = std::lower_bound(indices.begin(), indices.end(), *best.index);
        from = at == indices.begin() ? indices.front() : *(at - 1);
        to = (at + 1) == indices.end() ? indices.back() : *(at + 1);
    }
    if (!best.index) return std::nullopt;
    return candidates[*best.index];
}

} // namespace

Result<TuneObjective> TuneObjective::parse(const std::string& text)
{
    TuneObjective objective;
    if (text == "f1") return objective;
    if (text.rfind("fbeta:", 0) == 0) {
        auto beta = parseNumber(text.substr(6), "fbeta:B");
        if (!beta) return beta.error();
        if (*beta <= 0.0) return Error{"objective: beta must be > 0 in '" + text + "'"};
        objective.kind = Kind::FBeta;
        objective.value = *beta;
        return objective;
    }
    for (const auto& [prefix, kind] : {std::pair<std::string, Kind>{"precision>=", Kind::PrecisionAtLeast},
                                       std::pair<std::string, Kind>{"recall>=", Kind::RecallAtLeast}}) {
        if (text.rfind(prefix, 0) != 0) continue;
        auto floor = parseNumber(text.substr(prefix.size()), prefix + "X");
        if (!floor) return floor.error();
        if (*floor < 0.0 || *floor > 1.0) return Error{"objective: the floor must be in [0, 1] in '" + text + "'"};
        objective.kind = kind;
        objective.value = *floor;
        return objective;
    }
    return Error{"objective: unknown '" + text + "' (use f1, fbeta:B, precision>=X or recall>=X)"};
}

std::string TuneObjective::toString() const
{
    char number[32];
    std::snprintf(number, sizeof(number), "%g", value);
    switch (kind) {
    case Kind::F1: return "f1";
    case Kind::FBeta: return std::string("fbeta:") + number;
    case Kind::PrecisionAtLeast: return std::string("precision>=") + number;
    case Kind::RecallAtLeast: return std::string("recall>=") + number;
    }
    return {};
}

bool TuneObjective::feasible(double precision, double recall) const
{
    switch (kind) {
    case Kind::PrecisionAtLeast: return precision >= value;
    case Kind::RecallAtLeast: return recall >= value;
    default: return true;
    }
}

double TuneObjective::score(double precision, double recall) const
{
    switch (kind) {
    case Kind::F1: return fBeta(precision, recall, 1.0);
    case Kind::FBeta: return fBeta(precision, recall, value);
    case Kind::PrecisionAtLeast: return recall;
    case Kind::RecallAtLeast: return precision;
    }
    return 0.0;
}

namespace {

// One label's threshold on its own precision/recall curve, the others as they are.
void tuneLabel(InteractiveEvaluator& dev, const TuneOptions& options, std::uint32_t label, TuneResult& result)
{
    const std::int64_t support = dev.counts()[label].support;
    if (support == 0 || support < options.minSupport) {
        result.lowSupportLabels.push_back(label);
        return;
    }
    auto candidates = dev.goldScores(label);
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    Best best;
    for (std::size_t i = 0; i < candidates.size(); ++i) {
        const LabelMetrics m = labelMetrics(dev.countsAt(label, candidates[i]));
        best.offer(i, m.precision, m.recall, options.objective);
    }
    if (best.index)
        dev.setLabelThreshold(label, candidates[*best.index]);
    else
        result.infeasibleLabels.push_back(label);
}

// nullopt when progress says stop.
std::optional<TuneResult> tuneWithTopK(InteractiveEvaluator& dev, const TuneOptions& options, const DecisionRule& base,
                                       int topK, ProgressTracker& progress)
{
    TuneResult result;
    DecisionRule rule = base;
    rule.clearLabelThresholds();
    rule.setTopK(topK);
    rule.setAtLeastOne(options.atLeastOne);
    dev.setRule(rule);
    const std::size_t labels = dev.scores().labelCount();

    std::vector<float> pooled;
    for (std::uint32_t l = 0; l < labels; ++l) {
        if (rule.isDisabled(l)) continue;
        const auto scores = dev.goldScores(l);
        pooled.insert(pooled.end(), scores.begin(), scores.end());
    }
    std::sort(pooled.begin(), pooled.end(), std::greater<float>());
    pooled.erase(std::unique(pooled.begin(), pooled.end()), pooled.end());
    const auto global = searchGlobal(dev, pooled, options.objective, progress);
    if (progress.cancelled()) return std::nullopt;
    result.globalInfeasible = !global.has_value();
    dev.setGlobalThreshold(global.value_or(base.globalThreshold()));

    if (!options.perLabel) {
        if (!progress.advance(labels)) return std::nullopt;
    } else {
        for (std::uint32_t l = 0; l < labels; ++l) {
            if (!rule.isDisabled(l)) tuneLabel(dev, options, l, result);
            if (!progress.advance(1)) return std::nullopt;
        }
    }
    result.rule = dev.rule();
    result.dev = dev.metrics();
    return result;
}

} // namespace

Result<TuneResult> tuneRule(InteractiveEvaluator& dev, const TuneOptions& options, const DecisionRule& base)
{
    if (auto s = base.validate(dev.scores().labelCount()); !s) return s.error();
    if (options.minSupport < 0) return Error{"--min-support must be >= 0"};
    if (options.autoTopK && options.maxTopK < 1) return Error{"the largest top-k to try must be >= 1"};
    const std::size_t labels = dev.scores().labelCount();
    // Auto top-k tunes every k in 1..maxTopK, then unlimited, then the winner once more.
    const std::size_t passes = options.autoTopK ? static_cast<std::size_t>(options.maxTopK) + 2 : 1;
    ProgressTracker progress(options.progress, passes * labels);
    if (!progress.check()) return Error{kTuneCancelled};
    if (!options.autoTopK) {
        auto result = tuneWithTopK(dev, options, base, options.topK, progress);
        if (!result) return Error{kTuneCancelled};
        return std::move(*result);
    }

    std::vector<std::pair<int, double>> trials;
    int bestK = 0;
    double bestF1 = -1.0;
    for (int k = 1; k <= options.maxTopK + 1; ++k) {
        const int topK = k <= options.maxTopK ? k : 0;  // 0 (unlimited) last
        const auto trial = tuneWithTopK(dev, options, base, topK, progress);
        if (!trial) return Error{kTuneCancelled};
        trials.emplace_back(topK, trial->dev.f1);
        if (trial->dev.f1 > bestF1) {
            bestF1 = trial->dev.f1;
            bestK = topK;
        }
    }
    auto result = tuneWithTopK(dev, options, base, bestK, progress);
    if (!result) return Error{kTuneCancelled};
    result->topKTrials = std::move(trials);
    return std::move(*result);
}

} // namespace tagbench::eval
