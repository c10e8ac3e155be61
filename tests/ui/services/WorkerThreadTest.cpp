#include "ui/services/WorkerThread.h"

#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <atomic>
#include <vector>

using tagbench::ui::WorkerThread;

namespace {
/// Records where and in which order its tasks ran.
class RecordingWorker final : public QObject {
    Q_OBJECT
public:
    explicit RecordingWorker(std::atomic<bool>* destroyedOffTheUiThread, QThread* uiThread)
        : m_destroyed(destroyedOffTheUiThread)
        , m_uiThread(uiThread)
    {
    }
    ~RecordingWorker() override { m_destroyed->store(QThread::currentThread() != m_uiThread); }

    void work(int value)
    {
        order.push_back(value);
        emit done(value, QThread::currentThread()->objectName());
    }

    std::vector<int> order;   // touched on the worker thread only

signals:
    void done(int value, const QString& thread);

private:
    std::atomic<bool>* m_destroyed;
    QThread* m_uiThread;
};
} // namespace

class WorkerThreadTest final : public QObject {
    Q_OBJECT
private slots:
    void tasksRunInOrderOnTheNamedThread();
    void theWorkerIsDeletedOnItsOwnThread();
};

void WorkerThreadTest::tasksRunInOrderOnTheNamedThread()
{
    std::atomic<bool> destroyed{false};
    WorkerThread<RecordingWorker> thread(QStringLiteral("tagbench-test-worker"), &destroyed, QThread::currentThread());
    QSignalSpy done(thread.worker(), &RecordingWorker::done);
    for (int i = 0; i < 20; ++i)
        thread.post([i](RecordingWorker& worker) { worker.work(i); });
    QTRY_COMPARE(done.count(), 20);
    for (int i = 0; i < 20; ++i) {
        QCOMPARE(done.at(i).at(0).toInt(), i);   // the order they were posted in
        QCOMPARE(done.at(i).at(1).toString(), QStringLiteral("tagbench-test-worker"));
    }
    QVERIFY(thread.worker()->thread() != QThread::currentThread());
}

void WorkerThreadTest::theWorkerIsDeletedOnItsOwnThread()
{
    std::atomic<bool> destroyedOffTheUiThread{false};
    {
        WorkerThread<RecordingWorker> thread(QStringLiteral("tagbench-test-worker"), &destroyedOffTheUiThread,
                                             QThread::currentThread());
        // A slow task in progress when the owner goes: the destructor waits for it.
        thread.post([](RecordingWorker& worker) {
            QThread::msleep(200);
            worker.work(1);
        });
        QTest::qWait(20);
    }
    QVERIFY(destroyedOffTheUiThread.load());
}

QTEST_MAIN(WorkerThreadTest)
#include "WorkerThreadTest.moc"
