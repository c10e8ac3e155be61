#pragma once

#include <QHash>
#include <QStringList>
#include <QWidget>

#include <cstddef>
#include <memory>

class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;
class QTableView;
class QTextBrowser;

namespace tagbench::ui {

class EvaluationSession;
class LoadedDataset;
class ProjectSession;
class ReviewItemModel;
class Workspace;

/// Annotators go through a run's predictions: gold and predicted labels side by side with the
/// text, filtered by error kind and label; A accepts the gold labels, C saves the corrected
/// set, S skips. Decisions are stored in the project; the corrected split can be exported.
class ReviewPage final : public QWidget {
    Q_OBJECT
public:
    ReviewPage(EvaluationSession* session, ProjectSession* project, Workspace* workspace, QWidget* parent = nullptr);

    ReviewItemModel* model() const { return m_model; }
    QTableView* table() const { return m_table; }
    QListWidget* correctionList() const { return m_correction; }
    QTextBrowser* textView() const { return m_text; }

    /// Records a decision for the selected document and moves to the next one.
    void accept();
    void correct();
    void skip();
    /// Writes the split as JSON lines with corrected label sets applied (atomically).
    bool exportCorrected(const QString& path, QString* error = nullptr);

protected:
    void changeEvent(QEvent* event) override;
    void showEvent(QShowEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void retranslateUi();
    void reload();
    void matchDataset();
    void loadDecisions();
    void applyFilter();
    void showCurrent();
    void record(int decision, const QStringList& labels);
    void selectNext();
    int currentScoreRow() const;
    void exportDialog();

    EvaluationSession* m_session;
    ProjectSession* m_project;
    Workspace* m_workspace;
    std::shared_ptr<const LoadedDataset> m_dataset;   // the split's texts, matched by document id
    QHash<QString, std::size_t> m_documentById;
    QHash<qint64, QStringList> m_corrections;          // score row -> corrected labels
    bool m_stale = false;                              // the rule changed while the page was hidden

    QLabel* m_placeholder = nullptr;
    QWidget* m_content = nullptr;
    QLabel* m_filterLabel = nullptr;
    QComboBox* m_issueFilter = nullptr;
    QComboBox* m_labelFilter = nullptr;
    QLabel* m_count = nullptr;
    QLabel* m_projectState = nullptr;
    QPushButton* m_export = nullptr;
    QTableView* m_table = nullptr;
    ReviewItemModel* m_model = nullptr;
    QTextBrowser* m_text = nullptr;
    QLabel* m_goldLabel = nullptr;
    QListWidget* m_gold = nullptr;
    QLabel* m_predictedLabel = nullptr;
    QListWidget* m_predicted = nullptr;
    QLabel* m_correctionLabel = nullptr;
    QListWidget* m_correction = nullptr;
    QPushButton* m_accept = nullptr;
    QPushButton* m_correct = nullptr;
    QPushButton* m_skip = nullptr;
};

} // namespace tagbench::ui
