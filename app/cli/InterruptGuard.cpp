#include "app/cli/InterruptGuard.h"

#include <csignal>

namespace tagbench::cli {

namespace {

volatile std::sig_atomic_t g_interrupted = 0;
struct sigaction g_previous;

// A unique C name: TrainCommand.cpp has its own handler called onInterrupt.
extern "C" void tagbenchInterruptGuardHandler(int)
{
    g_interrupted = 1;
}

} // namespace

InterruptGuard::InterruptGuard()
{
    g_interrupted = 0;
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
    return g_interrupted != 0;
}

} // namespace tagbench::cli
