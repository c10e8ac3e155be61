#pragma once

#include <QMetaType>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QVector>

#include <atomic>
#include <cstdint>
#include <memory>

namespace tagbench {
class Predictor;
}

namespace tagbench::ui {

/// What the Demo page shows about an opened bundle.
struct BundleSummary {
    QString path;
    QString description;        ///< Bundle::describe(): model, tokenizer, labels, rule, metrics
    QString device;             ///< where the network runs
    QStringList labels;         ///< index = score column
    QVector<float> thresholds;  ///< the rule's threshold per label (+inf for disabled labels)
    int topK = 0;
};

/// Scores of one text and the labels the bundle's rule keeps (best first).
struct DemoPrediction {
    quint64 request = 0;
    QVector<float> scores;
    QVector<int> kept;
    double milliseconds = 0.0;
};

/// Lives on a worker thread and owns the Predictor: opens bundles (or exports a run into one
/// first) and scores texts, so that typing never waits for the network. Requests older than
/// the newest one are skipped: only the text on screen matters.
class PredictWorker final : public QObject {
    Q_OBJECT
public:
    /// latest is written by the UI thread before it queues predict(); shared with the worker.
    explicit PredictWorker(std::shared_ptr<std::atomic<quint64>> latest, QObject* parent = nullptr);
    ~PredictWorker() override;

public slots:
    void open(const QString& path);
    /// Packs runDir into outPath with core's exporter, then opens it.
    void exportAndOpen(const QString& runDir, const QString& outPath);
    void predict(quint64 request, const QString& text);

signals:
    void opened(const tagbench::ui::BundleSummary& summary);
    void openFailed(const QString& path, const QString& message);
    void predicted(const tagbench::ui::DemoPrediction& prediction);
    void predictFailed(quint64 request, const QString& message);

private:
    std::shared_ptr<std::atomic<quint64>> m_latest;
    std::unique_ptr<Predictor> m_predictor;
};

} // namespace tagbench::ui

Q_DECLARE_METATYPE(tagbench::ui::BundleSummary)
Q_DECLARE_METATYPE(tagbench::ui::DemoPrediction)
