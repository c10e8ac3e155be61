#include "ui/evaluate/RunComparisonView.h"

#include "ui/widgets/ChartStyle.h"
#include "ui/widgets/CoreNames.h"
#include "ui/evaluate/EvaluationSession.h"
#include "ui/evaluate/RunCompareWorker.h"
#include "ui/evaluate/RunComparisonModel.h"

#include <qcustomplot.h>

#include <QDialogButtonBox>
#include <QDir>
#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace tagbench::ui {

namespace {
QString coloured(const QString& text, const QColor& colour)
{
    return QStringLiteral("<span style=\"color:%1\">%2</span>").arg(colour.name(), text.toHtmlEscaped());
}

QString signedDelta(double delta)
{
    return QString::asprintf("%+.4f", delta);
}
} // namespace

RunComparisonView::RunComparisonView(EvaluationSession* session, QWidget* parent)
    : QDialog(parent)
    , m_session(session)
    , m_ticker(new QCPAxisTickerText)
{
    setObjectName(QStringLiteral("RunComparisonView"));
    connect(m_session, &EvaluationSession::comparisonReady, this, &RunComparisonView::onCompared);
    connect(m_session, &EvaluationSession::comparisonFailed, this, &RunComparisonView::onFailed);

    auto* layout = new QVBoxLayout(this);
    m_runs = new QLabel(this);
    m_runs->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_runs->setWordWrap(true);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("comparisonSummary"));
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setWordWrap(true);
    layout->addWidget(m_runs);
    layout->addWidget(m_summary);

    m_model = new RunComparisonModel(this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(RunComparisonModel::SortRole);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("comparisonTable"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);

    m_plot = new QCustomPlot(this);
    m_plot->setObjectName(QStringLiteral("comparisonChart"));
    chartstyle::apply(m_plot);
    m_plot->setMinimumSize(320, 240);
    // Horizontal bars: label names (often Chinese) read along the vertical axis.
    m_plot->yAxis->setTicker(m_ticker);
    m_plot->yAxis->setRangeReversed(true);   // largest change on top
    m_plot->yAxis->grid()->setVisible(false);
    m_plot->yAxis->setSubTicks(false);
    m_plot->yAxis->setTickLength(0, 0);
    m_plot->xAxis->grid()->setZeroLinePen(QPen(m_plot->xAxis->basePen().color(), 1));
    m_gains = new QCPBars(m_plot->yAxis, m_plot->xAxis);
    m_losses = new QCPBars(m_plot->yAxis, m_plot->xAxis);
    m_gains->setBrush(RunComparisonModel::improvedColor());
    m_losses->setBrush(RunComparisonModel::regressedColor());
    for (QCPBars* bars : {m_gains, m_losses}) {
        bars->setPen(Qt::NoPen);
        bars->setWidth(0.7);
    }

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_table);
    splitter->addWidget(m_plot);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    layout->addWidget(splitter, 1);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    resize(960, 560);
    retranslateUi();
}

void RunComparisonView::compare(const QString& runDirB)
{
    m_error.clear();
    m_pendingRunB = runDirB;
    m_model->setComparison(nullptr);
    updateChart();
    m_request = m_session->compareWithRun(runDirB);
    if (m_request == 0)
        m_error = tr("Open a run on the Evaluate page first.");
    retranslateUi();
}

void RunComparisonView::onCompared(quint64 request, std::shared_ptr<const RunComparisonData> data)
{
    if (request != m_request)
        return;   // another dialog's comparison
    m_pendingRunB.clear();
    m_model->setComparison(std::move(data));
    m_table->sortByColumn(RunComparisonModel::DeltaColumn, Qt::DescendingOrder);
    updateChart();
    retranslateUi();
    emit comparisonReady();
}

void RunComparisonView::onFailed(quint64 request, const QString& runDir, const QString& message)
{
    if (request != m_request)
        return;
    m_pendingRunB.clear();
    m_error = tr("Could not compare with %1: %2").arg(QDir::toNativeSeparators(runDir), message);
    retranslateUi();
    emit comparisonFailed(m_error);
}

void RunComparisonView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void RunComparisonView::retranslateUi()
{
    setWindowTitle(tr("Compare Runs"));
    m_plot->xAxis->setLabel(tr("F1 change (B − A)"));
    m_model->retranslate();
    const RunComparisonData* data = m_model->comparison();
    if (data) {
        m_runs->setText(tr("A: %1 (current rule)\nB: %2 (%3)\nSplit: %4")
                            .arg(QDir::toNativeSeparators(data->runDirA), QDir::toNativeSeparators(data->runDirB),
                                 CoreNames::ruleSource(data->ruleSourceB), CoreNames::split(data->split)));
    } else if (!m_pendingRunB.isEmpty()) {
        m_runs->setText(tr("Loading %1…").arg(QDir::toNativeSeparators(m_pendingRunB)));
    } else {
        m_runs->clear();
    }
    updateSummary();
    m_plot->replot();
}

void RunComparisonView::updateSummary()
{
    if (!m_error.isEmpty()) {
        m_summary->setText(coloured(m_error, RunComparisonModel::regressedColor()));
        return;
    }
    const RunComparisonData* data = m_model->comparison();
    if (!data) {
        m_summary->clear();
        return;
    }
    const eval::RunComparison& c = data->comparison;
    const auto count = [](std::size_t n) { return static_cast<int>(n); };
    const QString micro = tr("Micro-F1: A %1 → B %2 (%3)")
                              .arg(data->metricsA.f1, 0, 'f', 4)
                              .arg(data->metricsB.f1, 0, 'f', 4)
                              .arg(signedDelta(c.microF1Delta));
    const QString macro = tr("Macro-F1: A %1 → B %2 (%3)")
                              .arg(data->metricsA.macroF1, 0, 'f', 4)
                              .arg(data->metricsB.macroF1, 0, 'f', 4)
                              .arg(signedDelta(c.macroF1Delta));
    const QString separator = QStringLiteral(" &nbsp;·&nbsp; ");
    m_summary->setText(QStringLiteral("<b>%1</b>%2<b>%3</b>%2%4%2%5%2%6")
                           .arg(micro.toHtmlEscaped(), separator, macro.toHtmlEscaped(),
                                coloured(tr("%n improved", "", count(c.improved.size())), RunComparisonModel::improvedColor()),
                                coloured(tr("%n regressed", "", count(c.regressed.size())), RunComparisonModel::regressedColor()),
                                tr("%n unchanged", "", count(c.unchanged.size())).toHtmlEscaped()));
}

void RunComparisonView::updateChart()
{
    m_ticker->clear();
    QVector<double> gainKeys, gainValues, lossKeys, lossValues;
    const RunComparisonData* data = m_model->comparison();
    if (data) {
        std::vector<eval::LabelDelta> changed = data->comparison.improved;
        changed.insert(changed.end(), data->comparison.regressed.begin(), data->comparison.regressed.end());
        std::stable_sort(changed.begin(), changed.end(), [](const eval::LabelDelta& a, const eval::LabelDelta& b) {
            return std::abs(a.delta) > std::abs(b.delta);
        });
        if (changed.size() > static_cast<std::size_t>(maxChartBars))
            changed.resize(maxChartBars);
        double key = 1.0;
        for (const eval::LabelDelta& d : changed) {
            m_ticker->addTick(key, QString::fromStdString(data->labels[d.label]));
            (d.delta > 0 ? gainKeys : lossKeys).append(key);
            (d.delta > 0 ? gainValues : lossValues).append(d.delta);
            key += 1.0;
        }
    }
    m_gains->setData(gainKeys, gainValues, true);
    m_losses->setData(lossKeys, lossValues, true);
    const int bars = gainKeys.size() + lossKeys.size();
    // Room for at least a handful of bars so that one or two changes do not fill the plot.
    m_plot->yAxis->setRange(0.4, std::max(bars, 6) + 0.6);
    double extent = 0.05;
    for (double v : gainValues + lossValues)
        extent = std::max(extent, std::abs(v));
    extent *= 1.1;
    m_plot->xAxis->setRange(lossValues.isEmpty() ? -extent * 0.1 : -extent, gainValues.isEmpty() ? extent * 0.1 : extent);
    m_plot->replot();
}

} // namespace tagbench::ui
