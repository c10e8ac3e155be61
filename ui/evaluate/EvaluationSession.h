#pragma once

#include "core/eval/DecisionRule.h"
#include "core/eval/ThresholdTuner.h"
#include "ui/evaluate/RunCompareWorker.h"
#include "ui/evaluate/RunLoadWorker.h"
#include "ui/evaluate/ThresholdOptimiseWorker.h"
#include "ui/services/WorkerThread.h"

#include <QObject>
#include <QUndoStack>

#include <atomic>
#include <memory>
#include <optional>

namespace tagbench::ui {

/// The run being evaluated and every edit of its decision rule. Edits go through the undo
/// stack and are applied to the interactive evaluator as the smallest change (one label, the
/// global threshold, top-k ...) so that sliders stay live. A service in the WorkerThread
/// pattern: loading a run (tagbench-run-loader), the threshold optimiser (tagbench-optimiser)
/// and comparisons with other runs (tagbench-run-compare) each run on a thread of its own.
class EvaluationSession final : public QObject {
    Q_OBJECT
public:
    explicit EvaluationSession(QObject* parent = nullptr);
    ~EvaluationSession() override;

    /// Starts loading RUN_DIR's scores of split ("dev" or "test") under the run's saved rule;
    /// runLoaded() or loadFailed() follows. The undo history starts over.
    void loadRun(const QString& runDir, const QString& split);
    /// Loads the other split of the loaded run and keeps the rule being edited, its undo
    /// history and whether it is saved: a rule belongs to the run, not to a split.
    void switchSplit(const QString& split);
    /// The optimiser tunes on dev only: tuning on test would leave nothing to check it on.
    bool canOptimise() const;
    bool isLoading() const { return m_loading; }

    bool hasRun() const { return m_run != nullptr; }
    const LoadedRun* run() const { return m_run.get(); }
    eval::InteractiveEvaluator* evaluator() const;
    const std::vector<std::string>& labelNames() const;
    /// The rule the evaluator currently applies.
    const eval::DecisionRule& rule() const;
    QUndoStack* undoStack() { return &m_undo; }

    // Undoable edits.
    void setGlobalThreshold(float threshold);
    /// nullopt removes the label's override.
    void setLabelThreshold(std::uint32_t label, std::optional<float> threshold);
    void setTopK(int topK);
    void setAtLeastOne(bool enabled);
    void setLabelDisabled(std::uint32_t label, bool disabled);

    /// Starts the threshold optimiser on a worker thread, from the current rule; false when no
    /// run is loaded or it is already running. It ends with exactly one of optimiseFinished()
    /// (its rule applied as one undo step), optimiseFailed(), optimiseCancelled() or
    /// optimiseDiscarded(). Edits made meanwhile stay possible: a result is applied on top of
    /// them (undo goes back to the edited rule) unless top-k, "at least one" or the disabled
    /// labels changed, since the thresholds were tuned for those; then it is discarded.
    bool startOptimise(const eval::TuneOptions& options);
    /// Stops the running optimiser now (optimiseCancelled()); a late result is ignored.
    void cancelOptimise();
    bool isOptimising() const { return m_optimiseRequest != 0; }

    /// Compares the loaded run (under its live rule) with runDirB (under its own current rule)
    /// on the loaded split, off the UI thread. Returns the request id that comparisonReady() or
    /// comparisonFailed() carries, or 0 when no run is loaded.
    quint64 compareWithRun(const QString& runDirB);

    /// Writes the current rule to RUN_DIR/rule.json (atomically) and marks the stack clean.
    Status saveRule();

    /// Moves the evaluator to rule with the fewest recomputations (used by undo commands).
    void transition(const eval::DecisionRule& rule);

signals:
    void loadStarted(const QString& runDir);
    void runLoaded();
    void loadFailed(const QString& runDir, const QString& message);
    /// The rule changed (edit, undo, redo); metrics are up to date.
    void ruleChanged();
    void optimiseStarted();
    /// Labels done of total; total 0 while the worker indexes the scores.
    void optimiseProgress(qint64 done, qint64 total);
    /// The optimiser's rule is applied (no undo step when it equals the current rule).
    void optimiseFinished(std::shared_ptr<const tagbench::eval::TuneResult> result);
    void optimiseFailed(const QString& message);
    void optimiseCancelled();
    /// The result no longer fits the current rule (top-k, "at least one" or the disabled labels
    /// changed meanwhile) and was not applied.
    void optimiseDiscarded();
    void comparisonReady(quint64 request, std::shared_ptr<const tagbench::ui::RunComparisonData> data);
    void comparisonFailed(quint64 request, const QString& runDir, const QString& message);

private:
    void push(const eval::DecisionRule& after, const QString& text, int mergeId);
    void connectOptimiser();
    void onLoaded(std::shared_ptr<LoadedRun> run);
    void onOptimised(quint64 request, std::shared_ptr<const eval::TuneResult> result);

    /// Written here, read by the optimiser's progress checks: requests up to it stop.
    std::shared_ptr<std::atomic<quint64>> m_cancelledUpTo = std::make_shared<std::atomic<quint64>>(0);
    WorkerThread<RunLoadWorker> m_loader{QStringLiteral("tagbench-run-loader")};
    WorkerThread<ThresholdOptimiseWorker> m_optimiser{QStringLiteral("tagbench-optimiser"), m_cancelledUpTo};
    WorkerThread<RunCompareWorker> m_comparer{QStringLiteral("tagbench-run-compare")};
    std::optional<eval::DecisionRule> m_carriedRule;   ///< switchSplit(): the rule the new split keeps
    quint64 m_lastRequest = 0;
    quint64 m_optimiseRequest = 0;   ///< the running request, 0 when none
    eval::DecisionRule m_optimiseBase;
    QString m_optimiseObjective;
    std::shared_ptr<LoadedRun> m_run;
    QUndoStack m_undo;
    bool m_loading = false;
};

} // namespace tagbench::ui
