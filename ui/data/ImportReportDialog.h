#pragma once

#include <QDialog>

#include <memory>

class QLabel;
class QPushButton;
class QTableWidget;

namespace tagbench::ui {

class LoadedDataset;

/// Lists the records an import left out (file:line, problem, details) and lets the user keep
/// the rest of the file (accept, "Skip") or not open it at all (reject, "Stop").
class ImportReportDialog final : public QDialog {
    Q_OBJECT
public:
    explicit ImportReportDialog(std::shared_ptr<const LoadedDataset> dataset, QWidget* parent = nullptr);

    std::shared_ptr<const LoadedDataset> dataset() const { return m_dataset; }

    /// Translated name of a core IssueKind value.
    static QString issueKindText(int kind);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void fillTable();
    void copyToClipboard();

    std::shared_ptr<const LoadedDataset> m_dataset;
    QLabel* m_message = nullptr;
    QTableWidget* m_table = nullptr;
    QPushButton* m_skip = nullptr;
    QPushButton* m_stop = nullptr;
    QPushButton* m_copy = nullptr;
};

} // namespace tagbench::ui
