#pragma once

#include "ui/LoadedDataset.h"

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
    /// cancelBelow is shared with the UI thread: requests with a smaller id are abandoned, so
    /// raising it stops the load in progress and skips the queued ones.
    explicit DatasetLoadWorker(std::shared_ptr<std::atomic<quint64>> cancelBelow);

public slots:
    /// Reads path (format detected from content and extension) and computes its label statistics.
    void load(quint64 requestId, const QString& path);

signals:
    void progress(quint64 requestId, double fraction);
    void loaded(quint64 requestId, std::shared_ptr<const tagbench::ui::LoadedDataset> dataset);
    void failed(quint64 requestId, const QString& path, const QString& message);

private:
    std::shared_ptr<std::atomic<quint64>> m_cancelBelow;
};

} // namespace tagbench::ui
