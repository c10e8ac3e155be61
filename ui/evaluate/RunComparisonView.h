#pragma once

#include "core/eval/Metrics.h"

#include <QDialog>
#include <QSharedPointer>
#include <QThread>

#include <memory>
#include <string>
#include <vector>

class QCPBars;
class QCPAxisTickerText;
class QCustomPlot;
class QLabel;
class QSortFilterProxyModel;
class QTableView;

namespace tagbench::ui {

struct RunComparisonData;
class RunCompareWorker;
class RunComparisonModel;

/// Compares the Evaluate page's run (A, under its live rule) with a second run (B, under its
/// own rule.json or config eval) on one split: a sortable per-label table, a summary line and a
/// bar chart of the largest F1 changes. Run B is loaded and scored on a worker thread.
class RunComparisonView final : public QDialog {
    Q_OBJECT
public:
    explicit RunComparisonView(QWidget* parent = nullptr);
    ~RunComparisonView() override;

    /// Starts loading runDirB's split and comparing it with run A; comparisonReady() or
    /// comparisonFailed() follows.
    void compare(const QString& runDirA, const std::vector<std::string>& labelsA, const eval::Metrics& metricsA,
                 const QString& runDirB, const QString& split);

    RunComparisonModel* model() const { return m_model; }
    QTableView* table() const { return m_table; }
    QLabel* summary() const { return m_summary; }
    QCustomPlot* plot() const { return m_plot; }
    /// At most this many labels (largest |delta| first) appear in the chart.
    static constexpr int maxChartBars = 15;

signals:
    void comparisonReady();
    void comparisonFailed(const QString& message);

protected:
    void changeEvent(QEvent* event) override;

private:
    void onCompared(std::shared_ptr<const RunComparisonData> data);
    void onFailed(const QString& runDir, const QString& message);
    void retranslateUi();
    void updateSummary();
    void updateChart();

    QThread m_thread;
    RunCompareWorker* m_worker = nullptr;
    QLabel* m_runs = nullptr;
    QLabel* m_summary = nullptr;
    QTableView* m_table = nullptr;
    RunComparisonModel* m_model = nullptr;
    QSortFilterProxyModel* m_proxy = nullptr;
    QCustomPlot* m_plot = nullptr;
    QCPBars* m_gains = nullptr;
    QCPBars* m_losses = nullptr;
    QSharedPointer<QCPAxisTickerText> m_ticker;
    QString m_error;
    QString m_pendingRunB;
};

} // namespace tagbench::ui
