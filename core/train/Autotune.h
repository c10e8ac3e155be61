#pragma once

#include "core/eval/Metrics.h"
#include "core/util/Result.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace tagbench {

/// What autotune searches and within which limits.
struct AutotuneRequest {
    std::string train, dev, test;      // test is optional and only measured, never used to choose
    double budgetSeconds = 900.0;      // for the whole search, ensembles and final tuning included
    std::string objective = "micro-f1";  // micro-f1 | macro-f1: what the trials and rules are chosen by
    std::string outDir;                // the chosen run (or ensemble) ends up here; trials in outDir/trials/
    std::vector<std::string> models;   // model kinds to try (ModelRegistry names, any case); empty = all but BERT
    std::string bertCheckpoint;        // a Hugging Face folder, needed to try BERT
    int threads = 0;                   // 0 = every core
    std::string device = "auto";
    std::uint64_t seed = 42;
    std::function<void(const std::string&)> log;
};

/// One trial: a model kind with one set of settings, trained on train and tuned on dev.
struct AutotuneTrial {
    std::string name;           // "03-linear", also the folder under trials/
    std::string kind;
    std::string settings;       // the merge patch over the kind's recommended settings
    std::string status;         // done | pruned | failed | skipped
    std::string message;        // why pruned, failed or skipped
    double seconds = 0.0;       // training and tuning
    std::int64_t epochs = 0;
    eval::Metrics dev;          // under the tuned rule
    double crossValidated = 0.0;  // the objective, 5-fold cross-validated over dev
};

/// What autotune chose and how it measures.
struct AutotuneResult {
    std::vector<AutotuneTrial> trials;
    std::vector<std::string> ensembles;   // the ensembles tried, "a + b: 0.7123" (cross-validated objective)
    std::string chosen;                   // a trial name, or "ensemble of a + b"
    double crossValidated = 0.0;
    eval::Metrics dev;                    // the chosen run under its tuned rule
    std::optional<eval::Metrics> test;
    double seconds = 0.0;
};

/// Searches model kinds and settings on dev within a time budget, like fastText's autotune but
/// multi-label and for every kind: trials in the order of each kind's ModelKind::searchSpace(),
/// round-robin over the kinds, cheapest kind first (ModelKind::relativeCost); an epoch-based trial
/// that trails the best trial by far, or that has used its share of the remaining time, ends at
/// the end of its epoch and keeps its best epoch; every trial's rule is tuned per label for the objective and judged by its 5-fold
/// cross-validated value over dev (not the optimistic dev value); calibrated ensembles of the
/// best trials are tried the same way. The winner is moved (a run) or built (an ensemble run)
/// into outDir with its tuned rule.json; losing trials keep their metrics but not their weights.
/// The test split, if given, is only scored at the end. cancel stops after the current step.
Result<AutotuneResult> autotune(const AutotuneRequest& request, const std::atomic<bool>* cancel = nullptr);

} // namespace tagbench
