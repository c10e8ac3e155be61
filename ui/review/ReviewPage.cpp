#include "ui/review/ReviewPage.h"

#include "core/eval/ScoreMatrix.h"
#include "ui/evaluate/EvaluationSession.h"
#include "ui/data/LoadedDataset.h"
#include "ui/project/ProjectSession.h"
#include "ui/review/ReviewItemModel.h"
#include "ui/data/Workspace.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QKeyEvent>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>

#include <algorithm>

namespace tagbench::ui {

namespace {
constexpr int labelRole = Qt::UserRole + 1;
constexpr std::size_t candidateLabels = 5;   // best-scored labels offered for a correction

QString fromView(std::string_view text)
{
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

QString annotatorName()
{
    const QString user = qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME"));
    return user.isEmpty() ? QStringLiteral("annotator") : user;
}
} // namespace

ReviewPage::ReviewPage(EvaluationSession* session, ProjectSession* project, Workspace* workspace, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_project(project)
    , m_workspace(workspace)
{
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    m_placeholder = new QLabel(this);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setEnabled(false);
    outer->addWidget(m_placeholder);

    m_content = new QWidget(this);
    outer->addWidget(m_content);
    auto* layout = new QVBoxLayout(m_content);
    auto* bar = new QHBoxLayout;
    m_filterLabel = new QLabel(m_content);
    m_issueFilter = new QComboBox(m_content);
    m_issueFilter->addItems({QString(), QString(), QString(), QString(), QString(), QString()});
    m_labelFilter = new QComboBox(m_content);
    m_labelFilter->setMinimumContentsLength(18);
    m_count = new QLabel(m_content);
    m_projectState = new QLabel(m_content);
    m_export = new QPushButton(m_content);
    bar->addWidget(m_filterLabel);
    bar->addWidget(m_issueFilter);
    bar->addWidget(m_labelFilter);
    bar->addWidget(m_count);
    bar->addStretch(1);
    bar->addWidget(m_projectState);
    bar->addWidget(m_export);
    layout->addLayout(bar);

    auto* splitter = new QSplitter(Qt::Horizontal, m_content);
    m_model = new ReviewItemModel(this);
    m_table = new QTableView(splitter);
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->setVisible(false);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->horizontalHeader()->setStretchLastSection(true);

    auto* detail = new QWidget(splitter);
    auto* grid = new QGridLayout(detail);
    grid->setContentsMargins(0, 0, 0, 0);
    m_text = new QTextBrowser(detail);
    m_goldLabel = new QLabel(detail);
    m_gold = new QListWidget(detail);
    m_predictedLabel = new QLabel(detail);
    m_predicted = new QListWidget(detail);
    m_correctionLabel = new QLabel(detail);
    m_correction = new QListWidget(detail);
    m_accept = new QPushButton(detail);
    m_correct = new QPushButton(detail);
    m_skip = new QPushButton(detail);
    grid->addWidget(m_text, 0, 0, 1, 3);
    grid->addWidget(m_goldLabel, 1, 0);
    grid->addWidget(m_predictedLabel, 1, 1);
    grid->addWidget(m_correctionLabel, 1, 2);
    grid->addWidget(m_gold, 2, 0);
    grid->addWidget(m_predicted, 2, 1);
    grid->addWidget(m_correction, 2, 2);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_accept);
    buttons->addWidget(m_correct);
    buttons->addWidget(m_skip);
    grid->addLayout(buttons, 3, 0, 1, 3);
    grid->setRowStretch(0, 1);
    grid->setRowStretch(2, 1);
    splitter->addWidget(m_table);
    splitter->addWidget(detail);
    splitter->setStretchFactor(0, 5);
    splitter->setStretchFactor(1, 4);
    splitter->setSizes({700, 560});
    QHeaderView* header = m_table->horizontalHeader();
    header->resizeSection(ReviewItemModel::IdColumn, 150);
    header->resizeSection(ReviewItemModel::IssueColumn, 160);
    header->resizeSection(ReviewItemModel::GoldColumn, 200);
    header->resizeSection(ReviewItemModel::PredictedColumn, 200);
    layout->addWidget(splitter, 1);

    // Single keys while the page has focus: annotators keep their hands on the keyboard.
    const auto addKey = [this](QPushButton* button, Qt::Key key, void (ReviewPage::*slot)()) {
        auto* action = new QAction(this);
        action->setShortcut(QKeySequence(key));
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(action, &QAction::triggered, this, slot);
        addAction(action);
        connect(button, &QPushButton::clicked, this, slot);
    };
    addKey(m_accept, Qt::Key_A, &ReviewPage::accept);
    addKey(m_correct, Qt::Key_C, &ReviewPage::correct);
    addKey(m_skip, Qt::Key_S, &ReviewPage::skip);
    // The lists would use letters for keyboard search; there they mean the decisions too.
    for (QWidget* widget : {static_cast<QWidget*>(m_table), static_cast<QWidget*>(m_correction)})
        widget->installEventFilter(this);

    connect(m_issueFilter, qOverload<int>(&QComboBox::currentIndexChanged), this, &ReviewPage::applyFilter);
    connect(m_labelFilter, qOverload<int>(&QComboBox::currentIndexChanged), this, &ReviewPage::applyFilter);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &ReviewPage::showCurrent);
    connect(m_export, &QPushButton::clicked, this, &ReviewPage::exportDialog);
    connect(m_session, &EvaluationSession::runLoaded, this, &ReviewPage::reload);
    connect(m_session, &EvaluationSession::ruleChanged, this, [this] {
        // Predictions follow the rule; recompute only when the page is on screen.
        if (isVisible())
            reload();
        else
            m_stale = true;
    });
    connect(m_workspace, &Workspace::datasetsChanged, this, [this] {
        matchDataset();
        showCurrent();
    });
    connect(m_project, &ProjectSession::changed, this, [this] {
        loadDecisions();
        retranslateUi();
    });
    retranslateUi();
    reload();
}

void ReviewPage::reload()
{
    const bool hasRun = m_session->hasRun();
    m_placeholder->setVisible(!hasRun);
    m_content->setVisible(hasRun);
    const int previousRow = currentScoreRow();
    m_model->setScores(hasRun ? m_session->run()->scores.get() : nullptr, m_session->rule());
    if (!hasRun)
        return;
    const QSignalBlocker blocker(m_labelFilter);
    const QString previousLabel = m_labelFilter->currentText();
    m_labelFilter->clear();
    m_labelFilter->addItem(tr("All labels"), -1);
    const auto& names = m_session->labelNames();
    for (std::size_t i = 0; i < names.size(); ++i)
        m_labelFilter->addItem(QString::fromStdString(names[i]), static_cast<int>(i));
    m_labelFilter->setCurrentIndex(std::max(0, m_labelFilter->findText(previousLabel)));
    matchDataset();
    loadDecisions();
    applyFilter();
    const int row = previousRow >= 0 ? m_model->modelRowOf(static_cast<std::size_t>(previousRow)) : -1;
    m_table->selectRow(std::max(row, 0));
}

void ReviewPage::matchDataset()
{
    m_dataset.reset();
    m_documentById.clear();
    if (!m_session->hasRun())
        return;
    const eval::ScoreMatrix& scores = *m_session->run()->scores;
    for (const auto& candidate : m_workspace->datasets()) {
        const Dataset& data = candidate->data();
        QHash<QString, std::size_t> ids;
        ids.reserve(static_cast<qsizetype>(data.size()));
        for (std::size_t doc = 0; doc < data.size(); ++doc)
            ids.insert(fromView(data.id(doc)), doc);
        const bool matches = std::all_of(scores.documentIds().begin(), scores.documentIds().end(),
                                         [&ids](const std::string& id) { return ids.contains(QString::fromStdString(id)); });
        if (matches && !ids.isEmpty()) {
            m_dataset = candidate;
            m_documentById = std::move(ids);
            return;
        }
    }
    // Not open yet: the run's config names the split's file; open it for the texts.
    QFile config(QDir(m_session->run()->runDir).filePath(QStringLiteral("config.json")));
    if (config.open(QIODevice::ReadOnly)) {
        const QString path = QJsonDocument::fromJson(config.readAll())
                                 .object()
                                 .value(QStringLiteral("data"))
                                 .toObject()
                                 .value(m_session->run()->split)
                                 .toString();
        if (!path.isEmpty() && QFile::exists(path) && m_workspace->indexOfPath(path) < 0 && !m_workspace->isLoading())
            m_workspace->load(path);
    }
}

void ReviewPage::loadDecisions()
{
    m_corrections.clear();
    QHash<qint64, ReviewDecision> decisions;
    if (m_session->hasRun() && m_project->isOpen()) {
        const auto reviews = m_project->reviews(m_session->run()->runDir, m_session->run()->split);
        if (reviews.ok()) {
            for (const ReviewRecord& review : *reviews) {
                decisions.insert(review.docIndex, review.decision);
                if (review.decision == ReviewDecision::Corrected) {
                    QStringList labels;
                    for (const std::string& label : review.correctedLabels)
                        labels << QString::fromStdString(label);
                    m_corrections.insert(review.docIndex, labels);
                }
            }
        }
    }
    m_model->setDecisions(std::move(decisions));
}

void ReviewPage::applyFilter()
{
    static const unsigned filters[] = {NoIssue, FalsePositive | FalseNegative, FalsePositive, FalseNegative,
                                       LowConfidence, SuspectedLabelError};
    const int index = std::clamp(m_issueFilter->currentIndex(), 0, 5);
    m_model->setFilter(filters[index], m_labelFilter->currentData().isValid() ? m_labelFilter->currentData().toInt() : -1);
    m_count->setText(tr("%1 documents").arg(QLocale().toString(m_model->rowCount())));
    m_table->selectRow(0);
    showCurrent();
}

int ReviewPage::currentScoreRow() const
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid() || current.row() >= m_model->rowCount())
        return -1;
    return static_cast<int>(m_model->item(current.row()).row);
}

void ReviewPage::showCurrent()
{
    m_gold->clear();
    m_predicted->clear();
    m_correction->clear();
    const int row = currentScoreRow();
    const bool has = row >= 0 && m_session->hasRun();
    for (QPushButton* button : {m_accept, m_correct, m_skip})
        button->setEnabled(has);
    if (!has) {
        m_text->clear();
        return;
    }
    const eval::ScoreMatrix& scores = *m_session->run()->scores;
    const ReviewItem& item = m_model->item(m_table->currentIndex().row());
    const std::string& id = scores.documentIds()[item.row];
    const auto doc = m_documentById.constFind(QString::fromStdString(id));
    if (m_dataset && doc != m_documentById.constEnd()) {
        m_text->setPlainText(fromView(m_dataset->data().text(*doc)));
    } else {
        m_text->setPlainText(tr("Document %1. Its text is shown once the %2 dataset file is open on the Data page.")
                                 .arg(QString::fromStdString(id), m_session->run()->split));
    }
    const auto name = [&scores](std::uint32_t label) { return QString::fromStdString(scores.labelNames()[label]); };
    const auto withScore = [&](std::uint32_t label) {
        return QStringLiteral("%1  (%2)").arg(name(label)).arg(double(scores.score(item.row, label)), 0, 'f', 3);
    };
    for (const std::uint32_t label : item.gold)
        m_gold->addItem(withScore(label));
    for (const std::uint32_t label : item.predicted)
        m_predicted->addItem(withScore(label));

    // Offer gold, predicted and the best-scored labels; checked = the current best guess.
    std::vector<std::uint32_t> candidates(item.gold);
    candidates.insert(candidates.end(), item.predicted.begin(), item.predicted.end());
    std::vector<std::uint32_t> order(scores.labelCount());
    for (std::uint32_t i = 0; i < order.size(); ++i)
        order[i] = i;
    const std::size_t top = std::min(candidateLabels, order.size());
    std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(top), order.end(),
                      [&](std::uint32_t a, std::uint32_t b) { return scores.score(item.row, a) > scores.score(item.row, b); });
    candidates.insert(candidates.end(), order.begin(), order.begin() + static_cast<std::ptrdiff_t>(top));
    std::sort(candidates.begin(), candidates.end(),
              [&](std::uint32_t a, std::uint32_t b) { return scores.score(item.row, a) > scores.score(item.row, b); });
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    const auto correction = m_corrections.constFind(static_cast<qint64>(item.row));
    for (const std::uint32_t label : candidates) {
        auto* entry = new QListWidgetItem(withScore(label), m_correction);
        entry->setData(labelRole, name(label));
        const bool checked = correction != m_corrections.constEnd()
                                 ? correction->contains(name(label))
                                 : std::binary_search(item.gold.begin(), item.gold.end(), label);
        entry->setFlags(entry->flags() | Qt::ItemIsUserCheckable);
        entry->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
    }
}

void ReviewPage::accept()
{
    const int row = currentScoreRow();
    if (row < 0)
        return;
    QStringList gold;
    for (const std::uint32_t label : m_model->item(m_table->currentIndex().row()).gold)
        gold << QString::fromStdString(m_session->labelNames()[label]);
    record(static_cast<int>(ReviewDecision::Accepted), gold);
}

void ReviewPage::correct()
{
    QStringList labels;
    for (int i = 0; i < m_correction->count(); ++i) {
        if (m_correction->item(i)->checkState() == Qt::Checked)
            labels << m_correction->item(i)->data(labelRole).toString();
    }
    record(static_cast<int>(ReviewDecision::Corrected), labels);
}

void ReviewPage::skip()
{
    record(static_cast<int>(ReviewDecision::Skipped), {});
}

void ReviewPage::record(int decision, const QStringList& labels)
{
    const int row = currentScoreRow();
    if (row < 0 || !m_session->hasRun())
        return;
    if (!m_project->isOpen()) {
        QMessageBox::information(this, tr("Review"),
                                 tr("Decisions are stored in a project. Create or open one on the Project page "
                                    "first."));
        return;
    }
    const Result<std::int64_t> runId = m_project->addRun(m_session->run()->runDir);
    if (!runId.ok()) {
        QMessageBox::warning(this, tr("Review"), QString::fromStdString(runId.message()));
        return;
    }
    ReviewRecord review;
    review.runId = *runId;
    review.split = m_session->run()->split.toStdString();
    review.docIndex = row;
    review.docId = m_session->run()->scores->documentIds()[static_cast<std::size_t>(row)];
    review.decision = static_cast<ReviewDecision>(decision);
    for (const QString& label : labels)
        review.correctedLabels.push_back(label.toStdString());
    review.annotator = annotatorName().toStdString();
    const Status status = m_project->recordReview(review);
    if (!status.ok()) {
        QMessageBox::warning(this, tr("Review"), QString::fromStdString(status.message()));
        return;
    }
    if (review.decision == ReviewDecision::Corrected)
        m_corrections.insert(row, labels);
    else
        m_corrections.remove(row);
    m_model->setDecision(static_cast<std::size_t>(row), review.decision);
    selectNext();
}

void ReviewPage::selectNext()
{
    const int next = m_table->currentIndex().row() + 1;
    if (next < m_model->rowCount())
        m_table->selectRow(next);
}

bool ReviewPage::exportCorrected(const QString& path, QString* error)
{
    const auto fail = [error](const QString& message) {
        if (error)
            *error = message;
        return false;
    };
    if (!m_session->hasRun())
        return fail(tr("No run is loaded."));
    if (!m_dataset)
        return fail(tr("Open the %1 dataset file on the Data page first: the export needs the texts.")
                        .arg(m_session->run()->split));
    const eval::ScoreMatrix& scores = *m_session->run()->scores;
    QSaveFile file(path);   // written to a temporary file, renamed over path on commit
    if (!file.open(QIODevice::WriteOnly))
        return fail(tr("Cannot write %1: %2").arg(path, file.errorString()));
    for (std::size_t row = 0; row < scores.documentCount(); ++row) {
        const QString id = QString::fromStdString(scores.documentIds()[row]);
        QJsonArray labels;
        const auto correction = m_corrections.constFind(static_cast<qint64>(row));
        if (correction != m_corrections.constEnd()) {
            for (const QString& label : *correction)
                labels.append(label);
        } else {
            for (const std::uint32_t label : scores.gold(row))
                labels.append(QString::fromStdString(scores.labelNames()[label]));
        }
        QJsonObject object{{QStringLiteral("id"), id},
                           {QStringLiteral("text"), fromView(m_dataset->data().text(m_documentById.value(id)))},
                           {QStringLiteral("labels"), labels}};
        file.write(QJsonDocument(object).toJson(QJsonDocument::Compact));
        file.write("\n");
    }
    if (!file.commit())
        return fail(tr("Cannot write %1: %2").arg(path, file.errorString()));
    return true;
}

void ReviewPage::exportDialog()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Corrected Dataset"),
                                                      QDir::home().filePath(m_session->run() ? m_session->run()->split + QStringLiteral("-corrected.jsonl") : QString()),
                                                      tr("JSON lines (*.jsonl)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!exportCorrected(path, &error))
        QMessageBox::warning(this, tr("Export Corrected Dataset"), error);
}

void ReviewPage::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

bool ReviewPage::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if (key->modifiers() == Qt::NoModifier || key->modifiers() == Qt::KeypadModifier) {
            switch (key->key()) {
            case Qt::Key_A: accept(); return true;
            case Qt::Key_C: correct(); return true;
            case Qt::Key_S: skip(); return true;
            default: break;
            }
        }
    }
    return QWidget::eventFilter(watched, event);
}

void ReviewPage::showEvent(QShowEvent* event)
{
    if (m_stale) {
        m_stale = false;
        reload();
    }
    QWidget::showEvent(event);
}

void ReviewPage::retranslateUi()
{
    m_placeholder->setText(tr("No run loaded.\n\nOpen a training run (File > Open Run…) to review its predictions."));
    m_filterLabel->setText(tr("Show:"));
    m_issueFilter->setItemText(0, tr("All documents"));
    m_issueFilter->setItemText(1, tr("Errors (false positives or negatives)"));
    m_issueFilter->setItemText(2, tr("False positives"));
    m_issueFilter->setItemText(3, tr("False negatives"));
    m_issueFilter->setItemText(4, tr("Low confidence"));
    m_issueFilter->setItemText(5, tr("Suspected label errors"));
    if (m_labelFilter->count() > 0)
        m_labelFilter->setItemText(0, tr("All labels"));
    m_projectState->setText(m_project->isOpen() ? tr("Decisions go to %1").arg(QFileInfo(m_project->path()).fileName())
                                                : tr("Open a project to record decisions"));
    m_export->setText(tr("&Export Corrected Dataset…"));
    m_goldLabel->setText(tr("Gold labels"));
    m_predictedLabel->setText(tr("Predicted labels"));
    m_correctionLabel->setText(tr("Corrected labels"));
    m_accept->setText(tr("Accept gold (A)"));
    m_accept->setToolTip(tr("The gold labels are right"));
    m_correct->setText(tr("Save correction (C)"));
    m_correct->setToolTip(tr("Store the checked labels as this document's labels"));
    m_skip->setText(tr("Skip (S)"));
    m_count->setText(tr("%1 documents").arg(QLocale().toString(m_model->rowCount())));
    m_model->retranslate();
}

} // namespace tagbench::ui
