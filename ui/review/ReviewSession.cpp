#include "ui/review/ReviewSession.h"

#include "core/eval/ScoreMatrix.h"
#include "ui/evaluate/EvaluationSession.h"
#include "ui/project/ProjectSession.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QUndoCommand>

namespace tagbench::ui {

namespace {

QString annotatorName()
{
    const QString user = qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME"));
    return user.isEmpty() ? QStringLiteral("annotator") : user;
}

/// One decision as before/after states of a document; undo restores the one before.
class DecisionCommand final : public QUndoCommand {
public:
    DecisionCommand(ReviewSession* session, std::int64_t runId, std::size_t row, std::optional<ReviewRecord> before,
                    ReviewRecord after, const QString& text)
        : QUndoCommand(text)
        , m_session(session)
        , m_runId(runId)
        , m_row(row)
        , m_before(std::move(before))
        , m_after(std::move(after))
    {
    }

    void redo() override { m_session->apply(m_runId, m_row, m_after); }
    void undo() override { m_session->apply(m_runId, m_row, m_before); }

private:
    ReviewSession* m_session;
    std::int64_t m_runId;
    std::size_t m_row;
    std::optional<ReviewRecord> m_before;
    ReviewRecord m_after;
};

QString decisionWord(ReviewDecision decision)
{
    switch (decision) {
    case ReviewDecision::Accepted: return ReviewSession::tr("Accept");
    case ReviewDecision::Corrected: return ReviewSession::tr("Correct");
    case ReviewDecision::Skipped: return ReviewSession::tr("Skip");
    }
    return {};
}

} // namespace

ReviewSession::ReviewSession(EvaluationSession* evaluation, ProjectSession* project, QObject* parent)
    : QObject(parent)
    , m_evaluation(evaluation)
    , m_project(project)
{
    connect(m_evaluation, &EvaluationSession::runLoaded, this, &ReviewSession::reload);
    connect(m_project, &ProjectSession::changed, this, [this] {
        // Another project holds other decisions; a run added to this one changes nothing here.
        const QString path = m_project->isOpen() ? m_project->path() : QString();
        if (path != m_projectPath) {
            m_projectPath = path;
            reload();
        }
    });
}

void ReviewSession::reload()
{
    m_undo.clear();
    m_decisions.clear();
    m_records.clear();
    if (m_evaluation->hasRun() && m_project->isOpen()) {
        const auto reviews = m_project->reviews(m_evaluation->run()->runDir, m_evaluation->run()->split);
        if (reviews.ok()) {
            for (const ReviewRecord& review : *reviews) {
                m_decisions.insert(review.docIndex, review.decision);
                m_records.insert(review.docIndex, review);
            }
        }
    }
    emit reloaded();
}

std::optional<ReviewDecision> ReviewSession::decision(std::size_t row) const
{
    const auto it = m_decisions.constFind(qint64(row));
    return it == m_decisions.constEnd() ? std::nullopt : std::optional<ReviewDecision>(*it);
}

std::optional<QStringList> ReviewSession::correction(std::size_t row) const
{
    const auto it = m_records.constFind(qint64(row));
    if (it == m_records.constEnd() || it->decision != ReviewDecision::Corrected)
        return std::nullopt;
    QStringList labels;
    for (const std::string& label : it->correctedLabels)
        labels << QString::fromStdString(label);
    return labels;
}

Status ReviewSession::record(std::size_t row, ReviewDecision decision, const QStringList& labels)
{
    if (!m_evaluation->hasRun())
        return Error{tr("No run is loaded.").toStdString()};
    if (!m_project->isOpen())
        return Error{tr("Decisions are stored in a project. Create or open one on the Project page first.").toStdString()};
    const Result<std::int64_t> runId = m_project->addRun(m_evaluation->run()->runDir);
    if (!runId.ok())
        return Error{runId.message()};
    ReviewRecord review;
    review.runId = *runId;
    review.split = m_evaluation->run()->split.toStdString();
    review.docIndex = std::int64_t(row);
    review.docId = m_evaluation->run()->scores->documentIds()[row];
    review.decision = decision;
    for (const QString& label : labels)
        review.correctedLabels.push_back(label.toStdString());
    review.annotator = annotatorName().toStdString();
    const auto found = m_records.constFind(qint64(row));
    const std::optional<ReviewRecord> before =
        found == m_records.constEnd() ? std::nullopt : std::optional<ReviewRecord>(*found);
    // Try the write first: a command that cannot be applied must not enter the history.
    if (const Status status = apply(*runId, row, review); !status.ok())
        return status;
    auto* command = new DecisionCommand(this, *runId, row, before, review,
                                        tr("%1 %2").arg(decisionWord(decision), QString::fromStdString(review.docId)));
    m_undo.push(command);   // its redo() writes the same record again: harmless
    return {};
}

Status ReviewSession::apply(std::int64_t runId, std::size_t row, const std::optional<ReviewRecord>& state)
{
    const Status status = state ? m_project->recordReview(*state)
                                : m_project->removeReview(runId, m_evaluation->hasRun() ? m_evaluation->run()->split : QString(),
                                                          std::int64_t(row));
    if (!status.ok())
        return status;
    if (state) {
        m_decisions.insert(qint64(row), state->decision);
        m_records.insert(qint64(row), *state);
    } else {
        m_decisions.remove(qint64(row));
        m_records.remove(qint64(row));
    }
    emit decisionChanged(row);
    return {};
}

Result<ReviewSession::ExportCounts> ReviewSession::exportCorrected(const QString& path,
                                                                   const std::function<QString(const QString& id)>& textOf) const
{
    if (!m_evaluation->hasRun())
        return Error{tr("No run is loaded.").toStdString()};
    const eval::ScoreMatrix& scores = *m_evaluation->run()->scores;
    QSaveFile file(path);   // written to a temporary file, renamed over path on commit
    if (!file.open(QIODevice::WriteOnly))
        return Error{tr("Cannot write %1: %2").arg(path, file.errorString()).toStdString()};
    ExportCounts counts;
    for (std::size_t row = 0; row < scores.documentCount(); ++row) {
        const QString id = QString::fromStdString(scores.documentIds()[row]);
        QJsonArray labels;
        if (const std::optional<QStringList> corrected = correction(row)) {
            for (const QString& label : *corrected)
                labels.append(label);
            ++counts.corrected;
        } else {
            for (const std::uint32_t label : scores.gold(row))
                labels.append(QString::fromStdString(scores.labelNames()[label]));
        }
        const QJsonObject object{{QStringLiteral("id"), id}, {QStringLiteral("text"), textOf(id)}, {QStringLiteral("labels"), labels}};
        file.write(QJsonDocument(object).toJson(QJsonDocument::Compact));
        file.write("\n");
        ++counts.documents;
    }
    if (!file.commit())
        return Error{tr("Cannot write %1: %2").arg(path, file.errorString()).toStdString()};
    return counts;
}

} // namespace tagbench::ui
