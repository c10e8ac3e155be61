#include "ui/export/ExportPage.h"

#include "core/eval/InteractiveEvaluator.h"
#include "core/export/BundleExporter.h"
#include "ui/evaluate/EvaluationSession.h"
#include "ui/evaluate/ReportWriter.h"
#include "ui/evaluate/RunFacts.h"
#include "ui/export/BundleExportService.h"
#include "ui/project/ProjectSession.h"
#include "ui/widgets/FileDialogs.h"
#include "ui/widgets/WheelGuard.h"
#include "ui/widgets/CoreNames.h"

#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QEvent>
#include <QFile>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QStyle>
#include <QTimer>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>
#include <exception>
#include <numeric>

namespace tagbench::ui {

namespace {
constexpr int defaultCurveLabels = 4;

QString humanBytes(std::uint64_t bytes)
{
    return QLocale().formattedDataSize(qint64(bytes));
}
} // namespace

ExportPage::ExportPage(EvaluationSession* evaluation, ProjectSession* project, BundleExportService* exporter,
                       QWidget* parent)
    : QWidget(parent)
    , m_evaluation(evaluation)
    , m_project(project)
    , m_exporter(exporter)
{
    setObjectName(QStringLiteral("ExportPage"));
    auto* layout = new QHBoxLayout(this);
    auto* left = new QVBoxLayout;
    layout->addLayout(left, 2);

    m_bundleGroup = new QGroupBox(this);
    auto* bundleForm = new QFormLayout(m_bundleGroup);
    bundleForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    auto* runRow = new QHBoxLayout;
    m_run = new QComboBox(m_bundleGroup);
    m_run->setEditable(true);
    m_run->setInsertPolicy(QComboBox::NoInsert);
    m_run->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_run->setMinimumContentsLength(20);
    m_browseRun = new QPushButton(m_bundleGroup);
    runRow->addWidget(m_run, 1);
    runRow->addWidget(m_browseRun);
    m_runLabel = new QLabel(m_bundleGroup);
    bundleForm->addRow(m_runLabel, runRow);
    auto* outputRow = new QHBoxLayout;
    m_output = new QLineEdit(m_bundleGroup);
    m_output->setClearButtonEnabled(true);
    m_browseOutput = new QPushButton(m_bundleGroup);
    outputRow->addWidget(m_output, 1);
    outputRow->addWidget(m_browseOutput);
    m_outputLabel = new QLabel(m_bundleGroup);
    bundleForm->addRow(m_outputLabel, outputRow);
    auto* exportRow = new QHBoxLayout;
    m_export = new QPushButton(style()->standardIcon(QStyle::SP_DialogSaveButton), QString(), m_bundleGroup);
    m_exportProgress = new QProgressBar(m_bundleGroup);
    m_exportProgress->setRange(0, 0);
    m_exportProgress->setTextVisible(false);
    m_exportProgress->hide();
    m_openInDemo = new QPushButton(style()->standardIcon(QStyle::SP_MediaPlay), QString(), m_bundleGroup);
    m_openInDemo->setEnabled(false);
    exportRow->addWidget(m_export);
    exportRow->addWidget(m_exportProgress, 1);
    exportRow->addStretch(0);
    exportRow->addWidget(m_openInDemo);
    bundleForm->addRow(exportRow);
    m_exportResult = new QPlainTextEdit(m_bundleGroup);
    m_exportResult->setReadOnly(true);
    m_exportResult->setMaximumHeight(150);
    bundleForm->addRow(m_exportResult);
    left->addWidget(m_bundleGroup);

    m_reportGroup = new QGroupBox(this);
    auto* reportLayout = new QVBoxLayout(m_reportGroup);
    m_reportSource = new QLabel(m_reportGroup);
    m_reportSource->setWordWrap(true);
    m_curvesLabel = new QLabel(m_reportGroup);
    m_curveLabels = new QListWidget(m_reportGroup);
    m_curveLabels->setObjectName(QStringLiteral("curveLabels"));
    auto* reportButtons = new QHBoxLayout;
    m_pdf = new QPushButton(style()->standardIcon(QStyle::SP_FileIcon), QString(), m_reportGroup);
    m_png = new QPushButton(style()->standardIcon(QStyle::SP_FileIcon), QString(), m_reportGroup);
    reportButtons->addWidget(m_pdf);
    reportButtons->addWidget(m_png);
    reportButtons->addStretch(1);
    m_reportResult = new QLabel(m_reportGroup);
    m_reportResult->setWordWrap(true);
    m_reportResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    reportLayout->addWidget(m_reportSource);
    reportLayout->addWidget(m_curvesLabel);
    reportLayout->addWidget(m_curveLabels, 1);
    reportLayout->addLayout(reportButtons);
    reportLayout->addWidget(m_reportResult);
    left->addWidget(m_reportGroup, 1);

    auto* right = new QVBoxLayout;
    m_previewTitle = new QLabel(this);
    QFont bold = m_previewTitle->font();
    bold.setBold(true);
    m_previewTitle->setFont(bold);
    m_preview = new QLabel(this);
    m_preview->setAlignment(Qt::AlignTop | Qt::AlignHCenter);
    m_preview->setMinimumSize(320, 240);
    m_preview->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Ignored);
    right->addWidget(m_previewTitle);
    right->addWidget(m_preview, 1);
    layout->addLayout(right, 3);

    m_previewTimer = new QTimer(this);
    m_previewTimer->setSingleShot(true);
    m_previewTimer->setInterval(250);
    connect(m_previewTimer, &QTimer::timeout, this, &ExportPage::updatePreview);

    connect(m_browseRun, &QPushButton::clicked, this, [this] {
        const QString dir = FileDialogs::directory(this, tr("Choose a Training Run"));
        if (!dir.isEmpty())
            setRunDir(dir);
    });
    connect(m_exporter, &BundleExportService::exported, this, &ExportPage::onExported);
    connect(m_exporter, &BundleExportService::failed, this, &ExportPage::onExportFailed);
    connect(m_run, &QComboBox::currentTextChanged, this, [this] { m_output->setPlaceholderText(defaultOutput()); });
    connect(m_browseOutput, &QPushButton::clicked, this, &ExportPage::browseOutput);
    connect(m_export, &QPushButton::clicked, this, [this] { exportBundle(m_output->text().trimmed()); });
    connect(m_openInDemo, &QPushButton::clicked, this, [this] { emit openInDemoRequested(m_lastBundle); });
    connect(m_pdf, &QPushButton::clicked, this, &ExportPage::reportPdfDialog);
    connect(m_png, &QPushButton::clicked, this, &ExportPage::reportPngDialog);
    connect(m_curveLabels, &QListWidget::itemChanged, m_previewTimer, qOverload<>(&QTimer::start));
    connect(m_evaluation, &EvaluationSession::runLoaded, this, &ExportPage::onRunLoaded);
    connect(m_evaluation, &EvaluationSession::ruleChanged, m_previewTimer, qOverload<>(&QTimer::start));
    connect(m_project, &ProjectSession::changed, this, &ExportPage::refreshRuns);

    WheelGuard::install(this);
    retranslateUi();
    refreshRuns();
    if (m_evaluation->hasRun())
        onRunLoaded();
    updateReportState();
}

void ExportPage::setRunDir(const QString& runDir)
{
    const QString native = QDir::toNativeSeparators(QDir::cleanPath(runDir));
    if (m_run->findText(native) < 0)
        m_run->addItem(native);
    m_run->setCurrentText(native);
}

QString ExportPage::defaultOutput() const
{
    const QString run = m_run->currentText().trimmed();
    return run.isEmpty() ? QString() : QDir::toNativeSeparators(QDir(run).filePath(QStringLiteral("model.tagbench")));
}

void ExportPage::exportBundle(const QString& outPath)
{
    if (isExporting())
        return;
    const QString runDir = QDir::fromNativeSeparators(m_run->currentText().trimmed());
    if (runDir.isEmpty()) {
        m_exportResult->setPlainText(tr("Choose a training run folder first."));
        emit bundleExportFailed(m_exportResult->toPlainText());
        return;
    }
    const QString out = QDir::fromNativeSeparators(outPath.isEmpty() ? defaultOutput() : outPath);
    m_export->setEnabled(false);
    m_openInDemo->setEnabled(false);
    m_exportProgress->show();
    m_exportResult->setPlainText(tr("Exporting %1…").arg(QDir::toNativeSeparators(runDir)));
    m_exportRequest = m_exporter->exportRun(runDir, out);
}

void ExportPage::onExported(quint64 request, const ExportedBundle& bundle)
{
    if (request != m_exportRequest)
        return;
    m_exportRequest = 0;
    m_export->setEnabled(true);
    m_exportProgress->hide();
    m_lastBundle = bundle.path;
    m_openInDemo->setEnabled(true);
    m_exportResult->setPlainText(tr("Wrote %1\nSize: %2 · %3 tensors · %4 parameters\nSHA-256: %5")
                                     .arg(QDir::toNativeSeparators(bundle.path), humanBytes(std::uint64_t(bundle.bytes)),
                                          QLocale().toString(bundle.tensors), QLocale().toString(bundle.parameters),
                                          bundle.checksum));
    emit bundleExported(bundle.path);
}

void ExportPage::onExportFailed(quint64 request, const QString& message)
{
    if (request != m_exportRequest)
        return;
    m_exportRequest = 0;
    m_export->setEnabled(true);
    m_exportProgress->hide();
    m_exportResult->setPlainText(tr("Export failed: %1").arg(message));
    emit bundleExportFailed(message);
}

QVector<int> ExportPage::checkedCurveLabels() const
{
    QVector<int> labels;
    for (int row = 0; row < m_curveLabels->count(); ++row) {
        const QListWidgetItem* item = m_curveLabels->item(row);
        if (item->checkState() == Qt::Checked)
            labels << item->data(Qt::UserRole).toInt();
    }
    return labels;
}

void ExportPage::setCurveLabelChecked(int label, bool checked)
{
    for (int row = 0; row < m_curveLabels->count(); ++row) {
        QListWidgetItem* item = m_curveLabels->item(row);
        if (item->data(Qt::UserRole).toInt() == label)
            item->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
    }
}

ReportData ExportPage::reportData(bool dated) const
{
    const LoadedRun* run = m_evaluation->run();
    ReportData data = ReportData::collect(*m_evaluation->evaluator(), m_evaluation->labelNames(), checkedCurveLabels());
    data.title = tr("Evaluation report: %1").arg(QFileInfo(run->runDir).fileName());
    data.subtitle = dated ? tr("%1 · split %2 · %3")
                                .arg(QDir::toNativeSeparators(run->runDir), CoreNames::split(run->split),
                                     QLocale().toString(QDateTime::currentDateTime(), QLocale::ShortFormat))
                          : tr("%1 · split %2").arg(QDir::toNativeSeparators(run->runDir), CoreNames::split(run->split));
    data.facts = RunFacts::ofRunFolder(run->runDir);
    data.facts.push_back({tr("Decision rule"), tr("from %1%2").arg(CoreNames::ruleSource(run->ruleSource), m_evaluation->undoStack()->isClean()
                                                                                          ? QString()
                                                                                          : tr(", edited and not saved"))});
    return data;
}

Status ExportPage::writeReportPdf(const QString& path)
{
    if (!m_evaluation->hasRun() || !m_evaluation->evaluator())
        return Error{tr("Open a run on the Evaluate page first.").toStdString()};
    return ReportWriter(reportData(true)).writePdf(path);
}

Status ExportPage::writeReportPng(const QString& path, QSize size)
{
    if (!m_evaluation->hasRun() || !m_evaluation->evaluator())
        return Error{tr("Open a run on the Evaluate page first.").toStdString()};
    return ReportWriter(reportData(false)).writePng(path, size);
}

void ExportPage::reportPdfDialog()
{
    const QString file = FileDialogs::saveFile(this, tr("Save Report as PDF"),
                                               QFileInfo(m_evaluation->run()->runDir).fileName() + QStringLiteral("-report.pdf"),
                                               tr("PDF documents (*.pdf)"));
    if (file.isEmpty())
        return;
    const Status status = writeReportPdf(file);
    m_reportResult->setText(status.ok() ? tr("Wrote %1").arg(QDir::toNativeSeparators(file))
                                        : QString::fromStdString(status.message()));
}

void ExportPage::reportPngDialog()
{
    const QString file = FileDialogs::saveFile(this, tr("Save Report as PNG"),
                                               QFileInfo(m_evaluation->run()->runDir).fileName() + QStringLiteral("-report.png"),
                                               tr("PNG images (*.png)"));
    if (file.isEmpty())
        return;
    const Status status = writeReportPng(file);
    m_reportResult->setText(status.ok() ? tr("Wrote %1").arg(QDir::toNativeSeparators(file))
                                        : QString::fromStdString(status.message()));
}

void ExportPage::browseOutput()
{
    const QString start = m_output->text().isEmpty() ? defaultOutput() : m_output->text();
    const QString file = FileDialogs::saveFile(this, tr("Save Bundle As"), start, tr("Tagbench bundles (*.tagbench)"));
    if (!file.isEmpty())
        m_output->setText(QDir::toNativeSeparators(file));
}

void ExportPage::refreshRuns()
{
    const QString current = m_run->currentText();
    QStringList runs;
    if (m_evaluation->hasRun())
        runs << QDir::toNativeSeparators(m_evaluation->run()->runDir);
    if (m_project->isOpen()) {
        for (const RunRecord& record : m_project->runs())
            runs << QDir::toNativeSeparators(QString::fromStdString(record.runDir));
    }
    runs.removeDuplicates();
    const QSignalBlocker blocker(m_run);
    m_run->clear();
    m_run->addItems(runs);
    m_run->setCurrentText(current.isEmpty() && !runs.isEmpty() ? runs.first() : current);
    m_output->setPlaceholderText(defaultOutput());
}

void ExportPage::onRunLoaded()
{
    setRunDir(m_evaluation->run()->runDir);
    const std::vector<std::string>& names = m_evaluation->labelNames();
    const eval::Metrics metrics = m_evaluation->evaluator()->metrics();
    // Most frequent labels first: their curves are the ones people ask about.
    QVector<int> order(int(names.size()));
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        return metrics.labels[std::size_t(a)].counts.support > metrics.labels[std::size_t(b)].counts.support;
    });
    const QSignalBlocker blocker(m_curveLabels);
    m_curveLabels->clear();
    for (int i = 0; i < order.size(); ++i) {
        const int label = order[i];
        auto* item = new QListWidgetItem(
            tr("%1 (%2 gold)").arg(QString::fromStdString(names[std::size_t(label)]))
                .arg(QLocale().toString(qint64(metrics.labels[std::size_t(label)].counts.support))),
            m_curveLabels);
        item->setData(Qt::UserRole, label);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(i < defaultCurveLabels ? Qt::Checked : Qt::Unchecked);
    }
    updateReportState();
    updatePreview();
}

void ExportPage::updateReportState()
{
    const bool ready = m_evaluation->hasRun() && m_evaluation->evaluator();
    m_pdf->setEnabled(ready);
    m_png->setEnabled(ready);
    m_curveLabels->setEnabled(ready);
    if (ready) {
        m_reportSource->setText(tr("Report of %1 (split %2) with the rule currently set on the Evaluate page.")
                                    .arg(QFileInfo(m_evaluation->run()->runDir).fileName(), CoreNames::split(m_evaluation->run()->split)));
    } else {
        m_reportSource->setText(tr("Open a run on the Evaluate page to export its evaluation report."));
        m_preview->setText(tr("No run is open."));
    }
}

void ExportPage::updatePreview()
{
    if (!m_evaluation->hasRun() || !m_evaluation->evaluator() || !isVisible()) {
        if (m_evaluation->hasRun())
            m_previewImage = QImage();   // rendered when the page is shown
        return;
    }
    ReportData data = reportData(false);
    // Rendered at the preview's own size with full-size fonts, so that it stays legible.
    const QSize available = m_preview->size().expandedTo(QSize(480, 360));
    const QSize size = QSize(4, 3).scaled(available, Qt::KeepAspectRatio);
    m_previewImage = ReportWriter(std::move(data)).renderOverview(size, 1.0);
    m_preview->setPixmap(QPixmap::fromImage(m_previewImage.scaled(m_preview->size(), Qt::KeepAspectRatio,
                                                                   Qt::SmoothTransformation)));
}

void ExportPage::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    if (!m_previewImage.isNull())
        m_previewTimer->start();   // re-rendered at the new size once resizing settles
}

void ExportPage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (m_previewImage.isNull() && m_evaluation->hasRun())
        updatePreview();
}

void ExportPage::retranslateUi()
{
    m_bundleGroup->setTitle(tr("Model bundle"));
    m_runLabel->setText(tr("Run folder:"));
    m_browseRun->setText(tr("Browse…"));
    m_browseRun->setToolTip(tr("Choose a training run folder"));
    m_run->setToolTip(tr("The training run folder to pack; the run open on the Evaluate page is offered first"));
    m_output->setToolTip(tr("Where the bundle is written; empty: model.tagbench in the run folder"));
    m_browseOutput->setToolTip(tr("Choose the bundle file"));
    m_pdf->setToolTip(tr("Write the report as a multi-page PDF document"));
    m_png->setToolTip(tr("Write the report's overview as one PNG image"));
    m_curveLabels->setToolTip(tr("Tick the labels whose precision-recall curves the report shows"));
    m_outputLabel->setText(tr("Bundle file:"));
    m_browseOutput->setText(tr("Save As…"));
    m_export->setText(tr("Export Bundle"));
    m_export->setToolTip(tr("Pack the run's model, tokenizer, labels and decision rule into one .tagbench file"));
    m_openInDemo->setText(tr("Try in Demo"));
    m_exportResult->setPlaceholderText(tr("A bundle holds everything needed to predict: load it in the Demo page "
                                          "or with tagbench-cli predict."));
    m_reportGroup->setTitle(tr("Evaluation report"));
    m_curvesLabel->setText(tr("Labels with a precision-recall curve:"));
    m_pdf->setText(tr("Export PDF…"));
    m_png->setText(tr("Export PNG…"));
    m_previewTitle->setText(tr("Preview"));
    m_output->setPlaceholderText(defaultOutput());
    updateReportState();
}

void ExportPage::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        m_previewTimer->start();
    }
    QWidget::changeEvent(event);
}

} // namespace tagbench::ui
