#pragma once

#include "core/eval/DecisionRule.h"
#include "core/eval/ThresholdTuner.h"
#include "ui/RunLoadWorker.h"

#include <QObject>
#include <QThread>
#include <QUndoStack>

#include <memory>
#include <optional>

namespace tagbench::ui {

/// The run being evaluated and every edit of its decision rule. Edits go through the undo
/// stack and are applied to the interactive evaluator as the smallest change (one label, the
/// global threshold, top-k ...) so that sliders stay live. Loading runs on a worker thread.
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

    /// Runs the threshold optimiser on the loaded split and applies its rule as one undo step.
    Result<eval::TuneResult> tune(const eval::TuneOptions& options);

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

private:
    void push(const eval::DecisionRule& after, const QString& text, int mergeId);

    QThread m_thread;
    RunLoadWorker* m_worker = nullptr;
    std::shared_ptr<LoadedRun> m_run;
    QUndoStack m_undo;
    bool m_loading = false;
};

} // namespace tagbench::ui
