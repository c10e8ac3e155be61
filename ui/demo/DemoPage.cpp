#include "ui/demo/DemoPage.h"

#include "ui/demo/ScoreBarsWidget.h"

#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QShortcut>
#include <QStyle>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <numeric>

namespace tagbench::ui {

namespace {
constexpr const char* lastBundleKey = "demo/lastBundle";
constexpr double presentationScale = 2.0;
} // namespace

DemoPage::DemoPage(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("DemoPage"));
    qRegisterMetaType<BundleSummary>();
    qRegisterMetaType<DemoPrediction>();
    m_thread.setObjectName(QStringLiteral("DemoPredict"));
    m_worker = new PredictWorker(m_latest);
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &PredictWorker::opened, this, &DemoPage::onOpened);
    connect(m_worker, &PredictWorker::openFailed, this, [this](const QString& path, const QString& message) {
        showMessage(tr("Cannot open %1: %2").arg(QDir::toNativeSeparators(path), message), true);
        emit bundleFailed(path, message);
    });
    connect(m_worker, &PredictWorker::predicted, this, &DemoPage::onPredicted);
    connect(m_worker, &PredictWorker::predictFailed, this, [this](quint64 request, const QString& message) {
        if (request == m_latest->load())
            showMessage(tr("Prediction failed: %1").arg(message), true);
    });
    m_thread.start();

    auto* layout = new QVBoxLayout(this);
    auto* bar = new QHBoxLayout;
    m_bundleLabel = new QLabel(this);
    m_bundleLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont bold = m_bundleLabel->font();
    bold.setBold(true);
    m_bundleLabel->setFont(bold);
    m_openBundle = new QPushButton(style()->standardIcon(QStyle::SP_DialogOpenButton), QString(), this);
    m_fromRun = new QPushButton(style()->standardIcon(QStyle::SP_DirOpenIcon), QString(), this);
    m_present = new QPushButton(style()->standardIcon(QStyle::SP_TitleBarMaxButton), QString(), this);
    m_present->setCheckable(true);
    bar->addWidget(m_bundleLabel, 1);
    bar->addWidget(m_openBundle);
    bar->addWidget(m_fromRun);
    bar->addWidget(m_present);
    layout->addLayout(bar);
    m_info = new QLabel(this);
    m_info->setWordWrap(true);
    m_info->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    m_message->hide();
    layout->addWidget(m_info);
    layout->addWidget(m_message);

    // The stage: what presentation mode shows full screen.
    m_stage = new QWidget(this);
    m_stage->setObjectName(QStringLiteral("demoStage"));
    m_stage->setAutoFillBackground(true);
    auto* stageLayout = new QVBoxLayout(m_stage);
    m_textTitle = new QLabel(m_stage);
    m_text = new QPlainTextEdit(m_stage);
    m_text->setObjectName(QStringLiteral("demoText"));
    m_resultTitle = new QLabel(m_stage);
    m_result = new QLabel(m_stage);
    m_result->setObjectName(QStringLiteral("demoResult"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_bars = new ScoreBarsWidget(m_stage);
    m_timing = new QLabel(m_stage);
    m_timing->setAlignment(Qt::AlignRight);
    stageLayout->addWidget(m_textTitle);
    stageLayout->addWidget(m_text, 1);
    stageLayout->addWidget(m_resultTitle);
    stageLayout->addWidget(m_result);
    stageLayout->addWidget(m_bars, 3);
    stageLayout->addWidget(m_timing);
    layout->addWidget(m_stage, 1);

    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(debounceMs);
    connect(m_debounce, &QTimer::timeout, this, &DemoPage::requestPrediction);
    connect(m_text, &QPlainTextEdit::textChanged, m_debounce, qOverload<>(&QTimer::start));
    connect(m_openBundle, &QPushButton::clicked, this, &DemoPage::openBundleDialog);
    connect(m_fromRun, &QPushButton::clicked, this, &DemoPage::openRunDialog);
    connect(m_present, &QPushButton::toggled, this, &DemoPage::setPresentationMode);
    auto* f11 = new QShortcut(QKeySequence(Qt::Key_F11), this);
    f11->setContext(Qt::WidgetWithChildrenShortcut);
    connect(f11, &QShortcut::activated, this, [this] { setPresentationMode(!m_presenting); });
    // Once the stage is its own full-screen window the page's shortcut no longer reaches it.
    m_stage->installEventFilter(this);
    m_text->installEventFilter(this);

    retranslateUi();
    const QString last = QSettings().value(lastBundleKey).toString();
    if (!last.isEmpty() && QFileInfo::exists(last))
        openBundle(last);
}

DemoPage::~DemoPage()
{
    if (m_presenting)
        setPresentationMode(false);
    m_thread.quit();
    m_thread.wait();
}

void DemoPage::openBundle(const QString& path)
{
    showMessage(tr("Opening %1…").arg(QFileInfo(path).fileName()), false);
    QMetaObject::invokeMethod(m_worker, "open", Qt::QueuedConnection, Q_ARG(QString, path));
}

void DemoPage::openRun(const QString& runDir)
{
    const QString out = QDir(runDir).filePath(QStringLiteral("model.tagbench"));
    showMessage(tr("Exporting %1 to a bundle…").arg(QDir::toNativeSeparators(runDir)), false);
    QMetaObject::invokeMethod(m_worker, "exportAndOpen", Qt::QueuedConnection, Q_ARG(QString, runDir),
                              Q_ARG(QString, out));
}

void DemoPage::setText(const QString& text)
{
    m_text->setPlainText(text);
}

QStringList DemoPage::predictedLabels() const
{
    return m_predicted;
}

void DemoPage::onOpened(const BundleSummary& summary)
{
    m_summary = summary;
    QSettings().setValue(lastBundleKey, summary.path);
    m_message->hide();
    retranslateUi();
    emit bundleOpened(summary.path);
    requestPrediction();
}

void DemoPage::requestPrediction()
{
    m_debounce->stop();
    if (!hasBundle())
        return;
    const QString text = m_text->toPlainText();
    if (text.trimmed().isEmpty()) {
        m_predicted.clear();
        m_bars->setRows({});
        m_result->clear();
        m_timing->clear();
        return;
    }
    const quint64 request = m_nextRequest++;
    m_latest->store(request);
    QMetaObject::invokeMethod(m_worker, "predict", Qt::QueuedConnection, Q_ARG(quint64, request), Q_ARG(QString, text));
}

void DemoPage::onPredicted(const DemoPrediction& prediction)
{
    if (prediction.request != m_latest->load() || prediction.scores.size() != m_summary.labels.size())
        return;   // a newer text is on its way, or the bundle changed meanwhile
    m_predicted.clear();
    for (int label : prediction.kept)
        m_predicted << m_summary.labels.value(label);

    QVector<int> order(prediction.scores.size());
    std::iota(order.begin(), order.end(), 0);
    const int shown = std::max<int>(int(prediction.kept.size()), std::min<int>(maxRows, int(order.size())));
    std::partial_sort(order.begin(), order.begin() + shown, order.end(),
                      [&](int a, int b) { return prediction.scores[a] > prediction.scores[b]; });
    QVector<ScoreBarsWidget::Row> rows;
    for (int i = 0; i < shown; ++i) {
        const int label = order[i];
        rows.push_back({m_summary.labels[label], prediction.scores[label], m_summary.thresholds.value(label, 0.5f),
                        prediction.kept.contains(label)});
    }
    m_bars->setRows(std::move(rows));
    m_result->setText(m_predicted.isEmpty() ? tr("No label reaches its threshold.")
                                            : m_predicted.join(QStringLiteral("  ·  ")));
    m_timing->setText(m_presenting ? tr("Esc leaves presentation mode")
                                   : tr("%1 ms on %2").arg(QLocale().toString(prediction.milliseconds, 'f', 1),
                                                           m_summary.device));
    emit predictionShown();
}

void DemoPage::showMessage(const QString& message, bool error)
{
    m_message->setText(message);
    m_message->setStyleSheet(error ? QStringLiteral("QLabel { color: #c0392b; }") : QString());
    m_message->show();
}

void DemoPage::setPresentationMode(bool on)
{
    if (on == m_presenting)
        return;
    m_presenting = on;
    {
        const QSignalBlocker blocker(m_present);
        m_present->setChecked(on);
    }
    if (on) {
        m_stage->setParent(nullptr, Qt::Window);
        m_stage->setWindowTitle(tr("Tagbench — Presentation"));
        applyStageFonts();
        m_stage->showFullScreen();
        m_stage->activateWindow();
        m_text->setFocus();
    } else {
        m_stage->hide();
        m_stage->setParent(this, Qt::Widget);
        static_cast<QVBoxLayout*>(layout())->addWidget(m_stage, 1);
        applyStageFonts();
        m_stage->show();
        m_text->setFocus();
    }
    requestPrediction();
}

void DemoPage::applyStageFonts()
{
    const double scale = m_presenting ? presentationScale : 1.0;
    QFont base = font();
    QFont textFont = base;
    textFont.setPointSizeF(base.pointSizeF() * scale * (m_presenting ? 1.1 : 1.15));
    m_text->setFont(textFont);
    QFont title = base;
    title.setBold(true);
    title.setPointSizeF(base.pointSizeF() * scale);
    m_textTitle->setFont(title);
    m_resultTitle->setFont(title);
    QFont result = base;
    result.setBold(true);
    result.setPointSizeF(base.pointSizeF() * scale * 1.6);
    m_result->setFont(result);
    QFont bars = base;
    bars.setPointSizeF(base.pointSizeF() * scale);
    m_bars->setFont(bars);
    QPalette palette = m_result->palette();
    palette.setColor(QPalette::WindowText, QColor(0x2a, 0x5f, 0xa8));
    m_result->setPalette(palette);
}

bool DemoPage::eventFilter(QObject* watched, QEvent* event)
{
    // F11 reaches here when no shortcut took it (the stage is its own window while presenting).
    if (event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent*>(event)->key();
        if (key == Qt::Key_F11 || (key == Qt::Key_Escape && m_presenting)) {
            setPresentationMode(key == Qt::Key_F11 ? !m_presenting : false);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void DemoPage::openBundleDialog()
{
    const QString file = QFileDialog::getOpenFileName(this, tr("Open Model Bundle"),
                                                      QFileInfo(m_summary.path).absolutePath(),
                                                      tr("Tagbench bundles (*.tagbench);;All files (*)"));
    if (!file.isEmpty())
        openBundle(file);
}

void DemoPage::openRunDialog()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Open a Training Run"));
    if (!dir.isEmpty())
        openRun(dir);
}

void DemoPage::retranslateUi()
{
    m_bundleLabel->setText(hasBundle() ? tr("Model: %1").arg(QFileInfo(m_summary.path).fileName())
                                       : tr("No model open"));
    m_bundleLabel->setToolTip(QDir::toNativeSeparators(m_summary.path));
    m_openBundle->setText(tr("Open Bundle…"));
    m_openBundle->setToolTip(tr("Open a .tagbench model bundle"));
    m_fromRun->setText(tr("From Run…"));
    m_fromRun->setToolTip(tr("Export a training run folder to a bundle and open it"));
    m_present->setText(tr("Present"));
    m_present->setToolTip(tr("Presentation mode: full screen, large text (F11; Esc leaves)"));
    if (hasBundle()) {
        m_info->setText(tr("%n label(s) · runs on %1", nullptr, int(m_summary.labels.size())).arg(m_summary.device));
        m_info->setToolTip(m_summary.description);
    } else {
        m_info->setText(tr("Open a model bundle (.tagbench) or a finished training run to try it on your own text."));
    }
    m_textTitle->setText(tr("Text"));
    m_text->setPlaceholderText(tr("Type or paste a text here; the predicted labels follow as you type."));
    m_resultTitle->setText(tr("Predicted labels"));
    m_bars->setPlaceholderText(hasBundle() ? tr("Scores appear here.") : tr("No model open."));
    m_bars->setToolTip(tr("Bars: the label's score. Orange tick: the label's threshold; a label is predicted "
                          "when its bar reaches the tick."));
    applyStageFonts();
}

void DemoPage::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

} // namespace tagbench::ui
