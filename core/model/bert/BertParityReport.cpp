#include "core/model/bert/BertParityReport.h"

#include <cmath>
#include <cstdio>
#include <utility>

namespace tagbench {

bool BertParityCheck::passed() const
{
    if (!mismatches.empty()) return false;
    return exact || (std::isfinite(maxDiff) && maxDiff <= tolerance);
}

BertParityCheck BertParityCheck::exactCheck(std::string name)
{
    BertParityCheck check;
    check.name = std::move(name);
    check.exact = true;
    return check;
}

bool BertParityReport::passed() const
{
    for (const auto& check : checks)
        if (!check.passed()) return false;
    return !checks.empty();
}

std::string BertParityReport::format() const
{
    std::string out;
    char line[512];
    for (const auto& check : checks) {
        if (check.exact) {
            std::snprintf(line, sizeof line, "%-44s %zu compared, %zu mismatches", check.name.c_str(), check.compared,
                          check.mismatches.size());
        } else {
            std::snprintf(line, sizeof line, "%-44s max |diff| %.3g%s%s (tolerance %g, %zu values)", check.name.c_str(),
                          check.maxDiff, check.worstAt.empty() ? "" : " at ", check.worstAt.c_str(), check.tolerance,
                          check.compared);
        }
        out += line;
        out += check.passed() ? "  ok\n" : "  FAIL\n";
        const std::size_t shown = check.mismatches.size() < 20 ? check.mismatches.size() : 20;
        for (std::size_t i = 0; i < shown; ++i) out += "    " + check.mismatches[i] + "\n";
        if (shown < check.mismatches.size())
            out += "    ... and " + std::to_string(check.mismatches.size() - shown) + " more\n";
    }
    for (const auto& note : notes) out += "note: " + note + "\n";
    out += passed() ? "PASS\n" : "FAIL\n";
    return out;
}

} // namespace tagbench
