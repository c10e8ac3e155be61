#include "tools/screenshots/TrainDemoScreenshot.h"

#include "core/train/TrainConfig.h"
#include "ui/demo/DemoPage.h"
#include "ui/evaluate/EvaluationSession.h"
#include "ui/export/ExportPage.h"
#include "ui/MainWindow.h"
#include "ui/train/TrainConfigForm.h"
#include "ui/train/TrainPage.h"
#include "ui/train/TrainQueue.h"
#include "ui/data/Workspace.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

#include <cstdio>

namespace tagbench::ui {

namespace {
constexpr int timeoutMs = 8 * 60 * 1000;

/// Text of the index-th document of a JSON lines file (empty when there is none).
QString documentText(const QString& path, int index)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return {};
    for (int i = 0; !file.atEnd(); ++i) {
        const QByteArray line = file.readLine();
        if (i == index)
            return QJsonDocument::fromJson(line).object().value(QStringLiteral("text")).toString();
    }
    return {};
}
} // namespace

TrainDemoScreenshot::TrainDemoScreenshot(MainWindow* window, QObject* parent)
    : QObject(parent)
    , m_window(window)
{
}

void TrainDemoScreenshot::start()
{
    for (const auto& dataset : m_window->workspace()->datasets()) {
        const QDir folder = QFileInfo(dataset->path()).absoluteDir();
        if (dataset->split() == QLatin1String("train") && folder.exists(QStringLiteral("dev.jsonl"))
            && folder.exists(QStringLiteral("fasttext.json"))) {
            m_sampleFolder = folder.absolutePath();
            break;
        }
    }
    if (m_sampleFolder.isEmpty() || !m_dir.isValid()) {
        std::fprintf(stderr, "tagbench: no sample train split with a fasttext.json is open; Train and Demo stay empty\n");
        finish();
        return;
    }
    const Result<TrainConfig> config =
        TrainConfig::load(QFile::encodeName(QDir(m_sampleFolder).filePath(QStringLiteral("fasttext.json"))).toStdString());
    if (!config.ok()) {
        std::fprintf(stderr, "tagbench: %s\n", config.message().c_str());
        finish();
        return;
    }
    auto* train = m_window->findChild<TrainPage*>(QStringLiteral("TrainPage"));
    train->form()->setConfig(*config);
    m_runDir = m_dir.filePath(QStringLiteral("fasttext-car-news"));
    train->form()->setRunFolder(m_runDir);
    connect(m_window->trainQueue(), &TrainQueue::jobFinished, this, &TrainDemoScreenshot::onTrained);
    m_jobId = train->startTraining();
    if (m_jobId == 0) {
        std::fprintf(stderr, "tagbench: training did not start: %s\n", qPrintable(train->lastError()));
        finish();
        return;
    }
    QTimer::singleShot(timeoutMs, this, [this] {
        std::fprintf(stderr, "tagbench: the screenshot training run timed out\n");
        finish();
    });
}

void TrainDemoScreenshot::onTrained(int id)
{
    if (id != m_jobId)
        return;
    const TrainQueue::Entry* entry = m_window->trainQueue()->entry(id);
    if (!entry || (entry->state != TrainQueue::State::Completed && entry->state != TrainQueue::State::EarlyStopped)) {
        std::fprintf(stderr, "tagbench: the screenshot training run did not complete\n");
        finish();
        return;
    }
    // A form ready for the next run, the finished one still shown on the right.
    m_window->findChild<TrainPage*>(QStringLiteral("TrainPage"))->form()->setRunFolder(QString());

    auto* demo = m_window->findChild<DemoPage*>(QStringLiteral("DemoPage"));
    ++m_pending;
    connect(demo, &DemoPage::bundleOpened, this, [this, demo] {
        connect(demo, &DemoPage::predictionShown, this, [this] {
            if (--m_pending == 0)
                finish();
        }, Qt::SingleShotConnection);
        demo->setText(documentText(QDir(m_sampleFolder).filePath(QStringLiteral("test.jsonl")), 3));
    }, Qt::SingleShotConnection);
    connect(demo, &DemoPage::bundleFailed, this, [this](const QString&, const QString& message) {
        std::fprintf(stderr, "tagbench: demo bundle: %s\n", qPrintable(message));
        if (--m_pending == 0)
            finish();
    }, Qt::SingleShotConnection);
    demo->openRun(m_runDir);

    // The Export page shows a finished export of the same run (to its own file: no race with
    // the Demo page's export into the run folder).
    auto* exporter = m_window->findChild<ExportPage*>(QStringLiteral("ExportPage"));
    ++m_pending;
    auto exported = [this] {
        if (--m_pending == 0)
            finish();
    };
    connect(exporter, &ExportPage::bundleExported, this, exported, Qt::SingleShotConnection);
    connect(exporter, &ExportPage::bundleExportFailed, this, exported, Qt::SingleShotConnection);
    exporter->setRunDir(m_runDir);
    exporter->exportBundle(m_dir.filePath(QStringLiteral("car-news-fasttext.tagbench")));

    EvaluationSession* evaluation = m_window->evaluation();
    if (!evaluation->hasRun() && !evaluation->isLoading()) {
        ++m_pending;
        connect(evaluation, &EvaluationSession::runLoaded, this, [this] {
            if (--m_pending == 0)
                finish();
        }, Qt::SingleShotConnection);
        m_window->openPath(m_runDir);
    }
}

void TrainDemoScreenshot::finish()
{
    if (m_done)
        return;
    m_done = true;
    emit ready();
}

} // namespace tagbench::ui
