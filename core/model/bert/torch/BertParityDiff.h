#pragma once

#include "core/model/bert/BertParityReport.h"

#include <torch/torch.h>

#include <string>
#include <vector>

namespace tagbench {

/// Accumulates one numeric parity check: the largest |actual - expected| over many comparisons
/// and where it occurred. NaN counts as an infinite difference.
class BertParityDiff final {
public:
    BertParityDiff(std::string name, double tolerance);

    /// Compares actual (any shape, flattened row-major) with expected; a size difference is
    /// recorded as a mismatch naming where.
    void compare(const std::vector<double>& expected, const torch::Tensor& actual, const std::string& where);
    /// Compares one scalar.
    void compare(double expected, double actual, const std::string& where);

    const BertParityCheck& check() const { return m_check; }

private:
    BertParityCheck m_check;
};

} // namespace tagbench
