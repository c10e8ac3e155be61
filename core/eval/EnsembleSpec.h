#pragma once

#include "core/eval/Calibration.h"
#include "core/eval/ScoreMatrix.h"
#include "core/util/Result.h"

#include <string>
#include <vector>

namespace tagbench::eval {

/// How an ensemble's member scores become one score per label. With calibrated members a score
/// is a probability for every member, so min and max at one threshold are exactly the
/// intersection and the union of the members' decisions at that threshold, and the combined
/// scores can be tuned, reviewed and exported like any run's.
enum class EnsembleCombination { Mean, WeightedMean, Min, Max };

/// "mean", "weighted", "intersection" (min) or "union" (max).
const char* ensembleCombinationName(EnsembleCombination combination);
Result<EnsembleCombination> parseEnsembleCombination(const std::string& text);

/// One member: a run folder, its weight and the calibration fitted on its dev scores.
struct EnsembleMember {
    std::string run;           // as written: relative to the ensemble's folder, or absolute
    double weight = 1.0;       // WeightedMean only
    std::vector<std::string> labels;  // the member's labels (a subset of the ensemble's)
    Calibration calibration;
};

/// An ensemble run (RUN_DIR/ensemble.json): members and how they combine. The first member's
/// labels are the ensemble's; another member may score a subset of them (a binary model for one
/// label, say), and a label is then combined over the members that score it.
struct EnsembleSpec {
    EnsembleCombination combination = EnsembleCombination::Mean;
    Calibration::Method calibration = Calibration::Method::Platt;
    std::vector<EnsembleMember> members;

    /// The ensemble's labels (the first member's).
    const std::vector<std::string>& labels() const { return members.front().labels; }

    std::string toJson() const;
    /// Errors start with origin and name the key.
    static Result<EnsembleSpec> fromJson(const std::string& text, const std::string& origin);
};

/// The combined scores of members (member i's scores in members[i], one split; documents must
/// be the same, in the same order), each calibrated by its member's calibration first.
Result<ScoreMatrix> combineScores(const EnsembleSpec& spec, const std::vector<const ScoreMatrix*>& members);

/// The combined scores of one row: member i's scores are rows[i] (its own label order).
void combineRow(const EnsembleSpec& spec, const std::vector<std::vector<std::int64_t>>& columns,
                const std::vector<const float*>& rows, float* out);

/// For each member, the ensemble column of each of its labels.
Result<std::vector<std::vector<std::int64_t>>> ensembleColumns(const EnsembleSpec& spec);

} // namespace tagbench::eval
