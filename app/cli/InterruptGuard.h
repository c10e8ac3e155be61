#pragma once

#include <atomic>

namespace tagbench::cli {

/// While alive, Ctrl-C (SIGINT) only raises a flag that long work polls to stop cleanly; a second
/// Ctrl-C ends the process at once. The previous handler comes back on destruction. One at a time.
class InterruptGuard final {
public:
    InterruptGuard();
    ~InterruptGuard();
    InterruptGuard(const InterruptGuard&) = delete;
    InterruptGuard& operator=(const InterruptGuard&) = delete;

    /// True once Ctrl-C was pressed while this guard was alive.
    bool requested() const;
    /// The same as a cancel flag for core's long work (Trainer::run, autotune).
    const std::atomic<bool>* flag() const;
};

} // namespace tagbench::cli
