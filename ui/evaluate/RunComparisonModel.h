#pragma once

#include "core/eval/RunComparison.h"

#include <QAbstractTableModel>
#include <QColor>

#include <memory>

namespace tagbench::ui {

struct RunComparisonData;

/// One row per label of a run comparison: label, support, F1 of run A and B, the delta and
/// whether B improved or regressed the label (coloured green / red).
class RunComparisonModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { LabelColumn, SupportColumn, F1AColumn, F1BColumn, DeltaColumn, ChangeColumn, ColumnCount };
    enum class Change { Improved, Regressed, Unchanged };
    static constexpr int SortRole = Qt::UserRole + 1;

    explicit RunComparisonModel(QObject* parent = nullptr);

    /// Shows data (rows in label order); nullptr clears the model.
    void setComparison(std::shared_ptr<const RunComparisonData> data);
    const RunComparisonData* comparison() const { return m_data.get(); }

    /// The delta of a row (label order).
    const eval::LabelDelta& deltaAt(int row) const { return m_rows[static_cast<std::size_t>(row)].delta; }
    Change changeAt(int row) const { return m_rows[static_cast<std::size_t>(row)].change; }
    /// Re-reads translated texts (headers, change words).
    void retranslate();

    static QColor improvedColor();
    static QColor regressedColor();

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row {
        eval::LabelDelta delta;
        Change change = Change::Unchanged;
    };
    QString changeText(Change change) const;

    std::shared_ptr<const RunComparisonData> m_data;
    std::vector<Row> m_rows;
};

} // namespace tagbench::ui
