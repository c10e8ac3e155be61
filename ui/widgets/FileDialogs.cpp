#include "ui/widgets/FileDialogs.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QSettings>

namespace tagbench::ui {

namespace {
constexpr const char* lastFolderKey = "files/lastDirectory";
} // namespace

QString FileDialogs::lastFolder()
{
    const QString saved = QSettings().value(lastFolderKey).toString();
    return !saved.isEmpty() && QFileInfo(saved).isDir() ? saved : QDir::homePath();
}

void FileDialogs::remember(const QString& path)
{
    const QFileInfo info(path);
    QSettings().setValue(lastFolderKey, info.isDir() ? info.absoluteFilePath() : info.absolutePath());
}

QString FileDialogs::openFile(QWidget* parent, const QString& title, const QString& filter)
{
    const QString file = QFileDialog::getOpenFileName(parent, title, lastFolder(), filter);
    if (!file.isEmpty())
        remember(file);
    return file;
}

QStringList FileDialogs::openFiles(QWidget* parent, const QString& title, const QString& filter)
{
    const QStringList files = QFileDialog::getOpenFileNames(parent, title, lastFolder(), filter);
    if (!files.isEmpty())
        remember(files.first());
    return files;
}

QString FileDialogs::saveFile(QWidget* parent, const QString& title, const QString& suggestedName, const QString& filter)
{
    const QString start = QFileInfo(suggestedName).isAbsolute() ? suggestedName : QDir(lastFolder()).filePath(suggestedName);
    const QString file = QFileDialog::getSaveFileName(parent, title, start, filter);
    if (!file.isEmpty())
        remember(file);
    return file;
}

QString FileDialogs::directory(QWidget* parent, const QString& title)
{
    const QString dir = QFileDialog::getExistingDirectory(parent, title, lastFolder());
    if (!dir.isEmpty())
        remember(dir);
    return dir;
}

} // namespace tagbench::ui
