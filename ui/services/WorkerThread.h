#pragma once

#include <QMetaObject>
#include <QObject>
#include <QString>
#include <QThread>

#include <utility>

namespace tagbench::ui {

/// The one worker pattern of the GUI. A service (a QObject on the UI thread: Workspace,
/// EvaluationSession, TrainQueue, PredictionService, BundleExportService) owns a WorkerThread;
/// the WorkerThread owns a thread of its own and one worker object that lives on it. The
/// service sends requests with post(): they run on the worker thread one after another, in the
/// order they were posted. The worker answers with signals, which Qt queues back to the
/// service's thread. Widgets never see a thread: they call the service and show what its
/// signals report.
///
/// Destruction quits the thread after the task in progress and waits for it; the worker is
/// then deleted on its own thread. A service whose tasks can take long therefore raises its
/// cancel flag before this object goes away.
template <typename Worker>
class WorkerThread final {
public:
    /// Starts a thread named name (shown by debuggers and `top -H`) with a Worker built from args.
    template <typename... Args>
    explicit WorkerThread(const QString& name, Args&&... args)
        : m_worker(new Worker(std::forward<Args>(args)...))
    {
        m_thread.setObjectName(name);
        m_worker->moveToThread(&m_thread);
        QObject::connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
        m_thread.start();
    }

    ~WorkerThread()
    {
        m_thread.quit();
        m_thread.wait();
    }

    WorkerThread(const WorkerThread&) = delete;
    WorkerThread& operator=(const WorkerThread&) = delete;

    /// The worker, to connect to its signals. Its methods run on the worker thread only: call
    /// them through post().
    Worker* worker() const { return m_worker; }

    /// Queues task(worker) on the worker thread. The task owns copies of what it captures.
    template <typename Task>
    void post(Task task) const
    {
        Worker* worker = m_worker;
        QMetaObject::invokeMethod(
            worker, [worker, task = std::move(task)]() mutable { task(*worker); }, Qt::QueuedConnection);
    }

private:
    QThread m_thread;
    Worker* m_worker;   // deleted on its own thread once m_thread finishes
};

} // namespace tagbench::ui
