#pragma once

namespace tagbench {

/// Enables bfloat16 autocast on CUDA for its lifetime (no-op when disabled). Works with the
/// LibTorch 1.13 API and the per-device API of 2.4+.
class AutocastGuard final {
public:
    explicit AutocastGuard(bool enabled);
    ~AutocastGuard();
    AutocastGuard(const AutocastGuard&) = delete;
    AutocastGuard& operator=(const AutocastGuard&) = delete;

private:
    bool m_enabled;
    bool m_previous = false;
};

} // namespace tagbench
