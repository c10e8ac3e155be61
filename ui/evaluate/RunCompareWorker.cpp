#include "ui/evaluate/RunCompareWorker.h"

#include "core/eval/RunFiles.h"
#include "core/eval/ScoreMatrix.h"

#include <QFile>

#include <algorithm>
#include <exception>

namespace tagbench::ui {

void RunCompareWorker::compare(quint64 request, const QString& runDirA, const std::vector<std::string>& labelsA,
                               const eval::Metrics& metricsA, const QString& runDirB, const QString& split)
{
    try {
        const std::string dir = QFile::encodeName(runDirB).toStdString();
        Result<eval::RunUnderRule> run = eval::loadRunUnderRule(dir, split.toStdString());
        if (!run.ok()) {
            emit failed(request, runDirB, QString::fromStdString(run.message()));
            return;
        }
        const std::vector<std::string>& labelsB = run->split.labels;
        if (labelsB != labelsA) {
            const std::size_t common = std::min(labelsA.size(), labelsB.size());
            std::size_t first = 0;
            while (first < common && labelsA[first] == labelsB[first])
                ++first;
            emit failed(request, runDirB, tr("The runs have different labels (labels.txt line %1: \"%2\" vs \"%3\"), "
                                    "so they cannot be compared label by label.")
                                     .arg(first + 1)
                                     .arg(first < labelsA.size() ? QString::fromStdString(labelsA[first]) : QString())
                                     .arg(first < labelsB.size() ? QString::fromStdString(labelsB[first]) : QString()));
            return;
        }
        auto data = std::make_shared<RunComparisonData>();
        data->metricsB = eval::evaluate(run->split.scores, run->rule.rule);
        Result<eval::RunComparison> comparison = eval::compareRuns(metricsA, data->metricsB);
        if (!comparison.ok()) {
            emit failed(request, runDirB, QString::fromStdString(comparison.message()));
            return;
        }
        data->runDirA = runDirA;
        data->runDirB = runDirB;
        data->split = split;
        data->ruleSourceB = QString::fromStdString(run->rule.source);
        data->labels = labelsA;
        data->metricsA = metricsA;
        data->comparison = std::move(comparison).value();
        emit compared(request, std::move(data));
    } catch (const std::bad_alloc&) {
        emit failed(request, runDirB, tr("Not enough memory to load the scores of this run."));
    } catch (const std::exception& e) {
        emit failed(request, runDirB, QString::fromUtf8(e.what()));
    }
}

} // namespace tagbench::ui
