#include "core/eval/DecisionRule.h"
#include "core/eval/ScoreMatrix.h"
#include "ui/EvaluatePage.h"
#include "ui/EvaluationSession.h"
#include "ui/LabelCurvesWidget.h"
#include "ui/LabelMetricsModel.h"
#include "ui/LanguageManager.h"
#include "ui/MainWindow.h"

#include <qcustomplot.h>

#include <QDir>
#include <QFile>
#include <QMessageBox>
#include <QSlider>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using tagbench::eval::DecisionRule;
using tagbench::eval::ScoreMatrix;
using tagbench::ui::EvaluatePage;
using tagbench::ui::EvaluationSession;
using tagbench::ui::LabelMetricsModel;
using tagbench::ui::LanguageManager;
using tagbench::ui::MainWindow;

namespace {
// Three labels, four documents; see the expectations in the tests.
void writeRun(const QString& dir)
{
    QDir().mkpath(dir + QStringLiteral("/scores"));
    QFile labels(dir + QStringLiteral("/labels.txt"));
    QVERIFY(labels.open(QIODevice::WriteOnly));
    labels.write("A\nB\nC\n");
    labels.close();
    ScoreMatrix scores({"A", "B", "C"});
    QVERIFY(scores.addDocument("d0", std::vector<float>{0.9f, 0.2f, 0.1f}, {0}).ok());
    QVERIFY(scores.addDocument("d1", std::vector<float>{0.6f, 0.7f, 0.3f}, {0, 1}).ok());
    QVERIFY(scores.addDocument("d2", std::vector<float>{0.4f, 0.55f, 0.2f}, {1}).ok());
    QVERIFY(scores.addDocument("d3", std::vector<float>{0.1f, 0.3f, 0.45f}, {2}).ok());
    QVERIFY(scores.save(QFile::encodeName(dir + QStringLiteral("/scores/dev.scores")).toStdString()).ok());
}

qint64 predicted(const LabelMetricsModel* model, int label)
{
    return model->index(label, LabelMetricsModel::PredictedColumn).data(LabelMetricsModel::SortRole).toLongLong();
}

double recall(const LabelMetricsModel* model, int label)
{
    return model->index(label, LabelMetricsModel::RecallColumn).data(LabelMetricsModel::SortRole).toDouble();
}
} // namespace

class EvaluatePageTest final : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void thresholdSliderUpdatesTheTable();
    void topKLimitsPredictions();
    void perLabelThresholdFromTheTableAndSavedRule();
    void draggingTheCurveLineSetsTheLabelThreshold();
    void optimiserImprovesF1AndIsOneUndoStep();
    void notARunFolderIsReported();

private:
    LanguageManager m_languages;
    QTemporaryDir m_temp;
    QString m_run;
    std::unique_ptr<MainWindow> m_window;
};

void EvaluatePageTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("TagbenchTest"));
    m_languages.applyLanguage(QStringLiteral("en"));
    QVERIFY(m_temp.isValid());
}

void EvaluatePageTest::init()
{
    static int counter = 0;
    m_run = m_temp.filePath(QStringLiteral("run%1").arg(++counter));
    writeRun(m_run);
    m_window = std::make_unique<MainWindow>(&m_languages);
    m_window->resize(1200, 800);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_window->openPath(m_run);
    QTRY_VERIFY(m_window->evaluation()->hasRun());
    QCOMPARE(m_window->currentPage(), int(MainWindow::EvaluatePageIndex));
}

void EvaluatePageTest::thresholdSliderUpdatesTheTable()
{
    const LabelMetricsModel* model = m_window->evaluatePage()->model();
    QCOMPARE(model->rowCount(), 3);
    // Default rule: threshold 0.5.
    QCOMPARE(predicted(model, 0), 2);
    QCOMPARE(predicted(model, 2), 0);
    QCOMPARE(recall(model, 2), 0.0);
    QCOMPARE(model->metrics().right, 4);
    QCOMPARE(model->metrics().predict, 4);

    m_window->evaluatePage()->thresholdSlider()->setValue(350);
    QCOMPARE(m_window->evaluation()->rule().globalThreshold(), 0.35f);
    QCOMPARE(predicted(model, 0), 3);   // d2's 0.4 now passes
    QCOMPARE(predicted(model, 2), 1);
    QCOMPARE(recall(model, 2), 1.0);
    QCOMPARE(model->metrics().right, 5);
    QCOMPARE(model->metrics().predict, 6);
    QVERIFY(m_window->evaluatePage()->summary()->text().contains(QStringLiteral("0.8333")));  // micro P 5/6

    m_window->evaluation()->undoStack()->undo();
    QCOMPARE(m_window->evaluation()->rule().globalThreshold(), 0.5f);
    QCOMPARE(m_window->evaluatePage()->thresholdSlider()->value(), 500);
    QCOMPARE(predicted(model, 0), 2);
    QCOMPARE(predicted(model, 2), 0);
}

void EvaluatePageTest::topKLimitsPredictions()
{
    const LabelMetricsModel* model = m_window->evaluatePage()->model();
    m_window->evaluatePage()->thresholdSlider()->setValue(0);
    QCOMPARE(model->metrics().predict, 12);
    m_window->evaluatePage()->topKSpin()->setValue(1);
    QCOMPARE(model->metrics().predict, 4);
    QCOMPARE(model->metrics().right, 4);   // each document's best label is one of its gold labels
}

void EvaluatePageTest::perLabelThresholdFromTheTableAndSavedRule()
{
    LabelMetricsModel* model = m_window->evaluatePage()->model();
    QVERIFY(model->setData(model->index(2, LabelMetricsModel::ThresholdColumn), QStringLiteral("0.4")));
    QCOMPARE(predicted(model, 2), 1);
    QCOMPARE(predicted(model, 0), 2);   // other labels still follow 0.5
    QVERIFY(model->index(2, LabelMetricsModel::ThresholdColumn).data(Qt::FontRole).value<QFont>().bold());
    QVERIFY(!model->setData(model->index(2, LabelMetricsModel::ThresholdColumn), QStringLiteral("abc")));

    // Disable A through its check box.
    QVERIFY(model->setData(model->index(0, LabelMetricsModel::EnabledColumn), Qt::Unchecked, Qt::CheckStateRole));
    QCOMPARE(predicted(model, 0), 0);

    QVERIFY(m_window->evaluation()->saveRule().ok());
    QVERIFY(m_window->evaluation()->undoStack()->isClean());
    const auto saved = DecisionRule::load(QFile::encodeName(m_run + QStringLiteral("/rule.json")).toStdString(),
                                          {"A", "B", "C"});
    QVERIFY2(saved.ok(), saved.ok() ? "" : saved.message().c_str());
    QCOMPARE(saved->labelThreshold(2).value_or(-1.0f), 0.4f);
    QVERIFY(saved->isDisabled(0));
    QCOMPARE(saved->globalThreshold(), 0.5f);

    // Reopening the run picks up rule.json.
    m_window->openPath(m_run);
    QTRY_VERIFY(!m_window->evaluation()->isLoading());
    QCOMPARE(m_window->evaluation()->rule(), saved.value());
    QCOMPARE(m_window->evaluation()->run()->ruleSource.contains(QStringLiteral("rule.json")), true);
}

void EvaluatePageTest::draggingTheCurveLineSetsTheLabelThreshold()
{
    tagbench::ui::LabelCurvesWidget* curves = m_window->evaluatePage()->curves();
    curves->setLabel(2);
    QCustomPlot* plot = curves->thresholdPlot();
    plot->replot();
    const int y = int(plot->yAxis->coordToPixel(0.5));
    const QPoint start(int(plot->xAxis->coordToPixel(0.5)), y);
    const QPoint end(int(plot->xAxis->coordToPixel(0.4)), y);
    QTest::mousePress(plot, Qt::LeftButton, Qt::NoModifier, start);
    QMouseEvent move(QEvent::MouseMove, QPointF(end), plot->mapToGlobal(QPointF(end)), Qt::NoButton, Qt::LeftButton,
                     Qt::NoModifier);
    QCoreApplication::sendEvent(plot, &move);
    QTest::mouseRelease(plot, Qt::LeftButton, Qt::NoModifier, end);
    const auto threshold = m_window->evaluation()->rule().labelThreshold(2);
    QVERIFY(threshold.has_value());
    QVERIFY2(std::abs(*threshold - 0.4f) < 0.01f, qPrintable(QString::number(*threshold)));
    QCOMPARE(predicted(m_window->evaluatePage()->model(), 2), 1);
    QVERIFY(std::abs(curves->thresholdLinePosition() - 0.4) < 0.01);
    // The whole drag is one undo step.
    QCOMPARE(m_window->evaluation()->undoStack()->count(), 1);
}

void EvaluatePageTest::optimiserImprovesF1AndIsOneUndoStep()
{
    const double before = m_window->evaluatePage()->model()->metrics().f1;
    tagbench::eval::TuneOptions options;
    options.perLabel = true;
    const auto result = m_window->evaluation()->tune(options);
    QVERIFY2(result.ok(), result.ok() ? "" : result.message().c_str());
    const double after = m_window->evaluatePage()->model()->metrics().f1;
    QVERIFY2(after > before, qPrintable(QStringLiteral("%1 -> %2").arg(before).arg(after)));
    QCOMPARE(after, 1.0);   // separable per label: every label reaches P = R = 1
    QCOMPARE(m_window->evaluation()->undoStack()->count(), 1);
    m_window->evaluation()->undoStack()->undo();
    QCOMPARE(m_window->evaluatePage()->model()->metrics().f1, before);
}

void EvaluatePageTest::notARunFolderIsReported()
{
    m_window->openPath(m_temp.path());   // a folder without labels.txt
    QTRY_VERIFY(m_window->findChild<QMessageBox*>() != nullptr);
    QVERIFY(m_window->findChild<QMessageBox*>()->informativeText().contains(QStringLiteral("not a training run")));
}

QTEST_MAIN(EvaluatePageTest)
#include "EvaluatePageTest.moc"
