#pragma once

#include "core/eval/DecisionRule.h"
#include "ui/evaluate/RunFacts.h"

#include <QMetaType>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QVector>

#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>

namespace tagbench {
class Predictor;
}

namespace tagbench::ui {

/// What the Demo page shows about an opened bundle.
struct BundleSummary {
    QString path;
    QString sourceRun;          ///< the run folder when the service exported it, else empty
    QString runName;            ///< the run's folder name (from the manifest when not exported here)
    QVector<RunFact> facts;     ///< model, tokenizer, training settings
    int threads = 1;            ///< CPU threads the network runs on
    QStringList labels;         ///< index = score column
    QVector<float> thresholds;  ///< the rule's threshold per label (+inf for disabled labels)
    int topK = 0;
};

/// Scores of one text and the labels the rule keeps (best first).
struct DemoPrediction {
    quint64 request = 0;
    QVector<float> scores;
    QVector<int> kept;
    double milliseconds = 0.0;
};

/// Lives on PredictionService's thread and owns the Predictor: opens bundles (or exports a run
/// into one first) and scores texts, so that typing never waits for the network. Requests
/// older than the newest one are skipped: only the text on screen matters.
class PredictWorker final : public QObject {
    Q_OBJECT
public:
    /// latest is written by the UI thread before it posts predict(); shared with the worker.
    explicit PredictWorker(std::shared_ptr<std::atomic<quint64>> latest);
    ~PredictWorker() override;

    void open(const QString& path);
    /// Packs runDir into outPath with core's exporter, then opens it. outPath is a temporary
    /// file of the service: the one opened before it is removed once this one is open.
    void exportAndOpen(const QString& runDir, const QString& outPath);
    /// Decides with rule instead of the bundle's (nullopt: the bundle's own rule again).
    void setRule(const std::optional<eval::DecisionRule>& rule);
    void predict(quint64 request, const QString& text);

signals:
    void opened(const tagbench::ui::BundleSummary& summary);
    void openFailed(const QString& path, const QString& message);
    /// The thresholds and top-k now applied (after setRule()).
    void ruleApplied(const QVector<float>& thresholds, int topK);
    void ruleFailed(const QString& message);
    void predicted(const tagbench::ui::DemoPrediction& prediction);
    void predictFailed(quint64 request, const QString& message);

private:
    bool openBundle(const QString& path, const QString& sourceRun);
    void emitRule();

    std::shared_ptr<std::atomic<quint64>> m_latest;
    std::unique_ptr<Predictor> m_predictor;
    QString m_temporary;   // the exported bundle now open, removed when another one opens
};

} // namespace tagbench::ui

Q_DECLARE_METATYPE(tagbench::ui::BundleSummary)
Q_DECLARE_METATYPE(tagbench::ui::DemoPrediction)
