#include "ui/review/ReviewPage.h"

#include "core/eval/ScoreMatrix.h"
#include "ui/data/LoadedDataset.h"
#include "ui/data/Workspace.h"
#include "ui/evaluate/EvaluationSession.h"
#include "ui/evaluate/RunFacts.h"
#include "ui/project/ProjectSession.h"
#include "ui/review/ReviewDetailPane.h"
#include "ui/review/ReviewItemModel.h"
#include "ui/review/ReviewSession.h"
#include "ui/widgets/FileDialogs.h"
#include "ui/widgets/WheelGuard.h"
#include "ui/widgets/CoreNames.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QEvent>
#include <QFile>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QKeyEvent>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace tagbench::ui {

namespace {
QString fromView(std::string_view text)
{
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}
} // namespace

ReviewPage::ReviewPage(ReviewSession* review, EvaluationSession* session, ProjectSession* project, Workspace* workspace,
                       QWidget* parent)
    : QWidget(parent)
    , m_review(review)
    , m_session(session)
    , m_project(project)
    , m_workspace(workspace)
{
    setObjectName(QStringLiteral("ReviewPage"));
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
    auto* runBar = new QHBoxLayout;
    m_runLabel = new QLabel(m_content);
    m_runLabel->setObjectName(QStringLiteral("reviewRun"));
    QFont bold = m_runLabel->font();
    bold.setBold(true);
    m_runLabel->setFont(bold);
    m_splitLabel = new QLabel(m_content);
    m_split = new QComboBox(m_content);
    m_split->setObjectName(QStringLiteral("reviewSplit"));
    m_split->addItem(QString(), QStringLiteral("dev"));
    m_split->addItem(QString(), QStringLiteral("test"));
    m_splitLabel->setBuddy(m_split);
    m_splitNote = new QLabel(m_content);
    m_splitNote->setObjectName(QStringLiteral("reviewSplitNote"));
    m_splitNote->setStyleSheet(QStringLiteral("QLabel { color: #b35900; }"));
    m_splitNote->hide();
    m_projectState = new QLabel(m_content);
    m_export = new QPushButton(m_content);
    m_export->setObjectName(QStringLiteral("exportCorrected"));
    runBar->addWidget(m_runLabel);
    runBar->addSpacing(12);
    runBar->addWidget(m_splitLabel);
    runBar->addWidget(m_split);
    runBar->addWidget(m_splitNote, 1);
    runBar->addWidget(m_projectState);
    runBar->addWidget(m_export);
    layout->addLayout(runBar);

    auto* bar = new QHBoxLayout;
    m_filterLabel = new QLabel(m_content);
    m_issueFilter = new QComboBox(m_content);
    m_issueFilter->setObjectName(QStringLiteral("reviewIssueFilter"));
    m_issueFilter->addItems({QString(), QString(), QString(), QString(), QString(), QString()});
    m_labelFilter = new QComboBox(m_content);
    m_labelFilter->setObjectName(QStringLiteral("reviewLabelFilter"));
    m_labelFilter->setMinimumContentsLength(18);
    m_count = new QLabel(m_content);
    m_count->setObjectName(QStringLiteral("reviewCount"));
    bar->addWidget(m_filterLabel);
    bar->addWidget(m_issueFilter);
    bar->addWidget(m_labelFilter);
    bar->addSpacing(12);
    bar->addWidget(m_count);
    bar->addStretch(1);
    layout->addLayout(bar);

    auto* splitter = new QSplitter(Qt::Horizontal, m_content);
    m_model = new ReviewItemModel(this);
    m_table = new QTableView(splitter);
    m_table->setObjectName(QStringLiteral("reviewTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->verticalHeader()->setVisible(false);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    // Every column in view: short ones fit their text, the label lists share what is left.
    QHeaderView* header = m_table->horizontalHeader();
    header->setSectionResizeMode(ReviewItemModel::IdColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(ReviewItemModel::IssueColumn, QHeaderView::Interactive);
    header->setSectionResizeMode(ReviewItemModel::DecisionColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(ReviewItemModel::GoldColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(ReviewItemModel::PredictedColumn, QHeaderView::Stretch);
    header->resizeSection(ReviewItemModel::IssueColumn, m_table->fontMetrics().horizontalAdvance(QStringLiteral("false negative, low conf")));
    m_table->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);

    m_detail = new ReviewDetailPane(splitter);
    splitter->addWidget(m_table);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 5);
    splitter->setStretchFactor(1, 4);
    splitter->setSizes({700, 560});
    layout->addWidget(splitter, 1);

    // Single keys while the page has focus: annotators keep their hands on the keyboard. Typing
    // in the Add label box is text, not a decision (a line edit takes printable keys first).
    const auto addKey = [this](Qt::Key key, void (ReviewPage::*slot)()) {
        auto* action = new QAction(this);
        action->setShortcut(QKeySequence(key));
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(action, &QAction::triggered, this, slot);
        addAction(action);
    };
    addKey(Qt::Key_A, &ReviewPage::accept);
    addKey(Qt::Key_C, &ReviewPage::correct);
    addKey(Qt::Key_S, &ReviewPage::skip);
    connect(m_detail, &ReviewDetailPane::acceptRequested, this, &ReviewPage::accept);
    connect(m_detail, &ReviewDetailPane::correctRequested, this, &ReviewPage::correct);
    connect(m_detail, &ReviewDetailPane::skipRequested, this, &ReviewPage::skip);
    // The lists would use letters for keyboard search; there they mean the decisions too.
    for (QWidget* widget : {static_cast<QWidget*>(m_table), m_detail->findChild<QWidget*>(QStringLiteral("correctionLabels"))})
        widget->installEventFilter(this);

    connect(m_issueFilter, qOverload<int>(&QComboBox::currentIndexChanged), this, &ReviewPage::applyFilter);
    connect(m_labelFilter, qOverload<int>(&QComboBox::currentIndexChanged), this, &ReviewPage::applyFilter);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &ReviewPage::showCurrent);
    connect(m_export, &QPushButton::clicked, this, &ReviewPage::exportDialog);
    connect(m_split, qOverload<int>(&QComboBox::activated), this, [this] {
        m_switchingHere = true;
        m_session->switchSplit(m_split->currentData().toString());
    });
    connect(m_session, &EvaluationSession::runLoaded, this, &ReviewPage::reload);
    connect(m_session, &EvaluationSession::ruleChanged, this, [this] {
        // Predictions follow the rule; recompute only when the page is on screen.
        if (isVisible())
            reload();
        else
            m_stale = true;
    });
    connect(m_review, &ReviewSession::reloaded, this, [this] {
        m_model->setDecisions(m_review->decisions());
        showCurrent();
        updateCounts();
    });
    connect(m_review, &ReviewSession::decisionChanged, this, [this](std::size_t row) {
        m_model->setDecision(row, m_review->decision(row));
        updateCounts();
        // Undo and redo show the document whose decision changed.
        if (int(row) != currentScoreRow()) {
            const int modelRow = m_model->modelRowOf(row);
            if (modelRow >= 0)
                selectRow(modelRow);
        } else {
            showCurrent();
        }
    });
    connect(m_workspace, &Workspace::datasetsChanged, this, [this] {
        matchDataset();
        showCurrent();
    });
    connect(m_project, &ProjectSession::changed, this, &ReviewPage::retranslateUi);
    WheelGuard::install(this);
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
    const QString runDir = m_session->run()->runDir;
    const QString split = m_session->run()->split;
    // Say so when the split changed under this page (on the Evaluate page), not silently; the
    // note stays until the split changes again.
    if (runDir != m_shownRun || split != m_shownSplit) {
        const bool switchedElsewhere = runDir == m_shownRun && !m_shownSplit.isEmpty() && !m_switchingHere;
        m_splitNote->setText(switchedElsewhere ? tr("Now reviewing the %1 split: it was switched on the Evaluate page.").arg(CoreNames::split(split))
                                               : QString());
        m_splitNote->setVisible(switchedElsewhere);
        m_switchingHere = false;
        m_shownRun = runDir;
        m_shownSplit = split;
    }
    m_split->setCurrentIndex(std::max(0, m_split->findData(split)));
    m_runLabel->setText(tr("Run: %1").arg(QFileInfo(runDir).fileName()));
    m_runLabel->setToolTip(QDir::toNativeSeparators(runDir));

    const QSignalBlocker blocker(m_labelFilter);
    const QString previousLabel = m_labelFilter->currentText();
    m_labelFilter->clear();
    m_labelFilter->addItem(tr("All labels"), -1);
    QStringList names;
    for (std::size_t i = 0; i < m_session->labelNames().size(); ++i) {
        names << QString::fromStdString(m_session->labelNames()[i]);
        m_labelFilter->addItem(names.last(), static_cast<int>(i));
    }
    m_labelFilter->setCurrentIndex(std::max(0, m_labelFilter->findText(previousLabel)));
    m_detail->setLabelNames(names);
    matchDataset();
    m_model->setDecisions(m_review->decisions());
    applyFilter();
    const int row = previousRow >= 0 ? m_model->modelRowOf(static_cast<std::size_t>(previousRow)) : -1;
    selectRow(std::max(row, 0));
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
        QString path = QJsonDocument::fromJson(config.readAll())
                           .object()
                           .value(QStringLiteral("data"))
                           .toObject()
                           .value(m_session->run()->split)
                           .toString();
        if (!path.isEmpty() && QFileInfo(path).isRelative())
            path = QDir(m_session->run()->runDir).filePath(path);
        if (!path.isEmpty() && QFile::exists(path) && m_workspace->indexOfPath(path) < 0 && !m_workspace->isLoading())
            m_workspace->load(path);
    }
}

void ReviewPage::applyFilter()
{
    static const unsigned filters[] = {NoIssue, FalsePositive | FalseNegative, FalsePositive, FalseNegative,
                                       LowConfidence, SuspectedLabelError};
    const int index = std::clamp(m_issueFilter->currentIndex(), 0, 5);
    m_model->setFilter(filters[index], m_labelFilter->currentData().isValid() ? m_labelFilter->currentData().toInt() : -1);
    updateCounts();
    selectRow(0);
    showCurrent();
}

void ReviewPage::updateCounts()
{
    const int total = m_session->hasRun() ? int(m_session->run()->scores->documentCount()) : 0;
    m_count->setText(tr("%n document(s) shown", nullptr, m_model->rowCount()) + QStringLiteral(" · ")
                     + tr("%1 of %2 reviewed").arg(QLocale().toString(m_review->reviewedCount()), QLocale().toString(total)));
}

int ReviewPage::currentScoreRow() const
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid() || current.row() >= m_model->rowCount())
        return -1;
    return static_cast<int>(m_model->item(current.row()).row);
}

void ReviewPage::selectRow(int modelRow)
{
    if (modelRow < 0 || modelRow >= m_model->rowCount())
        return;
    // Keep the column in view: selectRow() would scroll back to the first one.
    const int scrolled = m_table->horizontalScrollBar()->value();
    const int column = std::max(0, m_table->currentIndex().column());
    m_table->selectionModel()->setCurrentIndex(m_model->index(modelRow, column),
                                               QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_table->scrollTo(m_model->index(modelRow, column));
    m_table->horizontalScrollBar()->setValue(scrolled);
}

void ReviewPage::showCurrent()
{
    const int row = currentScoreRow();
    if (row < 0 || !m_session->hasRun()) {
        m_detail->clear();
        return;
    }
    const eval::ScoreMatrix& scores = *m_session->run()->scores;
    const ReviewItem& item = m_model->item(m_table->currentIndex().row());
    const std::string& id = scores.documentIds()[item.row];
    const auto doc = m_documentById.constFind(QString::fromStdString(id));
    const QString text = m_dataset && doc != m_documentById.constEnd()
                             ? fromView(m_dataset->data().text(*doc))
                             : tr("Document %1. Its text is shown once the %2 dataset file is open on the Data page.")
                                   .arg(QString::fromStdString(id), CoreNames::split(m_session->run()->split));
    m_detail->showDocument(scores, item, text, m_review->correction(item.row));
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
    record(static_cast<int>(ReviewDecision::Corrected), m_detail->checkedLabels());
}

void ReviewPage::skip()
{
    record(static_cast<int>(ReviewDecision::Skipped), {});
}

void ReviewPage::record(int decision, const QStringList& labels)
{
    const int row = currentScoreRow();
    if (row < 0)
        return;
    const Status status = m_review->record(std::size_t(row), static_cast<ReviewDecision>(decision), labels);
    if (!status.ok()) {
        QMessageBox::information(this, tr("Review"), QString::fromStdString(status.message()));
        return;
    }
    selectNext();
}

void ReviewPage::selectNext()
{
    const int next = m_table->currentIndex().row() + 1;
    if (next < m_model->rowCount())
        selectRow(next);
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
        return fail(tr("Open the %1 dataset file on the Data page first: the export needs the texts.").arg(CoreNames::split(m_session->run()->split)));
    const auto counts = m_review->exportCorrected(path, [this](const QString& id) {
        return fromView(m_dataset->data().text(m_documentById.value(id)));
    });
    if (!counts.ok())
        return fail(QString::fromStdString(counts.message()));
    if (error)
        *error = tr("Wrote %n document(s) to %1", nullptr, counts->documents).arg(QDir::toNativeSeparators(path)) + QLatin1Char('\n')
                 + tr("%n of them with corrected labels; the others keep their gold labels.", nullptr, counts->corrected);
    return true;
}

void ReviewPage::exportDialog()
{
    const QString path = FileDialogs::saveFile(this, tr("Export Corrected Dataset"),
                                               m_session->run() ? m_session->run()->split + QStringLiteral("-corrected.jsonl") : QString(),
                                               tr("JSON lines (*.jsonl)"));
    if (path.isEmpty())
        return;
    QString report;
    const bool ok = exportCorrected(path, &report);
    // Confirmed either way: the annotator should know where the file went.
    auto* box = new QMessageBox(ok ? QMessageBox::Information : QMessageBox::Warning, tr("Export Corrected Dataset"),
                                ok ? tr("The corrected dataset was written.") : tr("The corrected dataset was not written."),
                                QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("exportConfirmation"));
    box->setInformativeText(report);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
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
    m_splitLabel->setText(tr("S&plit:"));
    m_split->setItemText(0, CoreNames::split(QStringLiteral("dev")));
    m_split->setItemText(1, CoreNames::split(QStringLiteral("test")));
    m_split->setToolTip(tr("The split reviewed; the Evaluate page switches with it"));
    m_filterLabel->setText(tr("Show:"));
    m_issueFilter->setItemText(0, tr("All documents"));
    m_issueFilter->setItemText(1, tr("Errors (false positives or negatives)"));
    m_issueFilter->setItemText(2, tr("False positives"));
    m_issueFilter->setItemText(3, tr("False negatives"));
    m_issueFilter->setItemText(4, tr("Low confidence"));
    m_issueFilter->setItemText(5, tr("Suspected label errors"));
    m_issueFilter->setToolTip(tr("Which documents to go through"));
    if (m_labelFilter->count() > 0)
        m_labelFilter->setItemText(0, tr("All labels"));
    m_labelFilter->setToolTip(tr("Only documents with this label in their gold or predicted labels"));
    m_projectState->setText(m_project->isOpen() ? tr("Decisions go to %1").arg(QFileInfo(m_project->path()).fileName())
                                                : tr("Open a project to record decisions"));
    m_export->setText(tr("&Export Corrected Dataset…"));
    m_export->setToolTip(tr("Write this split as JSON lines with your corrections applied"));
    updateCounts();
    m_model->retranslate();
}

} // namespace tagbench::ui
