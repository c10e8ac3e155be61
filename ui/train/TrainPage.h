#pragma once

#include "ui/train/TrainQueue.h"

#include <QWidget>

class QLabel;
class QListView;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;

namespace tagbench::ui {

class ProjectSession;
class TrainConfigForm;
class TrainCurvesWidget;
class Workspace;

/// Trains models: the config form on the left; on the right the progress of the running job
/// (examples/s, ETA), its loss and dev F1 curves per epoch, the queue of runs (the TrainQueue
/// service trains them one after the other on its thread) with cancel and resume, and the
/// trainer's log. Finished runs join the open project and can be opened on the Evaluate page.
class TrainPage final : public QWidget {
    Q_OBJECT
public:
    TrainPage(TrainQueue* queue, Workspace* workspace, ProjectSession* project, QWidget* parent = nullptr);
    ~TrainPage() override;

    /// The settings form (the main window saves and restores its document).
    TrainConfigForm* form() const { return m_form; }

    /// Validates the form and queues a run; returns its id, or 0 after showing the error.
    int startTraining();
    /// Queues the continuation of a cancelled run folder; returns its id, or 0 after an error.
    int resumeRunFolder(const QString& runDir);
    /// The message of the last error shown on the page (empty when none).
    QString lastError() const;
    /// Where automatic run folders are created.
    static QString defaultRunsFolder();

signals:
    /// The user wants runDir on the Evaluate page.
    void openRunRequested(const QString& runDir);
    /// A run completed (or stopped early) and its folder is complete.
    void runFinished(const QString& runDir);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void refreshDatasetChoices();
    void showError(const QString& message);
    void showEntry(int id);
    void updateButtons();
    void updateStatus();
    void onJobFinished(int id);
    void loadConfigDialog();
    void resumeFolderDialog();
    int selectedId() const;
    bool queuedRunDir(const QString& runDir) const;

    Workspace* m_workspace;
    ProjectSession* m_project;
    TrainQueue* m_queue;
    int m_shownId = 0;

    TrainConfigForm* m_form = nullptr;
    QPushButton* m_start = nullptr;
    QLabel* m_title = nullptr;
    QLabel* m_status = nullptr;
    QLabel* m_error = nullptr;
    QProgressBar* m_progress = nullptr;
    TrainCurvesWidget* m_curves = nullptr;
    QLabel* m_queueTitle = nullptr;
    QListView* m_queueView = nullptr;
    QPushButton* m_cancel = nullptr;
    QPushButton* m_resume = nullptr;
    QPushButton* m_resumeFolder = nullptr;
    QPushButton* m_evaluate = nullptr;
    QLabel* m_logTitle = nullptr;
    QPlainTextEdit* m_log = nullptr;
};

} // namespace tagbench::ui
