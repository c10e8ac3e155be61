#include "ui/data/LabelDistributionChart.h"

#include <qcustomplot.h>

#include <QSignalSpy>
#include <QTest>

using tagbench::ui::LabelDistribution;
using tagbench::ui::LabelDistributionChart;

namespace {
LabelDistribution sample()
{
    LabelDistribution d;
    d.documents = 1000;
    d.labels = {{QStringLiteral("新车上市"), 600}, {QStringLiteral("新车报价"), 250},
                {QStringLiteral("谍照"), 40}, {QStringLiteral("召回"), 5, true}};
    for (const auto& label : d.labels)
        d.labelAssignments += label.documents;
    return d;
}
} // namespace

class LabelDistributionChartTest final : public QObject {
    Q_OBJECT
private slots:
    void barsAreTheCountsInRankOrder();
    void rareLabelsGoToTheirOwnSeries();
    void logScaleSwitchesTheCountAxis();
    void clickingABarNamesItsLabel();
    void clearRemovesEverything();
};

void LabelDistributionChartTest::barsAreTheCountsInRankOrder()
{
    LabelDistributionChart chart;
    chart.setDistribution(sample());
    QCOMPARE(chart.barValues(), (QVector<double>{600, 250, 40, 5}));
    QCOMPARE(chart.barLabels(), (QStringList{QStringLiteral("新车上市"), QStringLiteral("新车报价"),
                                             QStringLiteral("谍照"), QStringLiteral("召回")}));
}

void LabelDistributionChartTest::rareLabelsGoToTheirOwnSeries()
{
    LabelDistributionChart chart;
    chart.setDistribution(sample());
    QCustomPlot* plot = chart.plot();
    QCOMPARE(plot->plottableCount(), 2);
    auto* common = qobject_cast<QCPBars*>(plot->plottable(0));
    auto* rare = qobject_cast<QCPBars*>(plot->plottable(1));
    QVERIFY(common && rare);
    QCOMPARE(common->data()->size(), 3);
    QCOMPARE(rare->data()->size(), 1);         // 5 of 1000 documents = 0.5%
    QCOMPARE(rare->data()->constBegin()->key, 3.0);
    QCOMPARE(rare->data()->constBegin()->value, 5.0);
    QVERIFY(common->brush().color() != rare->brush().color());
}

void LabelDistributionChartTest::logScaleSwitchesTheCountAxis()
{
    LabelDistributionChart chart;
    chart.setDistribution(sample());
    QCOMPARE(chart.plot()->xAxis->scaleType(), QCPAxis::stLinear);
    chart.setLogScale(true);
    QVERIFY(chart.logScale());
    QCOMPARE(chart.plot()->xAxis->scaleType(), QCPAxis::stLogarithmic);
    QVERIFY(chart.plot()->xAxis->range().lower > 0);
    // The data does not change with the axis.
    QCOMPARE(chart.barValues(), (QVector<double>{600, 250, 40, 5}));
    chart.setLogScale(false);
    QCOMPARE(chart.plot()->xAxis->scaleType(), QCPAxis::stLinear);
}

void LabelDistributionChartTest::clickingABarNamesItsLabel()
{
    LabelDistributionChart chart;
    chart.resize(600, 400);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    chart.setDistribution(sample());
    chart.plot()->replot();
    QSignalSpy spy(&chart, &LabelDistributionChart::labelActivated);
    const QCustomPlot* plot = chart.plot();
    const QPoint secondBar(int(plot->xAxis->coordToPixel(100)), int(plot->yAxis->coordToPixel(1)));
    QTest::mouseClick(chart.plot(), Qt::LeftButton, Qt::NoModifier, secondBar);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toString(), QStringLiteral("新车报价"));
}

void LabelDistributionChartTest::clearRemovesEverything()
{
    LabelDistributionChart chart;
    chart.setDistribution(sample());
    chart.clear();
    QVERIFY(chart.barValues().isEmpty());
    QVERIFY(chart.barLabels().isEmpty());
}

QTEST_MAIN(LabelDistributionChartTest)
#include "LabelDistributionChartTest.moc"
