#include "ui/train/TrainCurvesWidget.h"

#include "core/train/Trainer.h"
#include "ui/widgets/ChartStyle.h"

#include <qcustomplot.h>

#include <QEvent>
#include <QVBoxLayout>

#include <algorithm>

namespace tagbench::ui {

TrainCurvesWidget::TrainCurvesWidget(QWidget* parent)
    : QWidget(parent)
    , m_plot(new QCustomPlot(this))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    m_plot->setMinimumSize(320, 220);
    chartstyle::apply(m_plot);
    m_plot->yAxis2->setVisible(true);
    chartstyle::apply(m_plot);   // again, so the now visible right axis gets the style too
    m_plot->yAxis2->setRange(0, 1.02);

    QSharedPointer<QCPAxisTickerFixed> ticker(new QCPAxisTickerFixed);
    ticker->setTickStep(1.0);
    ticker->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
    m_plot->xAxis->setTicker(ticker);

    m_loss = m_plot->addGraph(m_plot->xAxis, m_plot->yAxis);
    m_loss->setPen(QPen(chartstyle::rare(), 2));
    m_loss->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 6));
    m_micro = m_plot->addGraph(m_plot->xAxis, m_plot->yAxis2);
    m_micro->setPen(QPen(chartstyle::primary(), 2));
    m_micro->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, 6));
    m_macro = m_plot->addGraph(m_plot->xAxis, m_plot->yAxis2);
    m_macro->setPen(QPen(chartstyle::secondary(), 2, Qt::DashLine));
    m_macro->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssSquare, 6));
    m_best = m_plot->addGraph(m_plot->xAxis, m_plot->yAxis2);
    m_best->setLineStyle(QCPGraph::lsNone);
    m_best->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssStar, chartstyle::primary(), 14));

    m_plot->legend->setVisible(true);
    m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignBottom | Qt::AlignRight);
    retranslateUi();
    rescale();
}

void TrainCurvesWidget::clear()
{
    for (QCPGraph* graph : {m_loss, m_micro, m_macro, m_best})
        graph->data()->clear();
    m_plannedEpochs = 0;
    rescale();
}

void TrainCurvesWidget::addEpoch(const EpochReport& report)
{
    const double x = double(report.epoch);
    m_loss->addData(x, report.trainLoss);
    m_micro->addData(x, report.devMicroF1);
    m_macro->addData(x, report.devMacroF1);
    if (report.best) {
        // Only the latest best epoch is marked: earlier bests were superseded.
        m_best->data()->clear();
        m_best->addData(x, report.devMicroF1);
    }
    rescale();
}

void TrainCurvesWidget::setPlannedEpochs(std::int64_t epochs)
{
    m_plannedEpochs = epochs;
    rescale();
}

int TrainCurvesWidget::pointCount() const
{
    return m_micro->dataCount();
}

void TrainCurvesWidget::rescale()
{
    const double lastEpoch = m_micro->dataCount() > 0 ? (m_micro->data()->constEnd() - 1)->key : 0.0;
    m_plot->xAxis->setRange(0.5, std::max({double(m_plannedEpochs), lastEpoch, 1.0}) + 0.5);
    bool found = false;
    const QCPRange loss = m_loss->data()->valueRange(found);
    m_plot->yAxis->setRange(0, found ? std::max(loss.upper * 1.1, 1e-3) : 1.0);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void TrainCurvesWidget::retranslateUi()
{
    m_plot->xAxis->setLabel(tr("Epoch"));
    m_plot->yAxis->setLabel(tr("Training loss"));
    m_plot->yAxis2->setLabel(tr("Dev F1"));
    m_loss->setName(tr("Training loss"));
    m_micro->setName(tr("Dev micro-F1"));
    m_macro->setName(tr("Dev macro-F1"));
    m_best->setName(tr("Best epoch"));
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void TrainCurvesWidget::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

} // namespace tagbench::ui
