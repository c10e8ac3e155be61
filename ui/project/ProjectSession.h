#pragma once

#include "core/storage/ProjectRecords.h"
#include "core/storage/ProjectStore.h"
#include "core/util/Result.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>
#include <vector>

namespace tagbench::ui {

class LoadedDataset;

/// The open project (one SQLite file through core's ProjectStore) and the recent-projects list.
/// Reads and small writes run on the UI thread: each is one short transaction on a local file.
class ProjectSession final : public QObject {
    Q_OBJECT
public:
    /// File name suffix of project files.
    static constexpr const char* suffix = "tagbench-project";

    explicit ProjectSession(QObject* parent = nullptr);
    ~ProjectSession() override;

    /// Opens path, creating the project when the file does not exist.
    Status open(const QString& path);
    void close();
    bool isOpen() const { return m_store != nullptr; }
    QString path() const { return m_path; }

    /// Registers a loaded dataset file (once per content hash); returns its id.
    Result<std::int64_t> addDataset(const LoadedDataset& dataset);
    /// Registers a training run folder (reads run.json/config.json when present); returns its id.
    /// A folder already in the project is refreshed from those files (status, metrics, config).
    Result<std::int64_t> addRun(const QString& runDir);
    Status removeDataset(std::int64_t id);
    Status removeRun(std::int64_t id);

    /// Records (or replaces) an annotator's decision on one document of a registered run.
    Status recordReview(ReviewRecord review);
    /// Forgets the decision on one document (undo of a first decision).
    Status removeReview(std::int64_t runId, const QString& split, std::int64_t docIndex);
    /// Decisions recorded for runDir's split (empty when the run is not in the project).
    Result<std::vector<ReviewRecord>> reviews(const QString& runDir, const QString& split) const;

    std::vector<DatasetRecord> datasets() const { return m_datasets; }
    std::vector<RunRecord> runs() const { return m_runs; }

    /// Most recently opened project files, newest first.
    static QStringList recentProjects();

signals:
    /// Opened, closed, or its datasets/runs changed.
    void changed();

private:
    Status reload();

    std::unique_ptr<ProjectStore> m_store;
    QString m_path;
    std::vector<DatasetRecord> m_datasets;
    std::vector<RunRecord> m_runs;
};

} // namespace tagbench::ui
