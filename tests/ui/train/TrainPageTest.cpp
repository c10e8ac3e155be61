#include "core/train/TrainConfig.h"
#include "ui/project/ProjectSession.h"
#include "ui/train/TrainConfigForm.h"
#include "ui/train/TrainCurvesWidget.h"
#include "ui/train/TrainPage.h"
#include "ui/train/TrainQueue.h"
#include "ui/data/Workspace.h"

#include <qcustomplot.h>

#include <QComboBox>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace tagbench;
using tagbench::ui::TrainPage;
using tagbench::ui::TrainQueue;

namespace {

constexpr int trainTimeoutMs = 240000;

/// The tiny fixture in tests/data/train: six topics, 240 train / 60 dev / 60 test documents.
TrainConfig tinyConfig(const char* model, int epochs)
{
    // Built as JSON (not a raw string literal: moc's tokenizer trips over those).
    const QJsonObject root{
        {"model", model},
        {"data", QJsonObject{{"train", "train.jsonl"}, {"dev", "dev.jsonl"}, {"test", "test.jsonl"}}},
        {"TextCNN", QJsonObject{{"kernel_sizes", QJsonArray{1, 2}}, {"num_kernels", 16}, {"dropout", 0.1}}},
        {"FastText", QJsonObject{{"word_ngrams", 2}, {"buckets", 5000}}},
        {"embedding", QJsonObject{{"dimension", 16}}},
        {"train", QJsonObject{{"epochs", epochs}, {"batch_size", 16}, {"learning_rate", 0.01}, {"threads", 1},
                              {"early_stopping_patience", 0}}}};
    auto config = TrainConfig::parse(QJsonDocument(root).toJson().toStdString(), "tiny.json", TAGBENCH_TEST_DATA "/train");
    if (!config)
        qFatal("%s", config.message().c_str());
    return *config;
}

template <typename T>
T* child(const QObject* parent, const char* name)
{
    T* widget = parent->findChild<T*>(QLatin1String(name));
    if (!widget)
        qFatal("no %s named %s", T::staticMetaObject.className(), name);
    return widget;
}

ui::TrainConfigForm* formOf(const TrainPage& page)
{
    return page.findChild<ui::TrainConfigForm*>();
}

ui::TrainCurvesWidget* curvesOf(const TrainPage& page)
{
    return page.findChild<ui::TrainCurvesWidget*>();
}

/// A curve of the training plot by the name its legend shows.
QCPGraph* graphNamed(const TrainPage& page, const QString& name)
{
    auto* plot = curvesOf(page)->findChild<QCustomPlot*>();
    for (int i = 0; i < plot->graphCount(); ++i) {
        if (plot->graph(i)->name() == name)
            return plot->graph(i);
    }
    qFatal("no curve named %s", qPrintable(name));
}

} // namespace

class TrainPageTest final : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void datasetChoicesPairSplitsOfOneFolder();
    void trainsAndPlotsOnePointPerEpoch();
    void cancelledRunResumesToTheEnd();
    void queueRunsOneAfterAnother();
    void badDataFileIsReportedInPlainWords();
    void refusesFolderThatHoldsARun();

private:
    ui::Workspace m_workspace;
    ui::ProjectSession m_project;
    std::unique_ptr<TrainQueue> m_queue;   // a new one per test: entries do not carry over
};

void TrainPageTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TrainPageTest::init()
{
    m_queue = std::make_unique<TrainQueue>();
}

void TrainPageTest::cleanup()
{
    m_queue.reset();
}

// The project holds an English train split alone and a Chinese corpus with train and dev: the
// form must not offer the English train with the Chinese dev.
void TrainPageTest::datasetChoicesPairSplitsOfOneFolder()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QStringList paths = {dir.filePath(QStringLiteral("en/train.jsonl")), dir.filePath(QStringLiteral("zh/dev.jsonl")),
                               dir.filePath(QStringLiteral("zh/train.jsonl")), dir.filePath(QStringLiteral("zh/test.jsonl"))};
    for (const QString& path : paths) {
        QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\"text\": \"a\", \"labels\": [\"x\"]}\n");
    }
    TrainPage page(m_queue.get(), &m_workspace, &m_project);
    TrainConfig empty = tinyConfig("FastText", 1);
    empty.data.train.clear();
    empty.data.dev.clear();
    empty.data.test.clear();
    formOf(page)->setConfig(empty);
    formOf(page)->setDatasetChoices(paths, {QStringLiteral("train"), QStringLiteral("dev"), QStringLiteral("train"),
                                           QStringLiteral("test")});
    const Result<TrainConfig> config = formOf(page)->config();
    QVERIFY2(config.ok(), config.ok() ? "" : config.message().c_str());
    QCOMPARE(QFileInfo(QString::fromStdString(config->data.train)).absoluteFilePath(), QFileInfo(paths[2]).absoluteFilePath());
    QCOMPARE(QFileInfo(QString::fromStdString(config->data.dev)).absoluteFilePath(), QFileInfo(paths[1]).absoluteFilePath());
    QCOMPARE(QFileInfo(QString::fromStdString(config->data.test)).absoluteFilePath(), QFileInfo(paths[3]).absoluteFilePath());
}

void TrainPageTest::trainsAndPlotsOnePointPerEpoch()
{
    QTemporaryDir dir;
    TrainPage page(m_queue.get(), &m_workspace, &m_project);
    formOf(page)->setConfig(tinyConfig("TextCNN", 4));
    const QString runDir = dir.filePath(QStringLiteral("run"));
    formOf(page)->setRunFolder(runDir);
    QSignalSpy finished(m_queue.get(), &TrainQueue::jobFinished);
    QSignalSpy epochs(m_queue.get(), &TrainQueue::epochFinished);
    QSignalSpy runFinished(&page, &TrainPage::runFinished);
    // After each epoch the status line names the next one, whatever the trainer's own progress
    // reports did (they come at most twice a second, and not at all in a short epoch).
    auto* status = child<QLabel>(&page, "trainStatus");
    QStringList statusAfterEpoch;
    connect(m_queue.get(), &TrainQueue::epochFinished, this, [&](int, const EpochReport&) { statusAfterEpoch << status->text(); });

    QTest::mouseClick(child<QPushButton>(&page, "startTraining"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, trainTimeoutMs);
    const int id = m_queue->idAt(0);
    QVERIFY2(id != 0, qPrintable(page.lastError()));

    const TrainQueue::Entry* entry = m_queue->entry(id);
    QVERIFY(entry);
    QVERIFY2(entry->state == TrainQueue::State::Completed, qPrintable(entry->message));
    QCOMPARE(epochs.count(), 4);
    QCOMPARE(curvesOf(page)->pointCount(), 4);
    QCOMPARE(graphNamed(page, QStringLiteral("Training loss"))->dataCount(), 4);
    // The plotted F1 is the trainer's: the last point equals the last epoch report.
    const EpochReport last = epochs.last().at(1).value<EpochReport>();
    QCOMPARE((graphNamed(page, QStringLiteral("Dev micro-F1"))->data()->constEnd() - 1)->value, last.devMicroF1);
    QVERIFY2(entry->result.bestDevMicroF1 > 0.5, qPrintable(QString::number(entry->result.bestDevMicroF1)));
    QCOMPARE(child<QProgressBar>(&page, "trainProgress")->value(), child<QProgressBar>(&page, "trainProgress")->maximum());
    QCOMPARE(runFinished.count(), 1);
    QVERIFY(QFileInfo::exists(dir.filePath(QStringLiteral("run/model.pt"))));
    QVERIFY(QFileInfo::exists(dir.filePath(QStringLiteral("run/scores/dev.scores"))));

    QCOMPARE(statusAfterEpoch.size(), 4);
    for (int epoch = 1; epoch < 4; ++epoch)
        QVERIFY2(statusAfterEpoch[epoch - 1].startsWith(QStringLiteral("Epoch %1 of 4 · %2%").arg(epoch + 1).arg(epoch * 25)),
                 qPrintable(statusAfterEpoch[epoch - 1]));
    QVERIFY2(status->text().startsWith(QStringLiteral("Best dev micro-F1")), qPrintable(status->text()));
    // The log says where the run is written.
    const QString log = child<QPlainTextEdit>(&page, "trainLog")->toPlainText();
    QVERIFY2(log.contains(QStringLiteral("training into %1").arg(QDir::toNativeSeparators(runDir))), qPrintable(log));
}

void TrainPageTest::cancelledRunResumesToTheEnd()
{
    QTemporaryDir dir;
    const QString runDir = dir.filePath(QStringLiteral("run"));
    constexpr int plannedEpochs = 40;
    TrainPage page(m_queue.get(), &m_workspace, &m_project);
    formOf(page)->setConfig(tinyConfig("TextCNN", plannedEpochs));
    formOf(page)->setRunFolder(runDir);
    QSignalSpy finished(m_queue.get(), &TrainQueue::jobFinished);
    QSignalSpy epochs(m_queue.get(), &TrainQueue::epochFinished);

    const int id = page.startTraining();
    QVERIFY2(id != 0, qPrintable(page.lastError()));
    QTRY_VERIFY_WITH_TIMEOUT(epochs.count() >= 1, trainTimeoutMs);
    m_queue->cancel(id);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, trainTimeoutMs);
    const TrainQueue::Entry* entry = m_queue->entry(id);
    QCOMPARE(entry->state, TrainQueue::State::Cancelled);
    const int doneBeforeCancel = int(entry->result.epochsDone);
    QVERIFY2(doneBeforeCancel >= 1 && doneBeforeCancel < plannedEpochs, qPrintable(QString::number(doneBeforeCancel)));
    QVERIFY(m_queue->canResume(id));
    QVERIFY(!QFileInfo::exists(runDir + QStringLiteral("/scores/dev.scores")));

    // Resume continues from the checkpoint; the curves keep the epochs trained before.
    QVERIFY(m_queue->resume(id).ok());
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, trainTimeoutMs);
    QCOMPARE(entry->state, TrainQueue::State::Completed);
    QCOMPARE(int(entry->result.epochsDone), plannedEpochs);
    QCOMPARE(int(entry->epochs.size()), plannedEpochs);
    QCOMPARE(curvesOf(page)->pointCount(), plannedEpochs);
    QCOMPARE(epochs.count(), plannedEpochs);   // no epoch was trained twice
    QVERIFY(QFileInfo::exists(runDir + QStringLiteral("/scores/dev.scores")));
}

void TrainPageTest::queueRunsOneAfterAnother()
{
    QTemporaryDir dir;
    TrainPage page(m_queue.get(), &m_workspace, &m_project);
    formOf(page)->setConfig(tinyConfig("FastText", 2));
    QSignalSpy started(m_queue.get(), &TrainQueue::jobStarted);
    QSignalSpy finished(m_queue.get(), &TrainQueue::jobFinished);
    formOf(page)->setRunFolder(dir.filePath(QStringLiteral("first")));
    const int first = page.startTraining();
    formOf(page)->setRunFolder(dir.filePath(QStringLiteral("second")));
    const int second = page.startTraining();
    QVERIFY(first != 0 && second != 0);
    QCOMPARE(m_queue->rowCount(), 2);
    QCOMPARE(m_queue->runningId(), first);
    QCOMPARE(m_queue->entry(second)->state, TrainQueue::State::Queued);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, trainTimeoutMs);
    QCOMPARE(started.count(), 2);
    QCOMPARE(started.at(0).at(0).toInt(), first);
    QCOMPARE(started.at(1).at(0).toInt(), second);
    QCOMPARE(finished.at(0).at(0).toInt(), first);
    QCOMPARE(m_queue->entry(second)->state, TrainQueue::State::Completed);
    QVERIFY(!m_queue->isBusy());
}

void TrainPageTest::badDataFileIsReportedInPlainWords()
{
    TrainPage page(m_queue.get(), &m_workspace, &m_project);
    TrainConfig config = tinyConfig("FastText", 1);
    formOf(page)->setConfig(config);
    QTemporaryDir dir;
    const QString missing = dir.filePath(QStringLiteral("no-such-train.jsonl"));
    config.data.train = missing.toStdString();
    formOf(page)->setConfig(config);
    QCOMPARE(page.startTraining(), 0);
    QVERIFY2(page.lastError().contains(QStringLiteral("no-such-train.jsonl")), qPrintable(page.lastError()));
    QVERIFY2(page.lastError().contains(QStringLiteral("data.train")), qPrintable(page.lastError()));
    QCOMPARE(m_queue->rowCount(), 0);
}

void TrainPageTest::refusesFolderThatHoldsARun()
{
    QTemporaryDir dir;
    QFile config(dir.filePath(QStringLiteral("config.json")));
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write("{}");
    config.close();
    TrainPage page(m_queue.get(), &m_workspace, &m_project);
    formOf(page)->setConfig(tinyConfig("FastText", 1));
    formOf(page)->setRunFolder(dir.path());
    QCOMPARE(page.startTraining(), 0);
    QVERIFY2(page.lastError().contains(QStringLiteral("already holds a training run")), qPrintable(page.lastError()));
}

QTEST_MAIN(TrainPageTest)
#include "TrainPageTest.moc"
