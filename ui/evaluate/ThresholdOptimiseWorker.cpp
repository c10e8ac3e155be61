#include "ui/evaluate/ThresholdOptimiseWorker.h"


#include <QElapsedTimer>

#include <exception>
#include <new>

namespace tagbench::ui {

namespace {
// Progress signals at most this often: a queued signal per label would flood the UI thread
// on a split with thousands of labels.
constexpr qint64 progressIntervalMs = 50;
} // namespace

ThresholdOptimiseWorker::ThresholdOptimiseWorker(std::shared_ptr<const std::atomic<quint64>> cancelledUpTo,
                                                 QObject* parent)
    : QObject(parent)
    , m_cancelledUpTo(std::move(cancelledUpTo))
{
}

ThresholdOptimiseWorker::~ThresholdOptimiseWorker() = default;

bool ThresholdOptimiseWorker::isCancelled(quint64 request) const
{
    return request <= m_cancelledUpTo->load(std::memory_order_relaxed);
}

void ThresholdOptimiseWorker::release()
{
    m_evaluator.reset();
    m_indexed.reset();
}

void ThresholdOptimiseWorker::optimise(quint64 request, std::shared_ptr<const eval::InteractiveEvaluator::SharedIndex> index,
                                       const eval::DecisionRule& base, eval::TuneOptions options)
{
    if (isCancelled(request)) {
        emit cancelled(request);
        return;
    }
    try {
        if (m_indexed != index || !m_evaluator) {
            release();
            emit progress(request, 0, 0);
            auto evaluator = eval::InteractiveEvaluator::create(index, base);
            if (!evaluator.ok()) {
                emit failed(request, QString::fromStdString(evaluator.message()));
                return;
            }
            m_evaluator = std::move(evaluator).value();
            m_indexed = std::move(index);
        }
        QElapsedTimer sinceSignal;
        sinceSignal.start();
        qint64 lastDone = -1;
        options.progress = [&](std::size_t done, std::size_t total) {
            if (isCancelled(request))
                return false;
            const auto value = static_cast<qint64>(done);
            if (value != lastDone && (value == qint64(total) || sinceSignal.elapsed() >= progressIntervalMs)) {
                lastDone = value;
                sinceSignal.restart();
                emit progress(request, value, static_cast<qint64>(total));
            }
            return true;
        };
        Result<eval::TuneResult> result = eval::tuneRule(*m_evaluator, options, base);
        if (!result.ok()) {
            if (isCancelled(request))
                emit cancelled(request);
            else
                emit failed(request, QString::fromStdString(result.message()));
            return;
        }
        emit finished(request, std::make_shared<const eval::TuneResult>(std::move(result).value()));
    } catch (const std::bad_alloc&) {
        release();
        emit failed(request, tr("Not enough memory to run the optimiser on this run."));
    } catch (const std::exception& e) {
        release();
        emit failed(request, QString::fromUtf8(e.what()));
    }
}

} // namespace tagbench::ui
