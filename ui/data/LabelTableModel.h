#pragma once

#include "ui/data/LoadedDataset.h"

#include <QAbstractTableModel>

namespace tagbench::ui {

/// One row per label of a distribution: name, documents, share of documents. Rare labels
/// (< 1% of documents) carry a warning tint. Numeric columns sort by SortRole.
class LabelTableModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { LabelColumn, DocumentsColumn, ShareColumn, ColumnCount };
    /// Role with the raw value used for sorting (numbers for numeric columns).
    static constexpr int SortRole = Qt::UserRole + 1;

    explicit LabelTableModel(QObject* parent = nullptr);

    void setDistribution(const LabelDistribution& distribution);
    const LabelDistribution& distribution() const { return m_distribution; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// Header texts are translated when asked for; views re-ask after this.
    void retranslate();

private:
    LabelDistribution m_distribution;
};

} // namespace tagbench::ui
