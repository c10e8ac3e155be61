#pragma once

#include "core/data/Dataset.h"
#include "core/data/DatasetReader.h"

#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QVector>

#include <memory>

namespace tagbench::ui {

/// Documents carrying one label.
struct LabelFrequency {
    QString label;
    qint64 documents = 0;
};

/// Per-label document counts of one dataset, most frequent first (ties by name).
struct LabelDistribution {
    qint64 documents = 0;          // documents in the dataset
    qint64 labelAssignments = 0;   // sum over documents of their label count
    QVector<LabelFrequency> labels;

    /// Labels carried by fewer than this share of documents count as rare.
    static constexpr double rareShare = 0.01;

    /// Share of documents carrying label i, in [0, 1].
    double share(int i) const;
    bool isRare(int i) const { return share(i) < rareShare; }
    int rareCount() const;
};

/// A dataset file read into memory together with what the import found and its statistics.
/// Immutable once built (in the loader thread), so the UI thread shares it without locking.
class LoadedDataset final {
public:
    LoadedDataset(QString path, std::shared_ptr<const Dataset> data, ImportReport report);

    const QString& path() const { return m_path; }
    /// File name shown in lists ("train.jsonl").
    QString displayName() const;
    /// "train", "dev", "test" guessed from the file name, or empty.
    const QString& split() const { return m_split; }
    const Dataset& data() const { return *m_data; }
    std::shared_ptr<const Dataset> sharedData() const { return m_data; }
    /// What the import found: format, counts, the lines it skipped and why.
    const ImportReport& report() const { return m_report; }
    const LabelDistribution& distribution() const { return m_distribution; }

    /// The split a file name suggests ("news-train.jsonl" -> "train"), or empty.
    static QString guessSplit(const QString& path);

private:
    QString m_path;
    QString m_split;
    std::shared_ptr<const Dataset> m_data;
    ImportReport m_report;
    LabelDistribution m_distribution;
};

/// Counts documents per label, most frequent first.
LabelDistribution computeLabelDistribution(const Dataset& data);

} // namespace tagbench::ui

Q_DECLARE_METATYPE(std::shared_ptr<const tagbench::ui::LoadedDataset>)
