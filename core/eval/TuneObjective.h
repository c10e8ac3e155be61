#pragma once

#include "core/util/Result.h"

#include <string>

namespace tagbench::eval {

struct Metrics;

/// What threshold tuning maximizes.
///
///  - MicroF1 (the default; F1 is the same value under its old name): micro-F1 over all labels.
///    Per-label thresholds are chosen by coordinate ascent on the micro-F1 itself, so a label's
///    threshold only moves when that raises the whole split's micro-F1.
///  - MacroF1: the mean per-label F1. Per-label thresholds maximize each label's own F1 and are
///    then shrunk toward the global threshold by the label's dev support (see TuneOptions).
///  - FBeta: micro F-beta, per-label thresholds by coordinate ascent like MicroF1.
///  - PrecisionAtLeast / RecallAtLeast: the most recall with precision >= X (or the most
///    precision with recall >= X), on the micro counts for the global threshold and on each
///    label's own counts per label (each label must meet the floor).
struct TuneObjective {
    enum class Kind { MicroF1, F1 = MicroF1, MacroF1, FBeta, PrecisionAtLeast, RecallAtLeast };
    Kind kind = Kind::MicroF1;
    double value = 1.0;  // beta for FBeta, the floor X for PrecisionAtLeast/RecallAtLeast

    /// Parses "micro-f1" (or "f1"), "macro-f1", "fbeta:B", "precision>=X" or "recall>=X".
    static Result<TuneObjective> parse(const std::string& text);
    /// The text parse() accepts.
    std::string toString() const;
    /// True when (precision, recall) meets the objective's constraint (always for the F-measures).
    bool feasible(double precision, double recall) const;
    /// The value maximized on one precision/recall pair (micro, or one label's): the F-measure
    /// (F1 for both F1 objectives), or recall / precision under a floor.
    double score(double precision, double recall) const;
    /// The objective's value on whole metrics: macro-F1 for MacroF1, else score() of the micro
    /// precision and recall (whether or not a floor is met).
    double of(const Metrics& metrics) const;
    /// The micro F-beta's beta when per-label thresholds use coordinate ascent (MicroF1, FBeta).
    bool usesCoordinateAscent() const { return kind == Kind::MicroF1 || kind == Kind::FBeta; }
    double beta() const { return kind == Kind::FBeta ? value : 1.0; }
};

} // namespace tagbench::eval
