#include "core/model/bert/torch/BertParityDiff.h"

#include <cmath>
#include <limits>

namespace tagbench {

BertParityDiff::BertParityDiff(std::string name, double tolerance)
{
    m_check.name = std::move(name);
    m_check.tolerance = tolerance;
}

void BertParityDiff::compare(const std::vector<double>& expected, const torch::Tensor& actual, const std::string& where)
{
    const torch::Tensor flat = actual.detach().to(torch::kCPU, torch::kFloat64).contiguous().view(-1);
    if (static_cast<std::size_t>(flat.numel()) != expected.size()) {
        m_check.mismatches.push_back(where + ": " + std::to_string(flat.numel()) + " values, the reference has " +
                                     std::to_string(expected.size()));
        return;
    }
    const double* values = flat.data_ptr<double>();
    for (std::size_t i = 0; i < expected.size(); ++i)
        compare(expected[i], values[i], expected.size() == 1 ? where : where + "[" + std::to_string(i) + "]");
}

void BertParityDiff::compare(double expected, double actual, const std::string& where)
{
    double diff = std::abs(actual - expected);
    if (std::isnan(diff)) diff = std::numeric_limits<double>::infinity();
    ++m_check.compared;
    if (diff > m_check.maxDiff || m_check.worstAt.empty()) {
        if (diff >= m_check.maxDiff) {
            m_check.maxDiff = diff;
            m_check.worstAt = where;
        }
    }
}

} // namespace tagbench
