#include "ui/data/DatasetLoadWorker.h"

#include "core/data/DatasetReader.h"
#include "core/storage/ContentHash.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>

#include <exception>

namespace tagbench::ui {

DatasetLoadWorker::DatasetLoadWorker(std::shared_ptr<std::atomic<quint64>> cancelBelow)
    : m_cancelBelow(std::move(cancelBelow))
{
}

void DatasetLoadWorker::load(quint64 requestId, const QString& path)
{
    if (isCancelled(requestId))
        return;
    emit progress(requestId, 0, QFileInfo(path).size(), 0);
    // Bad records are skipped and reported; the user then decides whether to keep the rest
    // (the import report dialog) instead of losing the whole file to its first bad line.
    ImportOptions options;
    options.policy = ErrorPolicy::Skip;
    // The reader calls back once per chunk (tens of milliseconds); the UI needs far fewer updates.
    QElapsedTimer sinceSignal;
    qint64 documentsRead = 0;
    options.progress = [&](const ImportProgress& p) {
        documentsRead = static_cast<qint64>(p.documents);
        if (!sinceSignal.isValid() || sinceSignal.hasExpired(progressIntervalMs)) {
            sinceSignal.start();
            emit progress(requestId, static_cast<qint64>(p.bytesRead), static_cast<qint64>(p.bytesTotal),
                          documentsRead);
        }
        return !isCancelled(requestId);
    };
    ImportReport report;
    try {
        Result<Dataset> result = readDataset(QFile::encodeName(path).toStdString(), options, &report);
        if (report.cancelled) {
            emit cancelled(requestId, path, documentsRead);
            return;
        }
        if (isCancelled(requestId))
            return;
        if (!result.ok()) {
            emit failed(requestId, path, QString::fromStdString(result.message()));
            return;
        }
        const auto bytes = static_cast<qint64>(report.bytes);
        const auto documents = static_cast<qint64>(report.documents);
        auto data = std::make_shared<const Dataset>(std::move(result).value());
        // The fingerprint a project registers the file under; hashing here keeps it off the UI thread.
        Result<std::string> hash = ContentHash::ofFile(QFile::encodeName(path).toStdString());
        auto dataset = std::make_shared<const LoadedDataset>(path, std::move(data), std::move(report),
                                                             hash.ok() ? QString::fromStdString(*hash) : QString());
        if (isCancelled(requestId))
            return;
        emit progress(requestId, bytes, bytes, documents);
        emit loaded(requestId, std::move(dataset));
    } catch (const std::bad_alloc&) {
        emit failed(requestId, path, tr("Not enough memory to load this file."));
    } catch (const std::exception& e) {
        emit failed(requestId, path, QString::fromUtf8(e.what()));
    }
}

} // namespace tagbench::ui
