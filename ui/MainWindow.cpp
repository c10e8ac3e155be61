#include "ui/MainWindow.h"

#include "ui/LanguageManager.h"
#include "ui/MainMenus.h"
#include "ui/data/DataPage.h"
#include "ui/data/DatasetSession.h"
#include "ui/data/ImportProgressWidget.h"
#include "ui/data/ImportReportDialog.h"
#include "ui/data/LoadedDataset.h"
#include "ui/data/Workspace.h"
#include "ui/demo/DemoPage.h"
#include "ui/demo/PredictionService.h"
#include "ui/evaluate/EvaluatePage.h"
#include "ui/evaluate/EvaluationSession.h"
#include "ui/export/BundleExportService.h"
#include "ui/export/ExportPage.h"
#include "ui/project/ProjectPage.h"
#include "ui/project/ProjectSession.h"
#include "ui/project/SessionState.h"
#include "ui/review/ReviewPage.h"
#include "ui/review/ReviewSession.h"
#include "ui/train/TrainConfigForm.h"
#include "ui/train/TrainPage.h"
#include "ui/train/TrainQueue.h"
#include "ui/widgets/FileDialogs.h"
#include "ui/widgets/GuideDialog.h"
#include "ui/widgets/RecentFiles.h"

#include <QAction>
#include <QCloseEvent>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QListWidget>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QSettings>
#include <QShortcut>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QUndoGroup>
#include <QUndoStack>

namespace tagbench::ui {

namespace {
RecentFiles recentFiles()
{
    return RecentFiles(QStringLiteral("files/recent"), 10);
}
} // namespace

MainWindow::MainWindow(LanguageManager* languages, QWidget* parent)
    : QMainWindow(parent)
    , m_languages(languages)
    , m_workspace(new Workspace(this))
    , m_project(new ProjectSession(this))
    , m_datasets(new DatasetSession(m_workspace, m_project, this))
    , m_evaluation(new EvaluationSession(this))
    , m_review(new ReviewSession(m_evaluation, m_project, this))
    , m_trainQueue(new TrainQueue(this))
    , m_prediction(new PredictionService(this))
    , m_exporter(new BundleExportService(this))
    , m_undoGroup(new QUndoGroup(this))
{
    setObjectName(QStringLiteral("MainWindow"));
    setAcceptDrops(true);
    createPages();
    createMenus();
    createStatusBar();
    connectServices();
    retranslateUi();
    restoreGeometryAndState();
}

MainWindow::~MainWindow() = default;

void MainWindow::createPages()
{
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

    const auto add = [this](QWidget* page, QStyle::StandardPixmap icon) {
        m_pages->addWidget(page);
        m_pageList->addItem(new QListWidgetItem(style()->standardIcon(icon), QString()));
    };
    m_projectPage = new ProjectPage(m_project, m_workspace, m_pages);
    add(m_projectPage, QStyle::SP_DirHomeIcon);
    m_dataPage = new DataPage(m_workspace, m_pages);
    add(m_dataPage, QStyle::SP_FileDialogDetailedView);
    m_evaluatePage = new EvaluatePage(m_evaluation, m_pages);
    add(m_evaluatePage, QStyle::SP_FileDialogContentsView);
    m_reviewPage = new ReviewPage(m_review, m_evaluation, m_project, m_workspace, m_pages);
    add(m_reviewPage, QStyle::SP_DialogApplyButton);
    m_trainPage = new TrainPage(m_trainQueue, m_workspace, m_project, m_pages);
    add(m_trainPage, QStyle::SP_MediaPlay);
    m_demoPage = new DemoPage(m_prediction, m_evaluation, m_pages);
    add(m_demoPage, QStyle::SP_ComputerIcon);
    m_exportPage = new ExportPage(m_evaluation, m_project, m_exporter, m_pages);
    add(m_exportPage, QStyle::SP_DialogSaveButton);
    connect(m_pageList, &QListWidget::currentRowChanged, this, &MainWindow::onPageChanged);
    m_pageList->setCurrentRow(DataPageIndex);

    m_undoGroup->addStack(m_evaluation->undoStack());
    m_undoGroup->addStack(m_review->undoStack());
    m_undoGroup->setActiveStack(m_evaluation->undoStack());
}

void MainWindow::createMenus()
{
    m_menus = new MainMenus(this, m_languages, m_undoGroup, PageCount);
    connect(m_menus->action(MainMenus::NewProject), &QAction::triggered, m_projectPage, &ProjectPage::newProjectDialog);
    connect(m_menus->action(MainMenus::OpenProject), &QAction::triggered, m_projectPage, &ProjectPage::openProjectDialog);
    connect(m_menus->action(MainMenus::OpenDataset), &QAction::triggered, this, &MainWindow::openDatasetDialog);
    connect(m_menus->action(MainMenus::OpenRun), &QAction::triggered, m_evaluatePage, &EvaluatePage::openRunDialog);
    connect(m_menus->action(MainMenus::CloseDataset), &QAction::triggered, this, &MainWindow::closeCurrentDataset);
    connect(m_menus->action(MainMenus::Quit), &QAction::triggered, this, &QWidget::close);
    connect(m_menus->action(MainMenus::Guide), &QAction::triggered, this, &MainWindow::showGuide);
    connect(m_menus->action(MainMenus::About), &QAction::triggered, this, &MainWindow::showAbout);
    for (int page = 0; page < PageCount; ++page)
        connect(m_menus->pageAction(page), &QAction::triggered, this, [this, page] { setCurrentPage(page); });
    connect(m_menus, &MainMenus::recentFileChosen, this, &MainWindow::openPath);
    connect(m_menus, &MainMenus::clearRecentFilesRequested, this, [this] {
        recentFiles().clear();
        m_menus->setRecentFiles({});
    });
    m_menus->setRecentFiles(recentFiles().paths());
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

void MainWindow::connectServices()
{
    connect(m_datasets, &DatasetSession::importStarted, this, [this](const QString& path, int queued) {
        m_cancelImportShortcut->setEnabled(true);
        m_importProgress->start(path, queued);
    });
    connect(m_datasets, &DatasetSession::importProgress, m_importProgress, &ImportProgressWidget::setProgress);
    connect(m_datasets, &DatasetSession::importsFinished, this, [this] {
        m_importProgress->finish();
        m_cancelImportShortcut->setEnabled(false);
    });
    connect(m_datasets, &DatasetSession::reviewRequested, this, &MainWindow::showImportReport);
    connect(m_datasets, &DatasetSession::failed, this, &MainWindow::showOpenError);
    connect(m_datasets, &DatasetSession::message, this, [this](const QString& text) { statusBar()->showMessage(text, 8000); });
    connect(m_datasets, &DatasetSession::showRequested, this, [this](const QString& path) {
        m_menus->setRecentFiles(recentFiles().paths());
        m_dataPage->showDataset(m_workspace->indexOfPath(path));
        setCurrentPage(DataPageIndex);
    });
    connect(m_workspace, &Workspace::datasetsChanged, this,
            [this] { m_menus->action(MainMenus::CloseDataset)->setEnabled(!m_workspace->datasets().isEmpty()); });
    connect(m_evaluation, &EvaluationSession::runLoaded, this, [this] {
        recentFiles().add(m_evaluation->run()->runDir);
        m_menus->setRecentFiles(recentFiles().paths());
        updateTitle();
        if (m_project->isOpen()) {
            const Result<std::int64_t> id = m_project->addRun(m_evaluation->run()->runDir);
            if (!id.ok())
                statusBar()->showMessage(tr("The run was not added to the project: %1").arg(QString::fromStdString(id.message())),
                                         10000);
        }
        if (currentPage() != ReviewPageIndex)
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
    connect(m_project, &ProjectSession::changed, this, &MainWindow::updateTitle);
}

void MainWindow::retranslateUi()
{
    updateTitle();
    const QStringList names{tr("Project"), tr("Data"), tr("Evaluate"), tr("Review"), tr("Train"), tr("Demo"), tr("Export")};
    for (int page = 0; page < PageCount; ++page) {
        m_pageList->item(page)->setText(names[page]);
        m_pageList->item(page)->setToolTip(tr("%1 (Ctrl+%2)").arg(names[page]).arg(page + 1));
    }
    m_pageList->setFixedWidth(std::max(120, m_pageList->sizeHintForColumn(0) + 24));
    m_menus->retranslate(names);
}

void MainWindow::updateTitle()
{
    QStringList parts;
    if (m_evaluation->hasRun())
        parts << QFileInfo(m_evaluation->run()->runDir).fileName();
    if (m_project->isOpen())
        parts << QFileInfo(m_project->path()).completeBaseName();
    parts << tr("Tagbench");
    setWindowTitle(parts.join(QStringLiteral(" — ")));
}

void MainWindow::onPageChanged(int page)
{
    m_pages->setCurrentIndex(page);
    m_undoGroup->setActiveStack(page == ReviewPageIndex ? m_review->undoStack() : m_evaluation->undoStack());
    if (m_guide && m_guide->isVisible())
        m_guide->showPage(pageId(page));
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
        showOpenError(info.absoluteFilePath(), tr("The file does not exist."));
        return;
    }
    if (info.isDir()) {
        if (EvaluatePage::isRunDirectory(info.absoluteFilePath())) {
            m_evaluatePage->openRun(info.absoluteFilePath());
            return;
        }
        showOpenError(info.absoluteFilePath(), tr("This folder is not a training run (it has no labels.txt and scores/); "
                                                  "open one of the dataset files in it."));
        return;
    }
    m_datasets->open(info.absoluteFilePath());
}

void MainWindow::restoreLastSession()
{
    const SessionState state = SessionState::load();
    if (!state.project.isEmpty() && QFileInfo::exists(state.project))
        m_projectPage->openProject(state.project);
    for (const QString& dataset : state.datasets) {
        if (QFileInfo::exists(dataset))
            m_datasets->open(dataset);
    }
    if (!state.runDir.isEmpty() && EvaluatePage::isRunDirectory(state.runDir))
        m_evaluation->loadRun(state.runDir, state.split.isEmpty() ? QStringLiteral("dev") : state.split);
    if (!state.trainSettings.isEmpty())
        m_trainPage->form()->setSettingsJson(state.trainSettings);
    for (int page = 0; page < PageCount; ++page) {
        if (pageId(page) == state.page)
            setCurrentPage(page);
    }
    // The page chosen last wins over the pages the opened files would show.
    if (!state.page.isEmpty()) {
        const QString page = state.page;
        const auto keepPage = [this, page] {
            for (int i = 0; i < PageCount; ++i) {
                if (pageId(i) == page)
                    setCurrentPage(i);
            }
        };
        connect(m_datasets, &DatasetSession::showRequested, this, keepPage, Qt::SingleShotConnection);
        connect(m_evaluation, &EvaluationSession::runLoaded, this, keepPage, Qt::SingleShotConnection);
    }
}

void MainWindow::saveSession() const
{
    SessionState state;
    state.project = m_project->isOpen() ? m_project->path() : QString();
    for (const auto& dataset : m_workspace->datasets())
        state.datasets << dataset->path();
    if (m_evaluation->hasRun()) {
        state.runDir = m_evaluation->run()->runDir;
        state.split = m_evaluation->run()->split;
    }
    state.page = pageId(currentPage());
    state.trainSettings = m_trainPage->form()->settingsJson();
    state.save();
}

void MainWindow::setAskAboutBadRecords(bool ask)
{
    m_datasets->setIssuePolicy(ask ? DatasetSession::IssuePolicy::Ask : DatasetSession::IssuePolicy::AlwaysSkip);
}

void MainWindow::openDatasetDialog()
{
    const QStringList files =
        FileDialogs::openFiles(this, tr("Open Dataset"), tr("Datasets (*.jsonl *.json *.txt *.csv *.tsv);;All files (*)"));
    for (const QString& file : files)
        openPath(file);
}

void MainWindow::closeCurrentDataset()
{
    m_workspace->remove(m_dataPage->currentDataset());
}

void MainWindow::showGuide()
{
    if (!m_guide)
        m_guide = new GuideDialog(this);
    m_guide->showPage(pageId(currentPage()));
    m_guide->show();
    m_guide->raise();
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

void MainWindow::cancelImport()
{
    m_datasets->cancel();
}

void MainWindow::showImportReport(std::shared_ptr<const LoadedDataset> dataset)
{
    // Window-modal and asynchronous: other loads keep running while the user reads the report.
    auto* dialog = new ImportReportDialog(std::move(dataset), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::finished, this, [this, dialog](int result) {
        if (result == QDialog::Accepted)
            m_datasets->accept(dialog->dataset());
        else
            m_datasets->reject(dialog->dataset());
    });
    dialog->open();
}

void MainWindow::showOpenError(const QString& path, const QString& message)
{
    auto* box = new QMessageBox(QMessageBox::Warning, tr("Cannot Open Dataset"),
                                tr("Tagbench could not open %1.").arg(QFileInfo(path).fileName()), QMessageBox::Ok, this);
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

bool MainWindow::confirmClose()
{
    QStringList unsaved;
    const bool ruleEdited = m_evaluation->hasRun() && !m_evaluation->undoStack()->isClean();
    if (ruleEdited)
        unsaved << tr("The decision rule of %1 has changes that are not saved.").arg(QFileInfo(m_evaluation->run()->runDir).fileName());
    int training = 0;
    for (int row = 0; row < m_trainQueue->rowCount(); ++row) {
        const auto state = TrainQueue::State(m_trainQueue->data(m_trainQueue->index(row), TrainQueue::StateRole).toInt());
        training += state == TrainQueue::State::Running || state == TrainQueue::State::Queued ? 1 : 0;
    }
    if (training > 0)
        unsaved << tr("%n training run(s) are running or queued; quitting stops them (a stopped run can be resumed).",
                      nullptr, training);
    if (m_exportPage->isExporting())
        unsaved << tr("A bundle is being exported; it will not be written.");
    if (unsaved.isEmpty())
        return true;
    QMessageBox box(QMessageBox::Warning, tr("Quit Tagbench"), tr("Quit with unfinished work?"), QMessageBox::NoButton, this);
    box.setObjectName(QStringLiteral("confirmQuit"));
    box.setInformativeText(unsaved.join(QLatin1Char('\n')));
    QPushButton* save = ruleEdited ? box.addButton(tr("&Save Rule and Quit"), QMessageBox::AcceptRole) : nullptr;
    QPushButton* quit = box.addButton(tr("&Quit Anyway"), QMessageBox::DestructiveRole);
    QPushButton* stay = box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(save ? save : stay);
    box.exec();
    if (box.clickedButton() == save) {
        const Status saved = m_evaluation->saveRule();
        if (!saved.ok()) {
            QMessageBox::warning(this, tr("Cannot Save Rule"), QString::fromStdString(saved.message()));
            return false;
        }
        return true;
    }
    return box.clickedButton() == quit;
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (!confirmClose()) {
        event->ignore();
        return;
    }
    m_workspace->cancelLoading();
    m_trainQueue->cancelAll();
    saveSession();
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
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

void MainWindow::restoreGeometryAndState()
{
    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(1280, 800);
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
}

} // namespace tagbench::ui
