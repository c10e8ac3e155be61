#pragma once

#include <QMainWindow>
#include <QStringList>

#include <memory>

class QAction;
class QActionGroup;
class QLabel;
class QListWidget;
class QMenu;
class QShortcut;
class QStackedWidget;

namespace tagbench::ui {

class DataPage;
class DemoPage;
class ExportPage;
class TrainPage;
class EvaluatePage;
class EvaluationSession;
class ImportProgressWidget;
class ProjectPage;
class ReviewPage;
class ProjectSession;
class LanguageManager;
class LoadedDataset;
class Workspace;

/// The workbench window: a page list on the left, the pages on the right, menus for files and
/// language, a status bar that shows background loading. Files open from the menu, from the
/// command line and by dropping them onto the window.
class MainWindow final : public QMainWindow {
    Q_OBJECT
public:
    /// What to do when an import skipped bad records.
    enum class IssuePolicy {
        Ask,          ///< show the import report and let the user skip or stop
        AlwaysSkip    ///< keep the good documents without asking (scripted runs, screenshots)
    };

    /// The pages, in list order.
    enum Page { ProjectPageIndex, DataPageIndex, EvaluatePageIndex, ReviewPageIndex, TrainPageIndex, DemoPageIndex,
                ExportPageIndex, PageCount };

    explicit MainWindow(LanguageManager* languages, QWidget* parent = nullptr);
    ~MainWindow() override;

    /// Opens a dataset file, or a training run folder, in the background (what File > Open,
    /// the command line and a drop do).
    void openPath(const QString& path);

    void setIssuePolicy(IssuePolicy policy) { m_issuePolicy = policy; }

    Workspace* workspace() const { return m_workspace; }
    DataPage* dataPage() const { return m_dataPage; }
    EvaluatePage* evaluatePage() const { return m_evaluatePage; }
    EvaluationSession* evaluation() const { return m_evaluation; }
    ProjectSession* project() const { return m_project; }
    ProjectPage* projectPage() const { return m_projectPage; }
    ReviewPage* reviewPage() const { return m_reviewPage; }
    TrainPage* trainPage() const { return m_trainPage; }
    DemoPage* demoPage() const { return m_demoPage; }
    ExportPage* exportPage() const { return m_exportPage; }
    /// The status bar panel shown while datasets are imported.
    ImportProgressWidget* importProgress() const { return m_importProgress; }

    /// Stops the imports in progress and queued (the Cancel button and Esc); the datasets already
    /// open stay as they are.
    void cancelImport();

    int pageCount() const;
    /// Stable English identifier of a page, used for screenshot file names ("data").
    QString pageId(int page) const;
    void setCurrentPage(int page);
    int currentPage() const;

protected:
    void changeEvent(QEvent* event) override;
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void createActions();
    void createMenus();
    void createStatusBar();
    void retranslateUi();
    void updateLanguageActions();
    void updateRecentMenu();
    void addRecentFile(const QString& path);
    void openDatasetDialog();
    void closeCurrentDataset();
    void showAbout();
    void onLoaded(std::shared_ptr<const LoadedDataset> dataset);
    void onLoadFailed(const QString& path, const QString& message);
    void onLoadStarted(const QString& path);
    void onLoadProgress(const QString& path, qint64 bytesRead, qint64 bytesTotal, qint64 documents);
    void showCurrentImport();
    void accept(std::shared_ptr<const LoadedDataset> dataset);
    void restoreSettings();
    void saveSettings() const;

    LanguageManager* m_languages;
    Workspace* m_workspace;
    EvaluationSession* m_evaluation;
    ProjectSession* m_project;
    IssuePolicy m_issuePolicy = IssuePolicy::Ask;

    QListWidget* m_pageList = nullptr;
    QStackedWidget* m_pages = nullptr;
    ProjectPage* m_projectPage = nullptr;
    DataPage* m_dataPage = nullptr;
    EvaluatePage* m_evaluatePage = nullptr;
    ReviewPage* m_reviewPage = nullptr;
    TrainPage* m_trainPage = nullptr;
    DemoPage* m_demoPage = nullptr;
    ExportPage* m_exportPage = nullptr;

    QMenu* m_fileMenu = nullptr;
    QMenu* m_recentMenu = nullptr;
    QMenu* m_viewMenu = nullptr;
    QMenu* m_languageMenu = nullptr;
    QMenu* m_helpMenu = nullptr;
    QAction* m_openAction = nullptr;
    QAction* m_openRunAction = nullptr;
    QAction* m_newProjectAction = nullptr;
    QAction* m_openProjectAction = nullptr;
    QAction* m_closeDatasetAction = nullptr;
    QAction* m_quitAction = nullptr;
    QAction* m_aboutAction = nullptr;
    QAction* m_systemLanguageAction = nullptr;
    QActionGroup* m_languageGroup = nullptr;

    ImportProgressWidget* m_importProgress = nullptr;
    QShortcut* m_cancelImportShortcut = nullptr;
    QStringList m_loadingFiles;   // queued and running imports, in order
};

} // namespace tagbench::ui
