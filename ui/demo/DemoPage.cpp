#include "ui/demo/DemoPage.h"

#include "ui/demo/PredictionService.h"
#include "ui/demo/ScoreBarsWidget.h"
#include "ui/evaluate/EvaluationSession.h"
#include "ui/widgets/FileDialogs.h"

#include <QDir>
#include <QEvent>
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
// Rule edits on the Evaluate page (a slider drag) reach the Demo's predictor at this pace.
constexpr int ruleDelayMs = 200;

bool holdsModel(const QString& runDir)
{
    const QDir dir(runDir);
    return dir.exists(QStringLiteral("model.pt")) && dir.exists(QStringLiteral("config.json"));
}
} // namespace

DemoPage::DemoPage(PredictionService* service, EvaluationSession* evaluation, QWidget* parent)
    : QWidget(parent)
    , m_service(service)
    , m_evaluation(evaluation)
{
    setObjectName(QStringLiteral("DemoPage"));
    connect(m_service, &PredictionService::opened, this, &DemoPage::onOpened);
    connect(m_service, &PredictionService::openFailed, this, [this](const QString& path, const QString& message) {
        showMessage(tr("Cannot open %1: %2").arg(QDir::toNativeSeparators(path), message), true);
        emit bundleFailed(path, message);
    });
    connect(m_service, &PredictionService::ruleApplied, this, [this](const QVector<float>& thresholds, int topK) {
        m_summary.thresholds = thresholds;
        m_summary.topK = topK;
        requestPrediction();
    });
    connect(m_service, &PredictionService::ruleFailed, this,
            [this](const QString& message) { showMessage(tr("The Evaluate page's rule was not applied: %1").arg(message), true); });
    connect(m_service, &PredictionService::predicted, this, &DemoPage::onPredicted);
    connect(m_service, &PredictionService::predictFailed, this, [this](quint64 request, const QString& message) {
        if (request == m_service->latestRequest())
            showMessage(tr("Prediction failed: %1").arg(message), true);
    });

    auto* layout = new QVBoxLayout(this);
    auto* bar = new QHBoxLayout;
    m_bundleLabel = new QLabel(this);
    m_bundleLabel->setObjectName(QStringLiteral("demoModel"));
    m_bundleLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont bold = m_bundleLabel->font();
    bold.setBold(true);
    m_bundleLabel->setFont(bold);
    m_openBundle = new QPushButton(style()->standardIcon(QStyle::SP_DialogOpenButton), QString(), this);
    m_openBundle->setObjectName(QStringLiteral("openBundle"));
    m_fromRun = new QPushButton(style()->standardIcon(QStyle::SP_DirOpenIcon), QString(), this);
    m_fromRun->setObjectName(QStringLiteral("openRunInDemo"));
    m_present = new QPushButton(style()->standardIcon(QStyle::SP_TitleBarMaxButton), QString(), this);
    m_present->setObjectName(QStringLiteral("present"));
    m_present->setCheckable(true);
    bar->addWidget(m_bundleLabel, 1);
    bar->addWidget(m_openBundle);
    bar->addWidget(m_fromRun);
    bar->addWidget(m_present);
    layout->addLayout(bar);
    m_info = new QLabel(this);
    m_info->setObjectName(QStringLiteral("demoInfo"));
    m_info->setWordWrap(true);
    m_info->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("demoMessage"));
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
    m_bars->setObjectName(QStringLiteral("scoreBars"));
    m_timing = new QLabel(m_stage);
    m_timing->setObjectName(QStringLiteral("demoTiming"));
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
    m_ruleTimer = new QTimer(this);
    m_ruleTimer->setSingleShot(true);
    m_ruleTimer->setInterval(ruleDelayMs);
    connect(m_debounce, &QTimer::timeout, this, &DemoPage::requestPrediction);
    connect(m_ruleTimer, &QTimer::timeout, this, &DemoPage::sendLiveRule);
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
    if (m_evaluation) {
        connect(m_evaluation, &EvaluationSession::runLoaded, this, &DemoPage::onEvaluatedRun);
        connect(m_evaluation, &EvaluationSession::ruleChanged, this, [this] {
            if (showsEvaluatedRun())
                m_ruleTimer->start();
        });
    }

    retranslateUi();
    const QString last = QSettings().value(lastBundleKey).toString();
    if (!last.isEmpty() && QFileInfo::exists(last))
        openBundle(last);
}

DemoPage::~DemoPage()
{
    if (m_presenting)
        setPresentationMode(false);
}

void DemoPage::openBundle(const QString& path)
{
    m_pendingRun.clear();
    showMessage(tr("Opening %1…").arg(QFileInfo(path).fileName()), false);
    m_service->openBundle(path);
}

void DemoPage::openRun(const QString& runDir)
{
    m_pendingRun.clear();
    showMessage(tr("Packing %1 into a temporary bundle…").arg(QDir::toNativeSeparators(runDir)), false);
    m_service->openRun(QDir(runDir).absolutePath());
}

void DemoPage::onEvaluatedRun()
{
    const QString runDir = m_evaluation->run()->runDir;
    if (!holdsModel(runDir) || (!m_summary.sourceRun.isEmpty() && QDir(m_summary.sourceRun) == QDir(runDir)))
        return;
    // Packing a model takes a moment and a temporary file: only when the page is looked at.
    m_pendingRun = runDir;
    if (isVisible())
        openEvaluatedRun();
    else
        retranslateUi();
}

void DemoPage::openEvaluatedRun()
{
    const QString runDir = m_pendingRun;
    if (runDir.isEmpty())
        return;
    openRun(runDir);
}

bool DemoPage::showsEvaluatedRun() const
{
    return m_evaluation && m_evaluation->hasRun() && !m_summary.sourceRun.isEmpty()
           && QDir(m_summary.sourceRun) == QDir(m_evaluation->run()->runDir);
}

void DemoPage::sendLiveRule()
{
    if (showsEvaluatedRun())
        m_service->setRule(m_evaluation->rule());
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
    // A temporary bundle is gone after this session: remember only files the user chose.
    if (summary.sourceRun.isEmpty())
        QSettings().setValue(lastBundleKey, summary.path);
    m_message->hide();
    retranslateUi();
    emit bundleOpened(summary.path);
    if (showsEvaluatedRun())
        sendLiveRule();   // the prediction follows once the rule is applied
    else
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
    m_service->predict(text);
}

void DemoPage::onPredicted(const DemoPrediction& prediction)
{
    if (prediction.request != m_service->latestRequest() || prediction.scores.size() != m_summary.labels.size())
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
                                   : tr("%1 ms on the CPU").arg(QLocale().toString(prediction.milliseconds, 'f', 1)));
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

void DemoPage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (!m_pendingRun.isEmpty())
        openEvaluatedRun();
}

void DemoPage::openBundleDialog()
{
    const QString file = FileDialogs::openFile(this, tr("Open Model Bundle"), tr("Tagbench bundles (*.tagbench);;All files (*)"));
    if (!file.isEmpty())
        openBundle(file);
}

void DemoPage::openRunDialog()
{
    const QString dir = FileDialogs::directory(this, tr("Try a Training Run"));
    if (!dir.isEmpty())
        openRun(dir);
}

void DemoPage::retranslateUi()
{
    const bool fromEvaluate = showsEvaluatedRun();
    if (!hasBundle())
        m_bundleLabel->setText(tr("No model open"));
    else if (fromEvaluate)
        m_bundleLabel->setText(tr("Run: %1 (open on the Evaluate page)").arg(m_summary.runName));
    else if (!m_summary.sourceRun.isEmpty())
        m_bundleLabel->setText(tr("Run: %1").arg(m_summary.runName));
    else
        m_bundleLabel->setText(tr("Model: %1").arg(QFileInfo(m_summary.path).fileName()));
    m_bundleLabel->setToolTip(QDir::toNativeSeparators(m_summary.sourceRun.isEmpty() ? m_summary.path : m_summary.sourceRun));
    m_openBundle->setText(tr("Open Bundle…"));
    m_openBundle->setToolTip(tr("Open a .tagbench model bundle"));
    m_fromRun->setText(tr("From Run…"));
    m_fromRun->setToolTip(tr("Try a training run folder: it is packed into a temporary bundle and the folder is "
                             "left as it is (save a bundle on the Export page)"));
    m_present->setText(tr("Present"));
    m_present->setToolTip(tr("Presentation mode: full screen, large text (F11; Esc leaves)"));
    if (hasBundle()) {
        QStringList parts;
        if (!m_summary.facts.isEmpty())
            parts << m_summary.facts.first().value;   // the model, e.g. "TextCNN, multi-label"
        parts << tr("%n label(s)", nullptr, int(m_summary.labels.size()))
              << tr("runs on the CPU, %n thread(s)", nullptr, m_summary.threads);
        if (fromEvaluate)
            parts << tr("decides with the Evaluate page's rule");
        m_info->setText(parts.join(QStringLiteral(" · ")));
        QStringList facts;
        for (const RunFact& fact : std::as_const(m_summary.facts))
            facts << QStringLiteral("%1: %2").arg(fact.name, fact.value);
        m_info->setToolTip(facts.join(QLatin1Char('\n')));
    } else if (!m_pendingRun.isEmpty()) {
        m_info->setText(tr("The run open on the Evaluate page (%1) is tried here as soon as this page is shown.")
                            .arg(QFileInfo(m_pendingRun).fileName()));
    } else {
        m_info->setText(tr("Open a model bundle (.tagbench) or a finished training run to try it on your own text."));
    }
    m_textTitle->setText(tr("Text"));
    m_text->setPlaceholderText(tr("Type or paste a text here; the predicted labels follow as you type."));
    m_text->setToolTip(tr("The text to classify; predictions follow as you type"));
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
