#pragma once
// Private to the threshold tuner's .cpp files.

#include "core/eval/ThresholdTuner.h"

#include <algorithm>
#include <cstddef>

namespace tagbench::eval {

/// Counts tuning work in label units and asks the caller's callback whether to go on; once it
/// says stop, every later check fails too. done never decreases.
class TuneProgressTracker final {
public:
    TuneProgressTracker(const TuneProgress& callback, std::size_t total) : m_callback(callback), m_total(total) {}

    /// Reports the current count; false when tuning must stop.
    bool check()
    {
        if (!m_cancelled && m_callback && !m_callback(m_done, m_total)) m_cancelled = true;
        return !m_cancelled;
    }
    /// Moves the count to done (if that is further), then reports.
    bool reach(std::size_t done)
    {
        m_done = std::min(m_total, std::max(m_done, done));
        return check();
    }
    /// Counts labels as done, then reports.
    bool advance(std::size_t labels) { return reach(m_done + labels); }
    std::size_t done() const { return m_done; }
    std::size_t total() const { return m_total; }
    bool cancelled() const { return m_cancelled; }

private:
    const TuneProgress& m_callback;
    std::size_t m_total;
    std::size_t m_done = 0;
    bool m_cancelled = false;
};

} // namespace tagbench::eval
