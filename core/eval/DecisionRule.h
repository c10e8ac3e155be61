#pragma once

#include "core/eval/Calibration.h"
#include "core/util/Result.h"

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace tagbench::eval {

/// Turns one row of label scores into a predicted label set.
///
/// Semantics, in order (the brute-force reference in the tests follows the same words):
///  1. Ranks: a row's labels are ordered by score descending, ties broken by the lower label
///     index; rank 0 is the best label. Disabled labels keep their rank.
///  2. A label is predicted when it is not disabled, score >= its threshold (a score equal to
///     the threshold counts as positive) and, when topK > 0, its rank < topK.
///  3. atLeastOne: a row left with no label gets its best-ranked enabled label (whatever its
///     score and rank), so every row has a prediction unless every label is disabled.
/// A label's threshold is its override when it has one, else the global threshold.
///
/// With a calibration (optional, per label, see Calibration), thresholds are on the calibrated
/// scale: step 2 reads "calibrated score >= threshold". Ranks (top-k, atLeastOne) stay those
/// of the raw scores, so that adding a calibration never re-orders a row. Because every map is
/// monotone, the comparison is made on raw scores against rawThreshold() (exactly equivalent;
/// the only exception is a raw score equal to the largest finite float when no score reaches
/// the threshold), which keeps indexes sorted by raw score valid.
class DecisionRule final {
public:
    DecisionRule() = default;
    /// A rule with only a global threshold.
    explicit DecisionRule(float globalThreshold) : m_globalThreshold(globalThreshold) {}

    /// Threshold used by labels without an override (default 0.5).
    float globalThreshold() const { return m_globalThreshold; }
    void setGlobalThreshold(float threshold);

    /// The label's override, if any.
    std::optional<float> labelThreshold(std::uint32_t label) const;
    /// Sets the label's override.
    void setLabelThreshold(std::uint32_t label, float threshold);
    /// Removes the label's override (it follows the global threshold again).
    void clearLabelThreshold(std::uint32_t label);
    /// Removes every override.
    void clearLabelThresholds();
    /// All overrides by label index.
    const std::map<std::uint32_t, float>& labelThresholds() const { return m_labelThresholds; }
    /// The threshold in effect for label.
    float thresholdFor(std::uint32_t label) const;

    /// Maximum number of labels per row; 0 = unlimited.
    int topK() const { return m_topK; }
    void setTopK(int topK) { m_topK = topK < 0 ? 0 : topK; }

    /// Whether an empty row gets its best enabled label.
    bool atLeastOne() const { return m_atLeastOne; }
    void setAtLeastOne(bool enabled) { m_atLeastOne = enabled; }

    /// Whether label is never predicted.
    bool isDisabled(std::uint32_t label) const { return m_disabled.count(label) != 0; }
    void setDisabled(std::uint32_t label, bool disabled);
    /// Disabled labels by index.
    const std::set<std::uint32_t>& disabledLabels() const { return m_disabled; }

    /// Per-label calibration of the scores (empty: none). Thresholds are read on its scale.
    const Calibration& calibration() const { return m_calibration; }
    void setCalibration(Calibration calibration);
    /// The calibrated score of label (the score itself without calibration).
    float calibratedScore(std::uint32_t label, float score) const { return m_calibration.apply(label, score); }
    /// The raw-score threshold equivalent to threshold for label: raw >= result <=> calibrated >= threshold.
    float rawThreshold(std::uint32_t label, float threshold) const
    {
        return m_calibration.empty() ? threshold : m_calibration.label(label).rawThreshold(threshold);
    }
    /// rawThreshold() of the threshold in effect for label (disabled or not); O(1): kept up to
    /// date by the setters, so applying a calibrated rule to many rows inverts nothing per row.
    float rawThresholdFor(std::uint32_t label) const
    {
        return label < m_raw.size() ? m_raw[label] : thresholdFor(label);
    }

    /// Fails when a threshold is not finite, a label index is >= labelCount, or a calibration
    /// does not have one map per label.
    Status validate(std::size_t labelCount) const;

    /// Predicted labels of one row (labelCount scores), best rank first. scratch is reused.
    void apply(const float* scores, std::size_t labelCount, std::vector<std::uint32_t>& predicted,
               std::vector<std::uint32_t>& scratch) const;
    /// Convenience form of apply().
    std::vector<std::uint32_t> apply(const float* scores, std::size_t labelCount) const;

    /// Dense per-label raw-score thresholds for labelCount labels (rawThreshold() of each
    /// label's threshold); +infinity marks a disabled label (scores are finite, so it never
    /// passes). Compile once, apply to many rows.
    std::vector<float> effectiveThresholds(std::size_t labelCount) const;
    /// apply() with thresholds from effectiveThresholds(); the fast path for whole splits.
    static void applyThresholds(const float* scores, std::size_t labelCount, const float* thresholds, int topK,
                                bool atLeastOne, std::vector<std::uint32_t>& predicted,
                                std::vector<std::uint32_t>& scratch);

    /// JSON text (rule.json); label overrides, disabled labels and calibration maps are keyed
    /// by label name. "calibration" is written only when there is one, and files without it
    /// (every rule.json before calibration existed) read as uncalibrated.
    std::string toJson(const std::vector<std::string>& labelNames) const;
    /// Parses toJson() output; sourceName (usually the path) appears in error messages.
    static Result<DecisionRule> fromJson(const std::string& text, const std::vector<std::string>& labelNames,
                                         const std::string& sourceName);

    /// Writes rule.json atomically.
    Status save(const std::string& path, const std::vector<std::string>& labelNames) const;
    /// Reads rule.json; labels unknown to labelNames are an error naming them.
    static Result<DecisionRule> load(const std::string& path, const std::vector<std::string>& labelNames);

    bool operator==(const DecisionRule& other) const;
    bool operator!=(const DecisionRule& other) const { return !(*this == other); }

private:
    float m_globalThreshold = 0.5f;
    std::map<std::uint32_t, float> m_labelThresholds;
    std::set<std::uint32_t> m_disabled;
    int m_topK = 0;
    bool m_atLeastOne = false;
    Calibration m_calibration;
    std::vector<float> m_raw;  // rawThreshold() of every label's threshold when calibrated, else empty

    void refreshRaw(std::uint32_t label);
    void refreshRaw();
};

} // namespace tagbench::eval
