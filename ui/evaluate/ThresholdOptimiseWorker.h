#pragma once

#include "core/eval/DecisionRule.h"
#include "core/eval/InteractiveEvaluator.h"
#include "core/eval/ThresholdTuner.h"

#include <QMetaType>
#include <QObject>
#include <QString>

#include <atomic>
#include <memory>

namespace tagbench::ui {

/// Lives on a worker thread and runs core's threshold tuner for the Evaluate page, so that the
/// slider and the table stay live while it works.
///
/// Thread safety: the tuner moves an InteractiveEvaluator through thousands of rules, and an
/// evaluator is not safe to share, so the worker has its own one, built from the UI evaluator's
/// read-only SharedIndex (sorted scores and rank structures: nearly all of the memory and the
/// build time) and the run's score matrix, which both evaluators only read. Its per-rule state
/// (documents grouped by their best label, counts), the rule and the options are its own. The
/// evaluator is kept for the next request on the same index until release().
class ThresholdOptimiseWorker final : public QObject {
    Q_OBJECT
public:
    /// cancelledUpTo is shared with the UI thread: requests with an id <= its value stop at the
    /// tuner's next progress check (once per label).
    explicit ThresholdOptimiseWorker(std::shared_ptr<const std::atomic<quint64>> cancelledUpTo,
                                     QObject* parent = nullptr);
    ~ThresholdOptimiseWorker() override;

    /// Blocking; call on the worker thread (queued). Tunes from base over index; emits progress()
    /// while it runs, then exactly one of finished(), failed() or cancelled().
    void optimise(quint64 request, std::shared_ptr<const eval::InteractiveEvaluator::SharedIndex> index,
                  const eval::DecisionRule& base, eval::TuneOptions options);
    /// Drops its evaluator and its hold on the index (another run was loaded).
    void release();

signals:
    /// Labels done of total; total 0 while the scores are being indexed.
    void progress(quint64 request, qint64 done, qint64 total);
    void finished(quint64 request, std::shared_ptr<const tagbench::eval::TuneResult> result);
    void failed(quint64 request, const QString& message);
    void cancelled(quint64 request);

private:
    bool isCancelled(quint64 request) const;

    std::shared_ptr<const std::atomic<quint64>> m_cancelledUpTo;
    std::shared_ptr<const eval::InteractiveEvaluator::SharedIndex> m_indexed;
    std::unique_ptr<eval::InteractiveEvaluator> m_evaluator;
};

} // namespace tagbench::ui

Q_DECLARE_METATYPE(std::shared_ptr<const tagbench::eval::TuneResult>)
