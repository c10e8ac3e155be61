#pragma once

#include "ui/data/LoadedDataset.h"

#include <QSharedPointer>
#include <QStringList>
#include <QVector>
#include <QWidget>

class QCustomPlot;
class QCPBars;
class QCPAxisTickerText;
class QScrollBar;
class QMouseEvent;
class QWheelEvent;

namespace tagbench::ui {

/// Documents per label as horizontal bars, most frequent at the top, rare labels (<1% of the
/// documents) in a warning colour and labels no training document carries in red, marked ⚠. Long label lists scroll; counts can be shown on a log scale
/// so that the long tail stays visible next to the head.
class LabelDistributionChart final : public QWidget {
    Q_OBJECT
public:
    explicit LabelDistributionChart(QWidget* parent = nullptr);

    void setDistribution(const LabelDistribution& distribution);
    void clear();

    void setLogScale(bool logarithmic);
    bool logScale() const { return m_logScale; }

    /// Bar lengths in chart order (most frequent first), read back from the plot's data.
    QVector<double> barValues() const;
    /// Tick labels in chart order, read back from the axis ticker.
    QStringList barLabels() const;

signals:
    /// The user clicked the bar of a label.
    void labelActivated(const QString& label);

protected:
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void retranslateUi();
    void rebuild();
    void applyValueAxis();
    void updateScrollRange();
    void scrollTo(int firstRow);
    int rowAt(const QPoint& pos) const;
    void onMouseMove(QMouseEvent* event);
    void onMouseWheel(QWheelEvent* event);
    void onMousePress(QMouseEvent* event);

    QCustomPlot* m_plot = nullptr;
    QScrollBar* m_scroll = nullptr;
    QCPBars* m_common = nullptr;
    QCPBars* m_rare = nullptr;
    QCPBars* m_unseen = nullptr;
    QSharedPointer<QCPAxisTickerText> m_labelTicker;
    LabelDistribution m_distribution;
    bool m_logScale = false;
};

} // namespace tagbench::ui
