#pragma once

#include <QVector>
#include <QWidget>

#include <cstdint>
#include <vector>

class QCustomPlot;
class QCPBars;

namespace tagbench::ui {

/// How many documents carry 0, 1, 2, ... labels (label cardinality), as bars.
class CardinalityHistogram final : public QWidget {
    Q_OBJECT
public:
    explicit CardinalityHistogram(QWidget* parent = nullptr);

    /// histogram[k] = documents with k labels.
    void setHistogram(const std::vector<std::uint64_t>& histogram);

    QCustomPlot* plot() const { return m_plot; }
    /// Bar heights, index = number of labels (for tests).
    QVector<double> barValues() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();

    QCustomPlot* m_plot = nullptr;
    QCPBars* m_bars = nullptr;
};

} // namespace tagbench::ui
