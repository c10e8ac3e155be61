#pragma once

#include <QString>
#include <QStringList>

// Runs the built tagbench-cli for the CLI tests and captures what it printed.
namespace tagbench::test {

/// Exit code (-1 when it did not finish normally in time) and the decoded output streams.
struct CliRun {
    int exitCode = -1;
    QString out;
    QString err;
};

/// Runs tagbench-cli with arguments, waiting at most timeoutMs; workingDirectory empty = inherit.
CliRun runCli(const QStringList& arguments, int timeoutMs = 120000, const QString& workingDirectory = {});

/// Copies the directory tree from into to (created when missing); false on any failure.
bool copyTree(const QString& from, const QString& to);

} // namespace tagbench::test
