#include "ui/MainMenus.h"

#include "ui/LanguageManager.h"

#include <QAction>
#include <QActionGroup>
#include <QDir>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QStyle>
#include <QUndoGroup>
#include <QUndoStack>

namespace tagbench::ui {

MainMenus::MainMenus(QMainWindow* window, LanguageManager* languages, QUndoGroup* undo, int pageCount)
    : QObject(window)
    , m_window(window)
    , m_languages(languages)
    , m_undo(undo)
{
    QStyle* style = window->style();
    const auto make = [this, window](Command command, const char* name, const QIcon& icon = QIcon()) {
        auto* action = new QAction(icon, QString(), window);
        action->setObjectName(QLatin1String(name));
        // On the window too, so that the keys work whatever has the focus.
        window->addAction(action);
        m_actions[command] = action;
        return action;
    };
    make(NewProject, "fileNewProject", style->standardIcon(QStyle::SP_FileIcon))->setShortcut(QKeySequence::New);
    make(OpenProject, "fileOpenProject");
    make(OpenDataset, "fileOpenDataset", style->standardIcon(QStyle::SP_DialogOpenButton))->setShortcut(QKeySequence::Open);
    make(OpenRun, "fileOpenRun", style->standardIcon(QStyle::SP_DirOpenIcon))->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    make(CloseDataset, "fileCloseDataset")->setShortcuts(QKeySequence::Close);   // Ctrl+W too, not only Ctrl+F4
    m_actions[CloseDataset]->setEnabled(false);
    make(Quit, "fileQuit")->setShortcut(QKeySequence::Quit);
    m_actions[Quit]->setMenuRole(QAction::QuitRole);
    // Undo and Redo act on the page in front: the rule edits of Evaluate, the decisions of Review.
    make(Undo, "editUndo", style->standardIcon(QStyle::SP_ArrowBack))->setShortcuts(QKeySequence::Undo);
    make(Redo, "editRedo", style->standardIcon(QStyle::SP_ArrowForward))->setShortcuts(QKeySequence::Redo);
    connect(m_actions[Undo], &QAction::triggered, m_undo, &QUndoGroup::undo);
    connect(m_actions[Redo], &QAction::triggered, m_undo, &QUndoGroup::redo);
    connect(m_undo, &QUndoGroup::canUndoChanged, this, &MainMenus::updateUndoActions);
    connect(m_undo, &QUndoGroup::canRedoChanged, this, &MainMenus::updateUndoActions);
    connect(m_undo, &QUndoGroup::undoTextChanged, this, &MainMenus::updateUndoActions);
    connect(m_undo, &QUndoGroup::redoTextChanged, this, &MainMenus::updateUndoActions);
    connect(m_undo, &QUndoGroup::activeStackChanged, this, &MainMenus::updateUndoActions);
    make(Guide, "helpGuide", style->standardIcon(QStyle::SP_DialogHelpButton))->setShortcut(QKeySequence::HelpContents);
    make(About, "helpAbout")->setMenuRole(QAction::AboutRole);
    for (int page = 0; page < pageCount; ++page) {
        auto* action = new QAction(window);
        action->setObjectName(QStringLiteral("viewPage%1").arg(page + 1));
        if (page < 9)
            action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + page)));
        window->addAction(action);
        m_pageActions << action;
    }

    m_languageGroup = new QActionGroup(this);
    m_systemLanguage = new QAction(m_languageGroup);
    m_systemLanguage->setCheckable(true);
    m_systemLanguage->setData(QString::fromLatin1(LanguageManager::systemLanguage));
    for (const QString& code : LanguageManager::availableLanguages()) {
        // Each language is named in itself so that a user who cannot read the current UI finds it.
        auto* action = new QAction(LanguageManager::nativeName(code), m_languageGroup);
        action->setCheckable(true);
        action->setData(code);
    }
    connect(m_languageGroup, &QActionGroup::triggered, this,
            [this](QAction* action) { m_languages->setPreferredLanguage(action->data().toString()); });
    connect(m_languages, &LanguageManager::languageChanged, this, &MainMenus::updateLanguageActions);

    QMenuBar* bar = window->menuBar();
    m_fileMenu = bar->addMenu(QString());
    m_fileMenu->addActions({m_actions[NewProject], m_actions[OpenProject]});
    m_fileMenu->addSeparator();
    m_fileMenu->addActions({m_actions[OpenDataset], m_actions[OpenRun]});
    m_recentMenu = m_fileMenu->addMenu(QString());
    m_recentMenu->setObjectName(QStringLiteral("recentMenu"));
    m_fileMenu->addAction(m_actions[CloseDataset]);
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_actions[Quit]);
    m_editMenu = bar->addMenu(QString());
    m_editMenu->addActions({m_actions[Undo], m_actions[Redo]});
    m_viewMenu = bar->addMenu(QString());
    m_viewMenu->addActions(m_pageActions);
    m_viewMenu->addSeparator();
    m_languageMenu = m_viewMenu->addMenu(QString());
    m_languageMenu->addAction(m_systemLanguage);
    m_languageMenu->addSeparator();
    for (QAction* action : m_languageGroup->actions()) {
        if (action != m_systemLanguage)
            m_languageMenu->addAction(action);
    }
    m_helpMenu = bar->addMenu(QString());
    m_helpMenu->addAction(m_actions[Guide]);
    m_helpMenu->addSeparator();
    m_helpMenu->addAction(m_actions[About]);
    updateLanguageActions();
    updateUndoActions();
}

void MainMenus::retranslate(const QStringList& pageNames)
{
    m_fileMenu->setTitle(tr("&File"));
    m_actions[NewProject]->setText(tr("&New Project…"));
    m_actions[OpenProject]->setText(tr("Open &Project…"));
    m_actions[OpenDataset]->setText(tr("&Open Dataset…"));
    m_actions[OpenDataset]->setStatusTip(tr("Open a JSON lines, NeuralClassifier, fastText, CSV or TSV dataset"));
    m_actions[OpenRun]->setText(tr("Open &Run…"));
    m_actions[OpenRun]->setStatusTip(tr("Open a training run folder to evaluate and tune its thresholds"));
    m_recentMenu->setTitle(tr("Open &Recent"));
    m_actions[CloseDataset]->setText(tr("&Close Dataset"));
    m_actions[Quit]->setText(tr("&Quit"));
    m_editMenu->setTitle(tr("&Edit"));
    m_viewMenu->setTitle(tr("&View"));
    for (int page = 0; page < m_pageActions.size(); ++page)
        m_pageActions[page]->setText(tr("&%1 %2").arg(page + 1).arg(pageNames.value(page)));
    m_languageMenu->setTitle(tr("&Language"));
    m_systemLanguage->setText(tr("&System Default"));
    m_helpMenu->setTitle(tr("&Help"));
    m_actions[Guide]->setText(tr("&Guide to This Page"));
    m_actions[About]->setText(tr("&About Tagbench"));
    updateUndoActions();
    setRecentFiles(m_recent);
}

void MainMenus::setRecentFiles(const QStringList& paths)
{
    m_recent = paths;
    m_recentMenu->clear();
    for (int i = 0; i < paths.size(); ++i) {
        // The full path: the splits of different corpora share their file names.
        const QString path = paths[i];
        const QString shown = QDir::toNativeSeparators(path);
        QAction* action = m_recentMenu->addAction(i < 9 ? QStringLiteral("&%1 %2").arg(i + 1).arg(shown) : shown);
        action->setStatusTip(shown);
        connect(action, &QAction::triggered, this, [this, path] { emit recentFileChosen(path); });
    }
    if (!paths.isEmpty()) {
        m_recentMenu->addSeparator();
        connect(m_recentMenu->addAction(tr("Clear List")), &QAction::triggered, this, &MainMenus::clearRecentFilesRequested);
    }
    m_recentMenu->setEnabled(!paths.isEmpty());
}

void MainMenus::updateLanguageActions()
{
    const QString preferred = m_languages->preferredLanguage();
    bool matched = false;
    for (QAction* action : m_languageGroup->actions()) {
        const bool on = action->data().toString() == preferred;
        action->setChecked(on);
        matched = matched || on;
    }
    if (!matched)
        m_systemLanguage->setChecked(true);
}

void MainMenus::updateUndoActions()
{
    const QString undo = m_undo->undoText();
    const QString redo = m_undo->redoText();
    m_actions[Undo]->setText(undo.isEmpty() ? tr("&Undo") : tr("&Undo %1").arg(undo));
    m_actions[Redo]->setText(redo.isEmpty() ? tr("&Redo") : tr("&Redo %1").arg(redo));
    m_actions[Undo]->setEnabled(m_undo->canUndo());
    m_actions[Redo]->setEnabled(m_undo->canRedo());
}

} // namespace tagbench::ui
