#include "ui/demo/PredictionService.h"

#include <QDir>
#include <QFileInfo>

#include <limits>

namespace tagbench::ui {

PredictionService::PredictionService(QObject* parent)
    : QObject(parent)
    , m_exports(QDir::temp().filePath(QStringLiteral("tagbench-demo-XXXXXX")))
    , m_predictor(QStringLiteral("tagbench-predict"), m_latest)
{
    qRegisterMetaType<BundleSummary>();
    qRegisterMetaType<DemoPrediction>();
    const PredictWorker* worker = m_predictor.worker();
    connect(worker, &PredictWorker::opened, this, &PredictionService::opened);
    connect(worker, &PredictWorker::openFailed, this, &PredictionService::openFailed);
    connect(worker, &PredictWorker::ruleApplied, this, &PredictionService::ruleApplied);
    connect(worker, &PredictWorker::ruleFailed, this, &PredictionService::ruleFailed);
    connect(worker, &PredictWorker::predicted, this, &PredictionService::predicted);
    connect(worker, &PredictWorker::predictFailed, this, &PredictionService::predictFailed);
}

PredictionService::~PredictionService()
{
    // Queued predictions are skipped; an export or open in progress finishes first.
    m_latest->store(std::numeric_limits<quint64>::max());
}

void PredictionService::openBundle(const QString& path)
{
    m_predictor.post([path](PredictWorker& worker) { worker.open(path); });
}

void PredictionService::openRun(const QString& runDir)
{
    if (!m_exports.isValid()) {
        emit openFailed(runDir, tr("Cannot create a temporary folder for the bundle: %1").arg(m_exports.errorString()));
        return;
    }
    // A new name each time: the bundle now open stays readable until the next one is open.
    const QString out = m_exports.filePath(QStringLiteral("%1-%2.tagbench").arg(QFileInfo(runDir).fileName()).arg(++m_exportCount));
    m_predictor.post([runDir, out](PredictWorker& worker) { worker.exportAndOpen(runDir, out); });
}

void PredictionService::setRule(std::optional<eval::DecisionRule> rule)
{
    m_predictor.post([rule = std::move(rule)](PredictWorker& worker) { worker.setRule(rule); });
}

quint64 PredictionService::predict(const QString& text)
{
    const quint64 request = m_nextRequest++;
    m_latest->store(request);
    m_predictor.post([request, text](PredictWorker& worker) { worker.predict(request, text); });
    return request;
}

} // namespace tagbench::ui
