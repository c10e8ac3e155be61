#pragma once

#include "ui/demo/PredictWorker.h"

#include <QThread>
#include <QWidget>

#include <atomic>
#include <memory>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QShortcut;
class QTimer;

namespace tagbench::ui {

class ScoreBarsWidget;

/// Shows a model at work: type or paste a text and see the labels a .tagbench bundle predicts,
/// with score bars and each label's threshold. Prediction runs on a worker thread, debounced
/// while typing. Presentation mode (F11 or the button; Esc leaves) shows the text and the bars
/// full screen with large fonts, for demos to people who do not know the tool.
class DemoPage final : public QWidget {
    Q_OBJECT
public:
    explicit DemoPage(QWidget* parent = nullptr);
    ~DemoPage() override;

    /// Opens a bundle in the background; bundleOpened() or an error on the page follows.
    void openBundle(const QString& path);
    /// Exports a training run to RUN_DIR/model.tagbench and opens it.
    void openRun(const QString& runDir);
    void setText(const QString& text);
    bool hasBundle() const { return !m_summary.labels.isEmpty(); }
    const BundleSummary& bundle() const { return m_summary; }
    ScoreBarsWidget* scoreBars() const { return m_bars; }
    /// The labels of the last prediction shown (kept by the rule, best first).
    QStringList predictedLabels() const;

    void setPresentationMode(bool on);
    bool isPresentationMode() const { return m_presenting; }
    /// The widget shown full screen in presentation mode (for screenshots).
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
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void retranslateUi();
    void requestPrediction();
    void onOpened(const BundleSummary& summary);
    void onPredicted(const DemoPrediction& prediction);
    void showMessage(const QString& message, bool error);
    void applyStageFonts();
    void openBundleDialog();
    void openRunDialog();

    QThread m_thread;
    PredictWorker* m_worker = nullptr;   // deleted by m_thread's finished()
    std::shared_ptr<std::atomic<quint64>> m_latest = std::make_shared<std::atomic<quint64>>(0);
    quint64 m_nextRequest = 1;
    BundleSummary m_summary;
    QStringList m_predicted;
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
};

} // namespace tagbench::ui
