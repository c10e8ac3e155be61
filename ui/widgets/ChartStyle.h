#pragma once

#include <QColor>

class QCustomPlot;

namespace tagbench::ui::chartstyle {

/// Colour of ordinary bars and lines.
QColor primary();
/// Colour that marks rare labels and warnings.
QColor rare();
/// Colour of a second series (e.g. a second split).
QColor secondary();
/// Colour of what is missing and needs action (labels no training document carries).
QColor missing();

/// Gives a plot the application's look: palette-aware background, light grid, widget font,
/// antialiasing, no frame. Call once after construction.
void apply(QCustomPlot* plot);

} // namespace tagbench::ui::chartstyle
