#include "ui/ProjectSession.h"

#include "ui/LoadedDataset.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>

namespace tagbench::ui {

namespace {
constexpr const char* recentKey = "projects/recent";
constexpr int maxRecent = 8;

std::string toNative(const QString& path)
{
    return QFile::encodeName(path).toStdString();
}

QByteArray readSmallFile(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
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
    rememberRecent(absolute);
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
    if (existing->has_value())
        return (*existing)->id;

    RunRecord record;
    record.runDir = toNative(absolute);
    const QByteArray config = readSmallFile(QDir(absolute).filePath(QStringLiteral("config.json")));
    record.configJson = config.isEmpty() ? std::string("{}") : config.toStdString();
    record.modelType = QJsonDocument::fromJson(config).object().value(QStringLiteral("model")).toString().toStdString();
    // run.json is the training summary; its status says whether the run finished.
    const QJsonObject summary =
        QJsonDocument::fromJson(readSmallFile(QDir(absolute).filePath(QStringLiteral("run.json")))).object();
    record.metricsJson = summary.isEmpty() ? std::string("{}")
                                           : QJsonDocument(summary).toJson(QJsonDocument::Compact).toStdString();
    const auto status = parseRunStatus(summary.value(QStringLiteral("status")).toString().toStdString());
    record.status = status.value_or(QDir(absolute).exists(QStringLiteral("scores")) ? RunStatus::Finished
                                                                                    : RunStatus::Created);
    Result<std::int64_t> id = m_store->addRun(std::move(record));
    if (id.ok()) {
        const Status reloaded = reload();
        emit changed();
        if (!reloaded.ok())
            return Error{reloaded.message()};
    }
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
    return QSettings().value(recentKey).toStringList();
}

void ProjectSession::rememberRecent(const QString& path)
{
    QSettings settings;
    QStringList recent = settings.value(recentKey).toStringList();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > maxRecent)
        recent.removeLast();
    settings.setValue(recentKey, recent);
}

} // namespace tagbench::ui
