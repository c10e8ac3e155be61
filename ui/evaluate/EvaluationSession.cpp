#include "ui/evaluate/EvaluationSession.h"

#include "core/eval/InteractiveEvaluator.h"
#include "core/eval/ScoreMatrix.h"

#include <QDir>
#include <QFile>
#include <QUndoCommand>

#include <limits>

namespace tagbench::ui {

namespace {

// Commands with the same id merge while the user drags a slider or edits one label repeatedly.
enum MergeId { NoMerge = -1, GlobalThresholdMerge = 1, LabelThresholdMergeBase = 1000 };

/// One rule edit as before/after snapshots; redo and undo move the evaluator between them.
class RuleEditCommand final : public QUndoCommand {
public:
    RuleEditCommand(EvaluationSession* session, eval::DecisionRule before, eval::DecisionRule after,
                    const QString& text, int mergeId)
        : QUndoCommand(text)
        , m_session(session)
        , m_before(std::move(before))
        , m_after(std::move(after))
        , m_mergeId(mergeId)
    {
    }

    void redo() override { m_session->transition(m_after); }
    void undo() override { m_session->transition(m_before); }
    int id() const override { return m_mergeId; }

    bool mergeWith(const QUndoCommand* other) override
    {
        const auto* edit = static_cast<const RuleEditCommand*>(other);
        m_after = edit->m_after;
        setObsolete(m_after == m_before);
        return true;
    }

private:
    EvaluationSession* m_session;
    eval::DecisionRule m_before;
    eval::DecisionRule m_after;
    int m_mergeId;
};

} // namespace

EvaluationSession::EvaluationSession(QObject* parent)
    : QObject(parent)
{
    qRegisterMetaType<std::shared_ptr<LoadedRun>>();
    qRegisterMetaType<std::shared_ptr<const RunComparisonData>>();
    connect(m_loader.worker(), &RunLoadWorker::loaded, this, &EvaluationSession::onLoaded);
    connect(m_loader.worker(), &RunLoadWorker::failed, this, [this](const QString& runDir, const QString& message) {
        m_loading = false;
        m_carriedRule.reset();
        emit loadFailed(runDir, message);
    });
    connect(m_comparer.worker(), &RunCompareWorker::compared, this, &EvaluationSession::comparisonReady);
    connect(m_comparer.worker(), &RunCompareWorker::failed, this, &EvaluationSession::comparisonFailed);
    connectOptimiser();
}

EvaluationSession::~EvaluationSession()
{
    // A running optimisation stops at its next label; loading and comparing cannot be
    // interrupted, so the worker threads finish them before they quit.
    m_cancelledUpTo->store(std::numeric_limits<quint64>::max());
}

void EvaluationSession::connectOptimiser()
{
    qRegisterMetaType<std::shared_ptr<const eval::TuneResult>>();
    const ThresholdOptimiseWorker* optimiser = m_optimiser.worker();
    connect(optimiser, &ThresholdOptimiseWorker::progress, this, [this](quint64 request, qint64 done, qint64 total) {
        if (request == m_optimiseRequest)
            emit optimiseProgress(done, total);
    });
    connect(optimiser, &ThresholdOptimiseWorker::finished, this, &EvaluationSession::onOptimised);
    connect(optimiser, &ThresholdOptimiseWorker::failed, this, [this](quint64 request, const QString& message) {
        if (request != m_optimiseRequest)
            return;
        m_optimiseRequest = 0;
        emit optimiseFailed(message);
    });
    connect(optimiser, &ThresholdOptimiseWorker::cancelled, this, [this](quint64 request) {
        // cancelOptimise() has reported it already and forgotten the request; this is its echo.
        if (request == m_optimiseRequest) {
            m_optimiseRequest = 0;
            emit optimiseCancelled();
        }
    });
}

void EvaluationSession::loadRun(const QString& runDir, const QString& split)
{
    // The optimiser works on the run being replaced.
    cancelOptimise();
    m_carriedRule.reset();
    m_loading = true;
    emit loadStarted(runDir);
    m_loader.post([dir = QDir(runDir).absolutePath(), split](RunLoadWorker& loader) { loader.load(dir, split); });
}

void EvaluationSession::switchSplit(const QString& split)
{
    if (!m_run || m_run->split == split) {
        return;
    }
    cancelOptimise();
    m_carriedRule = rule();
    m_loading = true;
    emit loadStarted(m_run->runDir);
    m_loader.post([dir = m_run->runDir, split](RunLoadWorker& loader) { loader.load(dir, split); });
}

void EvaluationSession::onLoaded(std::shared_ptr<LoadedRun> run)
{
    m_loading = false;
    const std::optional<eval::DecisionRule> carried = std::move(m_carriedRule);
    m_carriedRule.reset();
    if (!carried || !m_run || m_run->runDir != run->runDir) {
        m_undo.clear();
        m_run = std::move(run);
    } else {
        // Same run, other split: the edits and their history stay; the source of the saved
        // rule does too.
        run->ruleSource = m_run->ruleSource;
        m_run = std::move(run);
        transition(*carried);
    }
    // Free the optimiser's index of the previous run's scores.
    m_optimiser.post([](ThresholdOptimiseWorker& optimiser) { optimiser.release(); });
    emit runLoaded();
    emit ruleChanged();
}

bool EvaluationSession::canOptimise() const
{
    return m_run && m_run->split != QLatin1String("test");
}

quint64 EvaluationSession::compareWithRun(const QString& runDirB)
{
    if (!m_run)
        return 0;
    const quint64 request = ++m_lastRequest;
    m_comparer.post([request, runDirA = m_run->runDir, labels = labelNames(), metrics = evaluator()->metrics(),
                     runDirB, split = m_run->split](RunCompareWorker& comparer) {
        comparer.compare(request, runDirA, labels, metrics, runDirB, split);
    });
    return request;
}

eval::InteractiveEvaluator* EvaluationSession::evaluator() const
{
    return m_run ? m_run->evaluator.get() : nullptr;
}

const std::vector<std::string>& EvaluationSession::labelNames() const
{
    static const std::vector<std::string> none;
    return m_run ? m_run->scores->labelNames() : none;
}

const eval::DecisionRule& EvaluationSession::rule() const
{
    static const eval::DecisionRule none;
    return m_run ? m_run->evaluator->rule() : none;
}

void EvaluationSession::push(const eval::DecisionRule& after, const QString& text, int mergeId)
{
    if (!m_run || after == rule())
        return;
    m_undo.push(new RuleEditCommand(this, rule(), after, text, mergeId));
}

void EvaluationSession::setGlobalThreshold(float threshold)
{
    eval::DecisionRule after = rule();
    after.setGlobalThreshold(threshold);
    push(after, tr("Global threshold %1").arg(double(threshold), 0, 'f', 3), GlobalThresholdMerge);
}

void EvaluationSession::setLabelThreshold(std::uint32_t label, std::optional<float> threshold)
{
    eval::DecisionRule after = rule();
    if (threshold)
        after.setLabelThreshold(label, *threshold);
    else
        after.clearLabelThreshold(label);
    const QString name = QString::fromStdString(labelNames().at(label));
    push(after,
         threshold ? tr("Threshold of %1: %2").arg(name).arg(double(*threshold), 0, 'f', 3)
                   : tr("Threshold of %1: global").arg(name),
         LabelThresholdMergeBase + static_cast<int>(label));
}

void EvaluationSession::setTopK(int topK)
{
    eval::DecisionRule after = rule();
    after.setTopK(topK);
    push(after, topK > 0 ? tr("Top-k %1").arg(topK) : tr("No top-k limit"), NoMerge);
}

void EvaluationSession::setAtLeastOne(bool enabled)
{
    eval::DecisionRule after = rule();
    after.setAtLeastOne(enabled);
    push(after, enabled ? tr("At least one label per document") : tr("Documents may have no label"), NoMerge);
}

void EvaluationSession::setLabelDisabled(std::uint32_t label, bool disabled)
{
    eval::DecisionRule after = rule();
    after.setDisabled(label, disabled);
    const QString name = QString::fromStdString(labelNames().at(label));
    push(after, disabled ? tr("Disable %1").arg(name) : tr("Enable %1").arg(name), NoMerge);
}

bool EvaluationSession::startOptimise(const eval::TuneOptions& options)
{
    if (!canOptimise() || isOptimising())
        return false;
    m_optimiseRequest = ++m_lastRequest;
    m_optimiseBase = rule();
    m_optimiseObjective = QString::fromStdString(options.objective.toString());
    m_optimiser.post([request = m_optimiseRequest, index = evaluator()->sharedIndex(), base = m_optimiseBase,
                      options](ThresholdOptimiseWorker& optimiser) { optimiser.optimise(request, index, base, options); });
    emit optimiseStarted();
    return true;
}

void EvaluationSession::cancelOptimise()
{
    if (!isOptimising())
        return;
    m_cancelledUpTo->store(m_optimiseRequest);
    m_optimiseRequest = 0;
    emit optimiseCancelled();
}

void EvaluationSession::onOptimised(quint64 request, std::shared_ptr<const eval::TuneResult> result)
{
    if (request != m_optimiseRequest || !m_run)
        return;
    m_optimiseRequest = 0;
    const eval::DecisionRule& now = rule();
    if (now.topK() != m_optimiseBase.topK() || now.atLeastOne() != m_optimiseBase.atLeastOne()
        || now.disabledLabels() != m_optimiseBase.disabledLabels()) {
        emit optimiseDiscarded();
        return;
    }
    push(result->rule, tr("Optimise for %1").arg(m_optimiseObjective), NoMerge);
    emit optimiseFinished(std::move(result));
}

Status EvaluationSession::saveRule()
{
    if (!m_run)
        return Error{tr("No run is loaded.").toStdString()};
    const QString path = QDir(m_run->runDir).filePath(QStringLiteral("rule.json"));
    Status status = rule().save(QFile::encodeName(path).toStdString(), labelNames());
    if (status.ok()) {
        m_run->ruleSource = QStringLiteral("rule.json");
        m_undo.setClean();
    }
    return status;
}

void EvaluationSession::transition(const eval::DecisionRule& to)
{
    if (!m_run)
        return;
    eval::InteractiveEvaluator& evaluator = *m_run->evaluator;
    const eval::DecisionRule from = evaluator.rule();
    if (from.topK() != to.topK())
        evaluator.setTopK(to.topK());
    if (from.atLeastOne() != to.atLeastOne())
        evaluator.setAtLeastOne(to.atLeastOne());
    if (from.globalThreshold() != to.globalThreshold())
        evaluator.setGlobalThreshold(to.globalThreshold());
    for (const auto& [label, threshold] : from.labelThresholds()) {
        if (!to.labelThreshold(label))
            evaluator.clearLabelThreshold(label);
    }
    for (const auto& [label, threshold] : to.labelThresholds()) {
        if (from.labelThreshold(label) != threshold)
            evaluator.setLabelThreshold(label, threshold);
    }
    for (const std::uint32_t label : from.disabledLabels()) {
        if (!to.isDisabled(label))
            evaluator.setDisabled(label, false);
    }
    for (const std::uint32_t label : to.disabledLabels()) {
        if (!from.isDisabled(label))
            evaluator.setDisabled(label, true);
    }
    emit ruleChanged();
}

} // namespace tagbench::ui
