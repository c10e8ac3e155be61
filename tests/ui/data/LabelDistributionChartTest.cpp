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

QCustomPlot* plotOf(const LabelDistributionChart& chart)
{
    return chart.findChild<QCustomPlot*>();
}
} // namespace

class LabelDistributionChartTest final : public QObject {
    Q_OBJECT
private slots:
    void barsAreTheCountsInRankOrder();
    void rareLabelsGoToTheirOwnSeries();
    void labelsMissingFromTrainAreMarked();
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
    QCustomPlot* plot = plotOf(chart);
    QCOMPARE(plot->plottableCount(), 3);   // common, rare, missing from train
    auto* common = qobject_cast<QCPBars*>(plot->plottable(0));
    auto* rare = qobject_cast<QCPBars*>(plot->plottable(1));
    auto* unseen = qobject_cast<QCPBars*>(plot->plottable(2));
    QVERIFY(common && rare && unseen);
    QCOMPARE(common->data()->size(), 3);
    QCOMPARE(rare->data()->size(), 1);         // 5 of 1000 documents = 0.5%
    QCOMPARE(rare->data()->constBegin()->key, 3.0);
    QCOMPARE(rare->data()->constBegin()->value, 5.0);
    QVERIFY(common->brush().color() != rare->brush().color());
    QVERIFY(unseen->data()->isEmpty());
}

void LabelDistributionChartTest::labelsMissingFromTrainAreMarked()
{
    LabelDistribution d = sample();
    d.labels[2].unseenInTrain = true;   // 谍照: no training document carries it
    LabelDistributionChart chart;
    chart.setDistribution(d);
    QCustomPlot* plot = plotOf(chart);
    auto* rare = qobject_cast<QCPBars*>(plot->plottable(1));
    auto* unseen = qobject_cast<QCPBars*>(plot->plottable(2));
    QCOMPARE(unseen->data()->size(), 1);
    QCOMPARE(unseen->data()->constBegin()->key, 2.0);
    QVERIFY(unseen->brush().color() != rare->brush().color());
    QVERIFY(unseen->brush().color() != qobject_cast<QCPBars*>(plot->plottable(0))->brush().color());
    // The axis names it with a warning sign; the legend explains the colour.
    QCOMPARE(chart.barLabels().at(2), QStringLiteral("⚠ 谍照"));
    bool explained = false;
    for (int i = 0; i < plot->legend->itemCount(); ++i) {
        auto* item = qobject_cast<QCPPlottableLegendItem*>(plot->legend->item(i));
        explained = explained || (item && item->plottable() == unseen);
    }
    QVERIFY(explained);
    QCOMPARE(chart.barValues(), (QVector<double>{600, 250, 40, 5}));
}

void LabelDistributionChartTest::logScaleSwitchesTheCountAxis()
{
    LabelDistributionChart chart;
    chart.setDistribution(sample());
    QCOMPARE(plotOf(chart)->xAxis->scaleType(), QCPAxis::stLinear);
    chart.setLogScale(true);
    QVERIFY(chart.logScale());
    QCOMPARE(plotOf(chart)->xAxis->scaleType(), QCPAxis::stLogarithmic);
    QVERIFY(plotOf(chart)->xAxis->range().lower > 0);
    // One labelled tick per power of ten, as plain numbers: 1, 10, 100, 1000.
    plotOf(chart)->replot();
    const QVector<double> ticks = plotOf(chart)->xAxis->tickVector();
    QVERIFY2(ticks.size() >= 3 && ticks.size() <= 6, qPrintable(QString::number(ticks.size())));
    for (const QString& label : plotOf(chart)->xAxis->tickVectorLabels())
        QVERIFY2(!label.contains(QLatin1Char('e')) && !label.contains(QChar(0x00B7)), qPrintable(label));
    // The data does not change with the axis.
    QCOMPARE(chart.barValues(), (QVector<double>{600, 250, 40, 5}));
    chart.setLogScale(false);
    QCOMPARE(plotOf(chart)->xAxis->scaleType(), QCPAxis::stLinear);
}

void LabelDistributionChartTest::clickingABarNamesItsLabel()
{
    LabelDistributionChart chart;
    chart.resize(600, 400);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    chart.setDistribution(sample());
    plotOf(chart)->replot();
    QSignalSpy spy(&chart, &LabelDistributionChart::labelActivated);
    const QCustomPlot* plot = plotOf(chart);
    const QPoint secondBar(int(plot->xAxis->coordToPixel(100)), int(plot->yAxis->coordToPixel(1)));
    QTest::mouseClick(plotOf(chart), Qt::LeftButton, Qt::NoModifier, secondBar);
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
