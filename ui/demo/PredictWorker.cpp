#include "ui/demo/PredictWorker.h"

#include "core/export/BundleExporter.h"
#include "core/export/Predictor.h"

#include <QElapsedTimer>
#include <QFile>

#include <exception>
#include <new>

namespace tagbench::ui {

PredictWorker::PredictWorker(std::shared_ptr<std::atomic<quint64>> latest, QObject* parent)
    : QObject(parent)
    , m_latest(std::move(latest))
{
}

PredictWorker::~PredictWorker() = default;

void PredictWorker::open(const QString& path)
{
    try {
        PredictorOptions options;
        options.device = "cpu";   // one short text at a time: a GPU round trip buys nothing
        options.threads = 1;
        Result<Predictor> predictor = Predictor::open(QFile::encodeName(path).toStdString(), options);
        if (!predictor.ok()) {
            emit openFailed(path, QString::fromStdString(predictor.message()));
            return;
        }
        m_predictor = std::make_unique<Predictor>(std::move(predictor).value());
        BundleSummary summary;
        summary.path = path;
        summary.description = QString::fromStdString(m_predictor->bundle().describe());
        summary.device = QString::fromStdString(m_predictor->deviceDescription());
        const auto& labels = m_predictor->labels();
        const eval::DecisionRule& rule = m_predictor->rule();
        const std::vector<float> thresholds = rule.effectiveThresholds(labels.size());
        for (std::size_t i = 0; i < labels.size(); ++i) {
            summary.labels << QString::fromStdString(labels[i]);
            summary.thresholds << thresholds[i];
        }
        summary.topK = rule.topK();
        emit opened(summary);
    } catch (const std::bad_alloc&) {
        emit openFailed(path, tr("Not enough memory to load this model."));
    } catch (const std::exception& e) {
        emit openFailed(path, QString::fromUtf8(e.what()));
    }
}

void PredictWorker::exportAndOpen(const QString& runDir, const QString& outPath)
{
    try {
        const Result<ExportSummary> exported =
            exportBundle(QFile::encodeName(runDir).toStdString(), QFile::encodeName(outPath).toStdString());
        if (!exported.ok()) {
            emit openFailed(runDir, QString::fromStdString(exported.message()));
            return;
        }
    } catch (const std::exception& e) {
        emit openFailed(runDir, QString::fromUtf8(e.what()));
        return;
    }
    open(outPath);
}

void PredictWorker::predict(quint64 request, const QString& text)
{
    if (!m_predictor || request < m_latest->load())
        return;
    try {
        QElapsedTimer timer;
        timer.start();
        const QByteArray utf8 = text.toUtf8();
        Result<Prediction> prediction = m_predictor->predict(std::string_view(utf8.constData(), std::size_t(utf8.size())),
                                                             true);
        if (!prediction.ok()) {
            emit predictFailed(request, QString::fromStdString(prediction.message()));
            return;
        }
        DemoPrediction result;
        result.request = request;
        result.scores = QVector<float>(prediction->scores.begin(), prediction->scores.end());
        for (const LabelScore& kept : prediction->labels)
            result.kept << int(kept.label);
        result.milliseconds = double(timer.nsecsElapsed()) / 1e6;
        emit predicted(result);
    } catch (const std::exception& e) {
        emit predictFailed(request, QString::fromUtf8(e.what()));
    }
}

} // namespace tagbench::ui
