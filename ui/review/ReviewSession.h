#pragma once

#include "core/storage/ProjectRecords.h"
#include "core/util/Result.h"

#include <QHash>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QUndoStack>

#include <functional>
#include <optional>

namespace tagbench::ui {

class EvaluationSession;
class ProjectSession;

/// The review decisions on the split the EvaluationSession has loaded: read from the open
/// project, recorded into it as the annotator decides, each decision one undo step (undo puts
/// back the decision before it, or none), and the corrected split written out. The Review page
/// shows it; the Edit menu's Undo reaches its stack while that page is in front.
class ReviewSession final : public QObject {
    Q_OBJECT
public:
    ReviewSession(EvaluationSession* evaluation, ProjectSession* project, QObject* parent = nullptr);

    /// Re-reads the decisions of the evaluated run's split; the undo history starts over.
    void reload();

    std::optional<ReviewDecision> decision(std::size_t row) const;
    /// The corrected label set of a row, or nullopt when it has no correction.
    std::optional<QStringList> correction(std::size_t row) const;
    const QHash<qint64, ReviewDecision>& decisions() const { return m_decisions; }
    int reviewedCount() const { return int(m_decisions.size()); }

    /// Records the decision on a row (score-matrix row) as one undo step; labels is the
    /// corrected set for ReviewDecision::Corrected. Fails in words without a project.
    Status record(std::size_t row, ReviewDecision decision, const QStringList& labels);
    QUndoStack* undoStack() { return &m_undo; }

    struct ExportCounts {
        int documents = 0;
        int corrected = 0;
    };
    /// Writes the split as JSON lines with the corrections applied (atomically); textOf gives a
    /// document's text by id.
    Result<ExportCounts> exportCorrected(const QString& path, const std::function<QString(const QString& id)>& textOf) const;

    /// Puts one document's decision in the state given (nullopt: none); used by undo and redo.
    Status apply(std::int64_t runId, std::size_t row, const std::optional<ReviewRecord>& state);

signals:
    /// The decision on row changed (recorded, undone, redone).
    void decisionChanged(std::size_t row);
    /// All decisions were read again.
    void reloaded();

private:
    EvaluationSession* m_evaluation;
    ProjectSession* m_project;
    QHash<qint64, ReviewDecision> m_decisions;
    QHash<qint64, ReviewRecord> m_records;
    QUndoStack m_undo;
    QString m_projectPath;
};

} // namespace tagbench::ui
