#pragma once

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSlider;
class QSortFilterProxyModel;
class QSpinBox;
class QStackedWidget;
class QTableView;
class QToolButton;

namespace tagbench::eval {
struct TuneResult;
}

namespace tagbench::ui {

class EvaluationSession;
class LabelCurvesWidget;
class LabelMetricsModel;
class RunComparisonView;

/// Evaluate and tune a run's decision rule on its dev (or test) scores: a global threshold
/// slider and top-k that update every metric live, per-label thresholds (table or dragging the
/// line on the curve), disabled labels, the optimiser (on dev), undo/redo (the Edit menu) and
/// saving rule.json. Switching the split keeps the rule being edited.
class EvaluatePage final : public QWidget {
    Q_OBJECT
public:
    explicit EvaluatePage(EvaluationSession* session, QWidget* parent = nullptr);

    /// Asks for a run folder and loads it.
    void openRunDialog();
    /// Loads RUN_DIR (its dev split).
    void openRun(const QString& runDir);
    /// Asks for a second run folder and compares it with the loaded run on the current split.
    void compareWithRunDialog();
    /// Compares the loaded run (under its live rule) with runDir's current rule; returns the dialog.
    RunComparisonView* compareWithRun(const QString& runDir);
    /// True when path looks like a run folder (labels.txt and scores/).
    static bool isRunDirectory(const QString& path);


protected:
    void changeEvent(QEvent* event) override;

private:
    QWidget* createControls();
    void retranslateUi();
    void retranslateOptimiser();
    void onRunLoaded();
    void onRuleChanged();
    void updateSummary();
    void updateObjectiveValue();
    /// Starts the optimiser, or cancels it while it runs.
    void optimise();
    void setOptimising(bool running);
    void onOptimiseFinished(const eval::TuneResult& result);
    void updateOptimiseStatus();
    void updateOptimiseAvailability();
    void saveRule();
    void selectLabelRow(const QModelIndex& proxyIndex);

    EvaluationSession* m_session;
    QStackedWidget* m_stack = nullptr;
    QLabel* m_placeholder = nullptr;
    QPushButton* m_placeholderOpen = nullptr;

    QLabel* m_runLabel = nullptr;
    QLabel* m_runPath = nullptr;
    QPushButton* m_openRun = nullptr;
    QPushButton* m_compare = nullptr;
    QLabel* m_splitLabel = nullptr;
    QComboBox* m_split = nullptr;

    QGroupBox* m_ruleBox = nullptr;
    QLabel* m_thresholdLabel = nullptr;
    QSlider* m_slider = nullptr;
    QDoubleSpinBox* m_thresholdSpin = nullptr;
    QLabel* m_topKLabel = nullptr;
    QSpinBox* m_topK = nullptr;
    QCheckBox* m_atLeastOne = nullptr;
    QToolButton* m_undo = nullptr;
    QToolButton* m_redo = nullptr;
    QPushButton* m_save = nullptr;

    QGroupBox* m_optimiserBox = nullptr;
    QLabel* m_objectiveLabel = nullptr;
    QComboBox* m_objective = nullptr;
    QDoubleSpinBox* m_objectiveValue = nullptr;
    QCheckBox* m_perLabel = nullptr;
    QPushButton* m_optimise = nullptr;
    QProgressBar* m_optimiseProgress = nullptr;
    QLabel* m_optimiseStatus = nullptr;
    /// The optimiser's last outcome, kept to word it again when the language changes.
    struct OptimiseOutcome {
        enum Kind { None, Running, Applied, Cancelled, Discarded } kind = None;
        double f1 = 0.0;
        bool globalInfeasible = false;
        int infeasibleLabels = 0;
    } m_optimiseOutcome;

    QLabel* m_summary = nullptr;
    QLineEdit* m_filter = nullptr;
    QTableView* m_table = nullptr;
    LabelMetricsModel* m_model = nullptr;
    QSortFilterProxyModel* m_proxy = nullptr;
    LabelCurvesWidget* m_curves = nullptr;
    bool m_updatingControls = false;
};

} // namespace tagbench::ui
