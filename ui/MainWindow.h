#pragma once

#include <QMainWindow>
#include <QStringList>

#include <memory>

class QListWidget;
class QShortcut;
class QStackedWidget;
class QUndoGroup;

namespace tagbench::ui {

class BundleExportService;
class DataPage;
class DatasetSession;
class DemoPage;
class EvaluatePage;
class EvaluationSession;
class ExportPage;
class GuideDialog;
class ImportProgressWidget;
class LanguageManager;
class LoadedDataset;
class MainMenus;
class PredictionService;
class ProjectPage;
class ProjectSession;
class ReviewPage;
class ReviewSession;
class TrainPage;
class TrainQueue;
class Workspace;

/// The workbench window: a page list on the left, the pages on the right, menus, and a status
/// bar that shows background imports. It creates the services (which own the worker threads)
/// and the pages (which show them), wires them together and shows what they report; the rules
/// live in the services. Files open from the menu, the command line and by dropping them.
class MainWindow final : public QMainWindow {
    Q_OBJECT
public:
    /// The pages, in list order; Ctrl+1 ... Ctrl+7 choose them.
    enum Page { ProjectPageIndex, DataPageIndex, EvaluatePageIndex, ReviewPageIndex, TrainPageIndex, DemoPageIndex,
                ExportPageIndex, PageCount };

    explicit MainWindow(LanguageManager* languages, QWidget* parent = nullptr);
    ~MainWindow() override;

    /// Opens a project, a dataset file or a training run folder (what File > Open, the command
    /// line, the recent files and a drop do).
    void openPath(const QString& path);
    /// Opens what was open when the window was last closed: project, datasets, run and split,
    /// page and Train settings. Files that are gone are skipped.
    void restoreLastSession();

    /// Whether imports with bad records ask first (the default) or keep the good records.
    void setAskAboutBadRecords(bool ask);

    Workspace* workspace() const { return m_workspace; }
    EvaluationSession* evaluation() const { return m_evaluation; }
    ProjectSession* project() const { return m_project; }
    TrainQueue* trainQueue() const { return m_trainQueue; }

    /// Stops the imports in progress and queued (the Cancel button and Esc); the datasets already
    /// open stay as they are.
    void cancelImport();

    int pageCount() const;
    /// Stable English identifier of a page ("data"), used for settings and screenshot names.
    QString pageId(int page) const;
    void setCurrentPage(int page);
    int currentPage() const;

protected:
    void changeEvent(QEvent* event) override;
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void createPages();
    void createMenus();
    void createStatusBar();
    void connectServices();
    void retranslateUi();
    void updateTitle();
    void onPageChanged(int page);
    void openDatasetDialog();
    void closeCurrentDataset();
    void showGuide();
    void showAbout();
    void showImportReport(std::shared_ptr<const LoadedDataset> dataset);
    void showOpenError(const QString& path, const QString& message);
    /// Asks what to do with unsaved work; false when the user keeps the window open.
    bool confirmClose();
    void saveSession() const;
    void restoreGeometryAndState();

    LanguageManager* m_languages;
    // Services
    Workspace* m_workspace;
    ProjectSession* m_project;
    DatasetSession* m_datasets;
    EvaluationSession* m_evaluation;
    ReviewSession* m_review;
    TrainQueue* m_trainQueue;
    PredictionService* m_prediction;
    BundleExportService* m_exporter;
    QUndoGroup* m_undoGroup;

    // Pages
    QListWidget* m_pageList = nullptr;
    QStackedWidget* m_pages = nullptr;
    ProjectPage* m_projectPage = nullptr;
    DataPage* m_dataPage = nullptr;
    EvaluatePage* m_evaluatePage = nullptr;
    ReviewPage* m_reviewPage = nullptr;
    TrainPage* m_trainPage = nullptr;
    DemoPage* m_demoPage = nullptr;
    ExportPage* m_exportPage = nullptr;
    GuideDialog* m_guide = nullptr;

    MainMenus* m_menus = nullptr;

    ImportProgressWidget* m_importProgress = nullptr;
    QShortcut* m_cancelImportShortcut = nullptr;
};

} // namespace tagbench::ui
