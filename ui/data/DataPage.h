#pragma once

#include <QWidget>

#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QStackedWidget;
class QTabWidget;
class QTableView;
class QTextBrowser;
class QTreeView;

namespace tagbench::ui {

class CardinalityHistogram;
class CooccurrenceHeatmap;
class DocumentTableModel;
class HierarchyModel;
class LabelDistributionChart;
class LabelTableModel;
class LoadedDataset;
class Workspace;

/// Everything about one loaded dataset's labels: the sorted distribution (chart and table,
/// rare labels and labels missing from train marked), label cardinality, co-occurrence of the
/// top labels, the label hierarchy and a document browser filtered by label and by text, with
/// the selected document in full. Which dataset is shown when files arrive is DatasetSession's
/// choice (showDataset()).
class DataPage final : public QWidget {
    Q_OBJECT
public:
    enum Tab { DistributionTab, CardinalityTab, CooccurrenceTab, HierarchyTab, DocumentsTab, TabCount };

    explicit DataPage(Workspace* workspace, QWidget* parent = nullptr);

    /// Shows the workspace dataset at index.
    void showDataset(int index);
    int currentDataset() const;
    void setCurrentTab(int tab);

    /// Opens the document browser on the documents that carry label.
    void showDocumentsWithLabel(const QString& label);


protected:
    void changeEvent(QEvent* event) override;

private:
    QWidget* createDistributionTab();
    QWidget* createDocumentsTab();
    void retranslateUi();
    void refreshDatasetList();
    void updateSummary();
    void updateDocumentCount();
    void showSelectedDocument();
    std::shared_ptr<const LoadedDataset> dataset() const;

    Workspace* m_workspace;
    QStackedWidget* m_stack = nullptr;
    QLabel* m_placeholder = nullptr;
    QLabel* m_datasetLabel = nullptr;
    QComboBox* m_datasetCombo = nullptr;
    QCheckBox* m_logScale = nullptr;
    QLabel* m_summary = nullptr;
    QTabWidget* m_tabs = nullptr;

    QLabel* m_chartTitle = nullptr;
    LabelDistributionChart* m_chart = nullptr;
    QLineEdit* m_filter = nullptr;
    QTableView* m_table = nullptr;
    LabelTableModel* m_model = nullptr;
    QSortFilterProxyModel* m_proxy = nullptr;

    CardinalityHistogram* m_cardinality = nullptr;
    CooccurrenceHeatmap* m_heatmap = nullptr;
    QTreeView* m_hierarchyView = nullptr;
    HierarchyModel* m_hierarchy = nullptr;

    QLabel* m_documentLabel = nullptr;
    QComboBox* m_documentFilter = nullptr;
    QLineEdit* m_documentSearch = nullptr;
    QLabel* m_documentCount = nullptr;
    QTextBrowser* m_documentText = nullptr;
    QTableView* m_documentsView = nullptr;
    DocumentTableModel* m_documents = nullptr;
};

} // namespace tagbench::ui
