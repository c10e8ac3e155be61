#include "core/eval/TuneObjective.h"

#include "core/eval/Metrics.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <utility>

namespace tagbench::eval {

namespace {

Result<double> parseNumber(const std::string& text, const std::string& what)
{
    char* end = nullptr;
    const double value = std::strtod(text.c_str(), &end);
    if (text.empty() || end != text.c_str() + text.size() || !std::isfinite(value))
        return Error{"objective: '" + text + "' is not a number (" + what + ")"};
    return value;
}

} // namespace

Result<TuneObjective> TuneObjective::parse(const std::string& text)
{
    TuneObjective objective;
    if (text == "micro-f1" || text == "f1") return objective;
    if (text == "macro-f1") {
        objective.kind = Kind::MacroF1;
        return objective;
    }
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
    return Error{"objective: unknown '" + text + "' (use micro-f1, macro-f1, fbeta:B, precision>=X or recall>=X)"};
}

std::string TuneObjective::toString() const
{
    char number[32];
    std::snprintf(number, sizeof(number), "%g", value);
    switch (kind) {
    case Kind::MicroF1: return "micro-f1";
    case Kind::MacroF1: return "macro-f1";
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
    case Kind::MicroF1:
    case Kind::MacroF1: return fBeta(precision, recall, 1.0);
    case Kind::FBeta: return fBeta(precision, recall, value);
    case Kind::PrecisionAtLeast: return recall;
    case Kind::RecallAtLeast: return precision;
    }
    return 0.0;
}

double TuneObjective::of(const Metrics& metrics) const
{
    return kind == Kind::MacroF1 ? metrics.macroF1 : score(metrics.precision, metrics.recall);
}

} // namespace tagbench::eval
