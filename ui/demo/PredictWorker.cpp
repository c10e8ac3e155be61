#include "ui/demo/PredictWorker.h"

#include "core/export/BundleExporter.h"
#include "core/export/Predictor.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>

#include <exception>
#include <new>

namespace tagbench::ui {

namespace {
// One short text at a time: a second thread or a GPU round trip buys nothing.
constexpr int predictorThreads = 1;
} // namespace

PredictWorker::PredictWorker(std::shared_ptr<std::atomic<quint64>> latest)
    : m_latest(std::move(latest))
{
}

PredictWorker::~PredictWorker()
{
    m_predictor.reset();
    if (!m_temporary.isEmpty())
        QFile::remove(m_temporary);
}

void PredictWorker::open(const QString& path)
{
    if (openBundle(path, QString()) && !m_temporary.isEmpty()) {
        QFile::remove(m_temporary);
        m_temporary.clear();
    }
}

bool PredictWorker::openBundle(const QString& path, const QString& sourceRun)
{
    try {
        PredictorOptions options;
        options.device = "cpu";
        options.threads = predictorThreads;
        Result<Predictor> predictor = Predictor::open(QFile::encodeName(path).toStdString(), options);
        if (!predictor.ok()) {
            emit openFailed(path, QString::fromStdString(predictor.message()));
            return false;
        }
        m_predictor = std::make_unique<Predictor>(std::move(predictor).value());
        const BundleManifest& manifest = m_predictor->bundle().manifest();
        BundleSummary summary;
        summary.path = path;
        summary.sourceRun = sourceRun;
        summary.runName = QFileInfo(sourceRun.isEmpty() ? QString::fromStdString(manifest.sourceRun) : sourceRun).fileName();
        summary.facts = RunFacts::fromConfig(QByteArray::fromStdString(manifest.trainingConfigJson));
        summary.threads = predictorThreads;
        for (const std::string& label : m_predictor->labels())
            summary.labels << QString::fromStdString(label);
        const std::vector<float> thresholds = m_predictor->rule().effectiveThresholds(m_predictor->labels().size());
        summary.thresholds = QVector<float>(thresholds.begin(), thresholds.end());
        summary.topK = m_predictor->rule().topK();
        emit opened(summary);
        return true;
    } catch (const std::bad_alloc&) {
        emit openFailed(path, tr("Not enough memory to load this model."));
    } catch (const std::exception& e) {
        emit openFailed(path, QString::fromUtf8(e.what()));
    }
    return false;
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
    if (openBundle(outPath, runDir)) {
        if (!m_temporary.isEmpty() && m_temporary != outPath)
            QFile::remove(m_temporary);
        m_temporary = outPath;
    } else {
        QFile::remove(outPath);
    }
}

void PredictWorker::setRule(const std::optional<eval::DecisionRule>& rule)
{
    if (!m_predictor)
        return;
    if (!rule) {
        m_predictor->resetRule();
    } else if (const Status status = m_predictor->setRule(*rule); !status.ok()) {
        emit ruleFailed(QString::fromStdString(status.message()));
        return;
    }
    emitRule();
}

void PredictWorker::emitRule()
{
    const std::vector<float> thresholds = m_predictor->rule().effectiveThresholds(m_predictor->labels().size());
    emit ruleApplied(QVector<float>(thresholds.begin(), thresholds.end()), m_predictor->rule().topK());
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
