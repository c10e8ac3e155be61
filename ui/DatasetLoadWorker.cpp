#include "ui/DatasetLoadWorker.h"

#include "core/data/DatasetReader.h"
#include "core/storage/ContentHash.h"

#include <QFile>

#include <exception>

namespace tagbench::ui {

DatasetLoadWorker::DatasetLoadWorker(std::shared_ptr<std::atomic<quint64>> cancelBelow)
    : m_cancelBelow(std::move(cancelBelow))
{
}

void DatasetLoadWorker::load(quint64 requestId, const QString& path)
{
    if (requestId < m_cancelBelow->load())
        return;
    emit progress(requestId, 0.0);
    // Bad records are skipped and reported; the user then decides whether to keep the rest
    // (the import report dialog) instead of losing the whole file to its first bad line.
    ImportOptions options;
    options.policy = ErrorPolicy::Skip;
    ImportReport report;
    try {
        Result<Dataset> result = readDataset(QFile::encodeName(path).toStdString(), options, &report);
        if (requestId < m_cancelBelow->load())
            return;
        if (!result.ok()) {
            emit failed(requestId, path, QString::fromStdString(result.message()));
            return;
        }
        auto data = std::make_shared<const Dataset>(std::move(result).value());
        // The fingerprint a project registers the file under; hashing here keeps it off the UI thread.
        Result<std::string> hash = ContentHash::ofFile(QFile::encodeName(path).toStdString());
        auto dataset = std::make_shared<const LoadedDataset>(path, std::move(data), std::move(report),
                                                             hash.ok() ? QString::fromStdString(*hash) : QString());
        emit progress(requestId, 1.0);
        emit loaded(requestId, std::move(dataset));
    } catch (const std::bad_alloc&) {
        emit failed(requestId, path, tr("Not enough memory to load this file."));
    } catch (const std::exception& e) {
        emit failed(requestId, path, QString::fromUtf8(e.what()));
    }
}

} // namespace tagbench::ui
