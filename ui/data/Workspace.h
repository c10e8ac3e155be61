#pragma once

#include "ui/data/DatasetLoadWorker.h"
#include "ui/data/LoadedDataset.h"
#include "ui/services/WorkerThread.h"

#include <QHash>
#include <QObject>
#include <QString>
#include <QVector>

#include <atomic>
#include <memory>

namespace tagbench::ui {

/// The datasets open in this window and the service that loads them on its own thread
/// (tagbench-loader). All methods are called on the UI thread; loading never blocks it.
class Workspace final : public QObject {
    Q_OBJECT
public:
    explicit Workspace(QObject* parent = nullptr);
    ~Workspace() override;

    /// Starts loading path in the background; loaded() or loadFailed() follows.
    void load(const QString& path);

    /// Stops the load in progress and drops the queued ones.
    void cancelLoading();

    /// True while a load is queued or running.
    bool isLoading() const { return !m_pending.isEmpty(); }

    /// Adds a loaded dataset (after the user accepted its import report); replaces one with the
    /// same path so reopening a file refreshes it.
    void add(std::shared_ptr<const LoadedDataset> dataset);
    void remove(int index);

    const QVector<std::shared_ptr<const LoadedDataset>>& datasets() const { return m_datasets; }
    int indexOfPath(const QString& path) const;

    /// The worker on the loader thread; tests connect to its signals directly to pause a load.
    DatasetLoadWorker* loader() const { return m_loader.worker(); }

signals:
    void loadStarted(const QString& path);
    /// Throttled; bytesTotal is 0 when the size is unknown.
    void loadProgress(const QString& path, qint64 bytesRead, qint64 bytesTotal, qint64 documents);
    /// The file was read; the caller decides whether to add() it (it may have bad lines).
    void loaded(std::shared_ptr<const tagbench::ui::LoadedDataset> dataset);
    void loadFailed(const QString& path, const QString& message);
    void loadingIdle();
    void datasetsChanged();
    /// Index of the dataset added or replaced.
    void datasetAdded(int index);

private:
    void finishRequest(quint64 requestId);
    void pairSplitsWithTrain();

    std::shared_ptr<std::atomic<quint64>> m_cancelBelow;   // requests below this id are dropped
    WorkerThread<DatasetLoadWorker> m_loader;
    QHash<quint64, QString> m_pending;
    quint64 m_nextRequest = 1;
    QVector<std::shared_ptr<const LoadedDataset>> m_datasets;
};

} // namespace tagbench::ui
