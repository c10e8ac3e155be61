#pragma once

#include "core/eval/DecisionRule.h"
#include "ui/demo/PredictWorker.h"
#include "ui/services/WorkerThread.h"

#include <QObject>
#include <QString>
#include <QTemporaryDir>

#include <atomic>
#include <memory>
#include <optional>

namespace tagbench::ui {

/// The Demo page's model: opens .tagbench bundles, or packs a training run into a temporary
/// bundle (the run folder is left untouched), and scores texts on its own thread
/// (tagbench-predict, the WorkerThread pattern). Only the newest text is answered.
class PredictionService final : public QObject {
    Q_OBJECT
public:
    explicit PredictionService(QObject* parent = nullptr);
    ~PredictionService() override;

    /// Opens a bundle file; opened() or openFailed() follows.
    void openBundle(const QString& path);
    /// Exports runDir into a temporary bundle that lives as long as this service, then opens
    /// it; opened() (with sourceRun set) or openFailed() follows.
    void openRun(const QString& runDir);
    /// Decides with rule instead of the bundle's own (nullopt: the bundle's again); ruleApplied()
    /// or ruleFailed() follows.
    void setRule(std::optional<eval::DecisionRule> rule);
    /// Scores text; returns the request id predicted() will carry. Older requests still queued
    /// are skipped.
    quint64 predict(const QString& text);
    /// The newest request; a prediction with another id is out of date.
    quint64 latestRequest() const { return m_latest->load(); }

signals:
    void opened(const tagbench::ui::BundleSummary& summary);
    void openFailed(const QString& path, const QString& message);
    void ruleApplied(const QVector<float>& thresholds, int topK);
    void ruleFailed(const QString& message);
    void predicted(const tagbench::ui::DemoPrediction& prediction);
    void predictFailed(quint64 request, const QString& message);

private:
    std::shared_ptr<std::atomic<quint64>> m_latest = std::make_shared<std::atomic<quint64>>(0);
    QTemporaryDir m_exports;   // declared before the thread: removed after the worker is gone
    WorkerThread<PredictWorker> m_predictor;
    quint64 m_nextRequest = 1;
    int m_exportCount = 0;
};

} // namespace tagbench::ui
