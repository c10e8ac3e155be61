#include "ui/review/ReviewItemModel.h"

#include "core/eval/DecisionRule.h"
#include "core/eval/ScoreMatrix.h"

#include <QBrush>
#include <QColor>

#include <algorithm>
#include <cmath>

namespace tagbench::ui {

ReviewItemModel::ReviewItemModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void ReviewItemModel::setScores(const eval::ScoreMatrix* scores, const eval::DecisionRule& rule)
{
    beginResetModel();
    m_scores = scores;
    m_items.clear();
    if (m_scores) {
        const std::size_t labels = m_scores->labelCount();
        const std::vector<float> thresholds = rule.effectiveThresholds(labels);
        std::vector<std::uint32_t> scratch;
        m_items.resize(m_scores->documentCount());
        for (std::size_t row = 0; row < m_items.size(); ++row) {
            ReviewItem& item = m_items[row];
            item.row = row;
            const eval::GoldSpan gold = m_scores->gold(row);
            item.gold.assign(gold.begin(), gold.end());
            eval::DecisionRule::applyThresholds(m_scores->row(row), labels, thresholds.data(), rule.topK(),
                                                rule.atLeastOne(), item.predicted, scratch);
            for (const std::uint32_t label : item.predicted) {
                if (!std::binary_search(item.gold.begin(), item.gold.end(), label))
                    item.issues |= FalsePositive;
            }
            for (const std::uint32_t label : item.gold) {
                if (std::find(item.predicted.begin(), item.predicted.end(), label) == item.predicted.end())
                    item.issues |= FalseNegative;
                if (m_scores->score(row, label) < suspicionLevel)
                    item.issues |= SuspectedLabelError;
            }
            const float* scores = m_scores->row(row);
            for (std::uint32_t label = 0; label < labels; ++label) {
                if (std::isinf(thresholds[label]))
                    continue;   // disabled
                if (std::abs(scores[label] - thresholds[label]) < lowConfidenceMargin)
                    item.issues |= LowConfidence;
                if (scores[label] > 1.0f - suspicionLevel
                    && !std::binary_search(item.gold.begin(), item.gold.end(), label))
                    item.issues |= SuspectedLabelError;
            }
        }
    }
    rebuildVisible();
    endResetModel();
}

void ReviewItemModel::setFilter(unsigned issues, int label)
{
    beginResetModel();
    m_issueFilter = issues;
    m_labelFilter = label;
    rebuildVisible();
    endResetModel();
}

void ReviewItemModel::setDecisions(QHash<qint64, ReviewDecision> decisions)
{
    m_decisions = std::move(decisions);
    if (rowCount() > 0)
        emit dataChanged(index(0, DecisionColumn), index(rowCount() - 1, DecisionColumn));
}

void ReviewItemModel::setDecision(std::size_t row, std::optional<ReviewDecision> decision)
{
    if (decision)
        m_decisions.insert(static_cast<qint64>(row), *decision);
    else
        m_decisions.remove(static_cast<qint64>(row));
    const int modelRow = modelRowOf(row);
    if (modelRow >= 0)
        emit dataChanged(index(modelRow, DecisionColumn), index(modelRow, DecisionColumn));
}

int ReviewItemModel::modelRowOf(std::size_t row) const
{
    const auto it = std::lower_bound(m_visible.begin(), m_visible.end(), row);
    return it != m_visible.end() && *it == row ? static_cast<int>(it - m_visible.begin()) : -1;
}

void ReviewItemModel::rebuildVisible()
{
    m_visible.clear();
    for (std::size_t i = 0; i < m_items.size(); ++i) {
        const ReviewItem& item = m_items[i];
        if (m_issueFilter != NoIssue && (item.issues & m_issueFilter) == 0)
            continue;
        if (m_labelFilter >= 0) {
            const auto label = static_cast<std::uint32_t>(m_labelFilter);
            const bool inGold = std::binary_search(item.gold.begin(), item.gold.end(), label);
            const bool inPredicted = std::find(item.predicted.begin(), item.predicted.end(), label) != item.predicted.end();
            if (!inGold && !inPredicted)
                continue;
        }
        m_visible.push_back(i);
    }
}

QString ReviewItemModel::names(const std::vector<std::uint32_t>& labels) const
{
    QStringList list;
    for (const std::uint32_t label : labels)
        list << QString::fromStdString(m_scores->labelNames()[label]);
    return list.join(QStringLiteral(", "));
}

int ReviewItemModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_visible.size());
}

int ReviewItemModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ReviewItemModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount() || !m_scores)
        return {};
    const ReviewItem& it = item(index.row());
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        switch (index.column()) {
        case IdColumn: return QString::fromStdString(m_scores->documentIds()[it.row]);
        case IssueColumn: return issueText(it.issues);
        case GoldColumn: return names(it.gold);
        case PredictedColumn: return names(it.predicted);
        case DecisionColumn: {
            const auto decision = m_decisions.constFind(static_cast<qint64>(it.row));
            return decision == m_decisions.constEnd() ? QString() : decisionText(*decision);
        }
        }
    }
    if (role == Qt::ForegroundRole && index.column() == IssueColumn && (it.issues & (FalsePositive | FalseNegative)))
        return QBrush(QColor(0xc0, 0x20, 0x20));
    return {};
}

QVariant ReviewItemModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case IdColumn: return tr("Document");
    case IssueColumn: return tr("Issue");
    case GoldColumn: return tr("Gold labels");
    case PredictedColumn: return tr("Predicted labels");
    case DecisionColumn: return tr("Decision");
    }
    return {};
}

QString ReviewItemModel::issueText(unsigned issues)
{
    QStringList parts;
    if (issues & FalsePositive)
        parts << tr("false positive");
    if (issues & FalseNegative)
        parts << tr("false negative");
    if (issues & LowConfidence)
        parts << tr("low confidence");
    if (issues & SuspectedLabelError)
        parts << tr("suspected label error");
    return parts.isEmpty() ? tr("correct") : parts.join(QStringLiteral(", "));
}

QString ReviewItemModel::decisionText(ReviewDecision decision)
{
    switch (decision) {
    case ReviewDecision::Accepted: return tr("accepted");
    case ReviewDecision::Corrected: return tr("corrected");
    case ReviewDecision::Skipped: return tr("skipped");
    }
    return {};
}

void ReviewItemModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (rowCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

} // namespace tagbench::ui
