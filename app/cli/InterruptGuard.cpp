#include "app/cli/InterruptGuard.h"

#include <atomic>
#include <csignal>

namespace tagbench::cli {

namespace {

// A lock-free atomic is safe to set from a signal handler, and core's cancel flags are atomics.
std::atomic<bool> g_interrupted{false};
static_assert(std::atomic<bool>::is_always_lock_free);
struct sigaction g_previous;

// A unique C name: TrainCommand.cpp has its own handler called onInterrupt.
extern "C" void tagbenchInterruptGuardHandler(int)
{
    g_interrupted.store(true);
}

} // namespace

InterruptGuard::InterruptGuard()
{
    g_interrupted.store(false);
    struct sigaction action = {};
    action.sa_handler = tagbenchInterruptGuardHandler;
    sigemptyset(&action.sa_mask);
    // SA_RESETHAND: the second Ctrl-C gets the default action. SA_RESTART: a read blocked on a pipe
    // resumes; the flag is polled between chunks.
    action.sa_flags = SA_RESETHAND | SA_RESTART;
    sigaction(SIGINT, &action, &g_previous);
}

InterruptGuard::~InterruptGuard()
{
    sigaction(SIGINT, &g_previous, nullptr);
}

bool InterruptGuard::requested() const
{
    return g_interrupted.load();
}

const std::atomic<bool>* InterruptGuard::flag() const
{
    return &g_interrupted;
}

} // namespace tagbench::cli
