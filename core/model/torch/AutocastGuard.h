#pragma once

namespace tagbench {

/// The reduced precision autocast computes in: bfloat16 (A100, H100) or float16 (V100 and other
/// GPUs without bfloat16, with loss scaling).
enum class AutocastPrecision { BFloat16, Float16 };

/// Enables autocast on CUDA for its lifetime (no-op when disabled). Works with the LibTorch 1.13
/// API and the per-device API of 2.4+.
class AutocastGuard final {
public:
    explicit AutocastGuard(bool enabled, AutocastPrecision precision = AutocastPrecision::BFloat16);
    ~AutocastGuard();
    AutocastGuard(const AutocastGuard&) = delete;
    AutocastGuard& operator=(const AutocastGuard&) = delete;

private:
    bool m_enabled;
    bool m_previous = false;
};

} // namespace tagbench
