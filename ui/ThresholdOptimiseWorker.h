#pragma once

#include "core/eval/DecisionRule.h"
#include "core/eval/ThresholdTuner.h"

#include <QMetaType>
#include <QObject>
#include <QString>

#include <atomic>
#include <memory>

namespace tagbench::eval {
class InteractiveEvaluator;
class ScoreMatrix;
}

namespace tagbench::ui {

/// Lives on a worker thread and runs core's threshold tuner for the Evaluate page, so that the
/// slider and the table stay live while it works.
///
/// Thread safety: the tuner moves an InteractiveEvaluator through thousands of rules, and an
/// evaluator is not safe to share, so the worker indexes its own one over the run's score
/// matrix. The matrix is shared, not copied: it is immutable once loaded (shared_ptr<const>),
/// and concurrent reads of it from the UI thread's evaluator and this one are safe. The rule
/// and the options are copies. The index is kept for the next request on the same matrix
/// (indexing is the slow part of a big split) until release().
class ThresholdOptimiseWorker final : public QObject {
    Q_OBJECT
public:
    /// cancelledUpTo is shared with the UI thread: requests with an id <= its value stop at the
    /// tuner's next progress check (once per label).
    explicit ThresholdOptimiseWorker(std::shared_ptr<const std::atomic<quint64>> cancelledUpTo,
                                     QObject* parent = nullptr);
    ~ThresholdOptimiseWorker() override;

    /// Blocking; call on the worker thread (queued). Tunes from base on scores; emits progress()
    /// while it runs, then exactly one of finished(), failed() or cancelled().
    void optimise(quint64 request, std::shared_ptr<const eval::ScoreMatrix> scores, const eval::DecisionRule& base,
                  eval::TuneOptions options);
    /// Drops the cached index (another run was loaded).
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
    std::shared_ptr<const eval::ScoreMatrix> m_indexed;
    std::unique_ptr<eval::InteractiveEvaluator> m_evaluator;
};

} // namespace tagbench::ui

Q_DECLARE_METATYPE(std::shared_ptr<const tagbench::eval::TuneResult>)
