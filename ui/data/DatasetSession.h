#pragma once

#include <QObject>
#include <QSet>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

namespace tagbench::ui {

class LoadedDataset;
class ProjectSession;
class Workspace;

/// The rules for the datasets of a window, between the Workspace (which reads files) and the
/// pages that show them:
/// - a file read with bad records is only kept once the user saw its import report and chose
///   to skip them (reviewRequested(), then accept() or reject());
/// - a kept dataset joins the Workspace, the open project and the recent files;
/// - the datasets open when a project is opened or created join it too, so that a project never
///   holds a later file and misses the one opened before it;
/// - after files the user opened are in, showRequested() names the one to show: the train split
///   of what was opened together, else the last one. Files opened in the background (the texts
///   the Review page needs) never take the user elsewhere.
class DatasetSession final : public QObject {
    Q_OBJECT
public:
    /// What to do when an import skipped bad records.
    enum class IssuePolicy {
        Ask,          ///< reviewRequested(): the user skips or stops
        AlwaysSkip    ///< keep the good documents without asking (scripted runs, screenshots)
    };

    DatasetSession(Workspace* workspace, ProjectSession* project, QObject* parent = nullptr);

    /// Opens a dataset file the user asked for (File > Open, the command line, a drop).
    void open(const QString& path);
    void setIssuePolicy(IssuePolicy policy) { m_policy = policy; }

    /// The user kept the good records of a dataset with a report.
    void accept(std::shared_ptr<const LoadedDataset> dataset);
    /// The user did not want it.
    void reject(const std::shared_ptr<const LoadedDataset>& dataset);

    /// Imports queued or running, oldest first.
    const QStringList& pendingFiles() const { return m_pending; }
    /// Stops the imports; returns the files that were not opened.
    QStringList cancel();

signals:
    void importStarted(const QString& path, int queuedAfter);
    void importProgress(qint64 bytesRead, qint64 bytesTotal, qint64 documents);
    void importsFinished();
    /// The dataset has bad records: show its report, then call accept() or reject().
    void reviewRequested(std::shared_ptr<const tagbench::ui::LoadedDataset> dataset);
    void failed(const QString& path, const QString& message);
    /// A short report for the status bar.
    void message(const QString& text);
    /// The path of the dataset the Data page should show now.
    void showRequested(const QString& path);

private:
    void onLoaded(std::shared_ptr<const LoadedDataset> dataset);
    void onFailed(const QString& path, const QString& message);
    void nextImport();
    void addToProject(const LoadedDataset& dataset);
    void onProjectChanged();
    void showBatch();

    Workspace* m_workspace;
    ProjectSession* m_project;
    IssuePolicy m_policy = IssuePolicy::Ask;
    QStringList m_pending;
    QSet<QString> m_requested;            // files the user opened, not read yet
    std::vector<QString> m_batch;         // files the user opened that are in, since the last show
    QString m_projectPath;                // to see when another project was opened
};

} // namespace tagbench::ui
