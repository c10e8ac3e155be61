#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace tagbench {

/// One comparison against Hugging Face reference outputs: either numbers (largest absolute
/// difference against a tolerance) or tokens/ids (exact, with the mismatches listed).
struct BertParityCheck {
    std::string name;
    bool exact = false;                   // token/id check: passes only without mismatches
    double maxDiff = 0.0;                 // numeric: largest |ours - reference| (inf for NaN)
    double tolerance = 0.0;
    std::string worstAt;                  // where maxDiff occurs, e.g. "zh_mid[3]"
    std::size_t compared = 0;             // values (numeric) or items (exact) compared
    std::vector<std::string> mismatches;  // exact: one line per mismatch; numeric: shape problems

    bool passed() const;
    /// An empty exact (token/id) check called name.
    static BertParityCheck exactCheck(std::string name);
};

/// The checks of a parity run, in the order they ran, with notes (e.g. the weight-load lists).
struct BertParityReport {
    std::vector<BertParityCheck> checks;
    std::vector<std::string> notes;

    bool passed() const;
    /// One line per check ("logits  max |diff| 2.4e-07 at mixed_price[3] (tolerance 1e-05, 125 values)  ok"),
    /// then the mismatches of failed checks, indented.
    std::string format() const;
};

} // namespace tagbench
