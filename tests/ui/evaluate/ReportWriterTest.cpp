#include "core/eval/DecisionRule.h"
#include "core/eval/InteractiveEvaluator.h"
#include "core/eval/ScoreMatrix.h"
#include "ui/LanguageManager.h"
#include "ui/evaluate/ReportWriter.h"
#include "ui/evaluate/RunFacts.h"

#include <qcustomplot.h>

#include <QFile>
#include <QImage>
#include <QPaintEngine>
#include <QPaintDevice>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using tagbench::eval::DecisionRule;
using tagbench::eval::InteractiveEvaluator;
using tagbench::eval::ScoreMatrix;
using tagbench::ui::LanguageManager;
using tagbench::ui::ReportData;
using tagbench::ui::ReportWriter;

namespace {

/// A paint engine that keeps the text drawn through it and ignores everything else: the
/// report's words can be read back from the same code that paints the PDF and the PNG.
class TextRecordingEngine final : public QPaintEngine {
public:
    /// Where something was drawn, on which page (for the layout checks).
    struct Mark {
        int page = 1;
        QString text;   ///< empty for lines and shapes
        QPointF at;     ///< device coordinates
    };

    TextRecordingEngine() : QPaintEngine(QPaintEngine::AllFeatures) {}
    bool begin(QPaintDevice*) override { return true; }
    bool end() override { return true; }
    void updateState(const QPaintEngineState& state) override
    {
        if (state.state() & QPaintEngine::DirtyTransform)
            m_transform = state.transform();
    }
    void drawPixmap(const QRectF&, const QPixmap&, const QRectF&) override {}
    void drawImage(const QRectF&, const QImage&, const QRectF&, Qt::ImageConversionFlags) override {}
    void drawPath(const QPainterPath& path) override { mark(path.boundingRect().bottomLeft()); }
    void drawPolygon(const QPointF* points, int count, PolygonDrawMode) override
    {
        for (int i = 0; i < count; ++i)
            mark(points[i]);
    }
    void drawPolygon(const QPoint* points, int count, PolygonDrawMode) override
    {
        for (int i = 0; i < count; ++i)
            mark(points[i]);
    }
    void drawTextItem(const QPointF& at, const QTextItem& item) override
    {
        text += item.text();
        marks.push_back({page, item.text(), m_transform.map(at)});
    }
    Type type() const override { return QPaintEngine::User; }

    QString text;   ///< everything drawn, in order (one heading may arrive in several runs)
    std::vector<Mark> marks;
    int page = 1;

private:
    void mark(const QPointF& point) { marks.push_back({page, QString(), m_transform.map(point)}); }

    QTransform m_transform;
};

/// An A4-sized page at 96 dpi that records text.
class TextRecorder final : public QPaintDevice {
public:
    QPaintEngine* paintEngine() const override { return &m_engine; }
    QString text() const { return m_engine.text; }
    TextRecordingEngine& engine() const { return m_engine; }

protected:
    int metric(PaintDeviceMetric metric) const override
    {
        switch (metric) {
        case PdmWidth: return 680;
        case PdmHeight: return 1010;
        case PdmWidthMM: return 180;
        case PdmHeightMM: return 267;
        case PdmDpiX:
        case PdmDpiY:
        case PdmPhysicalDpiX:
        case PdmPhysicalDpiY: return 96;
        case PdmDepth: return 32;
        case PdmNumColors: return INT_MAX;
        case PdmDevicePixelRatio: return 1;
        case PdmDevicePixelRatioScaled: return int(QPaintDevice::devicePixelRatioFScale());
        }
        return 0;
    }

private:
    mutable TextRecordingEngine m_engine;
};

/// Three car-news labels with a rule that uses every summary clause (per-label threshold,
/// top-k, a disabled label).
ReportData reportData()
{
    auto scores = std::make_shared<ScoreMatrix>(std::vector<std::string>{"资讯::新车上市", "资讯::谍照", "资讯::新车报价"});
    const std::vector<std::vector<float>> rows = {{0.9f, 0.2f, 0.1f}, {0.6f, 0.7f, 0.3f}, {0.4f, 0.55f, 0.2f},
                                                  {0.1f, 0.3f, 0.45f}, {0.8f, 0.1f, 0.7f}};
    const std::vector<std::vector<std::uint32_t>> gold = {{0}, {0, 1}, {1}, {2}, {0, 2}};
    for (std::size_t i = 0; i < rows.size(); ++i)
        scores->addDocument("d" + std::to_string(i), rows[i], gold[i]);
    DecisionRule rule(0.5f);
    rule.setLabelThreshold(2, 0.4f);
    rule.setTopK(2);
    rule.setDisabled(1, true);
    auto evaluator = InteractiveEvaluator::create(scores, rule);
    if (!evaluator.ok())
        qFatal("%s", evaluator.message().c_str());
    ReportData data = ReportData::collect(**evaluator, scores->labelNames(), {0, 2});
    data.title = QStringLiteral("carnews-ft");
    data.subtitle = QStringLiteral("/runs/carnews-ft · dev");
    return data;
}

QString paintedPages(const ReportData& data, int* pages = nullptr)
{
    TextRecorder recorder;
    QCPPainter painter(&recorder);
    int count = 1;
    ReportWriter(data).paintPages(painter, QRect(0, 0, recorder.width(), recorder.height()), [&count] { ++count; });
    painter.end();
    if (pages)
        *pages = count;
    return recorder.text();
}

/// The marks of every page, painting the PDF's pages onto one recorder.
std::vector<TextRecordingEngine::Mark> paintedMarks(const ReportData& data, QSize* page)
{
    TextRecorder recorder;
    QCPPainter painter(&recorder);
    TextRecordingEngine& engine = recorder.engine();
    ReportWriter(data).paintPages(painter, QRect(0, 0, recorder.width(), recorder.height()), [&engine] { ++engine.page; });
    painter.end();
    *page = QSize(recorder.width(), recorder.height());
    return engine.marks;
}

QString paintedOverview(const ReportData& data)
{
    TextRecorder recorder;
    QCPPainter painter(&recorder);
    ReportWriter(data).paintOverview(painter, QSize(recorder.width(), recorder.height()), 0.6);
    painter.end();
    return recorder.text();
}

} // namespace

class ReportWriterTest final : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanup();
    void reportFollowsTheLanguage_data();
    void reportFollowsTheLanguage();
    void chineseFilesAreWritten();
    void modelAndTrainingSettingsAreInTheReport();
    void everyCurveHasItsOwnPlotAndPageTwoIsFilled();

private:
    LanguageManager m_languages;
    QTemporaryDir m_dir;
};

void ReportWriterTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("TagbenchTest"));
    QVERIFY(m_dir.isValid());
}

void ReportWriterTest::cleanup()
{
    m_languages.applyLanguage(QStringLiteral("en"));
}

void ReportWriterTest::reportFollowsTheLanguage_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QStringList>("expected");   // in the summary, the PDF pages and the overview
    QTest::addColumn<QStringList>("pagesOnly");  // the table and the page numbers
    QTest::addColumn<QStringList>("absent");     // the other language's words
    QTest::newRow("en") << "en"
                        << QStringList{QStringLiteral("Label distribution"), QStringLiteral("F1 per label"),
                                       QStringLiteral("Precision-recall curves"), QStringLiteral("Gold documents"),
                                       QStringLiteral("Micro: precision")}
                        << QStringList{QStringLiteral("Support"), QStringLiteral("Threshold"), QStringLiteral("Page 3"),
                                       QStringLiteral("off")}
                        << QStringList{QStringLiteral("标签分布"), QStringLiteral("阈值")};
    QTest::newRow("zh_CN") << "zh_CN"
                           << QStringList{QStringLiteral("标签分布"), QStringLiteral("各标签 F1"),
                                          QStringLiteral("精确率-召回率曲线"), QStringLiteral("标注文档数"),
                                          QStringLiteral("微平均：精确率")}
                           << QStringList{QStringLiteral("支持数"), QStringLiteral("阈值"), QStringLiteral("第 3 页"),
                                          QStringLiteral("停用")}
                           << QStringList{QStringLiteral("Label distribution"), QStringLiteral("Support"),
                                          QStringLiteral("Page"), QStringLiteral("Micro"), QStringLiteral("Recall")};
}

void ReportWriterTest::reportFollowsTheLanguage()
{
    QFETCH(QString, language);
    QFETCH(QStringList, expected);
    QFETCH(QStringList, pagesOnly);
    QFETCH(QStringList, absent);
    m_languages.applyLanguage(language);
    const ReportData data = reportData();
    int pages = 0;
    const QString pdf = paintedPages(data, &pages);
    const QString png = paintedOverview(data);
    QCOMPARE(pages, 3);   // summary and charts, PR curves, the table
    for (const QString& word : expected) {
        QVERIFY2(pdf.contains(word), qPrintable(word + QStringLiteral(" not in the PDF pages: ") + pdf));
        QVERIFY2(png.contains(word), qPrintable(word + QStringLiteral(" not in the overview: ") + png));
    }
    for (const QString& word : pagesOnly)
        QVERIFY2(pdf.contains(word), qPrintable(word + QStringLiteral(" not in the PDF pages: ") + pdf));
    for (const QString& word : absent) {
        QVERIFY2(!pdf.contains(word), qPrintable(word + QStringLiteral(" in the PDF pages: ") + pdf));
        QVERIFY2(!png.contains(word), qPrintable(word + QStringLiteral(" in the overview: ") + png));
    }
    // Labels and counts come through whatever the language.
    QVERIFY(pdf.contains(QStringLiteral("资讯::新车报价")));
    QVERIFY(data.summary.join(QLatin1Char('\n')).contains(language == QLatin1String("en") ? QStringLiteral("1 label disabled")
                                                                                         : QStringLiteral("1 个标签已停用")));
}

void ReportWriterTest::chineseFilesAreWritten()
{
    m_languages.applyLanguage(QStringLiteral("zh_CN"));
    const ReportWriter writer(reportData());
    const QString pdfPath = m_dir.filePath(QStringLiteral("报告.pdf"));
    const tagbench::Status pdf = writer.writePdf(pdfPath);
    QVERIFY2(pdf.ok(), pdf.ok() ? "" : pdf.message().c_str());
    QFile file(pdfPath);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(bytes.startsWith("%PDF-"));
    // The Chinese text is set in an embedded CJK face, not left to a viewer's substitution.
    QVERIFY2(bytes.contains("CJK"), "no CJK font embedded in the PDF");
    const QString pngPath = m_dir.filePath(QStringLiteral("报告.png"));
    QVERIFY(writer.writePng(pngPath, QSize(1200, 800)).ok());
    QCOMPARE(QImage(pngPath).size(), QSize(1200, 800));
    // Lets a person look at them: TAGBENCH_REPORT_DIR=/tmp/report ReportWriterTest
    const QString keep = qEnvironmentVariable("TAGBENCH_REPORT_DIR");
    if (!keep.isEmpty()) {
        QFile::remove(keep + QStringLiteral("/report-zh_CN.pdf"));
        QFile::remove(keep + QStringLiteral("/report-zh_CN.png"));
        QFile::copy(pdfPath, keep + QStringLiteral("/report-zh_CN.pdf"));
        QFile::copy(pngPath, keep + QStringLiteral("/report-zh_CN.png"));
        m_languages.applyLanguage(QStringLiteral("en"));
        const ReportWriter english(reportData());
        QVERIFY(english.writePdf(keep + QStringLiteral("/report-en.pdf")).ok());
        QVERIFY(english.writePng(keep + QStringLiteral("/report-en.png"), QSize(1200, 800)).ok());
    }
}

void ReportWriterTest::modelAndTrainingSettingsAreInTheReport()
{
    QFile config(QStringLiteral(TAGBENCH_SOURCE_DIR "/resources/samples/car-news-zh/textcnn.json"));
    QVERIFY(config.open(QIODevice::ReadOnly));
    ReportData data = reportData();
    data.facts = tagbench::ui::RunFacts::fromConfig(config.readAll());
    QVERIFY(!data.facts.isEmpty());
    const QString pdf = paintedPages(data);
    for (const QString& word : {QStringLiteral("Model and training"), QStringLiteral("TextCNN, multi-label"),
                                QStringLiteral("characters"), QStringLiteral("15 epochs"), QStringLiteral("kernel sizes 2, 3, 4"),
                                QStringLiteral("global threshold chosen on dev")})
        QVERIFY2(pdf.contains(word), qPrintable(word + QStringLiteral(" not in the PDF pages: ") + pdf));
    // "Which model is this?" is answered on the one-page overview too.
    const QString png = paintedOverview(data);
    QVERIFY2(png.contains(QStringLiteral("TextCNN, multi-label")) && png.contains(QStringLiteral("characters")), qPrintable(png));
}

void ReportWriterTest::everyCurveHasItsOwnPlotAndPageTwoIsFilled()
{
    ReportData data = reportData();
    QVERIFY(data.curves.size() == 2);
    QSize page;
    const auto marks = paintedMarks(data, &page);
    int recallAxes = 0;
    double lowest = 0.0;
    QList<QPointF> titles;
    for (const auto& mark : marks) {
        if (mark.page != 2 || mark.text.startsWith(QStringLiteral("Page")))
            continue;
        lowest = std::max(lowest, mark.at.y());
        recallAxes += mark.text == QStringLiteral("Recall") ? 1 : 0;
        if (mark.text == data.curves[0].label || mark.text == data.curves[1].label)
            titles << mark.at;
    }
    // One plot per label, each with its own axes and title: no curve hides behind another.
    QCOMPARE(recallAxes, 2);
    QCOMPARE(titles.size(), 2);
    QVERIFY(titles[0] != titles[1]);
    // The plots fill the page instead of leaving its lower half empty.
    QVERIFY2(lowest > 0.8 * page.height(), qPrintable(QStringLiteral("%1 of %2").arg(lowest).arg(page.height())));
}

QTEST_MAIN(ReportWriterTest)
#include "ReportWriterTest.moc"
