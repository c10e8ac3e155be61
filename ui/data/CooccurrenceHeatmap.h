#pragma once

#include "core/stats/LabelStatistics.h"

#include <QStringList>
#include <QWidget>

class QCustomPlot;
class QCPColorMap;
class QCPColorScale;
class QMouseEvent;

namespace tagbench::ui {

/// How often the most frequent labels occur together, as a heatmap with the counts written in
/// the cells. The diagonal (a label with itself) is left blank: it would only repeat the
/// label counts and wash out the colour scale.
class CooccurrenceHeatmap final : public QWidget {
    Q_OBJECT
public:
    explicit CooccurrenceHeatmap(QWidget* parent = nullptr);

    void setMatrix(const CooccurrenceMatrix& matrix);

    QCustomPlot* plot() const { return m_plot; }
    /// The value drawn in cell (row, column), i.e. documents carrying both labels (for tests).
    double cellValue(int row, int column) const;
    QStringList labels() const { return m_labels; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void onMouseMove(QMouseEvent* event);

    QCustomPlot* m_plot = nullptr;
    QCPColorMap* m_map = nullptr;
    QCPColorScale* m_scale = nullptr;
    QStringList m_labels;
    CooccurrenceMatrix m_matrix;
};

} // namespace tagbench::ui
