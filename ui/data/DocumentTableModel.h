#pragma once

#include <QAbstractTableModel>

#include <cstdint>
#include <memory>
#include <vector>

namespace tagbench {
class Dataset;
}

namespace tagbench::ui {

/// The documents of a dataset (line, id, labels, text), optionally only those with one label
/// and those whose text contains a search string. Reads straight from the column-wise Dataset;
/// only the filtered row numbers are stored.
class DocumentTableModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { LineColumn, IdColumn, LabelsColumn, TextColumn, ColumnCount };

    explicit DocumentTableModel(QObject* parent = nullptr);

    void setDataset(std::shared_ptr<const Dataset> dataset);
    /// Shows only documents carrying labelId; -1 shows all.
    void setLabelFilter(std::int32_t labelId);
    std::int32_t labelFilter() const { return m_labelFilter; }
    /// Shows only documents whose text (or id) contains text, ignoring case; empty shows all.
    void setTextFilter(const QString& text);
    /// The document's whole text, its labels and id (what the reading pane shows).
    QString text(std::size_t document) const;
    QString labelsOf(std::size_t document) const;
    QString idOf(std::size_t document) const;
    /// Dataset row of a model row.
    std::size_t documentAt(int row) const { return m_rows[static_cast<std::size_t>(row)]; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void retranslate();

private:
    void rebuildRows();

    std::shared_ptr<const Dataset> m_dataset;
    std::int32_t m_labelFilter = -1;
    QString m_textFilter;
    std::vector<std::size_t> m_rows;
};

} // namespace tagbench::ui
