#include "ui/evaluate/ReportWriter.h"

#include "core/eval/InteractiveEvaluator.h"
#include "core/eval/Metrics.h"
#include "core/eval/ScoreMatrix.h"
#include "ui/widgets/ChartStyle.h"

#include <qcustomplot.h>

#include <QCoreApplication>
#include <QDateTime>
#include <QFileInfo>
#include <QGuiApplication>
#include <QImage>
#include <QLocale>
#include <QPdfWriter>
#include <QSaveFile>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace tagbench::ui {

namespace {

const QColor curveColors[] = {QColor(0x3b, 0x7d, 0xd8), QColor(0xe8, 0x83, 0x3a), QColor(0x4c, 0xa8, 0x6f),
                              QColor(0x9b, 0x59, 0xb6), QColor(0xc0, 0x39, 0x2b), QColor(0x16, 0xa0, 0x85),
                              QColor(0x7f, 0x8c, 0x8d), QColor(0xd4, 0xac, 0x0d)};

/// A plot with the report's look: white background, dark text, the given font size.
std::unique_ptr<QCustomPlot> makePlot(double pointSize)
{
    auto plot = std::make_unique<QCustomPlot>();
    QPalette palette = plot->palette();
    palette.setColor(QPalette::Base, Qt::white);
    palette.setColor(QPalette::Window, Qt::white);
    palette.setColor(QPalette::WindowText, QColor(0x22, 0x22, 0x22));
    plot->setPalette(palette);
    plot->setFont(ReportWriter::font(pointSize));
    chartstyle::apply(plot.get());
    return plot;
}

void render(QCustomPlot& plot, QCPPainter& painter, const QRect& area)
{
    painter.save();
    painter.translate(area.topLeft());
    plot.toPainter(&painter, area.width(), area.height());
    painter.restore();
}

void addTitle(QCustomPlot& plot, const QString& text)
{
    plot.plotLayout()->insertRow(0);
    QFont font = plot.font();
    font.setBold(true);
    plot.plotLayout()->addElement(0, 0, new QCPTextElement(&plot, text, font));
}

/// Bars of values (one per label, in the order given) named by the labels, slanted.
QCPBars* addLabelBars(QCustomPlot& plot, const QStringList& names, const QVector<double>& values, const QColor& colour)
{
    QVector<double> keys;
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    for (int i = 0; i < names.size(); ++i) {
        keys << i + 1;
        ticker->addTick(i + 1, names[i]);
    }
    auto* bars = new QCPBars(plot.xAxis, plot.yAxis);
    bars->setData(keys, values, true);
    bars->setPen(Qt::NoPen);
    bars->setBrush(colour);
    bars->setWidth(0.75);
    plot.xAxis->setTicker(ticker);
    plot.xAxis->setTickLabelRotation(60);
    plot.xAxis->setRange(0.3, std::max(1, int(names.size())) + 0.7);
    return bars;
}

QString percent(double value)
{
    return QLocale().toString(value * 100.0, 'f', 1) + QLatin1Char('%');
}

} // namespace

ReportData ReportData::collect(const eval::InteractiveEvaluator& evaluator, const std::vector<std::string>& labelNames,
                               const QVector<int>& curveLabels)
{
    ReportData data;
    const eval::Metrics metrics = evaluator.metrics();
    const eval::DecisionRule& rule = evaluator.rule();
    const QLocale locale;
    data.summary << ReportWriter::tr("Documents: %1 · labels: %2 · documents without a predicted label: %3")
                        .arg(locale.toString(qint64(metrics.documents)))
                        .arg(labelNames.size())
                        .arg(locale.toString(qint64(metrics.documentsWithoutPrediction)));
    data.summary << ReportWriter::tr("Micro: precision %1, recall %2, F1 %3 · macro-F1 %4")
                        .arg(percent(metrics.precision), percent(metrics.recall), percent(metrics.f1),
                             percent(metrics.macroF1));
    QString ruleText = ReportWriter::tr("Rule: global threshold %1").arg(locale.toString(rule.globalThreshold(), 'f', 3));
    if (!rule.labelThresholds().empty())
        ruleText += ReportWriter::tr(", %n per-label threshold(s)", nullptr, int(rule.labelThresholds().size()));
    if (rule.topK() > 0)
        ruleText += ReportWriter::tr(", at most %n label(s) per document", nullptr, rule.topK());
    if (!rule.disabledLabels().empty())
        ruleText += ReportWriter::tr(", %n label(s) disabled", nullptr, int(rule.disabledLabels().size()));
    data.summary << ruleText;

    const std::vector<float> thresholds = rule.effectiveThresholds(labelNames.size());
    for (std::size_t i = 0; i < labelNames.size() && i < metrics.labels.size(); ++i) {
        const eval::LabelMetrics& m = metrics.labels[i];
        LabelRow row;
        row.name = QString::fromStdString(labelNames[i]);
        row.support = m.counts.support;
        row.predicted = m.counts.predicted;
        row.truePositives = m.counts.truePositives;
        row.precision = m.precision;
        row.recall = m.recall;
        row.f1 = m.f1;
        row.threshold = thresholds[i];
        data.labels.push_back(row);
    }
    for (int label : curveLabels) {
        if (label < 0 || std::size_t(label) >= labelNames.size())
            continue;
        const eval::LabelCurve curve = evaluator.curve(std::uint32_t(label), 400);
        Curve c;
        c.label = QString::fromStdString(labelNames[std::size_t(label)]);
        c.recall = QVector<double>(curve.recall.begin(), curve.recall.end());
        c.precision = QVector<double>(curve.precision.begin(), curve.precision.end());
        c.pointRecall = metrics.labels[std::size_t(label)].recall;
        c.pointPrecision = metrics.labels[std::size_t(label)].precision;
        data.curves.push_back(std::move(c));
    }
    return data;
}

ReportWriter::ReportWriter(ReportData data)
    : m_data(std::move(data))
{
}

QString ReportWriter::modelLine() const
{
    // "Which model is this?" in one line: the model and its tokenizer (the rest is on page 2).
    QStringList parts;
    for (const RunFact& fact : m_data.facts) {
        if (fact.name == RunFacts::tr("Model") || fact.name == RunFacts::tr("Tokenizer"))
            parts << QStringLiteral("%1: %2").arg(fact.name, fact.value);
    }
    return parts.join(QStringLiteral(" · "));
}

QVector<int> ReportWriter::chartOrder() const
{
    QVector<int> order(m_data.labels.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [this](int a, int b) { return m_data.labels[a].support > m_data.labels[b].support; });
    if (order.size() > maxChartLabels)
        order.resize(maxChartLabels);
    return order;
}

void ReportWriter::drawHeader(QCPPainter& painter, const QRect& area, double scale) const
{
    painter.save();
    painter.setPen(QColor(0x22, 0x22, 0x22));
    QFont title = font(16 * scale);
    title.setBold(true);
    painter.setFont(title);
    const int titleHeight = QFontMetrics(title).height();
    painter.drawText(QRect(area.left(), area.top(), area.width(), titleHeight), Qt::AlignLeft | Qt::AlignVCenter,
                     m_data.title);
    const QFont body = font(9 * scale);
    painter.setFont(body);
    const QFontMetrics fm(body);
    int y = area.top() + titleHeight + fm.height() / 3;
    QStringList lines;
    lines << m_data.subtitle << m_data.summary;
    if (!m_data.facts.isEmpty())
        lines << modelLine();
    for (const QString& line : lines) {
        painter.drawText(QRect(area.left(), y, area.width(), fm.height()), Qt::AlignLeft | Qt::AlignVCenter,
                         fm.elidedText(line, Qt::ElideMiddle, area.width()));
        y += fm.height();
    }
    painter.restore();
}

void ReportWriter::drawDistribution(QCPPainter& painter, const QRect& area, double scale) const
{
    auto plot = makePlot(7.5 * scale);
    const QVector<int> order = chartOrder();
    QStringList names;
    QVector<double> values;
    for (const int label : order) {
        names << m_data.labels[label].name;
        values << double(m_data.labels[label].support);
    }
    QCPBars* bars = addLabelBars(*plot, names, values, chartstyle::primary());
    plot->yAxis->setLabel(tr("Gold documents"));
    bool found = false;
    const QCPRange range = bars->getValueRange(found);
    plot->yAxis->setRange(0, found ? range.upper * 1.08 : 1.0);
    addTitle(*plot, order.size() < m_data.labels.size()
                        ? tr("Label distribution (the %1 most frequent labels)").arg(order.size())
                        : tr("Label distribution"));
    render(*plot, painter, area);
}

void ReportWriter::drawF1(QCPPainter& painter, const QRect& area, double scale) const
{
    auto plot = makePlot(7.5 * scale);
    QStringList names;
    QVector<double> values;
    for (const int label : chartOrder()) {
        names << m_data.labels[label].name;
        values << m_data.labels[label].f1;
    }
    addLabelBars(*plot, names, values, chartstyle::secondary());
    plot->yAxis->setRange(0, 1.0);
    plot->yAxis->setLabel(tr("F1"));
    addTitle(*plot, tr("F1 per label (same labels)"));
    render(*plot, painter, area);
}

void ReportWriter::drawCurves(QCPPainter& painter, const QRect& area, double scale) const
{
    // One small plot per label: curves drawn over each other hide the ones underneath.
    const int count = int(m_data.curves.size());
    const QFont titleFont = font(9 * scale);
    QFont bold = titleFont;
    bold.setBold(true);
    const int titleHeight = QFontMetrics(bold).height() * 3 / 2;
    painter.save();
    painter.setFont(bold);
    painter.setPen(QColor(0x22, 0x22, 0x22));
    painter.drawText(QRect(area.left(), area.top(), area.width(), titleHeight), Qt::AlignLeft | Qt::AlignVCenter,
                     count == 0 ? tr("Precision-recall curves (no label selected)")
                                : tr("Precision-recall curves; the dot is the rule's operating point"));
    painter.restore();
    if (count == 0)
        return;
    const QRect grid = area.adjusted(0, titleHeight, 0, 0);
    // The plots share the whole area: one column for a few labels, more for many, each plot at
    // least about 220 pixels wide.
    const int columns = std::min(std::max(1, grid.width() / int(220 * scale)), count <= 3 ? 1 : count <= 8 ? 2 : 3);
    const int rows = (count + columns - 1) / columns;
    const int cellWidth = grid.width() / columns;
    const int cellHeight = grid.height() / rows;
    for (int i = 0; i < count; ++i) {
        const ReportData::Curve& c = m_data.curves[i];
        auto plot = makePlot(7 * scale);
        auto* curve = new QCPCurve(plot->xAxis, plot->yAxis);
        curve->setData(c.recall, c.precision);
        curve->setPen(QPen(curveColors[i % int(std::size(curveColors))], 2.0 * scale));
        QCPGraph* point = plot->addGraph();
        point->setLineStyle(QCPGraph::lsNone);
        point->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, QColor(0x22, 0x22, 0x22), 7 * scale));
        point->setData({c.pointRecall}, {c.pointPrecision});
        plot->xAxis->setRange(0, 1.0);
        plot->yAxis->setRange(0, 1.02);
        plot->xAxis->setLabel(tr("Recall"));
        plot->yAxis->setLabel(tr("Precision"));
        addTitle(*plot, c.label);
        const QRect cell(grid.left() + (i % columns) * cellWidth, grid.top() + (i / columns) * cellHeight, cellWidth,
                         cellHeight);
        render(*plot, painter, cell.adjusted(2, 2, -2, -2));
    }
}

int ReportWriter::drawFacts(QCPPainter& painter, const QRect& area, double scale) const
{
    if (m_data.facts.isEmpty())
        return 0;
    painter.save();
    QFont heading = font(11 * scale);
    heading.setBold(true);
    const QFont body = font(9 * scale);
    QFont bold = body;
    bold.setBold(true);
    const QFontMetrics fm(body);
    painter.setPen(QColor(0x22, 0x22, 0x22));
    painter.setFont(heading);
    const int headingHeight = QFontMetrics(heading).height() * 3 / 2;
    painter.drawText(QRect(area.left(), area.top(), area.width(), headingHeight), Qt::AlignLeft | Qt::AlignVCenter,
                     tr("Model and training"));
    int nameWidth = 0;
    for (const RunFact& fact : m_data.facts)
        nameWidth = std::max(nameWidth, QFontMetrics(bold).horizontalAdvance(fact.name));
    nameWidth += fm.height();
    int y = area.top() + headingHeight;
    for (const RunFact& fact : m_data.facts) {
        const QRect value(area.left() + nameWidth, y, area.width() - nameWidth, area.bottom() - y);
        const QRect used = fm.boundingRect(value, Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop, fact.value);
        painter.setFont(bold);
        painter.drawText(QRect(area.left(), y, nameWidth, fm.height()), Qt::AlignLeft | Qt::AlignTop, fact.name);
        painter.setFont(body);
        painter.drawText(value, Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop, fact.value);
        y += std::max(used.height(), fm.height()) + fm.height() / 4;
    }
    painter.restore();
    return y - area.top() + fm.height();
}

using LabelRow = ReportData::LabelRow;

int ReportWriter::drawTable(QCPPainter& painter, const QRect& area, int first) const
{
    painter.save();
    const QFont font = ReportWriter::font(8.5);
    QFont bold = font;
    bold.setBold(true);
    const QFontMetrics fm(font);
    const int rowHeight = int(fm.height() * 1.35);
    const QStringList headers = {tr("Label"),  tr("Support"), tr("Predicted"), tr("Precision"),
                                 tr("Recall"), tr("F1"),      tr("Threshold")};
    // The label column takes what the six number columns leave.
    const int numberWidth = std::max(fm.horizontalAdvance(QStringLiteral("000000000")),
                                     QFontMetrics(bold).horizontalAdvance(headers[3]) + fm.height());
    const int labelWidth = area.width() - 6 * numberWidth;
    auto cell = [&](int column, int y) {
        const int x = column == 0 ? area.left() : area.left() + labelWidth + (column - 1) * numberWidth;
        return QRect(x + 4, y, (column == 0 ? labelWidth : numberWidth) - 8, rowHeight);
    };
    int y = area.top();
    painter.setFont(bold);
    painter.fillRect(QRect(area.left(), y, area.width(), rowHeight), QColor(0xe8, 0xee, 0xf6));
    painter.setPen(QColor(0x22, 0x22, 0x22));
    for (int c = 0; c < headers.size(); ++c)
        painter.drawText(cell(c, y), Qt::AlignVCenter | (c == 0 ? Qt::AlignLeft : Qt::AlignRight), headers[c]);
    y += rowHeight;
    painter.setFont(font);
    const QLocale locale;
    int row = first;
    for (; row < m_data.labels.size() && y + rowHeight <= area.bottom(); ++row, y += rowHeight) {
        const LabelRow& r = m_data.labels[row];
        if ((row - first) % 2 == 1)
            painter.fillRect(QRect(area.left(), y, area.width(), rowHeight), QColor(0xf6, 0xf7, 0xf9));
        const QString threshold = std::isfinite(r.threshold) ? locale.toString(r.threshold, 'f', 3) : tr("off");
        const QStringList cells = {fm.elidedText(r.name, Qt::ElideMiddle, labelWidth - 8), locale.toString(r.support),
                                   locale.toString(r.predicted), locale.toString(r.precision, 'f', 3),
                                   locale.toString(r.recall, 'f', 3), locale.toString(r.f1, 'f', 3), threshold};
        painter.setPen(r.support == 0 ? QColor(0x88, 0x88, 0x88) : QColor(0x22, 0x22, 0x22));
        for (int c = 0; c < cells.size(); ++c)
            painter.drawText(cell(c, y), Qt::AlignVCenter | (c == 0 ? Qt::AlignLeft : Qt::AlignRight), cells[c]);
    }
    painter.setPen(QPen(QColor(0xcc, 0xcc, 0xcc), 0));
    painter.drawLine(QPointF(area.left(), y), QPointF(area.right(), y));
    painter.restore();
    return row;
}

Status ReportWriter::writePdf(const QString& path) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error{tr("Cannot write %1: %2").arg(path, file.errorString()).toStdString()};
    {
        QPdfWriter writer(&file);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter);
        writer.setResolution(96);
        writer.setTitle(m_data.title);
        writer.setCreator(QStringLiteral("Tagbench %1").arg(QStringLiteral(TAGBENCH_VERSION)));
        QCPPainter painter(&writer);
        if (!painter.isActive())
            return Error{tr("Cannot write %1: the PDF could not be started.").arg(path).toStdString()};
        const QRect page(QPoint(0, 0), writer.pageLayout().paintRectPixels(writer.resolution()).size());
        paintPages(painter, page, [&writer] { writer.newPage(); });
    }
    if (!file.commit())
        return Error{tr("Cannot write %1: %2").arg(path, file.errorString()).toStdString()};
    return {};
}

void ReportWriter::paintPages(QCPPainter& painter, const QRect& page, const std::function<void()>& newPage) const
{
    // Vector output, and text drawn as text (not cached pixmaps) so that the PDF's is selectable.
    painter.setMode(QCPPainter::pmVectorized);
    painter.setMode(QCPPainter::pmNoCaching);
    painter.setFont(font(9));
    const int pageNumberHeight = QFontMetrics(painter.font()).height() * 2;
    const QRect body = page.adjusted(0, 0, 0, -pageNumberHeight);
    int pageNumber = 1;
    auto footer = [&] {
        painter.save();
        painter.setPen(QColor(0x88, 0x88, 0x88));
        painter.drawText(QRect(page.left(), page.bottom() - pageNumberHeight, page.width(), pageNumberHeight),
                         Qt::AlignRight | Qt::AlignBottom, tr("Page %1").arg(pageNumber));
        painter.restore();
    };

    // Page 1: summary, distribution and F1.
    const int headerHeight = body.height() / 6;
    drawHeader(painter, QRect(body.left(), body.top(), body.width(), headerHeight), 1.0);
    const int chartHeight = (body.height() - headerHeight) / 2;
    drawDistribution(painter, QRect(body.left(), body.top() + headerHeight, body.width(), chartHeight), 1.0);
    drawF1(painter, QRect(body.left(), body.top() + headerHeight + chartHeight, body.width(), chartHeight), 1.0);
    footer();
    // Page 2: what the model is and how it was trained, then a precision-recall curve per
    // chosen label in the rest of the page.
    newPage();
    ++pageNumber;
    const int factsHeight = drawFacts(painter, body, 1.0);
    drawCurves(painter, body.adjusted(0, factsHeight, 0, 0), 1.0);
    footer();
    // Then the table, as many pages as it takes, header repeated.
    int row = 0;
    do {
        newPage();
        ++pageNumber;
        row = drawTable(painter, body, row);
        footer();
    } while (row < m_data.labels.size());
}

QImage ReportWriter::renderOverview(QSize size, double scale) const
{
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QCPPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    // Sizes follow the image width so a small preview and a large export look alike.
    paintOverview(painter, size, scale > 0.0 ? scale : std::max(0.4, size.width() / 1200.0));
    painter.end();
    return image;
}

void ReportWriter::paintOverview(QCPPainter& painter, QSize size, double scale) const
{
    painter.setFont(font(9));
    const int margin = int(24 * scale);
    const QRect area = QRect(QPoint(0, 0), size).adjusted(margin, margin, -margin, -margin);
    // Title plus one line per subtitle/summary line, and a blank line before the charts.
    const QFont title = font(16 * scale);
    const QFont body = font(9 * scale);
    const int headerHeight = QFontMetrics(title).height()
                             + (int(m_data.summary.size()) + (m_data.facts.isEmpty() ? 2 : 3)) * QFontMetrics(body).height()
                             + margin / 2;
    drawHeader(painter, QRect(area.left(), area.top(), area.width(), headerHeight), scale);
    const int chartsTop = area.top() + headerHeight;
    const int chartsHeight = area.bottom() - chartsTop;
    const int half = chartsHeight / 2;
    const int leftWidth = area.width() * 3 / 5;
    drawDistribution(painter, QRect(area.left(), chartsTop, leftWidth, half), scale);
    drawF1(painter, QRect(area.left(), chartsTop + half, leftWidth, chartsHeight - half), scale);
    drawCurves(painter, QRect(area.left() + leftWidth, chartsTop, area.width() - leftWidth, chartsHeight), scale);
}

QFont ReportWriter::font(double pointSize)
{
    QFont font = QGuiApplication::font();
    QStringList families{font.family()};
    for (const char* cjk : {"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC",
                            "WenQuanYi Micro Hei"})
        families << QLatin1String(cjk);
    font.setFamilies(families);
    font.setPointSizeF(pointSize);
    return font;
}

Status ReportWriter::writePng(const QString& path, QSize size) const
{
    if (size.isEmpty())
        return Error{tr("Cannot write %1: the image size is empty.").arg(path).toStdString()};
    const QImage image = renderOverview(size);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || !image.save(&file, "PNG") || !file.commit())
        return Error{tr("Cannot write %1: %2").arg(path, file.errorString()).toStdString()};
    return {};
}

} // namespace tagbench::ui
