#pragma once

#include <QFile>
#include <QTemporaryDir>

namespace tagbench::test {

/// Writes bytes to name inside dir and returns the path (empty when it cannot be written).
inline QString writeFile(const QTemporaryDir& dir, const QString& name, const QByteArray& bytes)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size()) return {};
    return path;
}

} // namespace tagbench::test
