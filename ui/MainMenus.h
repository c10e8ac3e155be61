#pragma once

#include <QObject>
#include <QStringList>

class QAction;
class QActionGroup;
class QMainWindow;
class QMenu;
class QUndoGroup;

namespace tagbench::ui {

class LanguageManager;

/// The main window's menus and their actions: File (projects, datasets, runs, recent files),
/// Edit (Undo and Redo of the page in front), View (the pages, Ctrl+1 ... Ctrl+n, and the
/// language) and Help (the page's guide on F1, About). It owns the texts and the shortcuts;
/// what the actions do is connected by the window.
class MainMenus final : public QObject {
    Q_OBJECT
public:
    enum Command { NewProject, OpenProject, OpenDataset, OpenRun, CloseDataset, Quit, Undo, Redo, Guide, About, CommandCount };

    MainMenus(QMainWindow* window, LanguageManager* languages, QUndoGroup* undo, int pageCount);

    QAction* action(Command command) const { return m_actions[command]; }
    /// The action that shows a page (Ctrl+1 for the first).
    QAction* pageAction(int page) const { return m_pageActions.value(page); }

    /// Re-sets every text; pageNames in page order.
    void retranslate(const QStringList& pageNames);
    /// Shows paths (newest first) in File > Open Recent, with their full paths.
    void setRecentFiles(const QStringList& paths);

signals:
    void recentFileChosen(const QString& path);
    void clearRecentFilesRequested();

private:
    void updateLanguageActions();
    void updateUndoActions();

    QMainWindow* m_window;
    LanguageManager* m_languages;
    QUndoGroup* m_undo;
    QAction* m_actions[CommandCount] = {};
    QList<QAction*> m_pageActions;
    QActionGroup* m_languageGroup = nullptr;
    QAction* m_systemLanguage = nullptr;
    QMenu* m_fileMenu = nullptr;
    QMenu* m_recentMenu = nullptr;
    QMenu* m_editMenu = nullptr;
    QMenu* m_viewMenu = nullptr;
    QMenu* m_languageMenu = nullptr;
    QMenu* m_helpMenu = nullptr;
    QStringList m_recent;
};

} // namespace tagbench::ui
