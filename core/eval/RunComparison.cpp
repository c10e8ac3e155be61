#include "core/eval/RunComparison.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace tagbench::eval {

Result<RunComparison> compareRuns(const Metrics& a, const Metrics& b, double epsilon)
{
    if (a.labels.size() != b.labels.size())
        return Error{"the runs have " + std::to_string(a.labels.size()) + " and " + std::to_string(b.labels.size()) +
                     " labels"};
    if (a.documents != b.documents)
        return Error{"the runs scored " + std::to_string(a.documents) + " and " + std::to_string(b.documents) +
                     " documents: not the same split"};
    RunComparison comparison;
    for (std::uint32_t l = 0; l < a.labels.size(); ++l) {
        if (a.labels[l].counts.support != b.labels[l].counts.support)
            return Error{"label index " + std::to_string(l) + " has " + std::to_string(a.labels[l].counts.support) +
                         " gold documents in one run and " + std::to_string(b.labels[l].counts.support) +
                         " in the other: not the same split"};
        LabelDelta d;
        d.label = l;
        d.f1A = a.labels[l].f1;
        d.f1B = b.labels[l].f1;
        d.delta = d.f1B - d.f1A;
        d.support = a.labels[l].counts.support;
        if (d.delta > epsilon)
            comparison.improved.push_back(d);
        else if (d.delta < -epsilon)
            comparison.regressed.push_back(d);
        else
            comparison.unchanged.push_back(d);
    }
    const auto byGain = [](const LabelDelta& x, const LabelDelta& y) {
        return x.delta > y.delta || (x.delta == y.delta && x.label < y.label);
    };
    const auto byLoss = [](const LabelDelta& x, const LabelDelta& y) {
        return x.delta < y.delta || (x.delta == y.delta && x.label < y.label);
    };
    std::sort(comparison.improved.begin(), comparison.improved.end(), byGain);
    std::sort(comparison.regressed.begin(), comparison.regressed.end(), byLoss);
    comparison.microF1Delta = b.f1 - a.f1;
    comparison.macroF1Delta = b.macroF1 - a.macroF1;
    return comparison;
}

} // namespace tagbench::eval
