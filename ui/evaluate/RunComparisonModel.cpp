#include "ui/evaluate/RunComparisonModel.h"

#include "ui/evaluate/RunCompareWorker.h"

#include <QBrush>
#include <QFont>

#include <algorithm>

namespace tagbench::ui {

RunComparisonModel::RunComparisonModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

QColor RunComparisonModel::improvedColor()
{
    return QColor(0x2e, 0x8b, 0x57);
}

QColor RunComparisonModel::regressedColor()
{
    return QColor(0xc6, 0x28, 0x28);
}

void RunComparisonModel::setComparison(std::shared_ptr<const RunComparisonData> data)
{
    beginResetModel();
    m_data = std::move(data);
    m_rows.clear();
    if (m_data) {
        const eval::RunComparison& c = m_data->comparison;
        m_rows.reserve(c.improved.size() + c.regressed.size() + c.unchanged.size());
        for (const eval::LabelDelta& d : c.improved)
            m_rows.push_back({d, Change::Improved});
        for (const eval::LabelDelta& d : c.regressed)
            m_rows.push_back({d, Change::Regressed});
        for (const eval::LabelDelta& d : c.unchanged)
            m_rows.push_back({d, Change::Unchanged});
        std::sort(m_rows.begin(), m_rows.end(), [](const Row& a, const Row& b) { return a.delta.label < b.delta.label; });
    }
    endResetModel();
}

void RunComparisonModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_rows.empty())
        emit dataChanged(index(0, ChangeColumn), index(rowCount() - 1, ChangeColumn), {Qt::DisplayRole});
}

int RunComparisonModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int RunComparisonModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString RunComparisonModel::changeText(Change change) const
{
    switch (change) {
    case Change::Improved: return tr("improved");
    case Change::Regressed: return tr("regressed");
    case Change::Unchanged: break;
    }
    return tr("unchanged");
}

QVariant RunComparisonModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const Row& row = m_rows[static_cast<std::size_t>(index.row())];
    const eval::LabelDelta& d = row.delta;
    if (role == Qt::DisplayRole || role == SortRole) {
        const bool sort = role == SortRole;
        switch (index.column()) {
        case LabelColumn: return QString::fromStdString(m_data->labels[d.label]);
        case SupportColumn: return static_cast<qlonglong>(d.support);
        case F1AColumn: return sort ? QVariant(d.f1A) : QVariant(QString::number(d.f1A, 'f', 4));
        case F1BColumn: return sort ? QVariant(d.f1B) : QVariant(QString::number(d.f1B, 'f', 4));
        case DeltaColumn:
            if (sort)
                return d.delta;
            return row.change == Change::Unchanged ? QString::number(0.0, 'f', 4) : QString::asprintf("%+.4f", d.delta);
        case ChangeColumn: return sort ? QVariant(static_cast<int>(row.change)) : QVariant(changeText(row.change));
        default: return {};
        }
    }
    if (role == Qt::ForegroundRole && (index.column() == DeltaColumn || index.column() == ChangeColumn)) {
        if (row.change == Change::Improved)
            return QBrush(improvedColor());
        if (row.change == Change::Regressed)
            return QBrush(regressedColor());
        return {};
    }
    if (role == Qt::FontRole && index.column() == ChangeColumn && row.change != Change::Unchanged) {
        QFont font;
        font.setBold(true);
        return font;
    }
    if (role == Qt::TextAlignmentRole && index.column() != LabelColumn && index.column() != ChangeColumn)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant RunComparisonModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case LabelColumn: return tr("Label");
    case SupportColumn: return tr("Support");
    case F1AColumn: return tr("F1 A");
    case F1BColumn: return tr("F1 B");
    case DeltaColumn: return tr("Δ F1");
    case ChangeColumn: return tr("Change");
    default: return {};
    }
}

} // namespace tagbench::ui
