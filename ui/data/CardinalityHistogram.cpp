#include "ui/data/CardinalityHistogram.h"

#include "ui/widgets/ChartStyle.h"

#include <qcustomplot.h>

#include <QEvent>
#include <QVBoxLayout>

#include <algorithm>

namespace tagbench::ui {

CardinalityHistogram::CardinalityHistogram(QWidget* parent)
    : QWidget(parent)
    , m_plot(new QCustomPlot(this))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    chartstyle::apply(m_plot);
    m_bars = new QCPBars(m_plot->xAxis, m_plot->yAxis);
    m_bars->setWidth(0.7);
    m_bars->setPen(Qt::NoPen);
    m_bars->setBrush(chartstyle::primary());
    auto ticker = QSharedPointer<QCPAxisTickerFixed>::create();
    ticker->setTickStep(1.0);
    ticker->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
    m_plot->xAxis->setTicker(ticker);
    m_plot->xAxis->setSubTicks(false);
    m_plot->xAxis->grid()->setVisible(false);
    retranslateUi();
}

void CardinalityHistogram::setHistogram(const std::vector<std::uint64_t>& histogram)
{
    QVector<double> keys, values;
    double maximum = 1;
    for (std::size_t k = 0; k < histogram.size(); ++k) {
        keys << static_cast<double>(k);
        values << static_cast<double>(histogram[k]);
        maximum = std::max(maximum, values.last());
    }
    m_bars->setData(keys, values, true);
    m_plot->xAxis->setRange(-0.6, std::max<double>(1, histogram.size()) - 0.4);
    m_plot->yAxis->setRange(0, maximum * 1.08);
    m_plot->replot();
}

QVector<double> CardinalityHistogram::barValues() const
{
    QVector<double> values;
    for (auto it = m_bars->data()->constBegin(); it != m_bars->data()->constEnd(); ++it)
        values << it->value;
    return values;
}

void CardinalityHistogram::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void CardinalityHistogram::retranslateUi()
{
    m_plot->xAxis->setLabel(tr("Labels per document"));
    m_plot->yAxis->setLabel(tr("Documents"));
    m_plot->replot();
}

} // namespace tagbench::ui
