#include "ui/MainWindow.h"

#include "ui/data/DataPage.h"
#include "ui/demo/DemoPage.h"
#include "ui/evaluate/EvaluatePage.h"
#include "ui/evaluate/EvaluationSession.h"
#include "ui/export/ExportPage.h"
#include "ui/data/ImportProgressWidget.h"
#include "ui/data/ImportReportDialog.h"
#include "ui/LanguageManager.h"
#include "ui/data/LoadedDataset.h"
#include "ui/project/ProjectPage.h"
#include "ui/project/ProjectSession.h"
#include "ui/review/ReviewPage.h"
#include "ui/train/TrainPage.h"
#include "ui/data/Workspace.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QSettings>
#include <QShortcut>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>

namespace tagbench::ui {

namespace {
constexpr int maxRecentFiles = 10;
constexpr const char* recentFilesKey = "files/recent";
constexpr const char* lastDirectoryKey = "files/lastDirectory";
} // namespace

MainWindow::MainWindow(LanguageManager* languages, QWidget* parent)
    : QMainWindow(parent)
    , m_languages(languages)
    , m_workspace(new Workspace(this))
    , m_evaluation(new EvaluationSession(this))
    , m_project(new ProjectSession(this))
{
    setObjectName(QStringLiteral("MainWindow"));
    setAcceptDrops(true);

    auto* central = new QWidget(this);
    auto* layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_pageList = new QListWidget(central);
    m_pageList->setObjectName(QStringLiteral("pageList"));
    m_pageList->setIconSize(QSize(24, 24));
    m_pageList->setSpacing(2);
    m_pageList->setFrameShape(QFrame::NoFrame);
    m_pageList->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_pages = new QStackedWidget(central);
    layout->addWidget(m_pageList);
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);

    m_projectPage = new ProjectPage(m_project, m_workspace, m_pages);
    m_pages->addWidget(m_projectPage);
    m_pageList->addItem(new QListWidgetItem(style()->standardIcon(QStyle::SP_DirHomeIcon), QString()));
    m_dataPage = new DataPage(m_workspace, m_pages);
    m_pages->addWidget(m_dataPage);
    m_pageList->addItem(new QListWidgetItem(style()->standardIcon(QStyle::SP_FileDialogDetailedView), QString()));
    m_evaluatePage = new EvaluatePage(m_evaluation, m_pages);
    m_pages->addWidget(m_evaluatePage);
    m_pageList->addItem(new QListWidgetItem(style()->standardIcon(QStyle::SP_FileDialogContentsView), QString()));
    m_reviewPage = new ReviewPage(m_evaluation, m_project, m_workspace, m_pages);
    m_pages->addWidget(m_reviewPage);
    m_pageList->addItem(new QListWidgetItem(style()->standardIcon(QStyle::SP_DialogApplyButton), QString()));
    m_trainPage = new TrainPage(m_workspace, m_project, m_pages);
    m_pages->addWidget(m_trainPage);
    m_pageList->addItem(new QListWidgetItem(style()->standardIcon(QStyle::SP_MediaPlay), QString()));
    m_demoPage = new DemoPage(m_pages);
    m_pages->addWidget(m_demoPage);
    m_pageList->addItem(new QListWidgetItem(style()->standardIcon(QStyle::SP_ComputerIcon), QString()));
    m_exportPage = new ExportPage(m_evaluation, m_project, m_pages);
    m_pages->addWidget(m_exportPage);
    m_pageList->addItem(new QListWidgetItem(style()->standardIcon(QStyle::SP_DialogSaveButton), QString()));
    connect(m_pageList, &QListWidget::currentRowChanged, m_pages, &QStackedWidget::setCurrentIndex);
    m_pageList->setCurrentRow(DataPageIndex);

    createActions();
    createMenus();
    createStatusBar();

    connect(m_workspace, &Workspace::loadStarted, this, &MainWindow::onLoadStarted);
    connect(m_workspace, &Workspace::loadProgress, this, &MainWindow::onLoadProgress);
    connect(m_workspace, &Workspace::loaded, this, &MainWindow::onLoaded);
    connect(m_workspace, &Workspace::loadFailed, this, &MainWindow::onLoadFailed);
    connect(m_workspace, &Workspace::loadingIdle, this, [this] {
        m_loadingFiles.clear();
        m_importProgress->finish();
        m_cancelImportShortcut->setEnabled(false);
    });
    connect(m_workspace, &Workspace::datasetsChanged, this, [this] {
        m_closeDatasetAction->setEnabled(!m_workspace->datasets().isEmpty());
    });
    connect(m_languages, &LanguageManager::languageChanged, this, &MainWindow::updateLanguageActions);
    connect(m_evaluation, &EvaluationSession::runLoaded, this, [this] {
        addRecentFile(m_evaluation->run()->runDir);
        if (m_project->isOpen()) {
            const Result<std::int64_t> id = m_project->addRun(m_evaluation->run()->runDir);
            if (!id.ok())
                statusBar()->showMessage(tr("The run was not added to the project: %1")
                                             .arg(QString::fromStdString(id.message())), 10000);
        }
        setCurrentPage(EvaluatePageIndex);
    });
    connect(m_projectPage, &ProjectPage::openDatasetRequested, this, &MainWindow::openPath);
    connect(m_projectPage, &ProjectPage::openRunRequested, this, &MainWindow::openPath);
    connect(m_trainPage, &TrainPage::openRunRequested, this, &MainWindow::openPath);
    connect(m_trainPage, &TrainPage::runFinished, m_exportPage, &ExportPage::setRunDir);
    connect(m_exportPage, &ExportPage::openInDemoRequested, this, [this](const QString& bundle) {
        m_demoPage->openBundle(bundle);
        setCurrentPage(DemoPageIndex);
    });
    connect(m_project, &ProjectSession::changed, this, &MainWindow::retranslateUi);

    retranslateUi();
    restoreSettings();
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    m_openAction = new QAction(style()->standardIcon(QStyle::SP_DialogOpenButton), QString(), this);
    m_openAction->setShortcut(QKeySequence::Open);
    connect(m_openAction, &QAction::triggered, this, &MainWindow::openDatasetDialog);

    m_openRunAction = new QAction(style()->standardIcon(QStyle::SP_DirOpenIcon), QString(), this);
    m_openRunAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    connect(m_openRunAction, &QAction::triggered, this, [this] { m_evaluatePage->openRunDialog(); });

    m_newProjectAction = new QAction(style()->standardIcon(QStyle::SP_FileIcon), QString(), this);
    m_newProjectAction->setShortcut(QKeySequence::New);
    connect(m_newProjectAction, &QAction::triggered, this, [this] { m_projectPage->newProjectDialog(); });
    m_openProjectAction = new QAction(this);
    connect(m_openProjectAction, &QAction::triggered, this, [this] { m_projectPage->openProjectDialog(); });

    m_closeDatasetAction = new QAction(this);
    m_closeDatasetAction->setShortcut(QKeySequence::Close);
    m_closeDatasetAction->setEnabled(false);
    connect(m_closeDatasetAction, &QAction::triggered, this, &MainWindow::closeCurrentDataset);

    m_quitAction = new QAction(this);
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_aboutAction = new QAction(this);
    m_aboutAction->setMenuRole(QAction::AboutRole);
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::showAbout);

    m_languageGroup = new QActionGroup(this);
    m_systemLanguageAction = new QAction(m_languageGroup);
    m_systemLanguageAction->setCheckable(true);
    m_systemLanguageAction->setData(QString::fromLatin1(LanguageManager::systemLanguage));
    for (const QString& code : LanguageManager::availableLanguages()) {
        // Each language is named in itself so that a user who cannot read the current UI finds it.
        auto* action = new QAction(LanguageManager::nativeName(code), m_languageGroup);
        action->setCheckable(true);
        action->setData(code);
    }
    connect(m_languageGroup, &QActionGroup::triggered, this, [this](QAction* action) {
        m_languages->setPreferredLanguage(action->data().toString());
    });
}

void MainWindow::createMenus()
{
    m_fileMenu = menuBar()->addMenu(QString());
    m_fileMenu->addAction(m_newProjectAction);
    m_fileMenu->addAction(m_openProjectAction);
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_openAction);
    m_fileMenu->addAction(m_openRunAction);
    m_recentMenu = m_fileMenu->addMenu(QString());
    m_fileMenu->addAction(m_closeDatasetAction);
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_quitAction);

    m_viewMenu = menuBar()->addMenu(QString());
    m_languageMenu = m_viewMenu->addMenu(QString());
    m_languageMenu->addAction(m_systemLanguageAction);
    m_languageMenu->addSeparator();
    for (QAction* action : m_languageGroup->actions()) {
        if (action != m_systemLanguageAction)
            m_languageMenu->addAction(action);
    }

    m_helpMenu = menuBar()->addMenu(QString());
    m_helpMenu->addAction(m_aboutAction);
    updateLanguageActions();
    updateRecentMenu();
}

void MainWindow::createStatusBar()
{
    m_importProgress = new ImportProgressWidget(this);
    connect(m_importProgress, &ImportProgressWidget::cancelRequested, this, &MainWindow::cancelImport);
    statusBar()->addPermanentWidget(m_importProgress);
    // Only while importing, so that Esc keeps its meaning everywhere else.
    m_cancelImportShortcut = new QShortcut(QKeySequence(Qt::Key_Escape), this);
    m_cancelImportShortcut->setEnabled(false);
    connect(m_cancelImportShortcut, &QShortcut::activated, this, &MainWindow::cancelImport);
}

void MainWindow::retranslateUi()
{
    setWindowTitle(m_project->isOpen()
                       ? tr("%1 — Tagbench").arg(QFileInfo(m_project->path()).completeBaseName())
                       : tr("Tagbench"));
    m_pageList->item(ProjectPageIndex)->setText(tr("Project"));
    m_newProjectAction->setText(tr("&New Project…"));
    m_openProjectAction->setText(tr("Open &Project…"));
    m_pageList->item(DataPageIndex)->setText(tr("Data"));
    m_pageList->item(EvaluatePageIndex)->setText(tr("Evaluate"));
    m_pageList->item(ReviewPageIndex)->setText(tr("Review"));
    m_pageList->item(TrainPageIndex)->setText(tr("Train"));
    m_pageList->item(DemoPageIndex)->setText(tr("Demo"));
    m_pageList->item(ExportPageIndex)->setText(tr("Export"));
    m_pageList->setFixedWidth(std::max(120, m_pageList->sizeHintForColumn(0) + 24));

    m_fileMenu->setTitle(tr("&File"));
    m_openAction->setText(tr("&Open Dataset…"));
    m_openAction->setStatusTip(tr("Open a JSON lines, NeuralClassifier, fastText, CSV or TSV dataset"));
    m_openRunAction->setText(tr("Open &Run…"));
    m_openRunAction->setStatusTip(tr("Open a training run folder to evaluate and tune its thresholds"));
    m_recentMenu->setTitle(tr("Open &Recent"));
    m_closeDatasetAction->setText(tr("&Close Dataset"));
    m_quitAction->setText(tr("&Quit"));
    m_viewMenu->setTitle(tr("&View"));
    m_languageMenu->setTitle(tr("&Language"));
    m_systemLanguageAction->setText(tr("&System Default"));
    m_helpMenu->setTitle(tr("&Help"));
    m_aboutAction->setText(tr("&About Tagbench"));
    updateRecentMenu();
}

void MainWindow::updateLanguageActions()
{
    const QString preferred = m_languages->preferredLanguage();
    bool matched = false;
    for (QAction* action : m_languageGroup->actions()) {
        const bool on = action->data().toString() == preferred;
        action->setChecked(on);
        matched = matched || on;
    }
    if (!matched)
        m_systemLanguageAction->setChecked(true);
}

void MainWindow::updateRecentMenu()
{
    if (!m_recentMenu)
        return;
    m_recentMenu->clear();
    const QStringList recent = QSettings().value(recentFilesKey).toStringList();
    for (const QString& path : recent) {
        QAction* action = m_recentMenu->addAction(QFileInfo(path).fileName());
        action->setToolTip(path);
        action->setStatusTip(path);
        connect(action, &QAction::triggered, this, [this, path] { openPath(path); });
    }
    if (!recent.isEmpty()) {
        m_recentMenu->addSeparator();
        connect(m_recentMenu->addAction(tr("Clear List")), &QAction::triggered, this, [this] {
            QSettings().remove(recentFilesKey);
            updateRecentMenu();
        });
    }
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::addRecentFile(const QString& path)
{
    QSettings settings;
    QStringList recent = settings.value(recentFilesKey).toStringList();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > maxRecentFiles)
        recent.removeLast();
    settings.setValue(recentFilesKey, recent);
    updateRecentMenu();
}

void MainWindow::openPath(const QString& path)
{
    const QFileInfo info(path);
    if (info.suffix() == QLatin1String(ProjectSession::suffix)) {
        // A project path that does not exist yet is created, like File > New Project.
        if (m_projectPage->openProject(info.absoluteFilePath()))
            setCurrentPage(ProjectPageIndex);
        return;
    }
    if (!info.exists()) {
        onLoadFailed(info.absoluteFilePath(), tr("The file does not exist."));
        return;
    }
    if (info.isDir()) {
        if (EvaluatePage::isRunDirectory(info.absoluteFilePath())) {
            m_evaluatePage->openRun(info.absoluteFilePath());
            return;
        }
        onLoadFailed(info.absoluteFilePath(),
                     tr("This folder is not a training run (it has no labels.txt and scores/); open one "
                        "of the dataset files in it."));
        return;
    }
    m_workspace->load(info.absoluteFilePath());
}

void MainWindow::openDatasetDialog()
{
    QSettings settings;
    const QString directory = settings.value(lastDirectoryKey, QDir::homePath()).toString();
    const QStringList files = QFileDialog::getOpenFileNames(
        this, tr("Open Dataset"), directory,
        tr("Datasets (*.jsonl *.json *.txt *.csv *.tsv);;All files (*)"));
    if (files.isEmpty())
        return;
    settings.setValue(lastDirectoryKey, QFileInfo(files.first()).absolutePath());
    for (const QString& file : files)
        openPath(file);
}

void MainWindow::closeCurrentDataset()
{
    m_workspace->remove(m_dataPage->currentDataset());
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Tagbench"),
                       tr("<h3>Tagbench %1</h3>"
                          "<p>A workbench for multi-label text classification: explore label "
                          "distributions, train models, tune per-label thresholds, review "
                          "predictions.</p>")
                           .arg(QStringLiteral(TAGBENCH_VERSION)));
}

void MainWindow::onLoadStarted(const QString& path)
{
    m_loadingFiles << path;
    m_cancelImportShortcut->setEnabled(true);
    showCurrentImport();
}

void MainWindow::showCurrentImport()
{
    // Imports run one after another: the panel follows the oldest one still pending.
    if (!m_loadingFiles.isEmpty())
        m_importProgress->start(m_loadingFiles.first(), int(m_loadingFiles.size()) - 1);
}

void MainWindow::onLoadProgress(const QString& path, qint64 bytesRead, qint64 bytesTotal, qint64 documents)
{
    if (m_loadingFiles.isEmpty() || m_loadingFiles.first() != path)
        return;
    m_importProgress->setProgress(bytesRead, bytesTotal, documents);
}

void MainWindow::cancelImport()
{
    if (!m_workspace->isLoading())
        return;
    const QStringList files = m_loadingFiles;
    m_workspace->cancelLoading();   // the loader stops within a chunk and keeps nothing
    const QString message = files.size() == 1
        ? tr("Import cancelled: %1 was not opened.").arg(QFileInfo(files.first()).fileName())
        : tr("Import cancelled: %n file(s) were not opened.", nullptr, int(files.size()));
    statusBar()->showMessage(message, 8000);
}

void MainWindow::onLoaded(std::shared_ptr<const LoadedDataset> dataset)
{
    m_loadingFiles.removeOne(dataset->path());
    showCurrentImport();
    if (dataset->report().issueCount() == 0 || m_issuePolicy == IssuePolicy::AlwaysSkip) {
        accept(std::move(dataset));
        return;
    }
    // Window-modal and asynchronous: other loads keep running while the user reads the report.
    auto* dialog = new ImportReportDialog(dataset, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::finished, this, [this, dialog](int result) {
        if (result == QDialog::Accepted) {
            accept(dialog->dataset());
        } else {
            statusBar()->showMessage(tr("%1 was not opened.").arg(dialog->dataset()->displayName()), 8000);
        }
    });
    dialog->open();
}

void MainWindow::accept(std::shared_ptr<const LoadedDataset> dataset)
{
    addRecentFile(dataset->path());
    const QString name = dataset->displayName();
    const qint64 documents = static_cast<qint64>(dataset->report().documents);
    const double seconds = dataset->report().seconds;
    if (m_project->isOpen()) {
        // Datasets opened while a project is open become part of it.
        const Result<std::int64_t> id = m_project->addDataset(*dataset);
        if (!id.ok())
            statusBar()->showMessage(tr("%1 was not added to the project: %2")
                                         .arg(name, QString::fromStdString(id.message())), 10000);
    }
    m_workspace->add(std::move(dataset));
    setCurrentPage(DataPageIndex);
    statusBar()->showMessage(tr("Opened %1: %Ln document(s) in %2 s", nullptr, int(documents))
                                 .arg(name, QLocale().toString(seconds, 'f', 1)),
                             8000);
}

void MainWindow::onLoadFailed(const QString& path, const QString& message)
{
    m_loadingFiles.removeOne(path);
    showCurrentImport();
    auto* box = new QMessageBox(QMessageBox::Warning, tr("Cannot Open Dataset"),
                                tr("Tagbench could not open %1.").arg(QFileInfo(path).fileName()),
                                QMessageBox::Ok, this);
    box->setInformativeText(message);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

int MainWindow::pageCount() const
{
    return m_pages->count();
}

QString MainWindow::pageId(int page) const
{
    switch (page) {
    case ProjectPageIndex: return QStringLiteral("project");
    case DataPageIndex: return QStringLiteral("data");
    case EvaluatePageIndex: return QStringLiteral("evaluate");
    case ReviewPageIndex: return QStringLiteral("review");
    case TrainPageIndex: return QStringLiteral("train");
    case DemoPageIndex: return QStringLiteral("demo");
    case ExportPageIndex: return QStringLiteral("export");
    }
    return QStringLiteral("page%1").arg(page);
}

void MainWindow::setCurrentPage(int page)
{
    m_pageList->setCurrentRow(page);
}

int MainWindow::currentPage() const
{
    return m_pages->currentIndex();
}

void MainWindow::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QMainWindow::changeEvent(event);
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    m_workspace->cancelLoading();
    saveSettings();
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    for (const QUrl& url : urls) {
        if (url.isLocalFile()) {
            event->acceptProposedAction();
            return;
        }
    }
}

void MainWindow::dropEvent(QDropEvent* event)
{
    for (const QUrl& url : event->mimeData()->urls()) {
        if (url.isLocalFile())
            openPath(url.toLocalFile());
    }
    event->acceptProposedAction();
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(1280, 800);
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
}

} // namespace tagbench::ui
