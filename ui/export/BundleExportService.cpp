#include "ui/export/BundleExportService.h"

namespace tagbench::ui {

BundleExportService::BundleExportService(QObject* parent)
    : QObject(parent)
{
    qRegisterMetaType<ExportedBundle>();
    connect(m_exporter.worker(), &BundleExportWorker::exported, this, [this](quint64 request, const ExportedBundle& bundle) {
        --m_pending;
        emit exported(request, bundle);
    });
    connect(m_exporter.worker(), &BundleExportWorker::failed, this, [this](quint64 request, const QString& message) {
        --m_pending;
        emit failed(request, message);
    });
}

quint64 BundleExportService::exportRun(const QString& runDir, const QString& outPath)
{
    const quint64 request = ++m_lastRequest;
    ++m_pending;
    m_exporter.post([request, runDir, outPath](BundleExportWorker& exporter) { exporter.exportRun(request, runDir, outPath); });
    return request;
}

} // namespace tagbench::ui
