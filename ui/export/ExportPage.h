#pragma once

#include "core/util/Result.h"

#include <QImage>
#include <QString>
#include <QWidget>

class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTimer;

namespace tagbench::ui {

class BundleExportService;
class EvaluationSession;
class ProjectSession;
struct ExportedBundle;
struct ReportData;

/// Takes results out of the app: packs a training run into a .tagbench bundle (the
/// BundleExportService does it on its thread, verified, with its checksum), and writes the
/// evaluation report of the run on the Evaluate page (its current rule, its model and training
/// settings) as a multi-page PDF or a PNG overview, with a preview.
class ExportPage final : public QWidget {
    Q_OBJECT
public:
    ExportPage(EvaluationSession* evaluation, ProjectSession* project, BundleExportService* exporter,
               QWidget* parent = nullptr);

    /// Offers runDir in the run list and selects it.
    void setRunDir(const QString& runDir);
    /// Exports the selected run to outPath in the background; bundleExported() or
    /// bundleExportFailed() follows. An empty outPath means RUN_DIR/model.tagbench.
    void exportBundle(const QString& outPath = QString());
    bool isExporting() const { return m_exportRequest != 0; }

    /// Writes the report of the evaluated run (labels with curves: the ticked ones).
    Status writeReportPdf(const QString& path);
    Status writeReportPng(const QString& path, QSize size = QSize(1600, 1200));
    /// Ticks label (a score column) for the PR curves.
    void setCurveLabelChecked(int label, bool checked);

signals:
    void bundleExported(const QString& path);
    void bundleExportFailed(const QString& message);
    /// The user wants to try the exported bundle on the Demo page.
    void openInDemoRequested(const QString& bundlePath);

protected:
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    void retranslateUi();
    void refreshRuns();
    void onRunLoaded();
    void onExported(quint64 request, const ExportedBundle& bundle);
    void onExportFailed(quint64 request, const QString& message);
    ReportData reportData(bool dated) const;
    void updateReportState();
    void updatePreview();
    QVector<int> checkedCurveLabels() const;
    void reportPdfDialog();
    void reportPngDialog();
    void browseOutput();
    QString defaultOutput() const;

    EvaluationSession* m_evaluation;
    ProjectSession* m_project;
    BundleExportService* m_exporter;
    quint64 m_exportRequest = 0;
    QString m_lastBundle;

    QGroupBox* m_bundleGroup = nullptr;
    QLabel* m_runLabel = nullptr;
    QComboBox* m_run = nullptr;
    QPushButton* m_browseRun = nullptr;
    QLabel* m_outputLabel = nullptr;
    QLineEdit* m_output = nullptr;
    QPushButton* m_browseOutput = nullptr;
    QPushButton* m_export = nullptr;
    QProgressBar* m_exportProgress = nullptr;
    QPlainTextEdit* m_exportResult = nullptr;
    QPushButton* m_openInDemo = nullptr;

    QGroupBox* m_reportGroup = nullptr;
    QLabel* m_reportSource = nullptr;
    QLabel* m_curvesLabel = nullptr;
    QListWidget* m_curveLabels = nullptr;
    QPushButton* m_pdf = nullptr;
    QPushButton* m_png = nullptr;
    QLabel* m_reportResult = nullptr;
    QLabel* m_previewTitle = nullptr;
    QLabel* m_preview = nullptr;
    QTimer* m_previewTimer = nullptr;
    QImage m_previewImage;
};

} // namespace tagbench::ui
