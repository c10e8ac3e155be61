#pragma once

#include "ui/demo/PredictWorker.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTimer;

namespace tagbench::ui {

class EvaluationSession;
class PredictionService;
class ScoreBarsWidget;

/// Shows a model at work: type or paste a text and see the labels it predicts, with score bars
/// and each label's threshold. The model is the run open on the Evaluate page (packed into a
/// temporary bundle when the page is shown, deciding with the Evaluate page's live rule), or a
/// .tagbench bundle or run folder the user opens here. PredictionService scores on its thread,
/// debounced while typing. Presentation mode (F11 or the button; Esc leaves) shows the text and
/// the bars full screen with large fonts, for demos to people who do not know the tool.
class DemoPage final : public QWidget {
    Q_OBJECT
public:
    /// evaluation may be null (the page then only shows what is opened on it).
    DemoPage(PredictionService* service, EvaluationSession* evaluation, QWidget* parent = nullptr);
    ~DemoPage() override;

    /// Opens a bundle in the background; bundleOpened() or an error on the page follows.
    void openBundle(const QString& path);
    /// Packs a training run into a temporary bundle and opens it; the run folder is unchanged.
    void openRun(const QString& runDir);
    void setText(const QString& text);
    bool hasBundle() const { return !m_summary.labels.isEmpty(); }
    const BundleSummary& bundle() const { return m_summary; }
    /// The labels of the last prediction shown (kept by the rule, best first).
    QStringList predictedLabels() const;

    void setPresentationMode(bool on);
    bool isPresentationMode() const { return m_presenting; }
    /// The widget shown full screen in presentation mode (the screenshot tool pictures it).
    QWidget* stage() const { return m_stage; }

    static constexpr int debounceMs = 150;
    static constexpr int maxRows = 10;

signals:
    void bundleOpened(const QString& path);
    void bundleFailed(const QString& path, const QString& message);
    /// A prediction for the current text is on screen.
    void predictionShown();

protected:
    void changeEvent(QEvent* event) override;
    void showEvent(QShowEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void retranslateUi();
    void requestPrediction();
    void onOpened(const BundleSummary& summary);
    void onPredicted(const DemoPrediction& prediction);
    void onEvaluatedRun();
    void openEvaluatedRun();
    bool showsEvaluatedRun() const;
    void sendLiveRule();
    void showMessage(const QString& message, bool error);
    void applyStageFonts();
    void openBundleDialog();
    void openRunDialog();

    PredictionService* m_service;
    EvaluationSession* m_evaluation;
    BundleSummary m_summary;
    QStringList m_predicted;
    QString m_pendingRun;   // the Evaluate page's run, opened once this page is shown
    bool m_presenting = false;

    QLabel* m_bundleLabel = nullptr;
    QPushButton* m_openBundle = nullptr;
    QPushButton* m_fromRun = nullptr;
    QPushButton* m_present = nullptr;
    QLabel* m_info = nullptr;
    QLabel* m_message = nullptr;
    QWidget* m_stage = nullptr;
    QLabel* m_textTitle = nullptr;
    QPlainTextEdit* m_text = nullptr;
    QLabel* m_resultTitle = nullptr;
    QLabel* m_result = nullptr;
    ScoreBarsWidget* m_bars = nullptr;
    QLabel* m_timing = nullptr;
    QTimer* m_debounce = nullptr;
    QTimer* m_ruleTimer = nullptr;
};

} // namespace tagbench::ui
