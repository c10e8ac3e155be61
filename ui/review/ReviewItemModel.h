#pragma once

#include "core/storage/ProjectRecords.h"

#include <QAbstractTableModel>
#include <QHash>

#include <cstdint>
#include <optional>
#include <vector>

namespace tagbench::eval {
class DecisionRule;
class ScoreMatrix;
}

namespace tagbench::ui {

/// What is wrong (or doubtful) about one document's prediction; the flags combine. (Plain
/// values: lupdate's parser loses the namespace of the file after "enum X : unsigned", and with
/// it the context of the model's translations.)
enum ReviewIssue {
    NoIssue = 0x0,
    FalsePositive = 0x1,        ///< a predicted label that is not gold
    FalseNegative = 0x2,        ///< a gold label that was not predicted
    LowConfidence = 0x4,        ///< some label scores within the margin of its threshold
    SuspectedLabelError = 0x8,  ///< the model is very sure the gold set is wrong
};

/// One scored document with its gold and predicted labels under the current rule.
struct ReviewItem {
    std::size_t row = 0;                   ///< row of the score matrix
    std::vector<std::uint32_t> gold;
    std::vector<std::uint32_t> predicted;  ///< best first
    unsigned issues = NoIssue;
};

/// The documents of a scored split for review, filtered by issue kind and label; shows the
/// recorded decision of each.
class ReviewItemModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    // The decision comes third so that it is in view without scrolling past long label lists.
    enum Column { IdColumn, IssueColumn, DecisionColumn, GoldColumn, PredictedColumn, ColumnCount };
    /// Scores this close to a threshold count as low confidence.
    static constexpr float lowConfidenceMargin = 0.1f;
    /// A gold label scored below this, or a non-gold label above 1 - this, suggests a label error.
    static constexpr float suspicionLevel = 0.05f;

    explicit ReviewItemModel(QObject* parent = nullptr);

    /// Recomputes every document's predictions and issues under rule.
    void setScores(const eval::ScoreMatrix* scores, const eval::DecisionRule& rule);
    /// Shows documents with any of these issues (NoIssue: all documents) carrying label in gold
    /// or prediction (-1: any label).
    void setFilter(unsigned issues, int label);
    /// Decisions already recorded, by score-matrix row.
    void setDecisions(QHash<qint64, ReviewDecision> decisions);
    /// nullopt: the row has no decision (any more).
    void setDecision(std::size_t row, std::optional<ReviewDecision> decision);

    const ReviewItem& item(int modelRow) const { return m_items[m_visible[static_cast<std::size_t>(modelRow)]]; }
    /// Model row of a score-matrix row, or -1 when filtered out.
    int modelRowOf(std::size_t row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// Translated short description of an issue set ("FP, low confidence").
    static QString issueText(unsigned issues);
    static QString decisionText(ReviewDecision decision);
    void retranslate();

private:
    void rebuildVisible();
    QString names(const std::vector<std::uint32_t>& labels) const;

    const eval::ScoreMatrix* m_scores = nullptr;
    std::vector<ReviewItem> m_items;
    std::vector<std::size_t> m_visible;
    unsigned m_issueFilter = NoIssue;
    int m_labelFilter = -1;
    QHash<qint64, ReviewDecision> m_decisions;
};

} // namespace tagbench::ui
