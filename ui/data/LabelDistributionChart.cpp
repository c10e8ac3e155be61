#include "ui/data/LabelDistributionChart.h"

#include "ui/widgets/ChartStyle.h"

#include <qcustomplot.h>

#include <QEvent>
#include <QHBoxLayout>
#include <QLocale>
#include <QScrollBar>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace tagbench::ui {

namespace {
// Height of one bar row in device-independent pixels; keeps label text readable at any size.
constexpr int rowHeight = 22;
constexpr int maxRowHeight = 34;
// Log axes cannot start at zero; bars grow from here so that a count of 1 is still visible.
constexpr double logBase = 0.5;
} // namespace

LabelDistributionChart::LabelDistributionChart(QWidget* parent)
    : QWidget(parent)
    , m_plot(new QCustomPlot(this))
    , m_scroll(new QScrollBar(Qt::Vertical, this))
    , m_labelTicker(new QCPAxisTickerText)
{
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_plot, 1);
    layout->addWidget(m_scroll);

    chartstyle::apply(m_plot);
    m_plot->setInteractions(QCP::Interactions());
    m_plot->setMinimumHeight(8 * rowHeight);

    // Labels on the left axis, counts along the bottom: long label names stay horizontal.
    QCPAxis* labelAxis = m_plot->yAxis;
    QCPAxis* countAxis = m_plot->xAxis;
    labelAxis->setTicker(m_labelTicker);
    labelAxis->setRangeReversed(true);
    labelAxis->setSubTicks(false);
    labelAxis->setTickLength(0, 3);
    labelAxis->grid()->setVisible(false);
    countAxis->setRangeLower(0);

    m_common = new QCPBars(labelAxis, countAxis);
    m_rare = new QCPBars(labelAxis, countAxis);
    m_unseen = new QCPBars(labelAxis, countAxis);
    for (QCPBars* bars : {m_common, m_rare, m_unseen}) {
        bars->setWidth(0.7);
        bars->setPen(Qt::NoPen);
    }
    m_common->setBrush(chartstyle::primary());
    m_rare->setBrush(chartstyle::rare());
    m_unseen->setBrush(chartstyle::missing());

    m_plot->legend->setVisible(true);
    m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignBottom | Qt::AlignRight);

    connect(m_scroll, &QScrollBar::valueChanged, this, &LabelDistributionChart::scrollTo);
    connect(m_plot, &QCustomPlot::mouseMove, this, &LabelDistributionChart::onMouseMove);
    connect(m_plot, &QCustomPlot::mouseWheel, this, &LabelDistributionChart::onMouseWheel);
    connect(m_plot, &QCustomPlot::mousePress, this, &LabelDistributionChart::onMousePress);

    retranslateUi();
    rebuild();
}

void LabelDistributionChart::setDistribution(const LabelDistribution& distribution)
{
    m_distribution = distribution;
    rebuild();
}

void LabelDistributionChart::clear()
{
    setDistribution({});
}

void LabelDistributionChart::setLogScale(bool logarithmic)
{
    if (m_logScale == logarithmic)
        return;
    m_logScale = logarithmic;
    applyValueAxis();
    m_plot->replot();
}

QVector<double> LabelDistributionChart::barValues() const
{
    // Merge both series back into rank order (keys are ranks).
    QVector<double> values(m_distribution.labels.size(), 0.0);
    for (const QCPBars* bars : {m_common, m_rare, m_unseen}) {
        for (auto it = bars->data()->constBegin(); it != bars->data()->constEnd(); ++it) {
            const int rank = static_cast<int>(std::lround(it->key));
            if (rank >= 0 && rank < values.size())
                values[rank] = it->value;
        }
    }
    return values;
}

QStringList LabelDistributionChart::barLabels() const
{
    QStringList labels;
    const QMap<double, QString>& ticks = m_labelTicker->ticks();
    for (auto it = ticks.constBegin(); it != ticks.constEnd(); ++it)
        labels << it.value();
    return labels;
}

void LabelDistributionChart::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    else if (event->type() == QEvent::PaletteChange)
        chartstyle::apply(m_plot);
    QWidget::changeEvent(event);
}

void LabelDistributionChart::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    updateScrollRange();
}

void LabelDistributionChart::retranslateUi()
{
    m_plot->xAxis->setLabel(tr("Documents"));
    m_common->setName(tr("Labels"));
    m_rare->setName(tr("Rare labels (< 1% of documents)"));
    m_unseen->setName(tr("Missing from train (no training document has it)"));
    m_plot->replot();
}

void LabelDistributionChart::rebuild()
{
    QVector<double> commonKeys, commonValues, rareKeys, rareValues, unseenKeys, unseenValues;
    m_labelTicker->clear();
    for (int rank = 0; rank < m_distribution.labels.size(); ++rank) {
        const LabelCount& label = m_distribution.labels[rank];
        // A label the model cannot learn matters more than a rare one: it gets its own colour.
        m_labelTicker->addTick(rank, label.unseenInTrain ? QStringLiteral("⚠ ") + label.label : label.label);
        const bool rare = m_distribution.isRare(rank);
        QVector<double>& keys = label.unseenInTrain ? unseenKeys : rare ? rareKeys : commonKeys;
        QVector<double>& values = label.unseenInTrain ? unseenValues : rare ? rareValues : commonValues;
        keys.push_back(rank);
        values.push_back(static_cast<double>(label.documents));
    }
    // Counts written at the end of each bar; items outside the visible rows are clipped.
    m_plot->clearItems();
    const QLocale locale;
    for (int rank = 0; rank < m_distribution.labels.size(); ++rank) {
        auto* text = new QCPItemText(m_plot);
        text->position->setType(QCPItemPosition::ptPlotCoords);
        text->position->setAxes(m_plot->xAxis, m_plot->yAxis);
        text->position->setCoords(static_cast<double>(m_distribution.labels[rank].documents), rank);
        text->setPositionAlignment(Qt::AlignLeft | Qt::AlignVCenter);
        text->setPadding(QMargins(4, 0, 0, 0));
        text->setFont(m_plot->font());
        text->setColor(palette().color(QPalette::WindowText));
        text->setText(locale.toString(m_distribution.labels[rank].documents));
    }
    m_common->setData(commonKeys, commonValues, true);
    m_rare->setData(rareKeys, rareValues, true);
    m_unseen->setData(unseenKeys, unseenValues, true);
    for (QCPBars* bars : {m_rare, m_unseen}) {
        bars->addToLegend();
        if (bars->data()->isEmpty())
            bars->removeFromLegend();
    }
    m_plot->legend->setVisible(!m_distribution.labels.isEmpty());
    applyValueAxis();
    updateScrollRange();
    scrollTo(0);
}

void LabelDistributionChart::applyValueAxis()
{
    QCPAxis* countAxis = m_plot->xAxis;
    qint64 maximum = 1;
    for (const LabelCount& label : m_distribution.labels)
        maximum = std::max(maximum, label.documents);
    if (m_logScale) {
        countAxis->setScaleType(QCPAxis::stLogarithmic);
        // One labelled tick per power of ten (1, 10, 100 ...), written as plain numbers: the
        // default ticker labels every few sub-decades in exponent form, which crowds the axis.
        QSharedPointer<QCPAxisTickerLog> ticker(new QCPAxisTickerLog);
        ticker->setLogBase(10);
        ticker->setSubTickCount(8);
        ticker->setTickCount(std::max(2, int(std::ceil(std::log10(maximum * 6.0 / logBase)))));
        countAxis->setTicker(ticker);
        countAxis->setNumberFormat(QStringLiteral("f"));
        countAxis->setNumberPrecision(0);
        countAxis->setRange(logBase, maximum * 6.0);   // room for the count labels
        for (QCPBars* bars : {m_common, m_rare, m_unseen})
            bars->setBaseValue(logBase);
    } else {
        countAxis->setScaleType(QCPAxis::stLinear);
        countAxis->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
        countAxis->setNumberFormat(QStringLiteral("g"));
        countAxis->setNumberPrecision(6);
        countAxis->setRange(0, maximum * 1.15);   // room for the count labels
        for (QCPBars* bars : {m_common, m_rare, m_unseen})
            bars->setBaseValue(0);
    }
}

void LabelDistributionChart::updateScrollRange()
{
    const int rows = m_distribution.labels.size();
    const int height = m_plot->axisRect()->height() > 0 ? m_plot->axisRect()->height() : m_plot->height();
    int visible = std::max(1, height / rowHeight);
    // A short label list fills the plot with thicker bars instead of leaving it half empty.
    if (rows < visible)
        visible = std::max(rows, height / maxRowHeight);
    m_scroll->setPageStep(visible);
    m_scroll->setSingleStep(1);
    m_scroll->setRange(0, std::max(0, rows - visible));
    m_scroll->setVisible(rows > visible);
    scrollTo(m_scroll->value());
}

void LabelDistributionChart::scrollTo(int firstRow)
{
    const int visible = std::max(1, m_scroll->pageStep());
    m_plot->yAxis->setRange(firstRow - 0.5, firstRow + visible - 0.5);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

int LabelDistributionChart::rowAt(const QPoint& pos) const
{
    if (!m_plot->axisRect()->rect().contains(pos))
        return -1;
    const int row = static_cast<int>(std::lround(m_plot->yAxis->pixelToCoord(pos.y())));
    return row >= 0 && row < m_distribution.labels.size() ? row : -1;
}

void LabelDistributionChart::onMouseMove(QMouseEvent* event)
{
    const int row = rowAt(event->pos());
    if (row < 0) {
        QToolTip::hideText();
        return;
    }
    const LabelCount& label = m_distribution.labels[row];
    const QLocale locale;
    QToolTip::showText(event->globalPosition().toPoint(),
                       tr("<b>%1</b><br>%2 documents (%3%)")
                           .arg(label.label.toHtmlEscaped(), locale.toString(label.documents),
                                locale.toString(100.0 * m_distribution.share(row), 'f', 2)),
                       m_plot);
}

void LabelDistributionChart::onMouseWheel(QWheelEvent* event)
{
    const int steps = event->angleDelta().y() / 120 * 3;
    m_scroll->setValue(m_scroll->value() - steps);
}

void LabelDistributionChart::onMousePress(QMouseEvent* event)
{
    const int row = rowAt(event->pos());
    if (row >= 0 && event->button() == Qt::LeftButton)
        emit labelActivated(m_distribution.labels[row].label);
}

} // namespace tagbench::ui
