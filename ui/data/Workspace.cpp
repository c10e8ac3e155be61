#include "ui/data/Workspace.h"

#include "ui/data/DatasetLoadWorker.h"

#include <QFileInfo>

#include <limits>

namespace tagbench::ui {

Workspace::Workspace(QObject* parent)
    : QObject(parent)
    , m_cancelBelow(std::make_shared<std::atomic<quint64>>(0))
    , m_loader(QStringLiteral("tagbench-loader"), m_cancelBelow)
{
    qRegisterMetaType<std::shared_ptr<const LoadedDataset>>();
    const DatasetLoadWorker* worker = m_loader.worker();
    connect(worker, &DatasetLoadWorker::progress, this, [this](quint64 id, qint64 read, qint64 total, qint64 documents) {
        if (id >= m_cancelBelow->load() && m_pending.contains(id))
            emit loadProgress(m_pending.value(id), read, total, documents);
    });
    connect(worker, &DatasetLoadWorker::loaded, this,
            [this](quint64 id, std::shared_ptr<const LoadedDataset> dataset) {
                // Report the result before going idle: listeners of loadingIdle see it added.
                if (id >= m_cancelBelow->load())
                    emit loaded(std::move(dataset));
                finishRequest(id);
            });
    connect(worker, &DatasetLoadWorker::failed, this,
            [this](quint64 id, const QString& path, const QString& message) {
                if (id >= m_cancelBelow->load())
                    emit loadFailed(path, message);
                finishRequest(id);
            });
}

Workspace::~Workspace()
{
    // The load in progress stops at its next chunk; m_loader then waits for the thread.
    m_cancelBelow->store(std::numeric_limits<quint64>::max());
}

void Workspace::load(const QString& path)
{
    const quint64 id = m_nextRequest++;
    const QString absolute = QFileInfo(path).absoluteFilePath();
    m_pending.insert(id, absolute);
    emit loadStarted(absolute);
    m_loader.post([id, absolute](DatasetLoadWorker& loader) { loader.load(id, absolute); });
}

void Workspace::cancelLoading()
{
    if (m_pending.isEmpty())
        return;
    // Queued requests still reach the worker; it sees their ids are cancelled and returns at once.
    m_cancelBelow->store(m_nextRequest);
    m_pending.clear();
    emit loadingIdle();
}

void Workspace::finishRequest(quint64 requestId)
{
    if (m_pending.remove(requestId) > 0 && m_pending.isEmpty())
        emit loadingIdle();
}

void Workspace::add(std::shared_ptr<const LoadedDataset> dataset)
{
    int index = indexOfPath(dataset->path());
    if (index >= 0) {
        m_datasets[index] = std::move(dataset);
    } else {
        m_datasets.push_back(std::move(dataset));
        index = m_datasets.size() - 1;
    }
    pairSplitsWithTrain();
    emit datasetsChanged();
    emit datasetAdded(index);
}

void Workspace::pairSplitsWithTrain()
{
    // Dev and test splits flag labels their corpus' train split (same folder) never carries.
    for (const auto& train : std::as_const(m_datasets)) {
        if (train->split() != QLatin1String("train"))
            continue;
        const QString folder = QFileInfo(train->path()).absolutePath();
        for (auto& other : m_datasets) {
            if (other != train && !other->split().isEmpty() && other->split() != QLatin1String("train")
                && QFileInfo(other->path()).absolutePath() == folder)
                other = other->withTrain(*train);
        }
    }
}

void Workspace::remove(int index)
{
    if (index < 0 || index >= m_datasets.size())
        return;
    m_datasets.removeAt(index);
    emit datasetsChanged();
}

int Workspace::indexOfPath(const QString& path) const
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    for (int i = 0; i < m_datasets.size(); ++i) {
        if (m_datasets[i]->path() == absolute)
            return i;
    }
    return -1;
}

} // namespace tagbench::ui
