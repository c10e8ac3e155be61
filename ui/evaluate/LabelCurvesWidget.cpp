#include "ui/evaluate/LabelCurvesWidget.h"

#include "core/eval/InteractiveEvaluator.h"
#include "ui/widgets/ChartStyle.h"
#include "ui/evaluate/EvaluationSession.h"

#include <qcustomplot.h>

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace tagbench::ui {

namespace {
// Grab distance around the threshold line, in pixels.
constexpr double grabPixels = 6.0;

std::vector<float> thresholdGrid()
{
    std::vector<float> grid;
    for (int i = 0; i <= 200; ++i)
        grid.push_back(static_cast<float>(i) / 200.0f);
    return grid;
}
} // namespace

LabelCurvesWidget::LabelCurvesWidget(EvaluationSession* session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_title(new QLabel(this))
    , m_thresholdPlot(new QCustomPlot(this))
    , m_prPlot(new QCustomPlot(this))
{
    m_title->setObjectName(QStringLiteral("curvesTitle"));
    m_thresholdPlot->setObjectName(QStringLiteral("thresholdPlot"));
    m_prPlot->setObjectName(QStringLiteral("prPlot"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    layout->addWidget(m_title);
    auto* plots = new QHBoxLayout;
    plots->addWidget(m_thresholdPlot, 3);
    plots->addWidget(m_prPlot, 2);
    layout->addLayout(plots, 1);

    for (QCustomPlot* plot : {m_thresholdPlot, m_prPlot}) {
        chartstyle::apply(plot);
        plot->xAxis->setRange(0, 1);
        plot->yAxis->setRange(0, 1.02);
        plot->setMinimumSize(220, 200);
    }
    m_precision = m_thresholdPlot->addGraph();
    m_recall = m_thresholdPlot->addGraph();
    m_f1 = m_thresholdPlot->addGraph();
    m_precision->setPen(QPen(chartstyle::primary(), 2));
    m_recall->setPen(QPen(chartstyle::secondary(), 2));
    m_f1->setPen(QPen(chartstyle::rare(), 2.5));
    m_line = new QCPItemStraightLine(m_thresholdPlot);
    m_line->setPen(QPen(m_thresholdPlot->palette().color(QPalette::WindowText), 1.5, Qt::DashLine));
    m_thresholdPlot->legend->setVisible(true);
    m_thresholdPlot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignBottom | Qt::AlignLeft);

    m_pr = new QCPCurve(m_prPlot->xAxis, m_prPlot->yAxis);
    m_pr->setPen(QPen(chartstyle::primary(), 2));
    m_point = m_prPlot->addGraph();
    m_point->setLineStyle(QCPGraph::lsNone);
    m_point->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, chartstyle::rare(), 10));
    m_point->removeFromLegend();

    connect(m_thresholdPlot, &QCustomPlot::mousePress, this, &LabelCurvesWidget::onPress);
    connect(m_thresholdPlot, &QCustomPlot::mouseMove, this, &LabelCurvesWidget::onMove);
    connect(m_thresholdPlot, &QCustomPlot::mouseRelease, this, &LabelCurvesWidget::onRelease);
    retranslateUi();
}

void LabelCurvesWidget::setLabel(int label)
{
    m_label = label;
    m_dragging = false;
    const eval::InteractiveEvaluator* evaluator = m_session->evaluator();
    if (!evaluator || label < 0 || static_cast<std::size_t>(label) >= m_session->labelNames().size()) {
        m_label = -1;
        for (QCPGraph* graph : {m_precision, m_recall, m_f1, m_point})
            graph->data()->clear();
        m_pr->data()->clear();
        m_title->clear();
        m_thresholdPlot->replot();
        m_prPlot->replot();
        return;
    }
    refresh();
}

void LabelCurvesWidget::refresh()
{
    const eval::InteractiveEvaluator* evaluator = m_session->evaluator();
    if (!evaluator || m_label < 0)
        return;
    const auto label = static_cast<std::uint32_t>(m_label);
    // Curves depend on top-k, so they are re-read on every change; 201 samples cost microseconds.
    const eval::LabelCurve sampled = evaluator->sampledCurve(label, thresholdGrid());
    QVector<double> t, p, r, f;
    for (std::size_t i = 0; i < sampled.thresholds.size(); ++i) {
        t << sampled.thresholds[i];
        p << sampled.precision[i];
        r << sampled.recall[i];
        f << sampled.f1[i];
    }
    m_precision->setData(t, p, true);
    m_recall->setData(t, r, true);
    m_f1->setData(t, f, true);

    const float threshold = m_session->rule().thresholdFor(label);
    m_line->point1->setCoords(threshold, 0);
    m_line->point2->setCoords(threshold, 1);

    const eval::LabelCurve pr = evaluator->curve(label, 400);
    QVector<double> recall, precision;
    for (std::size_t i = 0; i < pr.thresholds.size(); ++i) {
        recall << pr.recall[i];
        precision << pr.precision[i];
    }
    m_pr->setData(recall, precision);
    const eval::LabelMetrics now = eval::labelMetrics(evaluator->countsAt(label, threshold));
    m_point->setData({now.recall}, {now.precision});

    const QLocale locale;
    m_title->setText(tr("%1 — support %2, threshold %3, F1 %4")
                         .arg(QString::fromStdString(m_session->labelNames()[label]), locale.toString(qint64(sampled.support)),
                              locale.toString(double(threshold), 'f', 3), locale.toString(now.f1, 'f', 3)));
    m_thresholdPlot->replot(QCustomPlot::rpQueuedReplot);
    m_prPlot->replot(QCustomPlot::rpQueuedReplot);
}

double LabelCurvesWidget::thresholdLinePosition() const
{
    return m_line->point1->coords().x();
}

void LabelCurvesWidget::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void LabelCurvesWidget::retranslateUi()
{
    m_precision->setName(tr("Precision"));
    m_recall->setName(tr("Recall"));
    m_f1->setName(tr("F1"));
    m_thresholdPlot->xAxis->setLabel(tr("Threshold (drag the dashed line)"));
    m_prPlot->xAxis->setLabel(tr("Recall"));
    m_prPlot->yAxis->setLabel(tr("Precision"));
    m_thresholdPlot->setToolTip(tr("Drag the dashed line, or click in the plot, to set this label's own threshold"));
    m_thresholdPlot->replot();
    m_prPlot->replot();
    refresh();   // the title line is built from the label's numbers
}

void LabelCurvesWidget::onPress(QMouseEvent* event)
{
    if (m_label < 0 || event->button() != Qt::LeftButton)
        return;
    const double linePixel = m_thresholdPlot->xAxis->coordToPixel(thresholdLinePosition());
    m_dragging = std::abs(event->position().x() - linePixel) <= grabPixels;
    if (!m_dragging && m_thresholdPlot->axisRect()->rect().contains(event->pos())) {
        // A click elsewhere in the plot moves the line there, then drags it.
        m_dragging = true;
        onMove(event);
    }
}

void LabelCurvesWidget::onMove(QMouseEvent* event)
{
    if (!m_dragging) {
        const double linePixel = m_thresholdPlot->xAxis->coordToPixel(thresholdLinePosition());
        const bool near = m_label >= 0 && std::abs(event->position().x() - linePixel) <= grabPixels;
        m_thresholdPlot->setCursor(near ? Qt::SizeHorCursor : Qt::ArrowCursor);
        return;
    }
    const double value = std::clamp(m_thresholdPlot->xAxis->pixelToCoord(event->position().x()), 0.0, 1.0);
    emit thresholdDragged(static_cast<std::uint32_t>(m_label), static_cast<float>(value));
}

void LabelCurvesWidget::onRelease(QMouseEvent*)
{
    m_dragging = false;
}

} // namespace tagbench::ui
