#pragma once

#include <QString>
#include <QStringList>
#include <QVector>
#include <QWidget>

namespace tagbench::ui {

/// Horizontal score bars of the best-scoring labels of one text, each with a tick at the
/// label's threshold; the labels the rule keeps are drawn in the accent colour. Painted (not a
/// plot) so that it scales with the font in presentation mode.
class ScoreBarsWidget final : public QWidget {
    Q_OBJECT
public:
    struct Row {
        QString label;
        float score = 0.0f;
        float threshold = 0.5f;   ///< +infinity: the label is disabled
        bool kept = false;
    };

    explicit ScoreBarsWidget(QWidget* parent = nullptr);

    /// Rows in display order (best first).
    void setRows(QVector<Row> rows);
    const QVector<Row>& rows() const { return m_rows; }
    /// Text shown when there are no rows.
    void setPlaceholderText(const QString& text);

    /// How a label is drawn in width pixels: on one line when it fits, else wrapped (anywhere
    /// between Han characters, between words otherwise) over at most two lines, the second
    /// elided. Long label names stay readable instead of being cut in the middle.
    static QStringList labelLines(const QFont& font, const QString& label, int width);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    int rowHeight() const;

    QVector<Row> m_rows;
    QString m_placeholder;
};

} // namespace tagbench::ui
