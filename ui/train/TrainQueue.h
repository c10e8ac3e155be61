#pragma once

#include "ui/services/WorkerThread.h"
#include "ui/train/TrainWorker.h"

#include <QAbstractListModel>
#include <QString>

#include <memory>
#include <vector>

namespace tagbench::ui {

/// Training runs waiting, running and done, one after another on the service's own thread
/// (tagbench-train, the WorkerThread pattern). It is also the model behind the Train page's
/// queue list. Called on the UI thread only.
class TrainQueue final : public QAbstractListModel {
    Q_OBJECT
public:
    enum class State { Queued, Running, Completed, EarlyStopped, Diverged, Cancelled, Failed };
    enum Role { IdRole = Qt::UserRole + 1, StateRole, RunDirRole };

    /// What the queue knows about one run.
    struct Entry {
        int id = 0;
        QString runDir;
        TrainConfig config;
        QString device = QStringLiteral("auto");   ///< auto | cpu | cuda[:N]
        bool resume = false;
        State state = State::Queued;
        QString message;                  ///< error text for Failed, summary once done
        TrainProgress progress;           ///< the latest report while running
        std::vector<EpochReport> epochs;  ///< finished epochs, resumed history included
        TrainResult result;               ///< valid once finished (Completed ... Cancelled)
        std::shared_ptr<std::atomic<bool>> cancel;
    };

    explicit TrainQueue(QObject* parent = nullptr);
    ~TrainQueue() override;

    /// Appends a new run into runDir (which must not hold a run yet); returns its id.
    int enqueue(const TrainConfig& config, const QString& runDir, const QString& device = QStringLiteral("auto"));
    /// Appends the continuation of a cancelled run folder (its config.json and checkpoint);
    /// returns its id, or an error in plain words when the folder cannot be resumed.
    Result<int> enqueueResume(const QString& runDir, const QString& device = QStringLiteral("auto"));
    /// Re-queues a cancelled or failed entry as a resume of its folder.
    Status resume(int id);
    /// Stops the running entry (it stays resumable) or drops a queued one.
    void cancel(int id);
    /// Stops everything: the queue is emptied and the running entry cancelled.
    void cancelAll();

    const Entry* entry(int id) const;
    int rowOf(int id) const;
    int idAt(int row) const;
    /// Id of the entry being trained, or 0.
    int runningId() const { return m_runningId; }
    bool isBusy() const { return m_runningId != 0; }
    /// Whether the entry can be resumed (cancelled, or failed after its folder was set up).
    bool canResume(int id) const;
    /// Whether the entry finished with a model to evaluate (completed, stopped early, diverged).
    static bool hasModel(State state);

    /// Human-readable state ("Running", "Cancelled", ...).
    static QString stateName(State state);
    /// Reads RUN_DIR/metrics.jsonl (the epochs a resumed run already has).
    static std::vector<EpochReport> readEpochs(const QString& runDir);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

signals:
    void jobStarted(int id);
    void epochFinished(int id, const tagbench::EpochReport& report);
    void logLine(int id, const QString& line);
    /// The entry reached Completed, EarlyStopped, Cancelled or Failed.
    void jobFinished(int id);
    /// Nothing is running and nothing waits.
    void idle();

private:
    Entry* find(int id);
    int append(Entry entry);
    void changed(int id);
    void startNext();
    void onFinished(int id, const TrainResult& result);
    void onFailed(int id, const QString& message);
    void onEpoch(int id, const EpochReport& report);

    WorkerThread<TrainWorker> m_trainer{QStringLiteral("tagbench-train")};
    std::vector<Entry> m_entries;
    int m_nextId = 1;
    int m_runningId = 0;
};

} // namespace tagbench::ui
