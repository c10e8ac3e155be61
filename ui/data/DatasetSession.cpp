#include "ui/data/DatasetSession.h"

#include "ui/data/LoadedDataset.h"
#include "ui/data/Workspace.h"
#include "ui/project/ProjectSession.h"
#include "ui/widgets/RecentFiles.h"

#include <QFileInfo>
#include <QLocale>

namespace tagbench::ui {

namespace {
RecentFiles recentFiles()
{
    return RecentFiles(QStringLiteral("files/recent"), 10);
}
} // namespace

DatasetSession::DatasetSession(Workspace* workspace, ProjectSession* project, QObject* parent)
    : QObject(parent)
    , m_workspace(workspace)
    , m_project(project)
{
    connect(m_workspace, &Workspace::loadStarted, this, [this](const QString& path) {
        m_pending << path;
        if (m_pending.size() == 1)
            nextImport();
        else
            emit importStarted(m_pending.first(), int(m_pending.size()) - 1);
    });
    connect(m_workspace, &Workspace::loadProgress, this, [this](const QString& path, qint64 read, qint64 total, qint64 documents) {
        // Imports run one after another: the panel follows the oldest one still pending.
        if (!m_pending.isEmpty() && m_pending.first() == path)
            emit importProgress(read, total, documents);
    });
    connect(m_workspace, &Workspace::loaded, this, &DatasetSession::onLoaded);
    connect(m_workspace, &Workspace::loadFailed, this, &DatasetSession::onFailed);
    connect(m_workspace, &Workspace::loadingIdle, this, [this] {
        m_pending.clear();
        emit importsFinished();
        showBatch();
    });
    connect(m_project, &ProjectSession::changed, this, &DatasetSession::onProjectChanged);
}

void DatasetSession::open(const QString& path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    m_requested.insert(absolute);
    m_workspace->load(absolute);
}

void DatasetSession::nextImport()
{
    if (!m_pending.isEmpty())
        emit importStarted(m_pending.first(), int(m_pending.size()) - 1);
}

void DatasetSession::onLoaded(std::shared_ptr<const LoadedDataset> dataset)
{
    m_pending.removeOne(dataset->path());
    nextImport();
    if (dataset->report().issueCount() > 0 && m_policy == IssuePolicy::Ask) {
        // Window-modal and asynchronous: other loads keep running while the user reads it.
        emit reviewRequested(std::move(dataset));
        return;
    }
    accept(std::move(dataset));
}

void DatasetSession::onFailed(const QString& path, const QString& message)
{
    m_pending.removeOne(path);
    m_requested.remove(path);
    nextImport();
    emit failed(path, message);
}

void DatasetSession::accept(std::shared_ptr<const LoadedDataset> dataset)
{
    const QString path = dataset->path();
    const bool requested = m_requested.remove(path);
    if (requested)
        recentFiles().add(path);
    addToProject(*dataset);
    const QString name = dataset->displayName();
    const int documents = int(dataset->report().documents);
    const double seconds = dataset->report().seconds;
    m_workspace->add(std::move(dataset));
    emit message(tr("Opened %1: %Ln document(s) in %2 s", nullptr, documents).arg(name, QLocale().toString(seconds, 'f', 1)));
    if (requested) {
        m_batch.push_back(path);
        if (!m_workspace->isLoading())
            showBatch();
    }
}

void DatasetSession::reject(const std::shared_ptr<const LoadedDataset>& dataset)
{
    m_requested.remove(dataset->path());
    emit message(tr("%1 was not opened.").arg(dataset->displayName()));
    if (!m_workspace->isLoading())
        showBatch();
}

QStringList DatasetSession::cancel()
{
    if (!m_workspace->isLoading())
        return {};
    const QStringList files = m_pending;
    for (const QString& file : files)
        m_requested.remove(file);
    m_workspace->cancelLoading();   // the loader stops within a chunk and keeps nothing
    emit message(files.size() == 1 ? tr("Import cancelled: %1 was not opened.").arg(QFileInfo(files.first()).fileName())
                                   : tr("Import cancelled: %n file(s) were not opened.", nullptr, int(files.size())));
    return files;
}

void DatasetSession::addToProject(const LoadedDataset& dataset)
{
    if (!m_project->isOpen())
        return;
    const Result<std::int64_t> id = m_project->addDataset(dataset);
    if (!id.ok())
        emit message(tr("%1 was not added to the project: %2").arg(dataset.displayName(), QString::fromStdString(id.message())));
}

void DatasetSession::onProjectChanged()
{
    if (!m_project->isOpen()) {
        m_projectPath.clear();
        return;
    }
    if (m_project->path() == m_projectPath)
        return;
    m_projectPath = m_project->path();
    // Datasets open before the project was opened belong to the work done in it.
    for (const auto& dataset : m_workspace->datasets())
        addToProject(*dataset);
}

void DatasetSession::showBatch()
{
    if (m_batch.empty())
        return;
    QString shown = m_batch.back();
    for (const QString& path : m_batch) {
        const int index = m_workspace->indexOfPath(path);
        if (index >= 0 && m_workspace->datasets().at(index)->split() == QLatin1String("train")) {
            shown = path;
            break;
        }
    }
    m_batch.clear();
    emit showRequested(shown);
}

} // namespace tagbench::ui
