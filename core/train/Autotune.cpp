#include "core/train/Autotune.h"

#include "core/eval/EnsembleRun.h"
#include "core/eval/InteractiveEvaluator.h"
#include "core/eval/RunFiles.h"
#include "core/eval/ThresholdTuner.h"
#include "core/model/ModelRegistry.h"
#include "core/train/Trainer.h"
#include "core/util/AtomicFile.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cctype>
#include <condition_variable>
#include <cstdio>
#include <filesystem>
#include <map>
#include <mutex>
#include <thread>

namespace tagbench {

namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using Clock = std::chrono::steady_clock;

struct Candidate {
    const ModelKind* kind = nullptr;
    std::string patch;
    int index = 0;
};

std::string lower(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

Result<std::vector<const ModelKind*>> chosenKinds(const AutotuneRequest& request)
{
    std::vector<const ModelKind*> kinds;
    for (const auto& kind : ModelRegistry::instance().kinds()) {
        const bool bert = kind->name() == "BERT";
        if (request.models.empty()) {
            if (!bert || !request.bertCheckpoint.empty()) kinds.push_back(kind.get());
            continue;
        }
        if (std::find(request.models.begin(), request.models.end(), lower(kind->name())) != request.models.end()) {
            if (bert && request.bertCheckpoint.empty()) return Error{"--models bert needs --bert-checkpoint (a Hugging Face folder)"};
            kinds.push_back(kind.get());
        }
    }
    for (const auto& name : request.models) {
        const bool known = std::any_of(kinds.begin(), kinds.end(), [&](const ModelKind* k) { return lower(k->name()) == name; });
        if (!known) return Error{"--models: unknown model kind \"" + name + "\" (this Tagbench knows " + lower(ModelRegistry::instance().namesText()) + ")"};
    }
    if (kinds.empty()) return Error{"no model kind to try"};
    std::stable_sort(kinds.begin(), kinds.end(), [](const ModelKind* a, const ModelKind* b) { return a->relativeCost() < b->relativeCost(); });
    return kinds;
}

/// Round robin over the kinds: every kind's first settings before any kind's second.
std::vector<Candidate> plan(const std::vector<const ModelKind*>& kinds)
{
    std::vector<Candidate> out;
    std::size_t longest = 0;
    for (const ModelKind* kind : kinds) longest = std::max(longest, kind->searchSpace().size());
    for (std::size_t i = 0; i < longest; ++i)
        for (const ModelKind* kind : kinds) {
            const auto space = kind->searchSpace();
            if (i < space.size()) out.push_back({kind, space[i], static_cast<int>(i)});
        }
    return out;
}

Result<TrainConfig> trialConfig(const Candidate& candidate, const AutotuneRequest& request)
{
    json doc = {{"model", candidate.kind->name()}};
    doc.merge_patch(json::parse(candidate.kind->recommendedSettings()));
    doc.merge_patch(json::parse(candidate.patch));
    doc["data"] = {{"train", request.train}, {"dev", request.dev}};
    if (!request.test.empty()) doc["data"]["test"] = request.test;
    doc["train"]["threads"] = request.threads;
    doc["train"]["seed"] = request.seed;
    if (candidate.kind->name() == "BERT") doc["BERT"]["checkpoint"] = request.bertCheckpoint;
    return TrainConfig::parse(doc.dump(), "autotune " + candidate.kind->name() + " settings", fs::current_path().string());
}

struct Tuned {
    eval::Metrics dev;
    double crossValidated = 0.0;
};

/// Tunes a run's rule per label for the objective on dev and writes rule.json; the
/// cross-validated value is what trials are compared by.
Result<Tuned> tuneRun(const std::string& runDir, const eval::TuneObjective& objective)
{
    auto split = eval::loadRunSplit(runDir, "dev");
    if (!split) return split.error();
    auto base = eval::currentRule(runDir, split->labels);
    if (!base) return base.error();
    auto scores = std::make_shared<const eval::ScoreMatrix>(std::move(split->scores));
    auto evaluator = eval::InteractiveEvaluator::create(scores, base->rule);
    if (!evaluator) return evaluator.error();
    eval::TuneOptions options;
    options.objective = objective;
    options.perLabel = true;
    options.folds = 5;
    auto result = eval::tuneRule(**evaluator, options, base->rule);
    if (!result) return result.error();
    if (auto s = result->rule.save(runDir + "/rule.json", split->labels); !s) return s.error();
    return Tuned{result->dev, result->crossValidated ? result->crossValidated->objective : result->devObjective};
}

/// Cancels a trial at the budget's end (the trainer checks the flag every batch).
class Deadline final {
public:
    Deadline(Clock::time_point at, std::atomic<bool>& flag) : m_at(at), m_flag(flag), m_thread([this] { wait(); }) {}
    ~Deadline()
    {
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            m_done = true;
        }
        m_changed.notify_all();
        m_thread.join();
    }

private:
    void wait()
    {
        std::unique_lock<std::mutex> lock(m_mutex);
        if (!m_changed.wait_until(lock, m_at, [this] { return m_done; })) m_flag = true;
    }

    Clock::time_point m_at;
    std::atomic<bool>& m_flag;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    bool m_done = false;
    std::thread m_thread;
};

/// Keeps what explains a losing trial (config, metrics, rule, run.json), drops its weights.
void dropWeights(const std::string& runDir)
{
    std::error_code ec;
    for (const char* name : {"model.pt", "checkpoint", "features.safetensors", "scores"}) fs::remove_all(fs::path(runDir) / name, ec);
}

Status moveInto(const std::string& from, const std::string& to)
{
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(from, ec)) {
        fs::rename(entry.path(), fs::path(to) / entry.path().filename(), ec);
        if (ec) return Error{to + ": cannot move " + entry.path().string() + " here: " + ec.message()};
    }
    fs::remove(from, ec);
    return {};
}

double objectiveAt(const EpochReport& report, const std::string& objective)
{
    return objective == "macro-f1" ? report.devMacroF1 : report.devMicroF1;
}

} // namespace

Result<AutotuneResult> autotune(const AutotuneRequest& request, const std::atomic<bool>* cancel)
{
    const auto started = Clock::now();
    const auto log = [&](const std::string& line) {
        if (request.log) request.log(line);
    };
    auto objective = eval::TuneObjective::parse(request.objective);
    if (!objective || (request.objective != "micro-f1" && request.objective != "macro-f1"))
        return Error{"--objective must be micro-f1 or macro-f1"};
    auto kinds = chosenKinds(request);
    if (!kinds) return kinds.error();
    std::error_code ec;
    if (fs::exists(fs::path(request.outDir) / "config.json", ec) || fs::exists(fs::path(request.outDir) / "trials", ec)
        || fs::exists(fs::path(request.outDir) / "ensemble.json", ec))
        return Error{request.outDir + ": already holds a run; choose another folder"};
    const fs::path trials = fs::path(request.outDir) / "trials";
    fs::create_directories(trials, ec);
    if (ec) return Error{request.outDir + ": cannot create the folder: " + ec.message()};

    // Ensembles and the final tuning take seconds; keep them out of the trials' share.
    const double reserve = std::min(60.0, 0.05 * request.budgetSeconds + 10.0);
    const auto deadline = started + std::chrono::duration_cast<Clock::duration>(
                                        std::chrono::duration<double>(std::max(1.0, request.budgetSeconds - reserve)));
    const auto remaining = [&] { return std::chrono::duration<double>(deadline - Clock::now()).count(); };
    AutotuneResult result;
    std::map<std::string, double> lastSeconds;  // per kind: the last finished trial's cost
    double bestUntuned = 0.0;                    // best trial's dev objective at its training threshold

    const std::vector<Candidate> candidates = plan(*kinds);
    for (std::size_t i = 0; i < candidates.size(); ++i) {
        if (cancel && cancel->load()) break;
        const Candidate& candidate = candidates[i];
        AutotuneTrial trial;
        char name[64];
        std::snprintf(name, sizeof name, "%02zu-%s", i + 1, lower(candidate.kind->name()).c_str());
        trial.name = name;
        trial.kind = candidate.kind->name();
        trial.settings = json::parse(candidate.patch).dump();
        const auto last = lastSeconds.find(trial.kind);
        // A kind's next settings cost about what its last did, often more (wider, longer).
        const double estimate = last != lastSeconds.end() ? 1.5 * last->second : 0.1 * request.budgetSeconds;
        if (remaining() < estimate) {
            trial.status = "skipped";
            trial.message = "not enough budget left";
            result.trials.push_back(trial);
            continue;
        }
        auto config = trialConfig(candidate, request);
        if (!config) return config.error();
        const std::string runDir = (trials / trial.name).string();
        log("trial " + trial.name + ": " + trial.kind + " " + trial.settings);

        std::atomic<bool> stop{false};     // ends the trial now: the budget is spent or Ctrl-C
        std::atomic<bool> finish{false};   // ends it cleanly after this epoch, keeping its best epoch
        bool pruned = false;
        std::vector<double> history;
        TrainOptions options;
        options.runDir = runDir;
        options.device = request.device;
        options.finishAfterEpoch = &finish;
        Trainer trainer(*config, options);
        trainer.setEpochCallback([&](const EpochReport& report) {
            history.push_back(objectiveAt(report, request.objective));
            // Far behind the best trial and no longer improving: not worth the budget.
            const double best = *std::max_element(history.begin(), history.end());
            if (history.size() >= 3 && bestUntuned > 0 && best < 0.85 * bestUntuned
                && best - history[history.size() - 3] < 0.01) {
                pruned = true;
                finish = true;
            }
            if (cancel && cancel->load()) stop = true;
        });
        const auto trialStart = Clock::now();
        Result<TrainResult> trained = Error{"not run"};
        {
            // No single trial may take most of what is left: later kinds and the ensembles need it.
            const double share = std::max(0.35 * remaining(), std::min(remaining(), 60.0));
            Deadline soft(Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(share)), finish);
            Deadline hard(deadline, stop);
            trained = trainer.run(&stop);
        }
        trial.seconds = std::chrono::duration<double>(Clock::now() - trialStart).count();
        if (!trained) {
            trial.status = "failed";
            trial.message = trained.message();
            log("trial " + trial.name + " failed: " + trial.message);
            fs::remove_all(runDir, ec);
            result.trials.push_back(trial);
            continue;
        }
        trial.epochs = trained->epochsDone;
        if (trained->status == TrainStatus::Cancelled) {
            trial.status = "skipped";
            trial.message = "the budget ran out";
            log("trial " + trial.name + " " + trial.status + ": " + trial.message);
            fs::remove_all(runDir, ec);
            result.trials.push_back(trial);
            break;
        }
        auto tuned = tuneRun(runDir, *objective);
        if (!tuned) return tuned.error();
        trial.seconds = std::chrono::duration<double>(Clock::now() - trialStart).count();
        trial.status = pruned ? "pruned" : "done";
        if (pruned) trial.message = "trailed the best trial; stopped after " + std::to_string(trial.epochs) + " epochs";
        trial.dev = tuned->dev;
        trial.crossValidated = tuned->crossValidated;
        lastSeconds[trial.kind] = trial.seconds;
        if (!history.empty()) bestUntuned = std::max(bestUntuned, *std::max_element(history.begin(), history.end()));
        char line[200];
        std::snprintf(line, sizeof line, "trial %s: dev micro-F1 %.4f macro-F1 %.4f, cross-validated %s %.4f (%.0f s)", trial.name.c_str(),
                      trial.dev.f1, trial.dev.macroF1, request.objective.c_str(), trial.crossValidated, trial.seconds);
        log(line);
        result.trials.push_back(trial);
    }

    std::vector<const AutotuneTrial*> done;
    for (const auto& trial : result.trials)
        if (trial.status == "done" || trial.status == "pruned") done.push_back(&trial);
    if (done.empty()) return Error{"no trial finished within the budget of " + std::to_string(static_cast<int>(request.budgetSeconds)) + " s"};
    std::sort(done.begin(), done.end(), [](const AutotuneTrial* a, const AutotuneTrial* b) { return a->crossValidated > b->crossValidated; });

    // Calibrated means of the best trials, judged the same way.
    std::vector<std::vector<const AutotuneTrial*>> ensembles;
    for (std::size_t size = 2; size <= std::min<std::size_t>(3, done.size()); ++size)
        ensembles.emplace_back(done.begin(), done.begin() + static_cast<std::ptrdiff_t>(size));
    std::vector<const AutotuneTrial*> distinct;  // the best trial of each kind
    for (const AutotuneTrial* t : done)
        if (std::none_of(distinct.begin(), distinct.end(), [&](const AutotuneTrial* d) { return d->kind == t->kind; })) distinct.push_back(t);
    if (distinct.size() >= 2 && distinct != ensembles.front() && (ensembles.size() < 2 || distinct != ensembles[1])) ensembles.push_back(distinct);

    double bestValue = done.front()->crossValidated;
    std::vector<const AutotuneTrial*> bestMembers;
    for (std::size_t e = 0; e < ensembles.size() && !(cancel && cancel->load()); ++e) {
        eval::EnsembleRequest ensemble;
        std::string names;
        for (const AutotuneTrial* t : ensembles[e]) {
            ensemble.runs.push_back((trials / t->name).string());
            names += (names.empty() ? "" : " + ") + t->name;
        }
        ensemble.outDir = (trials / ("ensemble-" + std::to_string(e + 1))).string();
        if (auto made = eval::createEnsembleRun(ensemble); !made) return made.error();
        auto tuned = tuneRun(ensemble.outDir, *objective);
        if (!tuned) return tuned.error();
        char line[200];
        std::snprintf(line, sizeof line, "%s: cross-validated %s %.4f", names.c_str(), request.objective.c_str(), tuned->crossValidated);
        result.ensembles.push_back(line);
        log("ensemble " + std::string(line));
        if (tuned->crossValidated > bestValue + 1e-9) {
            bestValue = tuned->crossValidated;
            bestMembers = ensembles[e];
        }
        fs::remove_all(ensemble.outDir, ec);
    }

    // The winner goes to outDir with its tuned rule.
    result.crossValidated = bestValue;
    if (bestMembers.empty()) {
        const AutotuneTrial* winner = done.front();
        result.chosen = winner->name;
        if (auto s = moveInto((trials / winner->name).string(), request.outDir); !s) return s.error();
        for (const AutotuneTrial* t : done)
            if (t != winner) dropWeights((trials / t->name).string());
    } else {
        eval::EnsembleRequest ensemble;
        for (const AutotuneTrial* t : bestMembers) {
            ensemble.runs.push_back((trials / t->name).string());
            result.chosen += (result.chosen.empty() ? "ensemble of " : " + ") + t->name;
        }
        ensemble.outDir = request.outDir;
        if (auto made = eval::createEnsembleRun(ensemble); !made) return made.error();
        if (auto tuned = tuneRun(request.outDir, *objective); !tuned) return tuned.error();
        for (const AutotuneTrial* t : done)
            if (std::find(bestMembers.begin(), bestMembers.end(), t) == bestMembers.end()) dropWeights((trials / t->name).string());
    }
    auto dev = eval::loadRunUnderRule(request.outDir, "dev");
    if (!dev) return dev.error();
    result.dev = eval::evaluate(dev->split.scores, dev->rule.rule);
    if (fs::is_regular_file(eval::runScoresPath(request.outDir, "test"), ec)) {
        auto test = eval::loadRunUnderRule(request.outDir, "test");
        if (!test) return test.error();
        result.test = eval::evaluate(test->split.scores, test->rule.rule);
    }
    result.seconds = std::chrono::duration<double>(Clock::now() - started).count();

    json table = json::array();
    for (const auto& t : result.trials)
        table.push_back({{"name", t.name}, {"kind", t.kind}, {"settings", json::parse(t.settings)}, {"status", t.status},
                         {"message", t.message}, {"seconds", t.seconds}, {"epochs", t.epochs}, {"dev_micro_f1", t.dev.f1},
                         {"dev_macro_f1", t.dev.macroF1}, {"cross_validated", t.crossValidated}});
    const json summary = {{"objective", request.objective}, {"budget_seconds", request.budgetSeconds}, {"seconds", result.seconds},
                          {"chosen", result.chosen}, {"cross_validated", result.crossValidated}, {"ensembles", result.ensembles},
                          {"trials", table}};
    if (auto s = writeFileAtomically(request.outDir + "/autotune.json", summary.dump(2) + "\n"); !s) return s.error();
    return result;
}

} // namespace tagbench
