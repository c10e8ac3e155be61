#include "ui/data/LabelTableModel.h"

#include "ui/widgets/ChartStyle.h"

#include <QApplication>
#include <QBrush>
#include <QStyle>
#include <QLocale>

namespace tagbench::ui {

LabelTableModel::LabelTableModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void LabelTableModel::setDistribution(const LabelDistribution& distribution)
{
    beginResetModel();
    m_distribution = distribution;
    endResetModel();
}

int LabelTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : m_distribution.labels.size();
}

int LabelTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LabelTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_distribution.labels.size())
        return {};
    const int row = index.row();
    const LabelCount& label = m_distribution.labels[row];
    const double share = m_distribution.share(row);
    const bool rare = m_distribution.isRare(row);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case LabelColumn: return label.label;
        case DocumentsColumn: return QLocale().toString(label.documents);
        case ShareColumn: return QStringLiteral("%1 %").arg(QLocale().toString(100.0 * share, 'f', 2));
        }
        break;
    case SortRole:
        switch (index.column()) {
        case LabelColumn: return label.label;
        case DocumentsColumn: return label.documents;
        case ShareColumn: return share;
        }
        break;
    case Qt::TextAlignmentRole:
        if (index.column() != LabelColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case Qt::BackgroundRole:
        if (rare) {
            QColor tint = chartstyle::rare();
            tint.setAlpha(60);
            return QBrush(tint);
        }
        break;
    case Qt::ForegroundRole:
        if (label.unseenInTrain)
            return QBrush(chartstyle::missing());
        break;
    case Qt::DecorationRole:
        if (label.unseenInTrain && index.column() == LabelColumn)
            return QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
        break;
    case Qt::ToolTipRole:
        if (label.unseenInTrain)
            return tr("Missing from train: no training document carries this label, so a model cannot "
                      "learn it.");
        if (rare)
            return tr("Rare label: fewer than 1% of the documents carry it.");
        break;
    }
    return {};
}

QVariant LabelTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case LabelColumn: return tr("Label");
    case DocumentsColumn: return tr("Documents");
    case ShareColumn: return tr("Share of documents");
    }
    return {};
}

void LabelTableModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (rowCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1), {Qt::ToolTipRole, Qt::DisplayRole});
}

} // namespace tagbench::ui
