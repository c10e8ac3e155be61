#pragma once

#include "core/eval/DecisionRule.h"

#include <QMetaType>
#include <QObject>
#include <QString>

#include <memory>

namespace tagbench::eval {
class InteractiveEvaluator;
class ScoreMatrix;
}

namespace tagbench::ui {

/// A run's scored split, indexed for interactive evaluation, with the rule it currently uses.
struct LoadedRun {
    QString runDir;
    QString split;
    std::shared_ptr<const eval::ScoreMatrix> scores;
    std::shared_ptr<eval::InteractiveEvaluator> evaluator;   ///< used by the UI thread only, once handed over
    eval::DecisionRule rule;
    QString ruleSource;   ///< "rule.json", "config.json eval", ...
};

/// Lives on a worker thread: reads RUN_DIR/labels.txt and scores/<split>.scores, the current
/// rule, and builds the interactive index (the only slow part for big splits).
class RunLoadWorker final : public QObject {
    Q_OBJECT
public slots:
    void load(const QString& runDir, const QString& split);

signals:
    void loaded(std::shared_ptr<tagbench::ui::LoadedRun> run);
    void failed(const QString& runDir, const QString& message);
};

} // namespace tagbench::ui

Q_DECLARE_METATYPE(std::shared_ptr<tagbench::ui::LoadedRun>)
