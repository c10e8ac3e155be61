#include "ui/demo/ScoreBarsWidget.h"

#include "ui/widgets/ChartStyle.h"

#include <QFontMetrics>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QTextLayout>

#include <algorithm>
#include <cmath>

namespace tagbench::ui {

ScoreBarsWidget::ScoreBarsWidget(QWidget* parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
}

void ScoreBarsWidget::setRows(QVector<Row> rows)
{
    m_rows = std::move(rows);
    updateGeometry();
    update();
}

void ScoreBarsWidget::setPlaceholderText(const QString& text)
{
    m_placeholder = text;
    update();
}

QStringList ScoreBarsWidget::labelLines(const QFont& font, const QString& label, int width)
{
    const QFontMetrics metrics(font);
    if (metrics.horizontalAdvance(label) <= width)
        return {label};
    QTextLayout layout(label);
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout.setTextOption(option);
    layout.setFont(font);
    layout.beginLayout();
    QStringList lines;
    QTextLine line = layout.createLine();
    while (line.isValid() && lines.size() < 2) {
        line.setLineWidth(width);
        lines << label.mid(line.textStart(), line.textLength());
        line = layout.createLine();
    }
    layout.endLayout();
    if (lines.size() == 2) {
        // The rest of the name goes into the second line, elided at its end.
        const int start = label.indexOf(lines[1], lines[0].size());
        lines[1] = metrics.elidedText(label.mid(std::max(start, 0)), Qt::ElideRight, width);
    }
    for (QString& text : lines)
        text = text.trimmed();
    return lines;
}

int ScoreBarsWidget::rowHeight() const
{
    return QFontMetrics(font()).height() * 2;
}

QSize ScoreBarsWidget::sizeHint() const
{
    return {480, std::max(3, int(m_rows.size())) * rowHeight() + rowHeight() / 2};
}

QSize ScoreBarsWidget::minimumSizeHint() const
{
    return {240, 3 * rowHeight()};
}

void ScoreBarsWidget::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QPalette pal = palette();
    const QColor text = pal.color(QPalette::WindowText);
    if (m_rows.isEmpty()) {
        QColor muted = text;
        muted.setAlphaF(0.55f);
        painter.setPen(muted);
        painter.drawText(rect().adjusted(8, 8, -8, -8), Qt::AlignCenter | Qt::TextWordWrap, m_placeholder);
        return;
    }

    const QFontMetrics fm(font());
    const int h = rowHeight();
    const int pad = fm.height() / 2;
    QFont bold = font();
    bold.setBold(true);
    const QFontMetrics boldMetrics(bold);
    int labelWidth = 0;
    for (const Row& row : m_rows)
        labelWidth = std::max(labelWidth, (row.kept ? boldMetrics : fm).horizontalAdvance(row.label));
    // Up to almost half the width for names: the bars still get the larger part.
    labelWidth = std::min(labelWidth, width() * 9 / 20);
    const int scoreWidth = fm.horizontalAdvance(QStringLiteral("0.000")) + pad;
    const int barLeft = pad + labelWidth + pad;
    const int barWidth = std::max(40, width() - barLeft - scoreWidth - pad);
    QColor track = text;
    track.setAlpha(28);
    QColor muted = text;
    muted.setAlpha(110);
    const QLocale locale;

    for (int i = 0; i < m_rows.size(); ++i) {
        const Row& row = m_rows[i];
        const int top = i * h + h / 4;
        if (top + h > height())
            break;   // rows are best first: the ones that do not fit matter least
        const QRect labelRect(pad, top, labelWidth, h);
        painter.setFont(row.kept ? bold : font());
        painter.setPen(row.kept ? text : muted);
        painter.drawText(labelRect, Qt::AlignVCenter | Qt::AlignRight,
                         labelLines(row.kept ? bold : font(), row.label, labelWidth).join(QLatin1Char('\n')));

        const QRectF barRect(barLeft, top + h * 0.22, barWidth, h * 0.56);
        QPainterPath trackPath;
        trackPath.addRoundedRect(barRect, 3, 3);
        painter.fillPath(trackPath, track);
        const double score = std::clamp(double(row.score), 0.0, 1.0);
        if (score > 0) {
            QPainterPath barPath;
            barPath.addRoundedRect(QRectF(barRect.left(), barRect.top(), barRect.width() * score, barRect.height()), 3, 3);
            QColor fill = row.kept ? chartstyle::primary() : text;
            if (!row.kept)
                fill.setAlpha(70);
            painter.fillPath(barPath, fill);
        }
        if (std::isfinite(row.threshold)) {
            // The threshold mark stands out of the bar so it reads on both filled and empty parts.
            const double x = barRect.left() + barRect.width() * std::clamp(double(row.threshold), 0.0, 1.0);
            painter.setPen(QPen(chartstyle::rare(), std::max(2.0, h / 14.0)));
            painter.drawLine(QPointF(x, top + h * 0.08), QPointF(x, top + h * 0.92));
        }
        painter.setFont(row.kept ? bold : font());
        painter.setPen(row.kept ? text : muted);
        painter.drawText(QRect(barLeft + barWidth + pad, top, scoreWidth, h), Qt::AlignVCenter | Qt::AlignLeft,
                         locale.toString(double(row.score), 'f', 3));
    }
}

} // namespace tagbench::ui
