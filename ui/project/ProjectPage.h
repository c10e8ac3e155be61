#pragma once

#include <QWidget>

class QGroupBox;
class QLabel;
class QListWidget;
class QPushButton;
class QStackedWidget;
class QTableWidget;

namespace tagbench::ui {

class ProjectSession;
class Workspace;

/// The project file: create or open one (recent projects listed), the datasets and runs it
/// holds, and buttons to open them in the Data and Evaluate pages.
class ProjectPage final : public QWidget {
    Q_OBJECT
public:
    ProjectPage(ProjectSession* project, Workspace* workspace, QWidget* parent = nullptr);

    void newProjectDialog();
    void openProjectDialog();
    /// Opens (or creates) the project file and reports a failure in plain words.
    bool openProject(const QString& path);

signals:
    void openDatasetRequested(const QString& path);
    void openRunRequested(const QString& runDir);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void refresh();
    void refreshRecent();
    void addOpenDatasets();
    void addRunDialog();
    void removeSelected(QTableWidget* table);
    void openSelected(QTableWidget* table);
    void showError(const QString& title, const QString& message);

    ProjectSession* m_project;
    Workspace* m_workspace;
    QStackedWidget* m_stack = nullptr;
    QLabel* m_intro = nullptr;
    QLabel* m_recentLabel = nullptr;
    QListWidget* m_recent = nullptr;
    QPushButton* m_newButton = nullptr;
    QPushButton* m_openButton = nullptr;

    QLabel* m_path = nullptr;
    QPushButton* m_closeButton = nullptr;
    QGroupBox* m_datasetBox = nullptr;
    QTableWidget* m_datasets = nullptr;
    QPushButton* m_addDatasets = nullptr;
    QPushButton* m_openDataset = nullptr;
    QPushButton* m_removeDataset = nullptr;
    QGroupBox* m_runBox = nullptr;
    QTableWidget* m_runs = nullptr;
    QPushButton* m_addRun = nullptr;
    QPushButton* m_openRun = nullptr;
    QPushButton* m_removeRun = nullptr;
};

} // namespace tagbench::ui
