#include "ui/data/CooccurrenceHeatmap.h"

#include "ui/widgets/ChartStyle.h"

#include <qcustomplot.h>

#include <QEvent>
#include <QLocale>
#include <QToolTip>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace tagbench::ui {

namespace {
// Above this many labels the cells are too small for their numbers.
constexpr int maxLabelsWithNumbers = 24;
} // namespace

CooccurrenceHeatmap::CooccurrenceHeatmap(QWidget* parent)
    : QWidget(parent)
    , m_plot(new QCustomPlot(this))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    chartstyle::apply(m_plot);

    m_map = new QCPColorMap(m_plot->xAxis, m_plot->yAxis);
    m_map->setInterpolate(false);
    m_map->setTightBoundary(false);
    m_scale = new QCPColorScale(m_plot);
    m_plot->plotLayout()->addElement(0, 1, m_scale);
    m_scale->setType(QCPAxis::atRight);
    m_map->setColorScale(m_scale);
    QCPColorGradient gradient;
    gradient.setColorStopAt(0.0, m_plot->palette().color(QPalette::Base));
    gradient.setColorStopAt(0.15, QColor(0xd6, 0xe6, 0xfa));
    gradient.setColorStopAt(1.0, QColor(0x0d, 0x3c, 0x84));
    m_map->setGradient(gradient);
    auto* margins = new QCPMarginGroup(m_plot);
    m_plot->axisRect()->setMarginGroup(QCP::msBottom | QCP::msTop, margins);
    m_scale->setMarginGroup(QCP::msBottom | QCP::msTop, margins);

    for (QCPAxis* axis : {m_plot->xAxis, m_plot->yAxis}) {
        axis->setSubTicks(false);
        axis->setTickLength(0, 3);
        axis->grid()->setVisible(false);
    }
    m_plot->yAxis->setRangeReversed(true);
    m_plot->xAxis->setTickLabelRotation(60);

    connect(m_plot, &QCustomPlot::mouseMove, this, &CooccurrenceHeatmap::onMouseMove);
    retranslateUi();
}

void CooccurrenceHeatmap::setMatrix(const CooccurrenceMatrix& matrix)
{
    m_matrix = matrix;
    m_labels.clear();
    const int n = static_cast<int>(matrix.labels.size());
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    for (int i = 0; i < n; ++i) {
        m_labels << QString::fromStdString(matrix.labels[static_cast<std::size_t>(i)]);
        ticker->addTick(i, m_labels.last());
    }
    m_plot->xAxis->setTicker(ticker);
    m_plot->yAxis->setTicker(ticker);

    m_plot->clearItems();
    m_map->data()->setSize(std::max(n, 1), std::max(n, 1));
    m_map->data()->setRange(QCPRange(0, std::max(n - 1, 1)), QCPRange(0, std::max(n - 1, 1)));
    m_map->data()->fill(0);
    double maximum = 1;
    for (int row = 0; row < n; ++row) {
        for (int column = 0; column < n; ++column) {
            if (row == column)
                continue;
            const double value = static_cast<double>(matrix.at(std::size_t(row), std::size_t(column)));
            m_map->data()->setCell(column, row, value);
            maximum = std::max(maximum, value);
        }
    }
    m_map->setDataRange(QCPRange(0, maximum));
    if (n > 0 && n <= maxLabelsWithNumbers) {
        const QLocale locale;
        for (int row = 0; row < n; ++row) {
            for (int column = 0; column < n; ++column) {
                if (row == column)
                    continue;
                const double value = m_map->data()->cell(column, row);
                auto* text = new QCPItemText(m_plot);
                text->position->setType(QCPItemPosition::ptPlotCoords);
                text->position->setCoords(column, row);
                text->setText(locale.toString(qint64(value)));
                QFont small = m_plot->font();
                small.setPointSizeF(small.pointSizeF() * 0.8);
                text->setFont(small);
                text->setColor(value > maximum * 0.55 ? Qt::white : m_plot->palette().color(QPalette::Text));
            }
        }
    }
    m_plot->xAxis->setRange(-0.5, std::max(n, 1) - 0.5);
    m_plot->yAxis->setRange(-0.5, std::max(n, 1) - 0.5);
    m_plot->replot();
}

double CooccurrenceHeatmap::cellValue(int row, int column) const
{
    return m_map->data()->cell(column, row);
}

void CooccurrenceHeatmap::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void CooccurrenceHeatmap::retranslateUi()
{
    m_scale->axis()->setLabel(tr("Documents with both labels"));
    m_plot->replot();
}

void CooccurrenceHeatmap::onMouseMove(QMouseEvent* event)
{
    const int n = m_labels.size();
    const int column = static_cast<int>(std::lround(m_plot->xAxis->pixelToCoord(event->pos().x())));
    const int row = static_cast<int>(std::lround(m_plot->yAxis->pixelToCoord(event->pos().y())));
    if (!m_plot->axisRect()->rect().contains(event->pos()) || row < 0 || column < 0 || row >= n || column >= n) {
        QToolTip::hideText();
        return;
    }
    const QLocale locale;
    const auto count = static_cast<qint64>(m_matrix.at(std::size_t(row), std::size_t(column)));
    const QString text = row == column
        ? tr("<b>%1</b><br>%2 documents").arg(m_labels[row].toHtmlEscaped(), locale.toString(count))
        : tr("<b>%1</b> and <b>%2</b><br>%3 documents carry both")
              .arg(m_labels[row].toHtmlEscaped(), m_labels[column].toHtmlEscaped(), locale.toString(count));
    QToolTip::showText(event->globalPosition().toPoint(), text, m_plot);
}

} // namespace tagbench::ui
