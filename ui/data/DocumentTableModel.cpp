#include "ui/data/DocumentTableModel.h"

#include "core/data/Dataset.h"

#include <QLocale>

#include <algorithm>

namespace tagbench::ui {

namespace {
// Table cells show the start of the text; the reading pane and the tooltip have the rest.
constexpr int previewCharacters = 240;

QString fromView(std::string_view text)
{
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}
} // namespace

DocumentTableModel::DocumentTableModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void DocumentTableModel::setDataset(std::shared_ptr<const Dataset> dataset)
{
    beginResetModel();
    m_dataset = std::move(dataset);
    m_labelFilter = -1;
    m_textFilter.clear();
    rebuildRows();
    endResetModel();
}

void DocumentTableModel::setLabelFilter(std::int32_t labelId)
{
    beginResetModel();
    m_labelFilter = labelId;
    rebuildRows();
    endResetModel();
}

void DocumentTableModel::setTextFilter(const QString& text)
{
    if (text == m_textFilter)
        return;
    beginResetModel();
    m_textFilter = text;
    rebuildRows();
    endResetModel();
}

void DocumentTableModel::rebuildRows()
{
    m_rows.clear();
    if (!m_dataset)
        return;
    m_rows.reserve(m_labelFilter < 0 && m_textFilter.isEmpty() ? m_dataset->size() : 0);
    for (std::size_t doc = 0; doc < m_dataset->size(); ++doc) {
        if (m_labelFilter >= 0) {
            const auto labels = m_dataset->labels(doc);
            if (std::find(labels.begin(), labels.end(), m_labelFilter) == labels.end())
                continue;
        }
        if (!m_textFilter.isEmpty() && !fromView(m_dataset->text(doc)).contains(m_textFilter, Qt::CaseInsensitive)
            && !fromView(m_dataset->id(doc)).contains(m_textFilter, Qt::CaseInsensitive))
            continue;
        m_rows.push_back(doc);
    }
}

QString DocumentTableModel::text(std::size_t document) const
{
    return m_dataset && document < m_dataset->size() ? fromView(m_dataset->text(document)) : QString();
}

QString DocumentTableModel::idOf(std::size_t document) const
{
    return m_dataset && document < m_dataset->size() ? fromView(m_dataset->id(document)) : QString();
}

QString DocumentTableModel::labelsOf(std::size_t document) const
{
    if (!m_dataset || document >= m_dataset->size())
        return {};
    QStringList names;
    for (const std::int32_t id : m_dataset->labels(document))
        names << QString::fromStdString(m_dataset->labelNames()[static_cast<std::size_t>(id)]);
    return names.join(QStringLiteral(", "));
}

int DocumentTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int DocumentTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DocumentTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || !m_dataset || index.row() >= rowCount())
        return {};
    const std::size_t doc = documentAt(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case LineColumn: return QLocale().toString(static_cast<qulonglong>(m_dataset->sourceLine(doc)));
        case IdColumn: return fromView(m_dataset->id(doc));
        case LabelsColumn: return labelsOf(doc);
        case TextColumn: {
            QString text = fromView(m_dataset->text(doc));
            if (text.size() > previewCharacters)
                text = text.left(previewCharacters) + QStringLiteral("…");
            return text.simplified();
        }
        }
    } else if (role == Qt::ToolTipRole && index.column() == TextColumn) {
        return fromView(m_dataset->text(doc));
    } else if (role == Qt::ToolTipRole && index.column() == LabelsColumn) {
        return labelsOf(doc);
    } else if (role == Qt::TextAlignmentRole && index.column() == LineColumn) {
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    }
    return {};
}

QVariant DocumentTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case LineColumn: return tr("Line");
    case IdColumn: return tr("Id");
    case LabelsColumn: return tr("Labels");
    case TextColumn: return tr("Text");
    }
    return {};
}

void DocumentTableModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
}

} // namespace tagbench::ui
