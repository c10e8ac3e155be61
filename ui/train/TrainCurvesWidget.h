#pragma once

#include <QWidget>

#include <cstdint>

class QCustomPlot;
class QCPGraph;

namespace tagbench {
struct EpochReport;
}

namespace tagbench::ui {

/// Learning curves of one run, one point per finished epoch: training loss on the left axis,
/// dev micro-F1 and macro-F1 on the right axis (0..1), the best epoch marked.
class TrainCurvesWidget final : public QWidget {
    Q_OBJECT
public:
    explicit TrainCurvesWidget(QWidget* parent = nullptr);

    void clear();
    /// Appends one finished epoch and rescales.
    void addEpoch(const EpochReport& report);
    /// Sets the x range to the run's planned epochs so the curves grow into a fixed frame.
    void setPlannedEpochs(std::int64_t epochs);
    /// Epochs plotted (for tests).
    int pointCount() const;

    QCustomPlot* plot() const { return m_plot; }
    QCPGraph* lossGraph() const { return m_loss; }
    QCPGraph* microGraph() const { return m_micro; }
    QCPGraph* macroGraph() const { return m_macro; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void rescale();

    QCustomPlot* m_plot;
    QCPGraph* m_loss = nullptr;
    QCPGraph* m_micro = nullptr;
    QCPGraph* m_macro = nullptr;
    QCPGraph* m_best = nullptr;
    std::int64_t m_plannedEpochs = 0;
};

} // namespace tagbench::ui
