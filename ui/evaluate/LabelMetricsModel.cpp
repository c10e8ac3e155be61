#include "ui/evaluate/LabelMetricsModel.h"

#include "core/eval/InteractiveEvaluator.h"
#include "ui/evaluate/EvaluationSession.h"

#include <QFont>
#include <QColor>
#include <QLocale>

#include <cmath>

namespace tagbench::ui {

LabelMetricsModel::LabelMetricsModel(EvaluationSession* session, QObject* parent)
    : QAbstractTableModel(parent)
    , m_session(session)
{
}

void LabelMetricsModel::reset()
{
    beginResetModel();
    m_rows = static_cast<int>(m_session->labelNames().size());
    m_metrics = m_session->evaluator() ? m_session->evaluator()->metrics() : eval::Metrics{};
    endResetModel();
}

void LabelMetricsModel::refresh()
{
    if (static_cast<int>(m_session->labelNames().size()) != m_rows) {
        reset();
        return;
    }
    if (!m_session->evaluator())
        return;
    m_metrics = m_session->evaluator()->metrics();
    if (m_rows > 0)
        emit dataChanged(index(0, 0), index(m_rows - 1, ColumnCount - 1));
}

int LabelMetricsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

int LabelMetricsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LabelMetricsModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows || static_cast<std::size_t>(index.row()) >= m_metrics.labels.size())
        return {};
    const auto label = static_cast<std::uint32_t>(index.row());
    const eval::LabelMetrics& m = m_metrics.labels[label];
    const eval::DecisionRule& rule = m_session->rule();
    const bool disabled = rule.isDisabled(label);
    const QLocale locale;
    if (role == LabelIndexRole)
        return index.row();
    if (role == Qt::DisplayRole || role == SortRole || role == Qt::EditRole) {
        const bool display = role == Qt::DisplayRole;
        switch (index.column()) {
        case LabelColumn: return QString::fromStdString(m_session->labelNames()[label]);
        case EnabledColumn: return display ? QVariant() : QVariant(!disabled);
        case ThresholdColumn: {
            const double t = rule.thresholdFor(label);
            return display ? QVariant(locale.toString(t, 'f', 3)) : QVariant(t);
        }
        case SupportColumn: return display ? QVariant(locale.toString(qint64(m.counts.support))) : QVariant(qint64(m.counts.support));
        case PredictedColumn:
            return display ? QVariant(locale.toString(qint64(m.counts.predicted))) : QVariant(qint64(m.counts.predicted));
        case PrecisionColumn: return display ? QVariant(locale.toString(m.precision, 'f', 3)) : QVariant(m.precision);
        case RecallColumn: return display ? QVariant(locale.toString(m.recall, 'f', 3)) : QVariant(m.recall);
        case F1Column: return display ? QVariant(locale.toString(m.f1, 'f', 3)) : QVariant(m.f1);
        }
    }
    if (role == Qt::CheckStateRole && index.column() == EnabledColumn)
        return disabled ? Qt::Unchecked : Qt::Checked;
    if (role == Qt::FontRole && index.column() == ThresholdColumn && rule.labelThreshold(label)) {
        QFont bold;
        bold.setBold(true);
        return bold;
    }
    if (role == Qt::ForegroundRole && disabled)
        return QColor(Qt::gray);
    if (role == Qt::TextAlignmentRole && index.column() >= ThresholdColumn)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && index.column() == ThresholdColumn)
        return rule.labelThreshold(label) ? tr("This label's own threshold; clear the cell to follow the global one")
                                          : tr("Follows the global threshold; type a value to give this label its own");
    return {};
}

bool LabelMetricsModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (!index.isValid() || index.row() >= m_rows)
        return false;
    const auto label = static_cast<std::uint32_t>(index.row());
    if (index.column() == EnabledColumn && role == Qt::CheckStateRole) {
        m_session->setLabelDisabled(label, value.value<Qt::CheckState>() != Qt::Checked);
        return true;
    }
    if (index.column() == ThresholdColumn && role == Qt::EditRole) {
        const QString text = value.toString().trimmed();
        if (text.isEmpty()) {
            m_session->setLabelThreshold(label, std::nullopt);
            return true;
        }
        bool ok = false;
        double threshold = QLocale().toDouble(text, &ok);
        if (!ok)
            threshold = text.toDouble(&ok);
        if (!ok || !std::isfinite(threshold))
            return false;
        m_session->setLabelThreshold(label, static_cast<float>(threshold));
        return true;
    }
    return false;
}

Qt::ItemFlags LabelMetricsModel::flags(const QModelIndex& index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.column() == EnabledColumn)
        f |= Qt::ItemIsUserCheckable;
    if (index.column() == ThresholdColumn)
        f |= Qt::ItemIsEditable;
    return f;
}

QVariant LabelMetricsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case SupportColumn: return tr("Documents whose gold labels include this label");
        case PredictedColumn: return tr("Documents the rule gives this label");
        }
        return {};
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case LabelColumn: return tr("Label");
    case EnabledColumn: return tr("On");
    case ThresholdColumn: return tr("Threshold");
    case SupportColumn: return tr("Support");
    case PredictedColumn: return tr("Predicted");
    case PrecisionColumn: return tr("Precision");
    case RecallColumn: return tr("Recall");
    case F1Column: return tr("F1");
    }
    return {};
}

void LabelMetricsModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
}

} // namespace tagbench::ui
