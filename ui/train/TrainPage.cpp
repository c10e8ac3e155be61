#include "ui/train/TrainPage.h"

#include "ui/data/LoadedDataset.h"
#include "ui/evaluate/RunFacts.h"
#include "ui/project/ProjectSession.h"
#include "ui/train/TrainConfigForm.h"
#include "ui/train/TrainCurvesWidget.h"
#include "ui/data/Workspace.h"
#include "ui/widgets/CoreNames.h"

#include <QDateTime>
#include <QDir>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QListView>
#include <QLocale>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QSplitter>
#include <QStandardPaths>
#include <QStyle>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace tagbench::ui {

namespace {

constexpr const char* runsFolderKey = "train/runsFolder";
constexpr int progressScale = 1000;

bool holdsRun(const QString& dir)
{
    const QDir d(dir);
    return d.exists(QStringLiteral("config.json")) || d.exists(QStringLiteral("checkpoint"));
}

} // namespace

TrainPage::TrainPage(TrainQueue* queue, Workspace* workspace, ProjectSession* project, QWidget* parent)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_project(project)
    , m_queue(queue)
{
    setObjectName(QStringLiteral("TrainPage"));
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    auto* outer = new QVBoxLayout(this);
    outer->addWidget(splitter);

    // Left: the settings, scrollable, with the start button always in view.
    auto* left = new QWidget(splitter);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    auto* scroll = new QScrollArea(left);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_form = new TrainConfigForm(scroll);
    scroll->setWidget(m_form);
    m_start = new QPushButton(style()->standardIcon(QStyle::SP_MediaPlay), QString(), left);
    m_start->setObjectName(QStringLiteral("startTraining"));
    m_start->setDefault(true);
    leftLayout->addWidget(scroll, 1);
    leftLayout->addWidget(m_start);
    left->setMinimumWidth(m_form->sizeHint().width() + scroll->verticalScrollBar()->sizeHint().width() + 8);

    // Right: the run being watched, the queue and the log.
    auto* right = new QWidget(splitter);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    m_title = new QLabel(right);
    m_title->setObjectName(QStringLiteral("trainTitle"));
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    m_title->setFont(titleFont);
    m_status = new QLabel(right);
    m_status->setObjectName(QStringLiteral("trainStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_progress = new QProgressBar(right);
    m_progress->setObjectName(QStringLiteral("trainProgress"));
    m_progress->setRange(0, progressScale);
    m_progress->setValue(0);
    m_error = new QLabel(right);
    m_error->setObjectName(QStringLiteral("trainError"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setStyleSheet(QStringLiteral("QLabel { color: #c0392b; }"));
    m_error->hide();
    m_curves = new TrainCurvesWidget(right);
    rightLayout->addWidget(m_title);
    rightLayout->addWidget(m_status);
    rightLayout->addWidget(m_progress);
    rightLayout->addWidget(m_error);
    rightLayout->addWidget(m_curves, 3);

    auto* bottom = new QHBoxLayout;
    auto* queueColumn = new QVBoxLayout;
    m_queueTitle = new QLabel(right);
    m_queueTitle->setFont(titleFont);
    m_queueView = new QListView(right);
    m_queueView->setObjectName(QStringLiteral("trainQueue"));
    m_queueView->setModel(m_queue);
    m_queueView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_queueView->setUniformItemSizes(true);
    m_queueView->setIconSize(QSize(20, 20));
    auto* queueButtons = new QGridLayout;
    m_cancel = new QPushButton(style()->standardIcon(QStyle::SP_MediaStop), QString(), right);
    m_cancel->setObjectName(QStringLiteral("cancelTraining"));
    m_resume = new QPushButton(style()->standardIcon(QStyle::SP_MediaPlay), QString(), right);
    m_resume->setObjectName(QStringLiteral("resumeTraining"));
    m_resumeFolder = new QPushButton(style()->standardIcon(QStyle::SP_DirOpenIcon), QString(), right);
    m_resumeFolder->setObjectName(QStringLiteral("resumeFolder"));
    m_evaluate = new QPushButton(style()->standardIcon(QStyle::SP_FileDialogContentsView), QString(), right);
    m_evaluate->setObjectName(QStringLiteral("evaluateTrainedRun"));
    queueButtons->addWidget(m_cancel, 0, 0);
    queueButtons->addWidget(m_resume, 0, 1);
    queueButtons->addWidget(m_resumeFolder, 1, 0);
    queueButtons->addWidget(m_evaluate, 1, 1);
    queueColumn->addWidget(m_queueTitle);
    queueColumn->addWidget(m_queueView, 1);
    queueColumn->addLayout(queueButtons);
    auto* logColumn = new QVBoxLayout;
    m_logTitle = new QLabel(right);
    m_logTitle->setFont(titleFont);
    m_log = new QPlainTextEdit(right);
    m_log->setObjectName(QStringLiteral("trainLog"));
    m_log->setReadOnly(true);
    m_log->setMaximumBlockCount(2000);
    m_log->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    logColumn->addWidget(m_logTitle);
    logColumn->addWidget(m_log, 1);
    bottom->addLayout(queueColumn, 2);
    bottom->addLayout(logColumn, 3);
    rightLayout->addLayout(bottom, 2);

    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setCollapsible(1, false);

    connect(m_start, &QPushButton::clicked, this, &TrainPage::startTraining);
    connect(m_cancel, &QPushButton::clicked, this, [this] { m_queue->cancel(selectedId()); });
    connect(m_resume, &QPushButton::clicked, this, [this] {
        const int id = selectedId();
        const Status status = m_queue->resume(id);
        if (!status.ok())
            showError(QString::fromStdString(status.message()));
    });
    connect(m_resumeFolder, &QPushButton::clicked, this, &TrainPage::resumeFolderDialog);
    connect(m_evaluate, &QPushButton::clicked, this, [this] {
        if (const TrainQueue::Entry* e = m_queue->entry(selectedId()))
            emit openRunRequested(e->runDir);
    });
    connect(m_form, &TrainConfigForm::loadConfigRequested, this, &TrainPage::loadConfigDialog);
    connect(m_queueView->selectionModel(), &QItemSelectionModel::currentChanged, this, [this] {
        if (const int id = selectedId())
            showEntry(id);
        updateButtons();
    });
    connect(m_queue, &TrainQueue::dataChanged, this, [this] {
        updateButtons();
        updateStatus();
    });
    connect(m_queue, &TrainQueue::jobStarted, this, [this](int id) {
        m_queueView->setCurrentIndex(m_queue->index(m_queue->rowOf(id)));
        showEntry(id);
        if (const TrainQueue::Entry* e = m_queue->entry(id)) {
            const QString folder = QDir::toNativeSeparators(e->runDir);
            m_log->appendPlainText(e->resume ? tr("[%1] resuming in %2").arg(QFileInfo(e->runDir).fileName(), folder)
                                             : tr("[%1] training into %2").arg(QFileInfo(e->runDir).fileName(), folder));
        }
    });
    connect(m_queue, &TrainQueue::epochFinished, this, [this](int id, const EpochReport& report) {
        if (id == m_shownId)
            m_curves->addEpoch(report);
    });
    connect(m_queue, &TrainQueue::logLine, this, [this](int id, const QString& line) {
        const TrainQueue::Entry* e = m_queue->entry(id);
        m_log->appendPlainText(e ? QStringLiteral("[%1] %2").arg(QFileInfo(e->runDir).fileName(), line) : line);
    });
    connect(m_queue, &TrainQueue::jobFinished, this, &TrainPage::onJobFinished);
    connect(m_workspace, &Workspace::datasetsChanged, this, &TrainPage::refreshDatasetChoices);
    connect(m_project, &ProjectSession::changed, this, &TrainPage::refreshDatasetChoices);

    refreshDatasetChoices();
    retranslateUi();
    updateButtons();
}

TrainPage::~TrainPage() = default;

QString TrainPage::defaultRunsFolder()
{
    const QString saved = QSettings().value(runsFolderKey).toString();
    if (!saved.isEmpty())
        return saved;
    QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (documents.isEmpty())
        documents = QDir::homePath();
    return QDir(documents).filePath(QStringLiteral("Tagbench/runs"));
}

int TrainPage::startTraining()
{
    Result<TrainConfig> config = m_form->config();
    if (!config.ok()) {
        showError(tr("The run was not started: %1").arg(QString::fromStdString(config.message())));
        return 0;
    }
    QString runDir = m_form->runFolder();
    if (runDir.isEmpty()) {
        // Next to the project when one is open: runs belong with the data they were trained on.
        const QString base = m_project->isOpen()
                                 ? QDir(QFileInfo(m_project->path()).absolutePath()).filePath(QStringLiteral("runs"))
                                 : defaultRunsFolder();
        const QString stem = QStringLiteral("%1-%2").arg(
            QString::fromStdString(config->model.kind).toLower(),
            QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")));
        runDir = QDir(base).filePath(stem);
        for (int n = 2; QFileInfo::exists(runDir) || queuedRunDir(runDir); ++n)
            runDir = QDir(base).filePath(QStringLiteral("%1-%2").arg(stem).arg(n));
    } else {
        runDir = QFileInfo(runDir).absoluteFilePath();
        if (holdsRun(runDir)) {
            showError(tr("%1 already holds a training run. Choose another folder, or use Resume Folder… to "
                         "continue a cancelled run.").arg(QDir::toNativeSeparators(runDir)));
            return 0;
        }
        if (queuedRunDir(runDir)) {
            showError(tr("%1 is already used by a run in the queue.").arg(QDir::toNativeSeparators(runDir)));
            return 0;
        }
    }
    m_error->hide();
    m_form->setRunFolder(QString());
    const int id = m_queue->enqueue(*config, runDir, m_form->device());
    if (m_queue->runningId() != id)
        m_log->appendPlainText(tr("Queued %1").arg(QDir::toNativeSeparators(runDir)));
    updateButtons();
    return id;
}

bool TrainPage::queuedRunDir(const QString& runDir) const
{
    for (int row = 0; row < m_queue->rowCount(); ++row) {
        if (m_queue->data(m_queue->index(row), TrainQueue::RunDirRole).toString() == QDir::cleanPath(runDir))
            return true;
    }
    return false;
}

int TrainPage::resumeRunFolder(const QString& runDir)
{
    Result<int> id = m_queue->enqueueResume(QFileInfo(runDir).absoluteFilePath(), m_form->device());
    if (!id.ok()) {
        showError(tr("The run cannot be resumed: %1").arg(QString::fromStdString(id.message())));
        return 0;
    }
    m_error->hide();
    return *id;
}

QString TrainPage::lastError() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void TrainPage::showError(const QString& message)
{
    m_error->setText(message);
    m_error->show();
}

int TrainPage::selectedId() const
{
    return m_queue->idAt(m_queueView->currentIndex().row());
}

void TrainPage::showEntry(int id)
{
    const TrainQueue::Entry* e = m_queue->entry(id);
    if (!e)
        return;
    m_shownId = id;
    m_curves->clear();
    m_curves->setPlannedEpochs(e->config.train.epochs);
    for (const EpochReport& report : e->epochs)
        m_curves->addEpoch(report);
    updateStatus();
}

void TrainPage::updateButtons()
{
    const TrainQueue::Entry* e = m_queue->entry(selectedId());
    m_cancel->setEnabled(e && (e->state == TrainQueue::State::Queued || e->state == TrainQueue::State::Running));
    m_resume->setEnabled(e && m_queue->canResume(e->id));
    m_evaluate->setEnabled(e && TrainQueue::hasModel(e->state));
    m_start->setText(m_queue->isBusy() ? tr("Add to Queue") : tr("Start Training"));
}

void TrainPage::updateStatus()
{
    const TrainQueue::Entry* e = m_queue->entry(m_shownId);
    if (!e) {
        m_title->setText(tr("No training run yet"));
        m_status->setText(tr("Choose the data and settings on the left, then start training. Runs wait in the "
                             "queue and train one after another."));
        m_progress->setRange(0, progressScale);
        m_progress->setValue(0);
        return;
    }
    m_title->setText(QStringLiteral("%1 · %2 — %3")
                         .arg(QString::fromStdString(e->config.model.kind), QFileInfo(e->runDir).fileName(),
                              TrainQueue::stateName(e->state)));
    const QLocale locale;
    const TrainProgress& p = e->progress;
    switch (e->state) {
    case TrainQueue::State::Queued:
        m_progress->setRange(0, progressScale);
        m_progress->setValue(0);
        m_status->setText(tr("Waiting for the runs before it in the queue."));
        break;
    case TrainQueue::State::Running: {
        const bool stopping = e->cancel && e->cancel->load();
        if (e->epochs.empty() && (p.epochs <= 0 || p.stepsPerEpoch <= 0)) {
            m_progress->setRange(0, 0);
            m_status->setText(stopping ? e->message : tr("Reading the data and building the vocabulary…"));
            break;
        }
        const double within = p.stepsPerEpoch > 0 ? double(p.step) / double(p.stepsPerEpoch) : 0.0;
        const double done = std::clamp((double(p.epoch - 1) + within) / double(std::max<std::int64_t>(p.epochs, 1)), 0.0, 1.0);
        m_progress->setRange(0, progressScale);
        m_progress->setValue(int(progressScale * done));
        QStringList parts{tr("Epoch %1 of %2").arg(p.epoch).arg(p.epochs),
                          tr("%1%").arg(locale.toString(100.0 * done, 'f', 0))};
        if (p.step > 0 && p.stepsPerEpoch > 0)
            parts << tr("batch %1 of %2").arg(locale.toString(p.step), locale.toString(p.stepsPerEpoch));
        if (p.examplesPerSecond > 0)
            parts << tr("%1 examples/s").arg(locale.toString(p.examplesPerSecond, 'f', 0));
        parts << tr("loss %1").arg(locale.toString(p.loss, 'f', 4)) << tr("about %1 left").arg(RunFacts::duration(p.etaSeconds));
        m_status->setText(parts.join(QStringLiteral(" · ")) + (stopping ? QStringLiteral("\n") + e->message : QString()));
        break;
    }
    case TrainQueue::State::Completed:
    case TrainQueue::State::EarlyStopped:
    case TrainQueue::State::Diverged: {
        m_progress->setRange(0, progressScale);
        m_progress->setValue(progressScale);
        QString text = tr("Best dev micro-F1 %1 at epoch %2 · %3 epochs in %4 on %5")
                           .arg(locale.toString(e->result.bestDevMicroF1, 'f', 4))
                           .arg(e->result.bestEpoch)
                           .arg(e->result.epochsDone)
                           .arg(RunFacts::duration(e->result.seconds), CoreNames::device(QString::fromStdString(e->result.device)));
        if (e->state == TrainQueue::State::Diverged)
            text += tr("\nThe loss diverged; the best epoch before it was kept.");
        if (!e->result.testPerformanceLine.empty())
            text += tr("\nTest: micro-F1 %1, macro-F1 %2")
                        .arg(locale.toString(e->result.testMicroF1, 'f', 4), locale.toString(e->result.testMacroF1, 'f', 4));
        m_status->setText(text);
        break;
    }
    case TrainQueue::State::Cancelled:
        m_progress->setRange(0, progressScale);
        m_status->setText(tr("Cancelled after %n finished epoch(s). Resume continues from the last finished epoch.",
                             nullptr, int(e->result.epochsDone)));
        break;
    case TrainQueue::State::Failed:
        m_progress->setRange(0, progressScale);
        m_progress->setValue(0);
        m_status->setText(tr("Training failed: %1").arg(e->message));
        break;
    }
}

void TrainPage::onJobFinished(int id)
{
    const TrainQueue::Entry* e = m_queue->entry(id);
    if (!e)
        return;
    const QString name = QFileInfo(e->runDir).fileName();
    switch (e->state) {
    case TrainQueue::State::Completed:
    case TrainQueue::State::EarlyStopped:
    case TrainQueue::State::Diverged:
        m_log->appendPlainText(tr("[%1] finished: %2").arg(name, TrainQueue::stateName(e->state)));
        if (m_project->isOpen()) {
            const Result<std::int64_t> added = m_project->addRun(e->runDir);
            if (!added.ok())
                showError(tr("The run finished but was not added to the project: %1")
                              .arg(QString::fromStdString(added.message())));
        }
        emit runFinished(e->runDir);
        break;
    case TrainQueue::State::Cancelled:
        m_log->appendPlainText(m_queue->canResume(id) ? tr("[%1] cancelled; it can be resumed").arg(name)
                                                      : tr("[%1] cancelled while reading the data; nothing was trained").arg(name));
        break;
    case TrainQueue::State::Failed:
        m_log->appendPlainText(tr("[%1] failed: %2").arg(name, e->message));
        if (id == m_shownId)
            showError(tr("Training %1 failed: %2").arg(name, e->message));
        break;
    default:
        break;
    }
    updateStatus();
    updateButtons();
}

void TrainPage::refreshDatasetChoices()
{
    QStringList paths, splits;
    for (const auto& dataset : m_workspace->datasets()) {
        paths << dataset->path();
        splits << dataset->split();
    }
    if (m_project->isOpen()) {
        for (const DatasetRecord& record : m_project->datasets()) {
            const QString path = QString::fromStdString(record.path);
            if (!paths.contains(path)) {
                paths << path;
                splits << QString::fromStdString(record.split);
            }
        }
    }
    m_form->setDatasetChoices(paths, splits);
}

void TrainPage::loadConfigDialog()
{
    const QString file = QFileDialog::getOpenFileName(this, tr("Load Training Config"), QString(),
                                                      tr("Training configs (*.json);;All files (*)"));
    if (file.isEmpty())
        return;
    const Result<TrainConfig> config = TrainConfig::load(QFile::encodeName(file).toStdString());
    if (!config.ok()) {
        showError(QString::fromStdString(config.message()));
        return;
    }
    m_error->hide();
    m_form->setConfig(*config);
}

void TrainPage::resumeFolderDialog()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Resume a Cancelled Run"), defaultRunsFolder());
    if (!dir.isEmpty())
        resumeRunFolder(dir);
}

void TrainPage::retranslateUi()
{
    m_start->setToolTip(tr("Train with these settings (queued when another run is training)"));
    m_queueTitle->setText(tr("Queue"));
    m_logTitle->setText(tr("Log"));
    m_cancel->setText(tr("Cancel"));
    m_cancel->setToolTip(tr("Stop the selected run (it stays resumable) or remove it from the queue"));
    m_resume->setText(tr("Resume"));
    m_resume->setToolTip(tr("Continue the selected cancelled run from its last finished epoch"));
    m_resumeFolder->setText(tr("Resume Folder…"));
    m_resumeFolder->setToolTip(tr("Continue a cancelled run from its folder"));
    m_evaluate->setText(tr("Evaluate"));
    m_evaluate->setToolTip(tr("Open the selected run on the Evaluate page"));
    updateButtons();
    updateStatus();
}

void TrainPage::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

} // namespace tagbench::ui
