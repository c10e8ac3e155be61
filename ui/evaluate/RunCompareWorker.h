#pragma once

#include "core/eval/Metrics.h"
#include "core/eval/RunComparison.h"

#include <QMetaType>
#include <QObject>
#include <QString>

#include <memory>
#include <string>
#include <vector>

namespace tagbench::ui {

/// Run A (the one on the Evaluate page, under its live rule) against run B (under its own
/// current rule) on one split.
struct RunComparisonData {
    QString runDirA;
    QString runDirB;
    QString split;
    QString ruleSourceB;                 ///< "rule.json", "config.json eval", ...
    std::vector<std::string> labels;     ///< index = label
    eval::Metrics metricsA;
    eval::Metrics metricsB;
    eval::RunComparison comparison;
};

/// Lives on a worker thread: loads run B's split and rule, evaluates it and compares it with
/// run A's metrics (reading and scoring a big split must not block the UI thread).
class RunCompareWorker final : public QObject {
    Q_OBJECT
public:
    /// Blocking; runs on the worker thread (EvaluationSession posts it). Emits compared() or
    /// failed() with request.
    void compare(quint64 request, const QString& runDirA, const std::vector<std::string>& labelsA, const eval::Metrics& metricsA,
                 const QString& runDirB, const QString& split);

signals:
    void compared(quint64 request, std::shared_ptr<const tagbench::ui::RunComparisonData> data);
    void failed(quint64 request, const QString& runDir, const QString& message);
};

} // namespace tagbench::ui

Q_DECLARE_METATYPE(std::shared_ptr<const tagbench::ui::RunComparisonData>)
