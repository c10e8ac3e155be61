#pragma once

#include "ui/data/LoadedDataset.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <memory>

namespace tagbench::ui {

/// Lives on the loader thread and turns core's dataset reader into signals. Requests queue up
/// on the thread's event loop and run one after another.
class DatasetLoadWorker final : public QObject {
    Q_OBJECT
public:
    /// Least time between two progress() signals of one load.
    static constexpr int progressIntervalMs = 100;

    /// cancelBelow is shared with the UI thread: requests with a smaller id are abandoned, so
    /// raising it stops the load in progress (within a chunk of the file) and skips the queued ones.
    explicit DatasetLoadWorker(std::shared_ptr<std::atomic<quint64>> cancelBelow);

public slots:
    /// Reads path (format detected from content and extension) and computes its label statistics.
    void load(quint64 requestId, const QString& path);

signals:
    /// Where a load stands: emitted when it starts (0 bytes), after the first chunk and then at
    /// most every progressIntervalMs. bytesTotal is 0 when the size is unknown (a pipe).
    void progress(quint64 requestId, qint64 bytesRead, qint64 bytesTotal, qint64 documents);
    void loaded(quint64 requestId, std::shared_ptr<const tagbench::ui::LoadedDataset> dataset);
    void failed(quint64 requestId, const QString& path, const QString& message);
    /// The reader stopped early because requestId was cancelled; nothing was kept.
    void cancelled(quint64 requestId, const QString& path, qint64 documentsRead);

private:
    bool isCancelled(quint64 requestId) const { return requestId < m_cancelBelow->load(); }

    std::shared_ptr<std::atomic<quint64>> m_cancelBelow;
};

} // namespace tagbench::ui
