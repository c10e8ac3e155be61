#include "ui/evaluate/EvaluatePage.h"

#include "core/eval/InteractiveEvaluator.h"
#include "core/eval/ScoreMatrix.h"
#include "ui/evaluate/EvaluationSession.h"
#include "ui/evaluate/LabelCurvesWidget.h"
#include "ui/evaluate/LabelMetricsModel.h"
#include "ui/evaluate/RunComparisonView.h"
#include "ui/evaluate/RunFacts.h"
#include "ui/widgets/FileDialogs.h"
#include "ui/widgets/WheelGuard.h"
#include "ui/widgets/CoreNames.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFileInfo>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSlider>
#include <QSortFilterProxyModel>
#include <QShortcut>
#include <QSpinBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyle>
#include <QTableView>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace tagbench::ui {

namespace {
constexpr int sliderSteps = 1000;   // threshold resolution 0.001
enum ObjectiveIndex { F1Objective, FBetaObjective, PrecisionObjective, RecallObjective };
} // namespace

EvaluatePage::EvaluatePage(EvaluationSession* session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
{
    setObjectName(QStringLiteral("EvaluatePage"));
    m_stack = new QStackedWidget(this);
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(m_stack);

    auto* empty = new QWidget(m_stack);
    auto* emptyLayout = new QVBoxLayout(empty);
    m_placeholder = new QLabel(empty);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholderOpen = new QPushButton(empty);
    m_placeholderOpen->setObjectName(QStringLiteral("openRunPlaceholder"));
    emptyLayout->addStretch(1);
    emptyLayout->addWidget(m_placeholder);
    emptyLayout->addWidget(m_placeholderOpen, 0, Qt::AlignHCenter);
    emptyLayout->addStretch(1);
    m_stack->addWidget(empty);

    auto* content = new QWidget(m_stack);
    auto* layout = new QVBoxLayout(content);
    layout->addWidget(createControls());

    m_summary = new QLabel(content);
    m_summary->setObjectName(QStringLiteral("evaluateSummary"));
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_summary);

    auto* splitter = new QSplitter(Qt::Vertical, content);
    auto* tableBox = new QWidget(splitter);
    auto* tableLayout = new QVBoxLayout(tableBox);
    tableLayout->setContentsMargins(0, 0, 0, 0);
    m_filter = new QLineEdit(tableBox);
    m_filter->setObjectName(QStringLiteral("metricsFilter"));
    m_filter->setClearButtonEnabled(true);
    m_model = new LabelMetricsModel(m_session, this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(LabelMetricsModel::SortRole);
    m_proxy->setFilterKeyColumn(LabelMetricsModel::LabelColumn);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    // Rows move when metrics change under a sort; keep the order stable while the user edits.
    m_proxy->setDynamicSortFilter(false);
    m_table = new QTableView(tableBox);
    m_table->setObjectName(QStringLiteral("metricsTable"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                             | QAbstractItemView::AnyKeyPressed);
    m_table->verticalHeader()->setVisible(false);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(LabelMetricsModel::LabelColumn, QHeaderView::Stretch);
    tableLayout->addWidget(m_filter);
    tableLayout->addWidget(m_table, 1);
    m_curves = new LabelCurvesWidget(m_session, splitter);
    m_curves->setObjectName(QStringLiteral("labelCurves"));
    splitter->addWidget(tableBox);
    splitter->addWidget(m_curves);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    layout->addWidget(splitter, 1);
    m_stack->addWidget(content);

    connect(m_placeholderOpen, &QPushButton::clicked, this, &EvaluatePage::openRunDialog);
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) { selectLabelRow(current); });
    connect(m_curves, &LabelCurvesWidget::thresholdDragged, this,
            [this](std::uint32_t label, float threshold) { m_session->setLabelThreshold(label, threshold); });
    connect(m_session, &EvaluationSession::runLoaded, this, &EvaluatePage::onRunLoaded);
    connect(m_session, &EvaluationSession::ruleChanged, this, &EvaluatePage::onRuleChanged);
    connect(m_session, &EvaluationSession::loadFailed, this, [this](const QString& runDir, const QString& message) {
        auto* box = new QMessageBox(QMessageBox::Warning, tr("Cannot Open Run"),
                                    tr("Tagbench could not open the run %1.").arg(QDir(runDir).dirName()),
                                    QMessageBox::Ok, this);
        box->setInformativeText(message);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    });
    WheelGuard::install(this);
    retranslateUi();
}

QWidget* EvaluatePage::createControls()
{
    auto* box = new QWidget;
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);

    auto* runRow = new QHBoxLayout;
    m_runLabel = new QLabel(box);
    m_runPath = new QLabel(box);
    m_runPath->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_openRun = new QPushButton(style()->standardIcon(QStyle::SP_DirOpenIcon), QString(), box);
    m_openRun->setObjectName(QStringLiteral("openRun"));
    m_splitLabel = new QLabel(box);
    m_split = new QComboBox(box);
    m_split->setObjectName(QStringLiteral("evaluateSplit"));
    m_split->addItem(QString(), QStringLiteral("dev"));
    m_split->addItem(QString(), QStringLiteral("test"));
    m_splitLabel->setBuddy(m_split);
    runRow->addWidget(m_runLabel);
    runRow->addWidget(m_runPath, 1);
    runRow->addWidget(m_splitLabel);
    runRow->addWidget(m_split);
    runRow->addWidget(m_openRun);
    m_compare = new QPushButton(box);
    m_compare->setObjectName(QStringLiteral("compareRun"));
    runRow->addWidget(m_compare);
    layout->addLayout(runRow);

    auto* boxes = new QHBoxLayout;
    m_ruleBox = new QGroupBox(box);
    auto* rule = new QGridLayout(m_ruleBox);
    m_thresholdLabel = new QLabel(m_ruleBox);
    m_slider = new QSlider(Qt::Horizontal, m_ruleBox);
    m_slider->setObjectName(QStringLiteral("thresholdSlider"));
    m_slider->setRange(0, sliderSteps);
    m_slider->setPageStep(sliderSteps / 20);
    m_slider->setMinimumWidth(220);
    m_thresholdSpin = new QDoubleSpinBox(m_ruleBox);
    m_thresholdSpin->setObjectName(QStringLiteral("thresholdSpin"));
    // The value is taken on Enter or when the box loses focus: applying every keystroke would
    // reset the text under the user ("0" of "0.3" becomes 0.000).
    m_thresholdSpin->setKeyboardTracking(false);
    m_thresholdSpin->setRange(0.0, 1.0);
    m_thresholdSpin->setDecimals(3);
    m_thresholdSpin->setSingleStep(0.01);
    m_thresholdLabel->setBuddy(m_slider);
    m_topKLabel = new QLabel(m_ruleBox);
    m_topK = new QSpinBox(m_ruleBox);
    m_topK->setObjectName(QStringLiteral("topK"));
    m_topK->setKeyboardTracking(false);
    m_topK->setRange(0, 100);
    m_topKLabel->setBuddy(m_topK);
    m_atLeastOne = new QCheckBox(m_ruleBox);
    m_atLeastOne->setObjectName(QStringLiteral("atLeastOne"));
    // The keys (Ctrl+Z, Ctrl+Shift+Z) belong to the Edit menu, which acts on this page's stack.
    m_undo = new QToolButton(m_ruleBox);
    m_undo->setObjectName(QStringLiteral("undoRule"));
    m_redo = new QToolButton(m_ruleBox);
    m_redo->setObjectName(QStringLiteral("redoRule"));
    m_undo->setIcon(style()->standardIcon(QStyle::SP_ArrowBack));
    m_redo->setIcon(style()->standardIcon(QStyle::SP_ArrowForward));
    m_undo->setEnabled(false);
    m_redo->setEnabled(false);
    connect(m_undo, &QToolButton::clicked, m_session->undoStack(), &QUndoStack::undo);
    connect(m_redo, &QToolButton::clicked, m_session->undoStack(), &QUndoStack::redo);
    connect(m_session->undoStack(), &QUndoStack::canUndoChanged, m_undo, &QToolButton::setEnabled);
    connect(m_session->undoStack(), &QUndoStack::canRedoChanged, m_redo, &QToolButton::setEnabled);
    m_save = new QPushButton(style()->standardIcon(QStyle::SP_DialogSaveButton), QString(), m_ruleBox);
    m_save->setObjectName(QStringLiteral("saveRule"));
    // Ctrl+S while this page is on screen (the button's own shortcut is its Alt mnemonic).
    auto* saveKey = new QShortcut(QKeySequence::Save, this);
    connect(saveKey, &QShortcut::activated, this, [this] {
        if (m_save->isEnabled())
            saveRule();
    });
    rule->addWidget(m_thresholdLabel, 0, 0);
    rule->addWidget(m_slider, 0, 1);
    rule->addWidget(m_thresholdSpin, 0, 2);
    rule->addWidget(m_topKLabel, 0, 3);
    rule->addWidget(m_topK, 0, 4);
    rule->addWidget(m_atLeastOne, 1, 1);
    auto* history = new QHBoxLayout;
    history->addWidget(m_undo);
    history->addWidget(m_redo);
    history->addStretch(1);
    history->addWidget(m_save);
    rule->addLayout(history, 1, 2, 1, 3);
    boxes->addWidget(m_ruleBox, 3);

    m_optimiserBox = new QGroupBox(box);
    auto* optimiser = new QGridLayout(m_optimiserBox);
    m_objectiveLabel = new QLabel(m_optimiserBox);
    m_objective = new QComboBox(m_optimiserBox);
    m_objective->setObjectName(QStringLiteral("objective"));
    m_objective->addItems({QString(), QString(), QString(), QString()});
    m_objectiveLabel->setBuddy(m_objective);
    m_objectiveValue = new QDoubleSpinBox(m_optimiserBox);
    m_objectiveValue->setObjectName(QStringLiteral("objectiveValue"));
    m_objectiveValue->setDecimals(2);
    m_perLabel = new QCheckBox(m_optimiserBox);
    m_perLabel->setObjectName(QStringLiteral("perLabel"));
    m_perLabel->setChecked(true);
    m_optimise = new QPushButton(m_optimiserBox);
    m_optimise->setObjectName(QStringLiteral("optimise"));
    m_optimiseProgress = new QProgressBar(m_optimiserBox);
    m_optimiseProgress->setObjectName(QStringLiteral("optimiseProgress"));
    m_optimiseProgress->setVisible(false);
    m_optimiseStatus = new QLabel(m_optimiserBox);
    m_optimiseStatus->setObjectName(QStringLiteral("optimiseStatus"));
    m_optimiseStatus->setWordWrap(true);
    m_optimiseStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    optimiser->addWidget(m_objectiveLabel, 0, 0);
    optimiser->addWidget(m_objective, 0, 1);
    optimiser->addWidget(m_objectiveValue, 0, 2);
    optimiser->addWidget(m_perLabel, 1, 1);
    optimiser->addWidget(m_optimise, 1, 2);
    optimiser->addWidget(m_optimiseProgress, 2, 0, 1, 3);
    optimiser->addWidget(m_optimiseStatus, 3, 0, 1, 3);
    boxes->addWidget(m_optimiserBox, 2);
    layout->addLayout(boxes);

    connect(m_openRun, &QPushButton::clicked, this, &EvaluatePage::openRunDialog);
    connect(m_compare, &QPushButton::clicked, this, &EvaluatePage::compareWithRunDialog);
    connect(m_split, qOverload<int>(&QComboBox::activated), this, [this] {
        if (m_session->hasRun())
            m_session->switchSplit(m_split->currentData().toString());
    });
    connect(m_slider, &QSlider::valueChanged, this, [this](int value) {
        if (!m_updatingControls)
            m_session->setGlobalThreshold(static_cast<float>(value) / sliderSteps);
    });
    connect(m_thresholdSpin, qOverload<double>(&QDoubleSpinBox::valueChanged), this, [this](double value) {
        if (!m_updatingControls)
            m_session->setGlobalThreshold(static_cast<float>(value));
    });
    connect(m_topK, qOverload<int>(&QSpinBox::valueChanged), this, [this](int value) {
        if (!m_updatingControls)
            m_session->setTopK(value);
    });
    connect(m_atLeastOne, &QCheckBox::toggled, this, [this](bool on) {
        if (!m_updatingControls)
            m_session->setAtLeastOne(on);
    });
    connect(m_save, &QPushButton::clicked, this, &EvaluatePage::saveRule);
    connect(m_optimise, &QPushButton::clicked, this, &EvaluatePage::optimise);
    connect(m_objective, qOverload<int>(&QComboBox::currentIndexChanged), this, &EvaluatePage::updateObjectiveValue);
    connect(m_session, &EvaluationSession::optimiseStarted, this, [this] { setOptimising(true); });
    connect(m_session, &EvaluationSession::optimiseProgress, this, [this](qint64 done, qint64 total) {
        // total 0: the worker is still indexing the scores (a busy bar).
        m_optimiseProgress->setRange(0, static_cast<int>(total));
        m_optimiseProgress->setValue(static_cast<int>(done));
        retranslateOptimiser();
    });
    connect(m_session, &EvaluationSession::optimiseFinished, this,
            [this](std::shared_ptr<const eval::TuneResult> result) { onOptimiseFinished(*result); });
    connect(m_session, &EvaluationSession::optimiseCancelled, this, [this] {
        m_optimiseOutcome = {OptimiseOutcome::Cancelled};
        setOptimising(false);
    });
    connect(m_session, &EvaluationSession::optimiseDiscarded, this, [this] {
        m_optimiseOutcome = {OptimiseOutcome::Discarded};
        setOptimising(false);
    });
    connect(m_session, &EvaluationSession::optimiseFailed, this, [this](const QString& message) {
        m_optimiseOutcome = {OptimiseOutcome::None};
        setOptimising(false);
        auto* box = new QMessageBox(QMessageBox::Warning, tr("Optimiser"),
                                    tr("The optimiser could not finish; the rule is unchanged."), QMessageBox::Ok, this);
        box->setInformativeText(message);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    });
    connect(m_session->undoStack(), &QUndoStack::cleanChanged, this, [this](bool clean) { m_save->setEnabled(!clean); });
    // Undo and redo change the rule before the stack moves its index: the "not saved" marker is
    // only right once the index has moved.
    connect(m_session->undoStack(), &QUndoStack::indexChanged, this, &EvaluatePage::updateSummary);
    m_save->setEnabled(false);
    return box;
}

bool EvaluatePage::isRunDirectory(const QString& path)
{
    const QDir dir(path);
    return QFileInfo(path).isDir() && dir.exists(QStringLiteral("labels.txt")) && dir.exists(QStringLiteral("scores"));
}

void EvaluatePage::openRunDialog()
{
    const QString dir = FileDialogs::directory(this, tr("Open Training Run"));
    if (!dir.isEmpty())
        openRun(dir);
}

void EvaluatePage::openRun(const QString& runDir)
{
    m_session->loadRun(runDir, m_split->currentData().toString());
}

void EvaluatePage::compareWithRunDialog()
{
    if (!m_session->hasRun())
        return;
    const QString dir = FileDialogs::directory(this, tr("Compare with Run"));
    if (!dir.isEmpty())
        compareWithRun(dir);
}

RunComparisonView* EvaluatePage::compareWithRun(const QString& runDir)
{
    if (!m_session->hasRun())
        return nullptr;
    auto* view = new RunComparisonView(m_session, this);
    view->setAttribute(Qt::WA_DeleteOnClose);
    view->compare(runDir);
    view->show();
    return view;
}

void EvaluatePage::onRunLoaded()
{
    m_stack->setCurrentIndex(1);
    m_runPath->setText(QDir::toNativeSeparators(m_session->run()->runDir));
    m_split->setCurrentIndex(std::max(0, m_split->findData(m_session->run()->split)));
    // An outcome on the other split is no statement about this one.
    m_optimiseOutcome = {OptimiseOutcome::None};
    updateOptimiseStatus();
    updateOptimiseAvailability();
    m_model->reset();
    m_table->sortByColumn(LabelMetricsModel::SupportColumn, Qt::DescendingOrder);
    m_table->selectRow(0);
    selectLabelRow(m_proxy->index(0, 0));
    m_save->setEnabled(!m_session->undoStack()->isClean());
}

void EvaluatePage::updateOptimiseAvailability()
{
    const bool running = m_session->isOptimising();
    m_optimise->setEnabled(running || m_session->canOptimise());
    if (!running && m_session->hasRun() && !m_session->canOptimise())
        m_optimise->setToolTip(tr("Thresholds are tuned on dev; the test split only checks them. Switch to dev to "
                                  "optimise."));
}

void EvaluatePage::onRuleChanged()
{
    if (!m_session->hasRun())
        return;
    const eval::DecisionRule& rule = m_session->rule();
    m_updatingControls = true;
    m_slider->setValue(static_cast<int>(std::lround(rule.globalThreshold() * sliderSteps)));
    m_thresholdSpin->setValue(rule.globalThreshold());
    m_topK->setValue(rule.topK());
    m_atLeastOne->setChecked(rule.atLeastOne());
    m_updatingControls = false;
    m_model->refresh();
    m_curves->refresh();
    updateSummary();
}

void EvaluatePage::selectLabelRow(const QModelIndex& proxyIndex)
{
    if (!proxyIndex.isValid()) {
        m_curves->setLabel(-1);
        return;
    }
    m_curves->setLabel(m_proxy->index(proxyIndex.row(), 0).data(LabelMetricsModel::LabelIndexRole).toInt());
}

void EvaluatePage::updateSummary()
{
    if (!m_session->hasRun()) {
        m_summary->clear();
        return;
    }
    const eval::Metrics& m = m_model->metrics();
    const QLocale locale;
    const auto number = [&locale](double value) { return locale.toString(value, 'f', 4); };
    m_summary->setText(
        tr("<span style=\"font-size:large\">Micro <b>P %1 · R %2 · F1 %3</b> &nbsp; Macro-F1 <b>%4</b></span>"
           " &nbsp; %5 documents, %6 without any label · rule from %7%8")
            .arg(number(m.precision), number(m.recall), number(m.f1), number(m.macroF1),
                 locale.toString(m.documents), locale.toString(m.documentsWithoutPrediction),
                 CoreNames::ruleSource(m_session->run()->ruleSource).toHtmlEscaped(),
                 m_session->undoStack()->isClean() ? QString() : tr(" (edited, not saved)")));
}

void EvaluatePage::updateObjectiveValue()
{
    const int kind = m_objective->currentIndex();
    m_objectiveValue->setEnabled(kind != F1Objective);
    if (kind == FBetaObjective) {
        m_objectiveValue->setRange(0.1, 10.0);
        m_objectiveValue->setSingleStep(0.1);
        m_objectiveValue->setPrefix(QStringLiteral("β = "));
        m_objectiveValue->setValue(0.5);
    } else if (kind == PrecisionObjective || kind == RecallObjective) {
        m_objectiveValue->setRange(0.0, 1.0);
        m_objectiveValue->setSingleStep(0.05);
        m_objectiveValue->setPrefix(QStringLiteral("≥ "));
        m_objectiveValue->setValue(0.9);
    } else {
        m_objectiveValue->setPrefix(QString());
    }
}

void EvaluatePage::optimise()
{
    if (m_session->isOptimising()) {
        m_session->cancelOptimise();
        return;
    }
    eval::TuneOptions options;
    switch (m_objective->currentIndex()) {
    case FBetaObjective: options.objective.kind = eval::TuneObjective::Kind::FBeta; break;
    case PrecisionObjective: options.objective.kind = eval::TuneObjective::Kind::PrecisionAtLeast; break;
    case RecallObjective: options.objective.kind = eval::TuneObjective::Kind::RecallAtLeast; break;
    default: options.objective.kind = eval::TuneObjective::Kind::F1; break;
    }
    options.objective.value = m_objective->currentIndex() == F1Objective ? 1.0 : m_objectiveValue->value();
    options.perLabel = m_perLabel->isChecked();
    options.topK = m_session->rule().topK();
    options.atLeastOne = m_session->rule().atLeastOne();
    m_session->startOptimise(options);
}

void EvaluatePage::setOptimising(bool running)
{
    // The rule stays editable meanwhile; only the optimiser's own settings are locked.
    m_objective->setEnabled(!running);
    m_objectiveValue->setEnabled(!running && m_objective->currentIndex() != F1Objective);
    m_perLabel->setEnabled(!running);
    m_optimiseProgress->setVisible(running);
    if (running) {
        m_optimiseOutcome = {OptimiseOutcome::Running};
        m_optimiseProgress->setRange(0, static_cast<int>(m_session->labelNames().size()));
        m_optimiseProgress->setValue(0);
    }
    retranslateOptimiser();
}

void EvaluatePage::onOptimiseFinished(const eval::TuneResult& result)
{
    m_optimiseOutcome = {OptimiseOutcome::Applied, result.dev.f1, result.globalInfeasible,
                         static_cast<int>(result.infeasibleLabels.size())};
    setOptimising(false);
}

void EvaluatePage::updateOptimiseStatus()
{
    const OptimiseOutcome& o = m_optimiseOutcome;
    QStringList text;
    switch (o.kind) {
    case OptimiseOutcome::None: break;
    case OptimiseOutcome::Running:
        text << tr("Optimising… the rule stays editable; the result is applied on top of it.");
        break;
    case OptimiseOutcome::Cancelled: text << tr("Optimiser cancelled; the rule is unchanged."); break;
    case OptimiseOutcome::Discarded:
        text << tr("The top-k, \"at least one label\" or disabled labels changed while the optimiser ran, so its "
                   "thresholds no longer fit the rule. Run it again.");
        break;
    case OptimiseOutcome::Applied:
        text << tr("Applied as one step (undo goes back): micro-F1 %1 on this split.")
                    .arg(QLocale().toString(o.f1, 'f', 4));
        if (o.globalInfeasible)
            text << tr("No global threshold meets the constraint; the global threshold was kept.");
        if (o.infeasibleLabels > 0)
            text << tr("%n label(s) cannot meet the constraint at any threshold.", nullptr, o.infeasibleLabels);
        break;
    }
    m_optimiseStatus->setText(text.join(QLatin1Char(' ')));
}

void EvaluatePage::saveRule()
{
    const Status status = m_session->saveRule();
    if (!status.ok()) {
        QMessageBox::warning(this, tr("Cannot Save Rule"), QString::fromStdString(status.message()));
        return;
    }
    updateSummary();
}

void EvaluatePage::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void EvaluatePage::retranslateOptimiser()
{
    const bool running = m_session->isOptimising();
    m_optimise->setText(running ? tr("&Cancel") : tr("&Optimise"));
    m_optimise->setToolTip(running ? tr("Stop the optimiser; the rule stays as it is")
                                   : tr("Search the thresholds that maximise the objective on this split"));
    m_optimiseProgress->setFormat(m_optimiseProgress->maximum() == 0 ? tr("Indexing the scores…")
                                                                     : tr("%v / %m labels"));
    updateOptimiseStatus();
    updateOptimiseAvailability();
}

void EvaluatePage::retranslateUi()
{
    m_placeholder->setText(tr("No run loaded.\n\nOpen a training run folder (it holds labels.txt and "
                              "scores/dev.scores) to evaluate and tune its thresholds."));
    m_placeholderOpen->setText(tr("Open Run…"));
    m_runLabel->setText(tr("Run:"));
    m_openRun->setText(tr("Open Run…"));
    m_compare->setText(tr("Compare with Run…"));
    m_compare->setToolTip(tr("Compare this run, per label, with another run on the same split"));
    m_splitLabel->setText(tr("S&plit:"));
    m_split->setItemText(0, CoreNames::split(QStringLiteral("dev")));
    m_split->setItemText(1, CoreNames::split(QStringLiteral("test")));
    m_split->setToolTip(tr("The scores evaluated: dev to tune, test to check; the rule being edited stays"));
    m_openRun->setToolTip(tr("Open another training run folder"));
    m_placeholderOpen->setToolTip(tr("Open a training run folder"));
    m_slider->setToolTip(tr("The threshold every label follows unless it has its own"));
    m_thresholdSpin->setToolTip(tr("Type a threshold between 0 and 1 and press Enter"));
    m_atLeastOne->setToolTip(tr("A document whose labels all fall below their thresholds still gets its best label"));
    m_undo->setToolTip(tr("Undo the last rule edit (Ctrl+Z)"));
    m_redo->setToolTip(tr("Redo the rule edit (Ctrl+Shift+Z)"));
    m_objective->setToolTip(tr("What the optimiser maximises"));
    m_objectiveValue->setToolTip(tr("β of F-beta, or the precision or recall to keep at least"));
    m_perLabel->setToolTip(tr("Tune a threshold for each label, not only the global one"));
    m_filter->setToolTip(tr("Show only the labels whose name contains this text"));
    m_table->setToolTip(tr("Untick a label to disable it; double-click a threshold to give the label its own"));
    m_ruleBox->setTitle(tr("Decision rule"));
    m_thresholdLabel->setText(tr("&Global threshold:"));
    m_topKLabel->setText(tr("&Top-k:"));
    m_topK->setSpecialValueText(tr("no limit"));
    m_topK->setToolTip(tr("At most this many labels per document (0: no limit)"));
    m_atLeastOne->setText(tr("At least &one label per document"));
    m_save->setText(tr("&Save Rule"));
    m_save->setToolTip(tr("Write the rule to rule.json in the run folder (Ctrl+S)"));
    m_optimiserBox->setTitle(tr("Optimiser"));
    m_objectiveLabel->setText(tr("&Maximise:"));
    m_objective->setItemText(F1Objective, tr("F1"));
    m_objective->setItemText(FBetaObjective, tr("F-beta"));
    m_objective->setItemText(PrecisionObjective, tr("Recall with precision"));
    m_objective->setItemText(RecallObjective, tr("Precision with recall"));
    m_perLabel->setText(tr("One threshold &per label"));
    retranslateOptimiser();
    m_filter->setPlaceholderText(tr("Filter labels…"));
    m_model->retranslate();
    updateObjectiveValue();
    updateSummary();
}

} // namespace tagbench::ui
