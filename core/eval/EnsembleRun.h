#pragma once

#include "core/eval/EnsembleSpec.h"
#include "core/eval/Metrics.h"
#include "core/util/Result.h"

#include <optional>
#include <string>
#include <vector>

namespace tagbench::eval {

/// What an ensemble run is made of.
struct EnsembleRequest {
    std::vector<std::string> runs;                 // member run folders (two or more)
    EnsembleCombination combination = EnsembleCombination::Mean;
    Calibration::Method calibration = Calibration::Method::Platt;
    std::vector<double> weights;                   // WeightedMean; empty: each member's dev micro-F1
    std::string outDir;
};

/// The ensemble run's quality under its starting rule (the best global threshold on dev).
struct EnsembleRunSummary {
    EnsembleSpec spec;
    float threshold = 0.5f;
    Metrics dev;
    std::optional<Metrics> test;                   // when every member has test scores
};

/// Makes an ensemble run folder from trained runs: it fits each member's calibration on its dev
/// scores, combines dev (and test) scores, and writes ensemble.json, labels.txt, scores/ and a
/// rule.json with the best global threshold on dev, plus run.json. The folder is then a run like
/// any other for tune, compare, the Evaluate and Review pages and export (an ensemble bundle).
/// Nothing is written until every member checks out; files are written atomically.
Result<EnsembleRunSummary> createEnsembleRun(const EnsembleRequest& request);

/// True when runDir holds an ensemble (ensemble.json).
bool isEnsembleRun(const std::string& runDir);

/// The spec of an ensemble run with each member's run folder made absolute.
Result<EnsembleSpec> loadEnsembleRun(const std::string& runDir);

} // namespace tagbench::eval
