#pragma once

#include "core/util/Result.h"
#include "ui/evaluate/RunFacts.h"

#include <QCoreApplication>
#include <QFont>
#include <QImage>
#include <QRect>
#include <QSize>
#include <QString>
#include <QStringList>
#include <QVector>

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

class QCPPainter;

namespace tagbench::eval {
class InteractiveEvaluator;
}

namespace tagbench::ui {

/// Everything an evaluation report shows, collected once from the evaluator.
struct ReportData {
    struct LabelRow {
        QString name;
        qint64 support = 0;
        qint64 predicted = 0;
        qint64 truePositives = 0;
        double precision = 0.0, recall = 0.0, f1 = 0.0;
        float threshold = 0.5f;   ///< +infinity: disabled
    };
    struct Curve {
        QString label;
        QVector<double> recall, precision;
        double pointRecall = 0.0, pointPrecision = 0.0;   ///< where the rule's threshold puts the label
    };

    QString title;
    QString subtitle;            ///< run folder, split, rule
    QStringList summary;         ///< micro/macro lines
    QVector<LabelRow> labels;    ///< in label order
    QVector<Curve> curves;       ///< PR curves of the selected labels
    QVector<RunFact> facts;      ///< model, tokenizer, training settings, how training went

    /// Collects the current metrics of evaluator; curves for the selected label indices.
    static ReportData collect(const eval::InteractiveEvaluator& evaluator, const std::vector<std::string>& labelNames,
                              const QVector<int>& curveLabels);
};

/// Renders an evaluation report for people who will not open the app: a multi-page PDF (summary,
/// label distribution and per-label F1 bars; the model and its training settings with a
/// precision-recall curve per chosen label; then the per-label table paginated with its header
/// repeated) and a one-page PNG overview. Files are written atomically (temp + rename).
/// GUI thread only: the charts are QCustomPlot widgets rendered offscreen. Its text follows the
/// installed translator (build the report after the language is set).
class ReportWriter final {
    Q_DECLARE_TR_FUNCTIONS(tagbench::ui::ReportWriter)
public:
    explicit ReportWriter(ReportData data);

    Status writePdf(const QString& path) const;
    /// The overview (title, summary and the three charts) as an image of size pixels.
    Status writePng(const QString& path, QSize size) const;
    /// The overview rendered into an image (what writePng saves; also the page's preview).
    /// scale sizes fonts and lines; 0 follows the width (1.0 at 1200 pixels).
    QImage renderOverview(QSize size, double scale = 0.0) const;

    /// Paints the PDF's pages (page: the printable area in device pixels); newPage() starts the
    /// next one. writePdf() passes a QPdfWriter's; any paint device can record the pages.
    void paintPages(QCPPainter& painter, const QRect& page, const std::function<void()>& newPage) const;
    /// Paints the overview into an area of size pixels at scale (what renderOverview() draws).
    void paintOverview(QCPPainter& painter, QSize size, double scale) const;

    /// The report's font: the UI's Latin face, then Simplified Chinese faces. Naming them keeps
    /// Han characters in SC glyph shapes (plain fallback may pick a Japanese face) and makes the
    /// PDF embed a font that has them.
    static QFont font(double pointSize);

    /// Labels the distribution and F1 charts show at most (the most frequent ones).
    static constexpr int maxChartLabels = 30;

private:
    void drawHeader(QCPPainter& painter, const QRect& area, double scale) const;
    void drawDistribution(QCPPainter& painter, const QRect& area, double scale) const;
    void drawF1(QCPPainter& painter, const QRect& area, double scale) const;
    void drawCurves(QCPPainter& painter, const QRect& area, double scale) const;
    /// Draws the model and training facts at the top of area; returns the height used.
    int drawFacts(QCPPainter& painter, const QRect& area, double scale) const;
    QString modelLine() const;
    /// Draws table rows [first, ...) into area; returns the first row that did not fit.
    int drawTable(QCPPainter& painter, const QRect& area, int first) const;
    QVector<int> chartOrder() const;

    ReportData m_data;
};

} // namespace tagbench::ui
