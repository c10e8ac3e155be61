#pragma once

#include <QWidget>

#include <cstdint>

class QCustomPlot;
class QCPGraph;
class QCPCurve;
class QCPItemStraightLine;
class QCPItemTracer;
class QLabel;
class QMouseEvent;

namespace tagbench::ui {

class EvaluationSession;

/// Two views of one label: precision, recall and F1 against the threshold, with the label's
/// threshold as a vertical line the user can drag, and the precision-recall curve with the
/// operating point of the current rule.
class LabelCurvesWidget final : public QWidget {
    Q_OBJECT
public:
    explicit LabelCurvesWidget(EvaluationSession* session, QWidget* parent = nullptr);

    /// Shows label (a score-matrix column); -1 clears the plots.
    void setLabel(int label);
    int label() const { return m_label; }
    /// Re-reads curves and the operating point after a rule change.
    void refresh();

    /// x of the threshold line: where the label's threshold is drawn.
    double thresholdLinePosition() const;

signals:
    /// The user dragged the threshold line to threshold (emitted while dragging).
    void thresholdDragged(std::uint32_t label, float threshold);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void onPress(QMouseEvent* event);
    void onMove(QMouseEvent* event);
    void onRelease(QMouseEvent* event);

    EvaluationSession* m_session;
    int m_label = -1;
    bool m_dragging = false;
    QLabel* m_title = nullptr;
    QCustomPlot* m_thresholdPlot = nullptr;
    QCustomPlot* m_prPlot = nullptr;
    QCPGraph* m_precision = nullptr;
    QCPGraph* m_recall = nullptr;
    QCPGraph* m_f1 = nullptr;
    QCPItemStraightLine* m_line = nullptr;
    QCPCurve* m_pr = nullptr;
    QCPGraph* m_point = nullptr;
};

} // namespace tagbench::ui
