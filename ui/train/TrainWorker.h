#pragma once

#include "core/train/TrainConfig.h"
#include "core/train/Trainer.h"

#include <QMetaType>
#include <QObject>
#include <QString>

#include <atomic>
#include <memory>

namespace tagbench::ui {

/// One training run as the queue hands it to the worker.
struct TrainJob {
    int id = 0;
    TrainConfig config;
    TrainOptions options;
    /// Set by the UI thread to stop the run; the trainer checks it every batch.
    std::shared_ptr<std::atomic<bool>> cancel = std::make_shared<std::atomic<bool>>(false);
};

/// Lives on a worker thread: runs core's Trainer and turns its callbacks into queued signals.
/// It decides nothing itself; cancelling is the job's flag, set from the UI thread.
class TrainWorker final : public QObject {
    Q_OBJECT
public:
    /// Blocking; runs on the queue's thread.
    void run(std::shared_ptr<const tagbench::ui::TrainJob> job);

signals:
    void started(int jobId);
    void progress(int jobId, const tagbench::TrainProgress& progress);
    void epochFinished(int jobId, const tagbench::EpochReport& report);
    void logLine(int jobId, const QString& line);
    void finished(int jobId, const tagbench::TrainResult& result);
    void failed(int jobId, const QString& message);
};

} // namespace tagbench::ui

Q_DECLARE_METATYPE(tagbench::TrainProgress)
Q_DECLARE_METATYPE(tagbench::EpochReport)
Q_DECLARE_METATYPE(tagbench::TrainResult)
