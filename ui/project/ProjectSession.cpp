#include "ui/project/ProjectSession.h"

#include "ui/data/LoadedDataset.h"
#include "ui/widgets/RecentFiles.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

namespace tagbench::ui {

namespace {
RecentFiles recentProjectFiles()
{
    return RecentFiles(QStringLiteral("projects/recent"), 8);
}

std::string toNative(const QString& path)
{
    return QFile::encodeName(path).toStdString();
}

QByteArray readSmallFile(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

/// The project status of run.json's "status": the trainer writes completed, early_stopped,
/// cancelled and running; the project's own names are accepted too.
RunStatus runStatusFromSummary(const QString& status, const QDir& runDir)
{
    if (status == QLatin1String("completed") || status == QLatin1String("early_stopped"))
        return RunStatus::Finished;
    if (const auto parsed = parseRunStatus(status.toStdString()))
        return *parsed;
    return runDir.exists(QStringLiteral("scores")) ? RunStatus::Finished : RunStatus::Created;
}
} // namespace

ProjectSession::ProjectSession(QObject* parent)
    : QObject(parent)
{
}

ProjectSession::~ProjectSession() = default;

Status ProjectSession::open(const QString& path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    Result<ProjectStore> store = ProjectStore::open(toNative(absolute));
    if (!store.ok())
        return Error{store.message()};
    m_store = std::make_unique<ProjectStore>(std::move(store).value());
    m_path = absolute;
    recentProjectFiles().add(absolute);
    const Status status = reload();
    emit changed();
    return status;
}

void ProjectSession::close()
{
    m_store.reset();
    m_path.clear();
    m_datasets.clear();
    m_runs.clear();
    emit changed();
}

Status ProjectSession::reload()
{
    if (!m_store)
        return {};
    Result<std::vector<DatasetRecord>> datasets = m_store->listDatasets();
    if (!datasets.ok())
        return Error{datasets.message()};
    Result<std::vector<RunRecord>> runs = m_store->listRuns();
    if (!runs.ok())
        return Error{runs.message()};
    m_datasets = std::move(datasets).value();
    m_runs = std::move(runs).value();
    return {};
}

Result<std::int64_t> ProjectSession::addDataset(const LoadedDataset& dataset)
{
    if (!m_store)
        return Error{tr("No project is open.").toStdString()};
    if (!dataset.contentHash().isEmpty()) {
        Result<std::optional<DatasetRecord>> existing = m_store->findDatasetByHash(dataset.contentHash().toStdString());
        if (!existing.ok())
            return Error{existing.message()};
        if (existing->has_value())
            return (*existing)->id;
    }
    DatasetRecord record;
    record.path = toNative(dataset.path());
    record.contentHash = dataset.contentHash().toStdString();
    record.format = std::string(formatName(dataset.report().format));
    record.split = dataset.split().toStdString();
    record.documents = static_cast<std::int64_t>(dataset.data().size());
    record.labels = static_cast<std::int64_t>(dataset.statistics().labels);
    record.bytes = static_cast<std::int64_t>(dataset.report().bytes);
    Result<std::int64_t> id = m_store->addDataset(std::move(record));
    if (id.ok()) {
        const Status status = reload();
        emit changed();
        if (!status.ok())
            return Error{status.message()};
    }
    return id;
}

Result<std::int64_t> ProjectSession::addRun(const QString& runDir)
{
    if (!m_store)
        return Error{tr("No project is open.").toStdString()};
    const QString absolute = QDir(runDir).absolutePath();
    Result<std::optional<RunRecord>> existing = m_store->runByDir(toNative(absolute));
    if (!existing.ok())
        return Error{existing.message()};

    // A run seen before (e.g. cancelled, then resumed to completion) gets what its files say
    // now; what they do not say (no run.json yet, its dataset) stays as recorded.
    RunRecord record = existing->value_or(RunRecord{});
    record.runDir = toNative(absolute);
    const QDir dir(absolute);
    const QByteArray config = readSmallFile(dir.filePath(QStringLiteral("config.json")));
    if (!config.isEmpty() || record.configJson.empty()) {
        record.configJson = config.isEmpty() ? std::string("{}") : config.toStdString();
        record.modelType =
            QJsonDocument::fromJson(config).object().value(QStringLiteral("model")).toString().toStdString();
    }
    // run.json is the training summary; its status says whether the run finished.
    const QString summaryPath = dir.filePath(QStringLiteral("run.json"));
    const QJsonObject summary = QJsonDocument::fromJson(readSmallFile(summaryPath)).object();
    if (!summary.isEmpty()) {
        record.metricsJson = QJsonDocument(summary).toJson(QJsonDocument::Compact).toStdString();
        record.status = runStatusFromSummary(summary.value(QStringLiteral("status")).toString(), dir);
    } else if (!existing->has_value()) {
        record.metricsJson = "{}";
        record.status = dir.exists(QStringLiteral("scores")) ? RunStatus::Finished : RunStatus::Created;
    }
    if (record.status == RunStatus::Created || record.status == RunStatus::Running)
        record.finishedAt.reset();
    else if (!summary.isEmpty())
        record.finishedAt = QFileInfo(summaryPath).lastModified().toSecsSinceEpoch();   // when it was written

    std::int64_t id = 0;
    if (existing->has_value()) {
        const RunRecord& before = **existing;
        id = before.id;
        if (record.configJson == before.configJson && record.modelType == before.modelType
            && record.metricsJson == before.metricsJson && record.status == before.status
            && record.finishedAt == before.finishedAt)
            return id;   // nothing changed: no write, no signal
        const Status updated = m_store->updateRun(record);
        if (!updated.ok())
            return Error{updated.message()};
    } else {
        Result<std::int64_t> added = m_store->addRun(std::move(record));
        if (!added.ok())
            return added.error();
        id = *added;
    }
    const Status reloaded = reload();
    emit changed();
    if (!reloaded.ok())
        return Error{reloaded.message()};
    return id;
}

Status ProjectSession::removeDataset(std::int64_t id)
{
    if (!m_store)
        return Error{tr("No project is open.").toStdString()};
    Status status = m_store->removeDataset(id);
    if (status.ok())
        status = reload();
    emit changed();
    return status;
}

Status ProjectSession::removeRun(std::int64_t id)
{
    if (!m_store)
        return Error{tr("No project is open.").toStdString()};
    Status status = m_store->removeRun(id);
    if (status.ok())
        status = reload();
    emit changed();
    return status;
}

Status ProjectSession::recordReview(ReviewRecord review)
{
    if (!m_store)
        return Error{tr("No project is open.").toStdString()};
    return m_store->recordReview(std::move(review));
}

Status ProjectSession::removeReview(std::int64_t runId, const QString& split, std::int64_t docIndex)
{
    if (!m_store)
        return Error{tr("No project is open.").toStdString()};
    return m_store->removeReview(runId, split.toStdString(), docIndex);
}

Result<std::vector<ReviewRecord>> ProjectSession::reviews(const QString& runDir, const QString& split) const
{
    if (!m_store)
        return Error{tr("No project is open.").toStdString()};
    Result<std::optional<RunRecord>> run = m_store->runByDir(toNative(QDir(runDir).absolutePath()));
    if (!run.ok())
        return Error{run.message()};
    if (!run->has_value())
        return std::vector<ReviewRecord>{};
    return m_store->listReviews((*run)->id, split.toStdString());
}

QStringList ProjectSession::recentProjects()
{
    return recentProjectFiles().paths();
}

} // namespace tagbench::ui
