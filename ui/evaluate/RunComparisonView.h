#pragma once

#include <QDialog>
#include <QSharedPointer>

#include <memory>

class QCPBars;
class QCPAxisTickerText;
class QCustomPlot;
class QLabel;
class QSortFilterProxyModel;
class QTableView;

namespace tagbench::ui {

struct RunComparisonData;
class EvaluationSession;
class RunComparisonModel;

/// Shows how the Evaluate page's run (A, under its live rule) compares with a second run (B,
/// under its own rule.json or config eval) on one split: a sortable per-label table, a summary
/// line and a bar chart of the largest F1 changes. The session loads and scores run B on its
/// comparison thread; this dialog only asks and shows.
class RunComparisonView final : public QDialog {
    Q_OBJECT
public:
    explicit RunComparisonView(EvaluationSession* session, QWidget* parent = nullptr);

    /// Asks the session to compare its run with runDirB; comparisonReady() or
    /// comparisonFailed() follows.
    void compare(const QString& runDirB);

    /// At most this many labels (largest |delta| first) appear in the chart.
    static constexpr int maxChartBars = 15;

signals:
    void comparisonReady();
    void comparisonFailed(const QString& message);

protected:
    void changeEvent(QEvent* event) override;

private:
    void onCompared(quint64 request, std::shared_ptr<const RunComparisonData> data);
    void onFailed(quint64 request, const QString& runDir, const QString& message);
    void retranslateUi();
    void updateSummary();
    void updateChart();

    EvaluationSession* m_session;
    quint64 m_request = 0;
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
