#pragma once

#include "core/data/Dataset.h"
#include "core/data/DatasetReader.h"
#include "core/data/LabelHierarchy.h"
#include "core/stats/LabelStatistics.h"

#include <QMetaType>
#include <QString>
#include <QVector>

#include <memory>

namespace tagbench::ui {

/// Documents carrying one label, as the charts and tables show it.
struct LabelCount {
    QString label;
    qint64 documents = 0;
    bool rare = false;          ///< below the rare threshold of the statistics
    bool unseenInTrain = false; ///< the split's train set never carries this label
};

/// Per-label document counts of one dataset, most frequent first (ties by name).
struct LabelDistribution {
    qint64 documents = 0;          ///< documents in the dataset
    qint64 labelAssignments = 0;   ///< sum over documents of their label count
    QVector<LabelCount> labels;

    /// Share of documents carrying label i, in [0, 1].
    double share(int i) const;
    bool isRare(int i) const { return i >= 0 && i < labels.size() && labels[i].rare; }
    int rareCount() const;
    int unseenInTrainCount() const;
};

/// The Qt-side view of core's statistics (names converted once, in the loader thread).
/// unseenInTrain lists labels to flag (from markUnseenInTrain).
LabelDistribution toDistribution(const SplitStatistics& statistics);

/// A dataset file read into memory together with what the import found and its statistics.
/// Immutable once built (in the loader thread), so the UI thread shares it without locking.
class LoadedDataset final {
public:
    LoadedDataset(QString path, std::shared_ptr<const Dataset> data, ImportReport report,
                  QString contentHash = {});

    const QString& path() const { return m_path; }
    /// Folder and file name shown in lists ("car-news-zh/train.jsonl").
    QString displayName() const;
    /// "train", "dev", "test" guessed from the file name, or empty.
    const QString& split() const { return m_split; }
    const Dataset& data() const { return *m_data; }
    std::shared_ptr<const Dataset> sharedData() const { return m_data; }
    /// What the import found: format, counts, the lines it skipped and why.
    const ImportReport& report() const { return m_report; }
    /// "xxh64:..." of the file's bytes (empty for in-memory data), the key projects use.
    const QString& contentHash() const { return m_contentHash; }
    /// Core's label statistics (distribution, cardinality histogram, co-occurrence, levels).
    const SplitStatistics& statistics() const { return m_statistics; }
    const LabelHierarchy& hierarchy() const { return m_hierarchy; }
    const LabelDistribution& distribution() const { return m_distribution; }

    /// A copy whose labels missing from train are flagged; train is the corpus' train split.
    std::shared_ptr<const LoadedDataset> withTrain(const LoadedDataset& train) const;

    /// The split a file name suggests ("news-train.jsonl" -> "train"), or empty.
    static QString guessSplit(const QString& path);

private:
    QString m_path;
    QString m_split;
    std::shared_ptr<const Dataset> m_data;
    ImportReport m_report;
    QString m_contentHash;
    SplitStatistics m_statistics;
    LabelHierarchy m_hierarchy;
    LabelDistribution m_distribution;
};

} // namespace tagbench::ui

Q_DECLARE_METATYPE(std::shared_ptr<const tagbench::ui::LoadedDataset>)
