#pragma once

#include "core/eval/DecisionRule.h"
#include "core/eval/ThresholdTuner.h"
#include "ui/evaluate/RunLoadWorker.h"
#include "ui/evaluate/ThresholdOptimiseWorker.h"

#include <QObject>
#include <QThread>
#include <QUndoStack>

#include <atomic>
#include <memory>
#include <optional>

namespace tagbench::ui {

/// The run being evaluated and every edit of its decision rule. Edits go through the undo
/// stack and are applied to the interactive evaluator as the smallest change (one label, the
/// global threshold, top-k ...) so that sliders stay live. Loading and the threshold optimiser
/// run on worker threads.
class EvaluationSession final : public QObject {
    Q_OBJECT
public:
    explicit EvaluationSession(QObject* parent = nullptr);
    ~EvaluationSession() override;

    /// Starts loading RUN_DIR's scores of split ("dev" or "test"); runLoaded() or loadFailed().
    void loadRun(const QString& runDir, const QString& split);
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
    /// Replaces the whole rule (e.g. the optimiser's result) as one undo step.
    void applyRule(const eval::DecisionRule& rule, const QString& description);

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

private:
    void push(const eval::DecisionRule& after, const QString& text, int mergeId);
    void startOptimiserThread();
    void onOptimised(quint64 request, std::shared_ptr<const eval::TuneResult> result);

    QThread m_thread;
    RunLoadWorker* m_worker = nullptr;
    QThread m_optimiseThread;
    ThresholdOptimiseWorker* m_optimiser = nullptr;
    /// Written here, read by the optimiser's progress checks: requests up to it stop.
    std::shared_ptr<std::atomic<quint64>> m_cancelledUpTo = std::make_shared<std::atomic<quint64>>(0);
    quint64 m_lastRequest = 0;
    quint64 m_optimiseRequest = 0;   ///< the running request, 0 when none
    eval::DecisionRule m_optimiseBase;
    QString m_optimiseObjective;
    std::shared_ptr<LoadedRun> m_run;
    QUndoStack m_undo;
    bool m_loading = false;
};

} // namespace tagbench::ui
