#pragma once

#include <QString>
#include <QStringList>

class QWidget;

namespace tagbench::ui {

/// Every file and folder dialog of the app. Each starts in the folder the user last picked
/// something in (in any of them; the home folder the first time) and remembers the new one,
/// as desktop tools do, so that the datasets, runs and reports of one corpus are a click away.
class FileDialogs final {
public:
    FileDialogs() = delete;

    static QString openFile(QWidget* parent, const QString& title, const QString& filter);
    static QStringList openFiles(QWidget* parent, const QString& title, const QString& filter);
    /// suggestedName: a file name offered in the last folder, or an absolute path to start from.
    static QString saveFile(QWidget* parent, const QString& title, const QString& suggestedName, const QString& filter);
    static QString directory(QWidget* parent, const QString& title);

    /// The folder the next dialog starts in.
    static QString lastFolder();
    /// Remembers the folder of path (a file) or path itself (a folder).
    static void remember(const QString& path);
};

} // namespace tagbench::ui
