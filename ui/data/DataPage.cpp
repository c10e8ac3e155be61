#include "ui/data/DataPage.h"

#include "ui/data/CardinalityHistogram.h"
#include "ui/data/CooccurrenceHeatmap.h"
#include "ui/data/DocumentTableModel.h"
#include "ui/data/HierarchyModel.h"
#include "ui/data/LabelDistributionChart.h"
#include "ui/data/LabelTableModel.h"
#include "ui/data/Workspace.h"
#include "ui/widgets/WheelGuard.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QTextBrowser>
#include <QTreeView>
#include <QVBoxLayout>

namespace tagbench::ui {

DataPage::DataPage(Workspace* workspace, QWidget* parent)
    : QWidget(parent)
    , m_workspace(workspace)
{
    setObjectName(QStringLiteral("DataPage"));
    m_stack = new QStackedWidget(this);
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(m_stack);

    m_placeholder = new QLabel(m_stack);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setEnabled(false);
    m_stack->addWidget(m_placeholder);

    auto* content = new QWidget(m_stack);
    auto* layout = new QVBoxLayout(content);
    auto* toolbar = new QHBoxLayout;
    m_datasetLabel = new QLabel(content);
    m_datasetCombo = new QComboBox(content);
    m_datasetCombo->setObjectName(QStringLiteral("datasetCombo"));
    m_datasetCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_datasetLabel->setBuddy(m_datasetCombo);
    m_logScale = new QCheckBox(content);
    m_logScale->setObjectName(QStringLiteral("logScale"));
    toolbar->addWidget(m_datasetLabel);
    toolbar->addWidget(m_datasetCombo);
    toolbar->addSpacing(12);
    toolbar->addWidget(m_logScale);
    toolbar->addStretch(1);
    layout->addLayout(toolbar);

    m_summary = new QLabel(content);
    m_summary->setObjectName(QStringLiteral("dataSummary"));
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_summary);

    m_tabs = new QTabWidget(content);
    m_tabs->setObjectName(QStringLiteral("dataTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(createDistributionTab(), QString());
    m_cardinality = new CardinalityHistogram(m_tabs);
    m_cardinality->setObjectName(QStringLiteral("cardinality"));
    m_tabs->addTab(m_cardinality, QString());
    m_heatmap = new CooccurrenceHeatmap(m_tabs);
    m_heatmap->setObjectName(QStringLiteral("cooccurrence"));
    m_tabs->addTab(m_heatmap, QString());
    m_hierarchy = new HierarchyModel(this);
    m_hierarchyView = new QTreeView(m_tabs);
    m_hierarchyView->setObjectName(QStringLiteral("hierarchy"));
    m_hierarchyView->setModel(m_hierarchy);
    m_hierarchyView->setSortingEnabled(true);
    m_hierarchyView->sortByColumn(HierarchyModel::DocumentsColumn, Qt::DescendingOrder);
    m_hierarchyView->setUniformRowHeights(true);
    m_hierarchyView->header()->setSectionResizeMode(HierarchyModel::NameColumn, QHeaderView::Stretch);
    m_hierarchyView->header()->setStretchLastSection(false);
    for (int column : {HierarchyModel::DocumentsColumn, HierarchyModel::DirectColumn, HierarchyModel::ShareColumn})
        m_hierarchyView->header()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    m_tabs->addTab(m_hierarchyView, QString());
    m_tabs->addTab(createDocumentsTab(), QString());
    layout->addWidget(m_tabs, 1);
    m_stack->addWidget(content);

    connect(m_datasetCombo, qOverload<int>(&QComboBox::currentIndexChanged), this, &DataPage::showDataset);
    connect(m_logScale, &QCheckBox::toggled, m_chart, &LabelDistributionChart::setLogScale);
    // The scale applies to the distribution only; elsewhere the box would promise what it cannot.
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int tab) { m_logScale->setVisible(tab == DistributionTab); });
    connect(m_workspace, &Workspace::datasetsChanged, this, &DataPage::refreshDatasetList);

    WheelGuard::install(this);
    retranslateUi();
    refreshDatasetList();
}

QWidget* DataPage::createDistributionTab()
{
    auto* splitter = new QSplitter(Qt::Horizontal);
    auto* chartBox = new QWidget(splitter);
    auto* chartLayout = new QVBoxLayout(chartBox);
    chartLayout->setContentsMargins(0, 4, 0, 0);
    m_chartTitle = new QLabel(chartBox);
    QFont titleFont = m_chartTitle->font();
    titleFont.setBold(true);
    m_chartTitle->setFont(titleFont);
    m_chart = new LabelDistributionChart(chartBox);
    m_chart->setObjectName(QStringLiteral("distributionChart"));
    chartLayout->addWidget(m_chartTitle);
    chartLayout->addWidget(m_chart, 1);

    auto* tableBox = new QWidget(splitter);
    auto* tableLayout = new QVBoxLayout(tableBox);
    tableLayout->setContentsMargins(0, 4, 0, 0);
    m_filter = new QLineEdit(tableBox);
    m_filter->setObjectName(QStringLiteral("labelFilter"));
    m_filter->setClearButtonEnabled(true);
    m_model = new LabelTableModel(this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(LabelTableModel::SortRole);
    m_proxy->setFilterKeyColumn(LabelTableModel::LabelColumn);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_table = new QTableView(tableBox);
    m_table->setObjectName(QStringLiteral("labelTable"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(LabelTableModel::DocumentsColumn, Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->setVisible(false);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    QHeaderView* header = m_table->horizontalHeader();
    header->setSectionResizeMode(LabelTableModel::LabelColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(LabelTableModel::DocumentsColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(LabelTableModel::ShareColumn, QHeaderView::ResizeToContents);
    tableLayout->addWidget(m_filter);
    tableLayout->addWidget(m_table, 1);

    splitter->addWidget(chartBox);
    splitter->addWidget(tableBox);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({640, 420});

    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_chart, &LabelDistributionChart::labelActivated, this, [this](const QString& label) {
        // Select the clicked bar's row so chart and table stay in step.
        const QModelIndexList hits = m_proxy->match(m_proxy->index(0, LabelTableModel::LabelColumn),
                                                    Qt::DisplayRole, label, 1, Qt::MatchExactly);
        if (!hits.isEmpty()) {
            m_table->selectRow(hits.first().row());
            m_table->scrollTo(hits.first());
        }
    });
    connect(m_table, &QTableView::doubleClicked, this, [this](const QModelIndex& index) {
        showDocumentsWithLabel(m_proxy->index(index.row(), LabelTableModel::LabelColumn).data().toString());
    });
    return splitter;
}

QWidget* DataPage::createDocumentsTab()
{
    auto* box = new QWidget;
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 4, 0, 0);
    auto* bar = new QHBoxLayout;
    m_documentLabel = new QLabel(box);
    m_documentFilter = new QComboBox(box);
    m_documentFilter->setObjectName(QStringLiteral("documentLabelFilter"));
    m_documentFilter->setEditable(true);            // type to find a label among hundreds
    m_documentFilter->setInsertPolicy(QComboBox::NoInsert);
    m_documentFilter->setMinimumContentsLength(24);
    m_documentLabel->setBuddy(m_documentFilter);
    m_documentSearch = new QLineEdit(box);
    m_documentSearch->setObjectName(QStringLiteral("documentSearch"));
    m_documentSearch->setClearButtonEnabled(true);
    m_documentSearch->setMinimumWidth(220);
    m_documentCount = new QLabel(box);
    m_documentCount->setObjectName(QStringLiteral("documentCount"));
    bar->addWidget(m_documentLabel);
    bar->addWidget(m_documentFilter);
    bar->addSpacing(12);
    bar->addWidget(m_documentSearch, 1);
    bar->addSpacing(12);
    bar->addWidget(m_documentCount);
    layout->addLayout(bar);

    auto* splitter = new QSplitter(Qt::Vertical, box);
    m_documents = new DocumentTableModel(this);
    m_documentsView = new QTableView(splitter);
    m_documentsView->setObjectName(QStringLiteral("documentTable"));
    m_documentsView->setModel(m_documents);
    m_documentsView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_documentsView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_documentsView->setWordWrap(false);
    m_documentsView->verticalHeader()->setVisible(false);
    m_documentsView->verticalHeader()->setDefaultSectionSize(m_documentsView->fontMetrics().height() + 8);
    QHeaderView* header = m_documentsView->horizontalHeader();
    header->setSectionResizeMode(DocumentTableModel::LineColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(DocumentTableModel::IdColumn, QHeaderView::Interactive);
    header->setSectionResizeMode(DocumentTableModel::LabelsColumn, QHeaderView::Interactive);
    header->setSectionResizeMode(DocumentTableModel::TextColumn, QHeaderView::Stretch);
    header->resizeSection(DocumentTableModel::IdColumn, 140);
    header->resizeSection(DocumentTableModel::LabelsColumn, 300);
    // The selected document in full: a table cell holds one line of it.
    m_documentText = new QTextBrowser(splitter);
    m_documentText->setObjectName(QStringLiteral("documentText"));
    splitter->addWidget(m_documentsView);
    splitter->addWidget(m_documentText);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    layout->addWidget(splitter, 1);

    connect(m_documentFilter, qOverload<int>(&QComboBox::activated), this, [this](int index) {
        const auto data = dataset();
        if (!data)
            return;
        const QString label = index > 0 ? m_documentFilter->itemText(index) : QString();
        m_documents->setLabelFilter(label.isEmpty() ? -1 : data->data().labelId(label.toStdString()));
        updateDocumentCount();
    });
    connect(m_documentSearch, &QLineEdit::textChanged, this, [this](const QString& text) {
        m_documents->setTextFilter(text.trimmed());
        updateDocumentCount();
    });
    connect(m_documentsView->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &DataPage::showSelectedDocument);
    connect(m_documents, &QAbstractItemModel::modelReset, this, &DataPage::showSelectedDocument);
    return box;
}

void DataPage::showSelectedDocument()
{
    const QModelIndex current = m_documentsView->currentIndex();
    if (!current.isValid() || current.row() >= m_documents->rowCount()) {
        m_documentText->clear();
        return;
    }
    const std::size_t doc = m_documents->documentAt(current.row());
    const QString labels = m_documents->labelsOf(doc);
    m_documentText->setHtml(QStringLiteral("<p><b>%1</b> · %2</p><p>%3</p>")
                                .arg(m_documents->idOf(doc).toHtmlEscaped(),
                                     labels.isEmpty() ? tr("no labels").toHtmlEscaped() : labels.toHtmlEscaped(),
                                     m_documents->text(doc).toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"))));
}

void DataPage::showDataset(int index)
{
    if (index < 0 || index >= m_workspace->datasets().size())
        return;
    if (m_datasetCombo->currentIndex() != index) {
        m_datasetCombo->setCurrentIndex(index);   // re-enters through currentIndexChanged
        return;
    }
    const auto data = dataset();
    m_chart->setDistribution(data->distribution());
    m_model->setDistribution(data->distribution());
    m_cardinality->setHistogram(data->statistics().cardinalityHistogram);
    m_heatmap->setMatrix(data->statistics().cooccurrence);
    m_hierarchy->setHierarchy(data->hierarchy(), static_cast<qint64>(data->statistics().documents));
    m_hierarchyView->expandToDepth(0);
    m_documents->setDataset(data->sharedData());
    const QSignalBlocker blocker(m_documentFilter);
    m_documentFilter->clear();
    m_documentFilter->addItem(tr("All documents"));
    for (const LabelCount& label : data->distribution().labels)
        m_documentFilter->addItem(label.label);
    updateSummary();
    updateDocumentCount();
}

int DataPage::currentDataset() const
{
    return m_datasetCombo->currentIndex();
}

void DataPage::setCurrentTab(int tab)
{
    m_tabs->setCurrentIndex(tab);
}

void DataPage::showDocumentsWithLabel(const QString& label)
{
    const auto data = dataset();
    if (!data)
        return;
    const int item = m_documentFilter->findText(label, Qt::MatchExactly);
    if (item < 0)
        return;
    m_documentFilter->setCurrentIndex(item);
    m_documents->setLabelFilter(data->data().labelId(label.toStdString()));
    updateDocumentCount();
    m_tabs->setCurrentIndex(DocumentsTab);
}

std::shared_ptr<const LoadedDataset> DataPage::dataset() const
{
    const int index = m_datasetCombo->currentIndex();
    if (index < 0 || index >= m_workspace->datasets().size())
        return nullptr;
    return m_workspace->datasets().at(index);
}

void DataPage::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void DataPage::retranslateUi()
{
    m_placeholder->setText(tr("No dataset open.\n\nUse File > Open Dataset… or drop a JSON lines, "
                              "NeuralClassifier, fastText, CSV or TSV file onto this window."));
    m_datasetLabel->setText(tr("&Dataset:"));
    m_logScale->setText(tr("&Logarithmic scale"));
    m_logScale->setToolTip(tr("Show counts on a log scale so that rare labels stay visible"));
    m_tabs->setTabText(DistributionTab, tr("Distribution"));
    m_tabs->setTabText(CardinalityTab, tr("Labels per Document"));
    m_tabs->setTabText(CooccurrenceTab, tr("Co-occurrence"));
    m_tabs->setTabText(HierarchyTab, tr("Hierarchy"));
    m_tabs->setTabText(DocumentsTab, tr("Document Browser"));
    m_chartTitle->setText(tr("Documents per label"));
    m_filter->setPlaceholderText(tr("Filter labels…"));
    m_table->setToolTip(tr("Double-click a label to browse its documents"));
    m_documentLabel->setText(tr("&Show:"));
    m_documentFilter->setToolTip(tr("Only the documents with this label; type to find a label"));
    m_documentSearch->setPlaceholderText(tr("Search the text…"));
    m_documentSearch->setToolTip(tr("Only the documents whose text or id contains this (any case)"));
    m_documentsView->setToolTip(tr("Select a document to read it in full below"));
    m_datasetCombo->setToolTip(tr("The open dataset shown on this page"));
    m_filter->setToolTip(tr("Show only the labels whose name contains this text"));
    if (m_documentFilter->count() > 0)
        m_documentFilter->setItemText(0, tr("All documents"));
    m_model->retranslate();
    m_hierarchy->retranslate();
    m_documents->retranslate();
    updateSummary();
    updateDocumentCount();
}

void DataPage::refreshDatasetList()
{
    const QSignalBlocker blocker(m_datasetCombo);
    const QString previous = m_datasetCombo->currentData().toString();
    m_datasetCombo->clear();
    for (const auto& data : m_workspace->datasets()) {
        m_datasetCombo->addItem(data->displayName(), data->path());
        m_datasetCombo->setItemData(m_datasetCombo->count() - 1, data->path(), Qt::ToolTipRole);
    }
    const bool empty = m_workspace->datasets().isEmpty();
    m_stack->setCurrentIndex(empty ? 0 : 1);
    if (empty) {
        m_chart->clear();
        m_model->setDistribution({});
        m_documents->setDataset(nullptr);
        return;
    }
    const int keep = m_workspace->indexOfPath(previous);
    m_datasetCombo->setCurrentIndex(keep >= 0 ? keep : 0);
    showDataset(m_datasetCombo->currentIndex());
}

void DataPage::updateSummary()
{
    const auto data = dataset();
    if (!data) {
        m_summary->clear();
        return;
    }
    const LabelDistribution& d = data->distribution();
    const QLocale locale;
    const double perDocument = d.documents > 0 ? double(d.labelAssignments) / double(d.documents) : 0.0;
    QStringList parts{tr("%Ln document(s)", nullptr, int(d.documents)), tr("%Ln label(s)", nullptr, int(d.labels.size())),
                      tr("%1 labels per document").arg(locale.toString(perDocument, 'f', 2)),
                      tr("%Ln rare label(s)", nullptr, d.rareCount())};
    const auto unlabelled = static_cast<int>(data->report().documentsWithoutLabels);
    if (unlabelled > 0)
        parts << tr("%Ln document(s) without labels", nullptr, unlabelled);
    if (data->report().skipped > 0)
        parts << tr("%Ln line(s) skipped", nullptr, int(data->report().skipped));
    for (QString& part : parts)
        part = part.toHtmlEscaped();
    if (d.unseenInTrainCount() > 0)
        parts << QStringLiteral("<span style=\"color:#c02020\">⚠ %1</span>")
                     .arg(tr("%Ln label(s) missing from train", nullptr, d.unseenInTrainCount()).toHtmlEscaped());
    m_summary->setText(parts.join(QStringLiteral(" · ")));
}

void DataPage::updateDocumentCount()
{
    m_documentCount->setText(tr("%Ln document(s)", nullptr, m_documents->rowCount()));
}

} // namespace tagbench::ui
