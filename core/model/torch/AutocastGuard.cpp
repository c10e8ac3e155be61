#include "core/model/torch/AutocastGuard.h"

#include <ATen/autocast_mode.h>
#include <torch/version.h>

// LibTorch 2.4 moved autocast to per-device functions and deprecated the CUDA-only ones.
#if TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 4)
#define TAGBENCH_AUTOCAST_PER_DEVICE 1
#endif

namespace tagbench {

AutocastGuard::AutocastGuard(bool enabled, AutocastPrecision precision)
    : m_enabled(enabled)
{
    if (!m_enabled) return;
    const at::ScalarType dtype = precision == AutocastPrecision::Float16 ? at::kHalf : at::kBFloat16;
#ifdef TAGBENCH_AUTOCAST_PER_DEVICE
    m_previous = at::autocast::is_autocast_enabled(at::kCUDA);
    at::autocast::set_autocast_dtype(at::kCUDA, dtype);
    at::autocast::set_autocast_enabled(at::kCUDA, true);
#else
    m_previous = at::autocast::is_enabled();
    at::autocast::set_autocast_gpu_dtype(dtype);
    at::autocast::set_enabled(true);
#endif
}

AutocastGuard::~AutocastGuard()
{
    if (!m_enabled) return;
#ifdef TAGBENCH_AUTOCAST_PER_DEVICE
    at::autocast::set_autocast_enabled(at::kCUDA, m_previous);
#else
    at::autocast::set_enabled(m_previous);
#endif
    // Casted weights are cached per autocast region; drop them so updated weights are re-cast.
    if (!m_previous) at::autocast::clear_cache();
}

} // namespace tagbench
