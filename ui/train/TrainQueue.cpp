#include "ui/train/TrainQueue.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QStyle>

namespace tagbench::ui {

TrainQueue::TrainQueue(QObject* parent)
    : QAbstractListModel(parent)
{
    qRegisterMetaType<TrainProgress>();
    qRegisterMetaType<EpochReport>();
    qRegisterMetaType<TrainResult>();
    const TrainWorker* worker = m_trainer.worker();
    connect(worker, &TrainWorker::progress, this, [this](int id, const TrainProgress& p) {
        if (Entry* e = find(id)) {
            e->progress = p;
            changed(id);
        }
    });
    connect(worker, &TrainWorker::epochFinished, this, &TrainQueue::onEpoch);
    connect(worker, &TrainWorker::logLine, this, &TrainQueue::logLine);
    connect(worker, &TrainWorker::finished, this, &TrainQueue::onFinished);
    connect(worker, &TrainWorker::failed, this, &TrainQueue::onFailed);
}

TrainQueue::~TrainQueue()
{
    // The trainer checks the flag every batch and leaves a resumable run behind; m_trainer then
    // waits for it.
    cancelAll();
}

void TrainQueue::onEpoch(int id, const EpochReport& report)
{
    Entry* e = find(id);
    if (!e)
        return;
    e->epochs.push_back(report);
    // The trainer reports progress at most twice a second, and not at all in an epoch shorter
    // than that: a finished epoch moves the progress on by itself, so the status never stays
    // behind the curves.
    TrainProgress& p = e->progress;
    if (p.epoch <= report.epoch) {
        double seconds = 0.0;
        for (const EpochReport& done : e->epochs)
            seconds += done.seconds;
        const std::int64_t planned = e->config.train.epochs;
        p.epochs = planned;
        p.epoch = std::min(report.epoch + 1, planned);
        p.step = 0;
        p.examplesPerSecond = report.examplesPerSecond;
        p.loss = report.trainLoss;
        p.etaSeconds = seconds / double(e->epochs.size()) * double(std::max<std::int64_t>(0, planned - report.epoch));
        changed(id);
    }
    emit epochFinished(id, report);
}

int TrainQueue::enqueue(const TrainConfig& config, const QString& runDir, const QString& device)
{
    Entry entry;
    entry.runDir = QDir::cleanPath(runDir);
    entry.config = config;
    entry.device = device;
    return append(std::move(entry));
}

Result<int> TrainQueue::enqueueResume(const QString& runDir, const QString& device)
{
    for (const Entry& e : m_entries) {
        if (e.runDir == QDir::cleanPath(runDir) && (e.state == State::Queued || e.state == State::Running))
            return Error{tr("%1 is already in the queue.").arg(runDir).toStdString()};
    }
    Result<TrainConfig> config = Trainer::loadRunConfig(QFile::encodeName(runDir).toStdString());
    if (!config.ok())
        return Error{config.message()};
    Entry entry;
    entry.runDir = QDir::cleanPath(runDir);
    entry.config = std::move(config).value();
    entry.device = device;
    entry.resume = true;
    entry.epochs = readEpochs(runDir);
    return append(std::move(entry));
}

int TrainQueue::append(Entry entry)
{
    entry.id = m_nextId++;
    const int id = entry.id;
    const int row = int(m_entries.size());
    beginInsertRows({}, row, row);
    m_entries.push_back(std::move(entry));
    endInsertRows();
    startNext();
    return id;
}

Status TrainQueue::resume(int id)
{
    Entry* e = find(id);
    if (!e || !canResume(id))
        return Error{tr("This run cannot be resumed.").toStdString()};
    e->state = State::Queued;
    e->resume = true;
    e->message.clear();
    e->progress = TrainProgress();
    e->epochs = readEpochs(e->runDir);
    changed(id);
    startNext();
    return {};
}

void TrainQueue::cancel(int id)
{
    Entry* e = find(id);
    if (!e)
        return;
    if (e->state == State::Running) {
        e->cancel->store(true);
        e->message = tr("Stopping after the current batch…");
        changed(id);
    } else if (e->state == State::Queued) {
        const int row = rowOf(id);
        beginRemoveRows({}, row, row);
        m_entries.erase(m_entries.begin() + row);
        endRemoveRows();
    }
}

void TrainQueue::cancelAll()
{
    for (int row = int(m_entries.size()) - 1; row >= 0; --row) {
        if (m_entries[std::size_t(row)].state == State::Queued)
            cancel(m_entries[std::size_t(row)].id);
    }
    if (m_runningId != 0)
        cancel(m_runningId);
}

const TrainQueue::Entry* TrainQueue::entry(int id) const
{
    const int row = rowOf(id);
    return row < 0 ? nullptr : &m_entries[std::size_t(row)];
}

TrainQueue::Entry* TrainQueue::find(int id)
{
    const int row = rowOf(id);
    return row < 0 ? nullptr : &m_entries[std::size_t(row)];
}

int TrainQueue::rowOf(int id) const
{
    for (std::size_t i = 0; i < m_entries.size(); ++i) {
        if (m_entries[i].id == id)
            return int(i);
    }
    return -1;
}

int TrainQueue::idAt(int row) const
{
    return row >= 0 && row < int(m_entries.size()) ? m_entries[std::size_t(row)].id : 0;
}

bool TrainQueue::canResume(int id) const
{
    const Entry* e = entry(id);
    if (!e || (e->state != State::Cancelled && e->state != State::Failed))
        return false;
    // A run that failed before its folder was set up has nothing to continue from.
    return QFileInfo::exists(QDir(e->runDir).filePath(QStringLiteral("config.json")));
}

bool TrainQueue::hasModel(State state)
{
    return state == State::Completed || state == State::EarlyStopped || state == State::Diverged;
}

QString TrainQueue::stateName(State state)
{
    switch (state) {
    case State::Queued: return tr("Queued");
    case State::Running: return tr("Running");
    case State::Completed: return tr("Completed");
    case State::EarlyStopped: return tr("Stopped early");
    case State::Diverged: return tr("Diverged (best epoch kept)");
    case State::Cancelled: return tr("Cancelled");
    case State::Failed: return tr("Failed");
    }
    return {};
}

std::vector<EpochReport> TrainQueue::readEpochs(const QString& runDir)
{
    std::vector<EpochReport> epochs;
    QFile file(QDir(runDir).filePath(QStringLiteral("metrics.jsonl")));
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return epochs;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine().trimmed();
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        if (o.isEmpty())
            continue;   // a torn last line of a killed run: the trainer rewrites it on resume
        EpochReport r;
        r.epoch = o.value(QLatin1String("epoch")).toInteger();
        r.trainLoss = o.value(QLatin1String("train_loss")).toDouble();
        r.seconds = o.value(QLatin1String("seconds")).toDouble();
        r.examplesPerSecond = o.value(QLatin1String("examples_per_second")).toDouble();
        r.best = o.value(QLatin1String("best")).toBool();
        const QJsonObject dev = o.value(QLatin1String("dev")).toObject();
        r.devPrecision = dev.value(QLatin1String("precision")).toDouble();
        r.devRecall = dev.value(QLatin1String("recall")).toDouble();
        r.devMicroF1 = dev.value(QLatin1String("micro_f1")).toDouble();
        r.devMacroF1 = dev.value(QLatin1String("macro_f1")).toDouble();
        r.json = line.toStdString();
        epochs.push_back(std::move(r));
    }
    return epochs;
}

int TrainQueue::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

QVariant TrainQueue::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_entries.size()))
        return {};
    const Entry& e = m_entries[std::size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole: {
        const QString name = QStringLiteral("%1 · %2").arg(QString::fromStdString(e.config.model.kind),
                                                            QFileInfo(e.runDir).fileName());
        QString status = stateName(e.state);
        if (e.state == State::Running && e.progress.epochs > 0)
            status = tr("Epoch %1 of %2").arg(e.progress.epoch).arg(e.progress.epochs);
        else if (hasModel(e.state) && e.result.bestEpoch > 0)
            status += tr(", best dev micro-F1 %1").arg(QLocale().toString(e.result.bestDevMicroF1, 'f', 4));
        if (e.resume && e.state == State::Queued)
            status = tr("Queued to resume");
        return QStringLiteral("%1\n%2").arg(name, status);
    }
    case Qt::ToolTipRole:
        return e.message.isEmpty() ? e.runDir : QStringLiteral("%1\n%2").arg(e.runDir, e.message);
    case Qt::DecorationRole: {
        QStyle* style = QApplication::style();
        switch (e.state) {
        case State::Queued: return style->standardIcon(QStyle::SP_FileDialogListView);
        case State::Running: return style->standardIcon(QStyle::SP_MediaPlay);
        case State::Completed:
        case State::EarlyStopped:
        case State::Diverged: return style->standardIcon(QStyle::SP_DialogApplyButton);
        case State::Cancelled: return style->standardIcon(QStyle::SP_MediaPause);
        case State::Failed: return style->standardIcon(QStyle::SP_MessageBoxCritical);
        }
        return {};
    }
    case IdRole: return e.id;
    case StateRole: return int(e.state);
    case RunDirRole: return e.runDir;
    }
    return {};
}

void TrainQueue::changed(int id)
{
    const int row = rowOf(id);
    if (row >= 0)
        emit dataChanged(index(row), index(row));
}

void TrainQueue::startNext()
{
    if (m_runningId != 0)
        return;
    for (Entry& e : m_entries) {
        if (e.state != State::Queued)
            continue;
        e.state = State::Running;
        e.cancel = std::make_shared<std::atomic<bool>>(false);
        auto job = std::make_shared<TrainJob>();
        job->id = e.id;
        job->config = e.config;
        job->options.runDir = QFile::encodeName(e.runDir).toStdString();
        job->options.device = e.device.toStdString();
        job->options.resume = e.resume;
        job->cancel = e.cancel;
        m_runningId = e.id;
        changed(e.id);
        emit jobStarted(e.id);
        m_trainer.post([job = std::shared_ptr<const TrainJob>(std::move(job))](TrainWorker& trainer) { trainer.run(job); });
        return;
    }
    emit idle();
}

void TrainQueue::onFinished(int id, const TrainResult& result)
{
    if (Entry* e = find(id)) {
        e->result = result;
        switch (result.status) {
        case TrainStatus::Completed: e->state = State::Completed; break;
        case TrainStatus::EarlyStopped: e->state = State::EarlyStopped; break;
        case TrainStatus::Diverged: e->state = State::Diverged; break;
        case TrainStatus::Cancelled: e->state = State::Cancelled; break;
        }
        e->message.clear();   // the result speaks for itself (the status line and the curves)
        changed(id);
    }
    if (m_runningId == id)
        m_runningId = 0;
    emit jobFinished(id);
    startNext();
}

void TrainQueue::onFailed(int id, const QString& message)
{
    if (Entry* e = find(id)) {
        e->state = State::Failed;
        e->message = message;
        changed(id);
    }
    if (m_runningId == id)
        m_runningId = 0;
    emit jobFinished(id);
    startNext();
}

} // namespace tagbench::ui
