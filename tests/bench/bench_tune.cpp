// bench_tune: interactive tuning speed on a 200,000 x 500 long-tail score matrix.
// For each kind of rule change: p50/p95/max of (apply the change + rebuild every per-label
// metric), beside the naive full rescan (evaluate(): every row through DecisionRule) of the
// same rule, measured in the same run. Then the optimiser as the Evaluate page runs it on a
// worker (global threshold, micro-F1 coordinate ascent, macro-F1, calibration, k-fold
// estimate), each beside the brute-force evaluate() of its result, and the rule changes again
// on the rule the optimiser left (every label with its own threshold).
// Usage: bench_tune [documents] [labels] [changes] [folds (0 = skip the k-fold estimate)]
#include "core/eval/Calibration.h"
#include "core/eval/InteractiveEvaluator.h"
#include "core/eval/Metrics.h"
#include "core/eval/ReliabilityDiagram.h"
#include "core/eval/ScoreMatrix.h"
#include "core/eval/ThresholdTuner.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <functional>
#include <memory>
#include <random>
#include <string>
#include <vector>

using namespace tagbench::eval;
using Clock = std::chrono::steady_clock;

namespace {

// CPU time of this thread: on a shared, overloaded machine wall time also counts the time the
// scheduler gave to other processes, so both are reported.
double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

double msSince(Clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

float sigmoid(float x) { return 1.0f / (1.0f + std::exp(-x)); }

// Zipf-like label frequencies (about 3 gold labels per document, the rarest label seen a few
// dozen times); a gold label scores high but noisily, the others mostly near zero with
// occasional confusions, as a trained multi-label model's sigmoid outputs look.
std::shared_ptr<ScoreMatrix> longTailScores(std::size_t documents, std::size_t labels, unsigned seed)
{
    std::vector<std::string> names;
    for (std::size_t j = 0; j < labels; ++j) names.push_back("label" + std::to_string(j));
    auto m = std::make_shared<ScoreMatrix>(names);
    m->reserve(documents, 4);
    std::vector<double> weight(labels);
    double sum = 0.0;
    for (std::size_t j = 0; j < labels; ++j) sum += weight[j] = 1.0 / std::pow(static_cast<double>(j + 1), 0.9);
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    std::normal_distribution<float> normal(0.0f, 1.0f);
    std::vector<float> row(labels);
    std::vector<std::uint32_t> gold;
    for (std::size_t d = 0; d < documents; ++d) {
        gold.clear();
        for (std::size_t j = 0; j < labels; ++j) {
            const bool isGold = unit(rng) < 3.0 * weight[j] / sum;
            if (isGold) gold.push_back(static_cast<std::uint32_t>(j));
            const float confusion = unit(rng) < 0.02 ? 3.5f : 0.0f;
            row[j] = sigmoid(isGold ? 1.2f + 1.8f * normal(rng) : -5.5f + confusion + 1.5f * normal(rng));
        }
        if (auto s = m->addDocument("d" + std::to_string(d), row, gold); !s) {
            std::fprintf(stderr, "%s\n", s.message().c_str());
            std::exit(1);
        }
    }
    return m;
}

struct Stats {
    double p50 = 0, p95 = 0, max = 0;
};

Stats summarize(std::vector<double> ms)
{
    std::sort(ms.begin(), ms.end());
    const auto at = [&](double q) { return ms[std::min(ms.size() - 1, static_cast<std::size_t>(q * (ms.size() - 1) + 0.5))]; };
    return {at(0.50), at(0.95), ms.back()};
}

} // namespace

// Resident set size of this process, in MB (Linux; 0 elsewhere).
double residentMb()
{
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind("VmRSS:", 0) == 0) return std::stod(line.substr(6)) / 1024.0;
    }
    return 0.0;
}

int main(int argc, char** argv)
{
    const std::size_t documents = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 200000;
    const std::size_t labels = argc > 2 ? std::strtoul(argv[2], nullptr, 10) : 500;
    const int changes = argc > 3 ? std::atoi(argv[3]) : 200;
    const int folds = argc > 4 ? std::atoi(argv[4]) : 5;

    auto start = Clock::now();
    auto matrix = longTailScores(documents, labels, 7);
    std::printf("data: %zu documents x %zu labels, %zu gold labels (generated in %.0f ms)\n", documents, labels,
                matrix->goldLabels().size(), msSince(start));

    start = Clock::now();
    const std::clock_t cpuStart = std::clock();
    auto created = InteractiveEvaluator::create(matrix, DecisionRule(0.5f));
    const double buildCpuMs = 1000.0 * static_cast<double>(std::clock() - cpuStart) / CLOCKS_PER_SEC;
    if (!created) {
        std::fprintf(stderr, "%s\n", created.message().c_str());
        return 1;
    }
    InteractiveEvaluator& evaluator = **created;
    std::printf("index: built in %.0f ms wall, %.0f ms CPU (all threads), %.0f MB (the score matrix itself: %.0f MB)\n",
                msSince(start), buildCpuMs,
                static_cast<double>(evaluator.memoryBytes()) / 1e6,
                static_cast<double>(matrix->scores().size() * sizeof(float)) / 1e6);
    {
        // What the Evaluate page's optimiser builds on its thread: an evaluator over the same
        // index with its own rule and counts.
        const double rssBefore = residentMb();
        start = Clock::now();
        auto second = InteractiveEvaluator::create(evaluator.sharedIndex(), DecisionRule(0.5f));
        const double secondMs = msSince(start);
        if (!second || (*second)->metrics().truePositives != evaluator.metrics().truePositives || (*second)->metrics().predicted != evaluator.metrics().predicted) {
            std::fprintf(stderr, "the evaluator on the shared index disagrees\n");
            return 1;
        }
        std::printf("second evaluator on the shared index (the optimiser's): %.0f ms wall, %.0f MB resident\n",
                    secondMs, residentMb() - rssBefore);
    }
    std::printf("start: %s\n\n", performanceLine(evaluator.metrics()).c_str());

    std::mt19937 rng(11);
    std::uniform_real_distribution<float> threshold(0.05f, 0.95f);
    volatile double sink = 0;
    const auto measure = [&](const char* name, const std::function<void(int)>& change) {
        std::vector<double> ms, cpu;
        for (int i = 0; i < changes; ++i) {
            const auto t0 = Clock::now();
            const double c0 = threadCpuMs();
            change(i);
            const Metrics m = evaluator.metrics();  // every per-label P/R/F1, micro and macro
            cpu.push_back(threadCpuMs() - c0);
            ms.push_back(msSince(t0));
            sink = sink + m.f1;
        }
        // The naive way: push every row through the rule again.
        std::vector<double> naive;
        for (int i = 0; i < 3; ++i) {
            const auto t0 = Clock::now();
            const Metrics full = evaluate(*matrix, evaluator.rule());
            naive.push_back(msSince(t0));
            if (full.truePositives != evaluator.truePositives() || full.predicted != evaluator.predicted()) {
                std::fprintf(stderr, "MISMATCH after %s: %s vs %s\n", name, performanceLine(full).c_str(),
                             performanceLine(evaluator.metrics()).c_str());
                std::exit(1);
            }
        }
        const Stats s = summarize(ms), c = summarize(cpu);
        const double naiveMs = summarize(naive).p50;
        std::printf("%-24s wall p50 %7.3f p95 %7.3f max %7.3f | cpu p50 %7.3f p95 %7.3f max %7.3f | "
                    "naive %7.1f ms | x%.0f (p50) x%.0f (p95 wall)\n",
                    name, s.p50, s.p95, s.max, c.p50, c.p95, c.max, naiveMs, naiveMs / s.p50, naiveMs / s.p95);
        std::fflush(stdout);
    };

    const auto randomLabel = [&] { return static_cast<std::uint32_t>(rng() % labels); };
    const auto runAll = [&](const char* setting) {
        std::printf("-- %s\n", setting);
        measure("one label threshold", [&](int) { evaluator.setLabelThreshold(randomLabel(), threshold(rng)); });
        measure("global threshold", [&](int) { evaluator.setGlobalThreshold(threshold(rng)); });
        const int k = evaluator.rule().topK();
        measure("top-k (1..10, 0)", [&](int i) { evaluator.setTopK(i % 11); });
        evaluator.setTopK(k);
    };
    runAll("top-k off, at-least-one off");
    evaluator.setTopK(3);
    runAll("top-k 3, at-least-one off");
    evaluator.setAtLeastOne(true);
    runAll("top-k 3, at-least-one on");
    std::printf("-- other changes\n");
    measure("at-least-one on/off", [&](int i) { evaluator.setAtLeastOne(i % 2 == 0); });
    measure("disable/enable a label", [&](int i) {
        const std::uint32_t label = randomLabel();
        evaluator.setDisabled(label, !evaluator.rule().isDisabled(label));
    });
    std::printf("\nend: %s\n", performanceLine(evaluator.metrics()).c_str());

    // The optimiser, on its own evaluator over the shared index as the Evaluate page's worker.
    std::printf("\n-- optimiser (one worker thread; reference: evaluate() of the result, same run)\n");
    auto worker = InteractiveEvaluator::create(evaluator.sharedIndex(), DecisionRule(0.5f));
    if (!worker) return 1;
    const auto tuneOnce = [&](const char* name, TuneOptions options, const DecisionRule& base) -> TuneResult {
        std::size_t calls = 0;
        options.progress = [&calls](std::size_t, std::size_t) { return ++calls > 0; };
        const auto t0 = Clock::now();
        const double c0 = threadCpuMs();
        auto tuned = tuneRule(**worker, options, base);
        const double ms = msSince(t0), cpu = threadCpuMs() - c0;
        if (!tuned) {
            std::fprintf(stderr, "%s: %s\n", name, tuned.message().c_str());
            std::exit(1);
        }
        const auto r0 = Clock::now();
        const Metrics check = evaluate(*matrix, tuned->rule);
        const double referenceMs = msSince(r0);
        if (check.truePositives != tuned->dev.truePositives || check.predicted != tuned->dev.predicted) {
            std::fprintf(stderr, "MISMATCH after %s\n", name);
            std::exit(1);
        }
        std::printf("%-34s %8.0f ms wall %8.0f ms cpu | passes %d, progress calls %zu | dev micro-F1 %.4f (global %.4f) "
                    "macro-F1 %.4f | evaluate() of the result %.0f ms\n",
                    name, ms, cpu, tuned->passes, calls, tuned->dev.f1, tuned->globalDev.f1, tuned->dev.macroF1, referenceMs);
        if (tuned->crossValidated)
            std::printf("%-34s cross-validated micro-F1 %.4f +- %.4f, macro-F1 %.4f over %d folds\n", "", tuned->crossValidated->microF1,
                        tuned->crossValidated->microF1Deviation, tuned->crossValidated->macroF1, tuned->crossValidated->folds);
        std::fflush(stdout);
        return std::move(*tuned);
    };
    TuneOptions global;
    tuneOnce("global threshold (micro-F1)", global, DecisionRule(0.5f));
    TuneOptions perLabel;
    perLabel.perLabel = true;
    const TuneResult ascent = tuneOnce("per label, micro-F1 ascent", perLabel, DecisionRule(0.5f));
    TuneOptions macro = perLabel;
    macro.objective = *TuneObjective::parse("macro-f1");
    tuneOnce("per label, macro-F1 (shrunk)", macro, DecisionRule(0.5f));
    macro.shrinkage = 0.0;
    tuneOnce("per label, own F1 (the old default)", macro, DecisionRule(0.5f));
    for (const auto method : {Calibration::Method::Platt, Calibration::Method::Isotonic}) {
        const auto t0 = Clock::now();
        DecisionRule calibrated(0.5f);
        calibrated.setCalibration(Calibration::fit(*matrix, method));
        const double fitMs = msSince(t0);
        const auto e0 = Clock::now();
        const double ece = ReliabilityDiagram::compute(*matrix, calibrated.calibration()).overall().ece;
        const double eceMs = msSince(e0);
        std::printf("%s fit %.0f ms (all labels, all cores); reliability diagram %.0f ms, ECE %.4f (raw scores %.4f)\n",
                    Calibration::methodName(method), fitMs, eceMs, ece,
                    ReliabilityDiagram::compute(*matrix, Calibration()).overall().ece);
        tuneOnce(method == Calibration::Method::Platt ? "per label, micro-F1 ascent, platt" : "per label, micro-F1 ascent, isotonic",
                 perLabel, calibrated);
    }
    if (folds > 1) {
        TuneOptions estimated = perLabel;
        estimated.folds = folds;
        tuneOnce("per label, micro-F1 ascent + k-fold", estimated, DecisionRule(0.5f));
    }

    // The page after "Optimise": every label has its own threshold.
    if (!evaluator.setRule(ascent.rule)) return 1;
    runAll("after the optimiser: per-label thresholds, top-k off, at-least-one off");
    std::printf("-- other changes (same rule)\n");
    measure("disable/enable a label", [&](int) {
        const std::uint32_t label = randomLabel();
        evaluator.setDisabled(label, !evaluator.rule().isDisabled(label));
    });
    return sink < -1 ? 1 : 0;
}
