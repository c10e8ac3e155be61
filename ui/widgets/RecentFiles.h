#pragma once

#include <QString>
#include <QStringList>

namespace tagbench::ui {

/// A most-recently-used list of paths kept in the settings under one key, newest first, without
/// duplicates and at most a given length: the File menu's recent files and the Project page's
/// recent projects are two of them.
class RecentFiles final {
public:
    RecentFiles(QString settingsKey, int maximum);

    QStringList paths() const;
    /// Puts path first (absolute), dropping an older entry for it and the oldest beyond the maximum.
    void add(const QString& path);
    void remove(const QString& path);
    void clear();

private:
    QString m_key;
    int m_maximum;
};

} // namespace tagbench::ui
