#pragma once

#include <QHash>
#include <QStringList>
#include <QWidget>

#include <cstddef>
#include <memory>

class QComboBox;
class QLabel;
class QPushButton;
class QTableView;

namespace tagbench::ui {

class EvaluationSession;
class LoadedDataset;
class ProjectSession;
class ReviewDetailPane;
class ReviewItemModel;
class ReviewSession;
class Workspace;

/// Annotators go through a run's predictions: gold and predicted labels side by side with the
/// text, filtered by error kind and label; A accepts the gold labels, C saves the corrected
/// set (any label can be added by typing its name), S skips, Ctrl+Z takes a decision back.
/// The ReviewSession stores the decisions in the project; the corrected split can be exported.
/// The split reviewed is the Evaluate page's: it can be switched here, and the page says so
/// when it was switched there.
class ReviewPage final : public QWidget {
    Q_OBJECT
public:
    ReviewPage(ReviewSession* review, EvaluationSession* session, ProjectSession* project, Workspace* workspace,
               QWidget* parent = nullptr);

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
    void applyFilter();
    void showCurrent();
    void record(int decision, const QStringList& labels);
    void selectRow(int modelRow);
    void selectNext();
    int currentScoreRow() const;
    void updateCounts();
    void exportDialog();

    ReviewSession* m_review;
    EvaluationSession* m_session;
    ProjectSession* m_project;
    Workspace* m_workspace;
    std::shared_ptr<const LoadedDataset> m_dataset;   // the split's texts, matched by document id
    QHash<QString, std::size_t> m_documentById;
    bool m_stale = false;      // the rule changed while the page was hidden
    QString m_shownRun;        // run and split shown, to tell a split switched elsewhere
    QString m_shownSplit;
    bool m_switchingHere = false;

    QLabel* m_placeholder = nullptr;
    QWidget* m_content = nullptr;
    QLabel* m_runLabel = nullptr;
    QLabel* m_splitLabel = nullptr;
    QComboBox* m_split = nullptr;
    QLabel* m_splitNote = nullptr;
    QLabel* m_filterLabel = nullptr;
    QComboBox* m_issueFilter = nullptr;
    QComboBox* m_labelFilter = nullptr;
    QLabel* m_count = nullptr;
    QLabel* m_projectState = nullptr;
    QPushButton* m_export = nullptr;
    QTableView* m_table = nullptr;
    ReviewItemModel* m_model = nullptr;
    ReviewDetailPane* m_detail = nullptr;
};

} // namespace tagbench::ui
