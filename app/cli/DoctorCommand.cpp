// tagbench-cli doctor: what this machine's LibTorch can do, and timed checks that training and
// prediction compute the same on the GPU as on the CPU (core/train/DeviceDoctor).
#include "app/cli/CliArgs.h"
#include "app/cli/CommandLine.h"
#include "app/cli/Commands.h"
#include "core/train/DeviceDoctor.h"

#include <cstdio>
#include <ostream>

namespace tagbench::cli {

namespace {

constexpr const char* kUsage =
    "Usage: tagbench-cli doctor [--device auto|cpu|cuda[:N]] [--tolerance 2e-3] [--no-oom-check]\n\n"
    "Prints the LibTorch version, CUDA and cuDNN, each GPU with its memory and bf16 support, then\n"
    "runs timed micro-checks: a training step of every model kind on the GPU equals the same step\n"
    "on the CPU, bf16 and fp16 loss-scaled steps stay finite, GPU prediction equals CPU prediction,\n"
    "and an out-of-memory batch is caught and a batch size that fits is found. Without a GPU it says\n"
    "so and runs the CPU checks. Exit code 1 when a check fails.\n";

const char* outcomeName(DoctorCheck::Outcome outcome)
{
    switch (outcome) {
    case DoctorCheck::Outcome::Passed: return "ok  ";
    case DoctorCheck::Outcome::Failed: return "FAIL";
    case DoctorCheck::Outcome::Skipped: return "skip";
    }
    return "?";
}

} // namespace

int runDoctor(const std::vector<std::string>& args, std::ostream& out, std::ostream& err)
{
    const CommandLine commandLine = parseCommandLine(args, "doctor", kUsage, {"device", "tolerance"}, {"no-oom-check"}, out, err);
    if (!commandLine.args) return commandLine.exitCode;
    const std::optional<CliArgs>& parsed = commandLine.args;
    if (!parsed->positionals().empty())
        return usageError(err, "doctor", "unexpected argument '" + parsed->positionals().front() + "'", kUsage);
    DoctorOptions options;
    options.device = parsed->value("device", "auto");
    options.outOfMemoryCheck = !parsed->has("no-oom-check");
    if (parsed->has("tolerance")) {
        try {
            options.tolerance = std::stod(parsed->value("tolerance"));
        } catch (const std::exception&) {
            err << "tagbench-cli doctor: --tolerance takes a number, e.g. 2e-3\n";
            return 2;
        }
    }
    // The header is printed before the checks run, so a crash in one still leaves it on screen.
    const TorchBuildInfo build = torchBuildInfo();
    out << "LibTorch " << build.libtorchVersion << ", " << (build.cudaCompiled ? "built with CUDA" : "CPU only (no CUDA)");
    if (!build.cudaVersion.empty()) out << ", CUDA runtime " << build.cudaVersion;
    out << "\ncuDNN: " << (build.cudnnAvailable ? build.cudnnVersion : std::string("not available")) << "\n";
    const auto gpus = listGpus();
    if (gpus.empty()) out << "GPUs: none visible\n";
    for (const auto& gpu : gpus) {
        out << "GPU cuda:" << gpu.index << ": " << gpu.name << ", " << formatBytes(gpu.totalBytes) << " (" << formatBytes(gpu.freeBytes)
            << " free), compute capability " << gpu.major << "." << gpu.minor << ", bf16 " << (gpu.bf16 ? "yes" : "no") << "\n";
    }
    out << std::flush;
    auto report = runDeviceDoctor(options, [&](const DoctorCheck& check) {
        char seconds[32];
        std::snprintf(seconds, sizeof seconds, "%.2f s", check.seconds);
        out << "[" << outcomeName(check.outcome) << "] " << check.name << " (" << seconds << "): " << check.detail << std::endl;
    });
    if (!report) {
        err << "tagbench-cli doctor: " << report.message() << '\n';
        return 1;
    }
    out << "CPU: " << report->cpuThreads << " threads, matrix products: " << report->cpuGemm << "\n";
    if (!report->note.empty()) out << report->note << "\n";
    int failed = 0, skipped = 0;
    for (const auto& check : report->checks) {
        failed += check.outcome == DoctorCheck::Outcome::Failed;
        skipped += check.outcome == DoctorCheck::Outcome::Skipped;
    }
    out << (report->ok() ? "doctor: all checks passed" : "doctor: " + std::to_string(failed) + " check(s) FAILED") << " ("
        << report->checks.size() << " run, " << skipped << " skipped"
        << (report->device.empty() ? ", no GPU checked" : ", GPU " + report->device) << ")\n";
    return report->ok() ? 0 : 1;
}

} // namespace tagbench::cli
