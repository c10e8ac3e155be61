#include "ui/widgets/ChartStyle.h"

#include <qcustomplot.h>

#include <QPalette>

namespace tagbench::ui::chartstyle {

QColor primary() { return QColor(0x3b, 0x7d, 0xd8); }
QColor rare() { return QColor(0xe8, 0x83, 0x3a); }
QColor secondary() { return QColor(0x4c, 0xa8, 0x6f); }
QColor missing() { return QColor(0xc0, 0x20, 0x20); }

void apply(QCustomPlot* plot)
{
    const QPalette palette = plot->palette();
    const QColor text = palette.color(QPalette::WindowText);
    QColor grid = text;
    grid.setAlpha(40);

    plot->setBackground(palette.brush(QPalette::Base));
    plot->setAntialiasedElements(QCP::aeAll);
    plot->setNotAntialiasedElements(QCP::aeAxes | QCP::aeGrid);
    for (QCPAxis* axis : plot->axisRect()->axes()) {
        axis->setBasePen(QPen(text, 1));
        axis->setTickPen(QPen(text, 1));
        axis->setSubTickPen(QPen(text, 1));
        axis->setTickLabelColor(text);
        axis->setLabelColor(text);
        axis->setTickLabelFont(plot->font());
        QFont labelFont = plot->font();
        labelFont.setBold(true);
        axis->setLabelFont(labelFont);
        axis->grid()->setPen(QPen(grid, 1, Qt::DotLine));
        axis->grid()->setSubGridVisible(false);
    }
    plot->legend->setFont(plot->font());
    plot->legend->setTextColor(text);
    QColor legendBackground = palette.color(QPalette::Base);
    legendBackground.setAlpha(220);
    plot->legend->setBrush(legendBackground);
    plot->legend->setBorderPen(QPen(grid));
}

} // namespace tagbench::ui::chartstyle
