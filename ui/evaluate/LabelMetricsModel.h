#pragma once

#include "core/eval/Metrics.h"

#include <QAbstractTableModel>

#include <optional>

namespace tagbench::ui {

class EvaluationSession;

/// Per-label quality under the session's current rule: enabled, threshold (editable; bold when
/// the label has its own), support, predictions, P, R, F1. Edits go to the session (undoable).
class LabelMetricsModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        LabelColumn, EnabledColumn, ThresholdColumn, SupportColumn, PredictedColumn,
        PrecisionColumn, RecallColumn, F1Column, ColumnCount
    };
    static constexpr int SortRole = Qt::UserRole + 1;
    /// Label index (column of the score matrix) of a row.
    static constexpr int LabelIndexRole = Qt::UserRole + 2;

    explicit LabelMetricsModel(EvaluationSession* session, QObject* parent = nullptr);

    /// Re-reads the metrics (after every rule change); rows stay, values change.
    void refresh();
    /// Rebuilds rows for a newly loaded run.
    void reset();
    const eval::Metrics& metrics() const { return m_metrics; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void retranslate();

private:
    EvaluationSession* m_session;
    eval::Metrics m_metrics;
    int m_rows = 0;
};

} // namespace tagbench::ui
