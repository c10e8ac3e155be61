#pragma once

#include <QWidget>

#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QStackedWidget;
class QTableView;

namespace tagbench::ui {

class LabelDistributionChart;
class LabelTableModel;
class LoadedDataset;
class Workspace;

/// The label distribution of one loaded dataset: a sorted bar chart and a filterable table
/// of counts and shares, rare labels highlighted.
class DataPage final : public QWidget {
    Q_OBJECT
public:
    explicit DataPage(Workspace* workspace, QWidget* parent = nullptr);

    /// Shows the workspace dataset at index.
    void showDataset(int index);
    int currentDataset() const;

    LabelDistributionChart* chart() const { return m_chart; }
    QTableView* table() const { return m_table; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void refreshDatasetList();
    void updateSummary();
    std::shared_ptr<const LoadedDataset> dataset() const;

    Workspace* m_workspace;
    QStackedWidget* m_stack = nullptr;
    QLabel* m_placeholder = nullptr;
    QLabel* m_datasetLabel = nullptr;
    QComboBox* m_datasetCombo = nullptr;
    QCheckBox* m_logScale = nullptr;
    QLabel* m_summary = nullptr;
    QLabel* m_chartTitle = nullptr;
    LabelDistributionChart* m_chart = nullptr;
    QLineEdit* m_filter = nullptr;
    QTableView* m_table = nullptr;
    LabelTableModel* m_model = nullptr;
    QSortFilterProxyModel* m_proxy = nullptr;
};

} // namespace tagbench::ui
