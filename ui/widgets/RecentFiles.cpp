#include "ui/widgets/RecentFiles.h"

#include <QFileInfo>
#include <QSettings>

namespace tagbench::ui {

RecentFiles::RecentFiles(QString settingsKey, int maximum)
    : m_key(std::move(settingsKey))
    , m_maximum(maximum)
{
}

QStringList RecentFiles::paths() const
{
    return QSettings().value(m_key).toStringList();
}

void RecentFiles::add(const QString& path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList recent = paths();
    recent.removeAll(absolute);
    recent.prepend(absolute);
    while (recent.size() > m_maximum)
        recent.removeLast();
    QSettings().setValue(m_key, recent);
}

void RecentFiles::remove(const QString& path)
{
    QStringList recent = paths();
    if (recent.removeAll(QFileInfo(path).absoluteFilePath()) > 0)
        QSettings().setValue(m_key, recent);
}

void RecentFiles::clear()
{
    QSettings().remove(m_key);
}

} // namespace tagbench::ui
