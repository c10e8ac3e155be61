#include "ui/export/BundleExportWorker.h"

#include "core/export/BundleExporter.h"

#include <QFile>

#include <exception>
#include <new>

namespace tagbench::ui {

void BundleExportWorker::exportRun(quint64 request, const QString& runDir, const QString& outPath)
{
    try {
        const Result<ExportSummary> result =
            exportBundle(QFile::encodeName(runDir).toStdString(), QFile::encodeName(outPath).toStdString());
        if (!result.ok()) {
            emit failed(request, QString::fromStdString(result.message()));
            return;
        }
        ExportedBundle bundle;
        bundle.path = outPath;
        bundle.checksum = QString::fromStdString(result->checksum);
        bundle.bytes = qint64(result->bytes);
        bundle.tensors = qint64(result->tensors);
        bundle.parameters = qint64(result->parameters);
        emit exported(request, bundle);
    } catch (const std::bad_alloc&) {
        emit failed(request, tr("Not enough memory to export this run."));
    } catch (const std::exception& e) {
        emit failed(request, QString::fromUtf8(e.what()));
    }
}

} // namespace tagbench::ui
