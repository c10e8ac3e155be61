#include "ui/evaluate/RunLoadWorker.h"

#include "core/eval/InteractiveEvaluator.h"
#include "core/eval/RunFiles.h"
#include "core/eval/ScoreMatrix.h"

#include <QFile>

#include <exception>

namespace tagbench::ui {

void RunLoadWorker::load(const QString& runDir, const QString& split)
{
    try {
        const std::string dir = QFile::encodeName(runDir).toStdString();
        Result<eval::RunSplit> runSplit = eval::loadRunSplit(dir, split.toStdString());
        if (!runSplit.ok()) {
            emit failed(runDir, QString::fromStdString(runSplit.message()));
            return;
        }
        Result<eval::RunRule> rule = eval::currentRule(dir, runSplit->labels);
        if (!rule.ok()) {
            emit failed(runDir, QString::fromStdString(rule.message()));
            return;
        }
        auto scores = std::make_shared<const eval::ScoreMatrix>(std::move(runSplit->scores));
        auto evaluator = eval::InteractiveEvaluator::create(scores, rule->rule);
        if (!evaluator.ok()) {
            emit failed(runDir, QString::fromStdString(evaluator.message()));
            return;
        }
        auto run = std::make_shared<LoadedRun>();
        run->runDir = runDir;
        run->split = split;
        run->scores = std::move(scores);
        run->evaluator = std::shared_ptr<eval::InteractiveEvaluator>(std::move(evaluator).value());
        run->rule = rule->rule;
        run->ruleSource = QString::fromStdString(rule->source);
        emit loaded(std::move(run));
    } catch (const std::bad_alloc&) {
        emit failed(runDir, tr("Not enough memory to load the scores of this run."));
    } catch (const std::exception& e) {
        emit failed(runDir, QString::fromUtf8(e.what()));
    }
}

} // namespace tagbench::ui
