#include "core/eval/DecisionRule.h"
#include "core/eval/InteractiveEvaluator.h"
#include "core/eval/Metrics.h"
#include "core/eval/ScoreMatrix.h"
#include "core/eval/ThresholdTuner.h"
#include "ui/evaluate/EvaluatePage.h"
#include "ui/evaluate/EvaluationSession.h"
#include "ui/evaluate/LabelCurvesWidget.h"
#include "ui/evaluate/LabelMetricsModel.h"
#include "ui/LanguageManager.h"
#include "ui/MainWindow.h"

#include <qcustomplot.h>

#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QFile>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSlider>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QTableView>
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
// Three labels, four documents; see the expectations in the tests. The test split is the
// same documents with other scores.
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
    ScoreMatrix test({"A", "B", "C"});
    QVERIFY(test.addDocument("t0", std::vector<float>{0.8f, 0.1f, 0.1f}, {0}).ok());
    QVERIFY(test.addDocument("t1", std::vector<float>{0.3f, 0.9f, 0.2f}, {1}).ok());
    QVERIFY(test.save(QFile::encodeName(dir + QStringLiteral("/scores/test.scores")).toStdString()).ok());
}

/// A widget of the window by its object name, as a user finds it on screen.
template <typename T>
T* child(const QObject* parent, const char* name)
{
    T* widget = parent->findChild<T*>(QLatin1String(name));
    if (!widget)
        qFatal("no %s named %s", T::staticMetaObject.className(), name);
    return widget;
}

LabelMetricsModel* metricsModel(const QObject* window)
{
    auto* proxy = qobject_cast<QSortFilterProxyModel*>(child<QTableView>(window, "metricsTable")->model());
    return qobject_cast<LabelMetricsModel*>(proxy->sourceModel());
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
    void optimiserRunsOffTheUiThreadAsOneUndoStep();
    void cancellingTheOptimiserLeavesTheRule();
    void thresholdEditsWhileOptimisingStayUndoable();
    void topKChangeWhileOptimisingDiscardsTheResult();
    void notARunFolderIsReported();
    void typingAThresholdSetsIt_data();
    void typingAThresholdSetsIt();
    void unsavedMarkerFollowsUndoAndRedo();
    void switchingTheSplitKeepsTheEditedRule();
    void optimiserIsForDevOnly();

private:
    /// What core's tuner gives for the page's optimiser settings (F1, per label) from base.
    tagbench::eval::TuneResult expectedTuning(const DecisionRule& base) const;
    void clickOptimise();

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
    const LabelMetricsModel* model = metricsModel(m_window.get());
    QCOMPARE(model->rowCount(), 3);
    // Default rule: threshold 0.5.
    QCOMPARE(predicted(model, 0), 2);
    QCOMPARE(predicted(model, 2), 0);
    QCOMPARE(recall(model, 2), 0.0);
    QCOMPARE(model->metrics().truePositives, 4);
    QCOMPARE(model->metrics().predicted, 4);

    child<QSlider>(m_window.get(), "thresholdSlider")->setValue(350);
    QCOMPARE(m_window->evaluation()->rule().globalThreshold(), 0.35f);
    QCOMPARE(predicted(model, 0), 3);   // d2's 0.4 now passes
    QCOMPARE(predicted(model, 2), 1);
    QCOMPARE(recall(model, 2), 1.0);
    QCOMPARE(model->metrics().truePositives, 5);
    QCOMPARE(model->metrics().predicted, 6);
    QVERIFY(child<QLabel>(m_window.get(), "evaluateSummary")->text().contains(QStringLiteral("0.8333")));  // micro P 5/6

    m_window->evaluation()->undoStack()->undo();
    QCOMPARE(m_window->evaluation()->rule().globalThreshold(), 0.5f);
    QCOMPARE(child<QSlider>(m_window.get(), "thresholdSlider")->value(), 500);
    QCOMPARE(predicted(model, 0), 2);
    QCOMPARE(predicted(model, 2), 0);
}

void EvaluatePageTest::topKLimitsPredictions()
{
    const LabelMetricsModel* model = metricsModel(m_window.get());
    child<QSlider>(m_window.get(), "thresholdSlider")->setValue(0);
    QCOMPARE(model->metrics().predicted, 12);
    child<QSpinBox>(m_window.get(), "topK")->setValue(1);
    QCOMPARE(model->metrics().predicted, 4);
    QCOMPARE(model->metrics().truePositives, 4);   // each document's best label is one of its gold labels
}

void EvaluatePageTest::perLabelThresholdFromTheTableAndSavedRule()
{
    LabelMetricsModel* model = metricsModel(m_window.get());
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
    tagbench::ui::LabelCurvesWidget* curves = child<tagbench::ui::LabelCurvesWidget>(m_window.get(), "labelCurves");
    curves->setLabel(2);
    auto* plot = child<QCustomPlot>(curves, "thresholdPlot");
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
    QCOMPARE(predicted(metricsModel(m_window.get()), 2), 1);
    QVERIFY(std::abs(curves->thresholdLinePosition() - 0.4) < 0.01);
    // The whole drag is one undo step.
    QCOMPARE(m_window->evaluation()->undoStack()->count(), 1);
}

tagbench::eval::TuneResult EvaluatePageTest::expectedTuning(const DecisionRule& base) const
{
    auto scores = ScoreMatrix::load(QFile::encodeName(m_run + QStringLiteral("/scores/dev.scores")).toStdString());
    if (!scores.ok())
        qFatal("%s", scores.message().c_str());
    auto evaluator = tagbench::eval::InteractiveEvaluator::create(
        std::make_shared<const ScoreMatrix>(std::move(scores).value()), base);
    if (!evaluator.ok())
        qFatal("%s", evaluator.message().c_str());
    tagbench::eval::TuneOptions options;
    options.perLabel = true;
    options.topK = base.topK();
    options.atLeastOne = base.atLeastOne();
    auto tuned = tagbench::eval::tuneRule(**evaluator, options, base);
    if (!tuned.ok())
        qFatal("%s", tuned.message().c_str());
    return std::move(tuned).value();
}

void EvaluatePageTest::clickOptimise()
{
    QTest::mouseClick(child<QPushButton>(m_window.get(), "optimise"), Qt::LeftButton);
}

void EvaluatePageTest::optimiserRunsOffTheUiThreadAsOneUndoStep()
{
    const QObject* page = m_window.get();
    EvaluationSession* session = m_window->evaluation();
    const double before = metricsModel(page)->metrics().f1;
    const tagbench::eval::TuneResult expected = expectedTuning(session->rule());
    QSignalSpy progress(session, &EvaluationSession::optimiseProgress);
    QSignalSpy finished(session, &EvaluationSession::optimiseFinished);

    clickOptimise();
    // Running: the button cancels, progress shows, the rule controls stay usable.
    QVERIFY(session->isOptimising());
    QCOMPARE(child<QPushButton>(page, "optimise")->text(), QStringLiteral("&Cancel"));
    QVERIFY(child<QProgressBar>(page, "optimiseProgress")->isVisible());
    QCOMPARE(child<QProgressBar>(page, "optimiseProgress")->maximum(), 3);
    QVERIFY(child<QSlider>(page, "thresholdSlider")->isEnabled());
    QVERIFY(child<QTableView>(page, "metricsTable")->isEnabled());

    QTRY_COMPARE(finished.count(), 1);
    QVERIFY(!session->isOptimising());
    QCOMPARE(progress.last().at(0).toLongLong(), 3);   // every label done
    QCOMPARE(progress.last().at(1).toLongLong(), 3);
    QCOMPARE(session->rule(), expected.rule);
    // The table shows the tuned rule's counts.
    const tagbench::eval::Metrics reference = tagbench::eval::evaluate(*session->run()->scores, expected.rule);
    for (int label = 0; label < 3; ++label)
        QCOMPARE(predicted(metricsModel(page), label), reference.labels[std::size_t(label)].counts.predicted);
    QCOMPARE(metricsModel(page)->metrics().f1, 1.0);   // separable per label: every label reaches P = R = 1
    QVERIFY(before < 1.0);
    QCOMPARE(child<QPushButton>(page, "optimise")->text(), QStringLiteral("&Optimise"));
    QVERIFY(!child<QProgressBar>(page, "optimiseProgress")->isVisible());
    QVERIFY2(child<QLabel>(page, "optimiseStatus")->text().contains(QStringLiteral("micro-F1 1.0000")),
             qPrintable(child<QLabel>(page, "optimiseStatus")->text()));

    // The outcome is worded again when the language changes.
    m_languages.applyLanguage(QStringLiteral("zh_CN"));
    QTRY_VERIFY2(child<QLabel>(page, "optimiseStatus")->text().contains(QStringLiteral("微平均 F1 为 1.0000")),
                 qPrintable(child<QLabel>(page, "optimiseStatus")->text()));
    m_languages.applyLanguage(QStringLiteral("en"));
    QTRY_VERIFY(child<QLabel>(page, "optimiseStatus")->text().contains(QStringLiteral("micro-F1 1.0000")));

    QCOMPARE(session->undoStack()->count(), 1);
    session->undoStack()->undo();
    QCOMPARE(metricsModel(page)->metrics().f1, before);
}

void EvaluatePageTest::cancellingTheOptimiserLeavesTheRule()
{
    const QObject* page = m_window.get();
    EvaluationSession* session = m_window->evaluation();
    const DecisionRule before = session->rule();
    QSignalSpy finished(session, &EvaluationSession::optimiseFinished);
    QSignalSpy cancelled(session, &EvaluationSession::optimiseCancelled);

    clickOptimise();
    QCOMPARE(child<QPushButton>(page, "optimise")->text(), QStringLiteral("&Cancel"));
    clickOptimise();   // Cancel
    QCOMPARE(cancelled.count(), 1);
    QVERIFY(!session->isOptimising());
    QCOMPARE(child<QPushButton>(page, "optimise")->text(), QStringLiteral("&Optimise"));
    QVERIFY(!child<QProgressBar>(page, "optimiseProgress")->isVisible());
    QVERIFY(child<QLabel>(page, "optimiseStatus")->text().contains(QStringLiteral("cancelled")));
    // Whatever the worker still delivers for the cancelled request is ignored.
    QTest::qWait(300);
    QCOMPARE(finished.count(), 0);
    QCOMPARE(cancelled.count(), 1);
    QCOMPARE(session->rule(), before);
    QCOMPARE(session->undoStack()->count(), 0);

    // The next run is not affected by the cancelled one.
    clickOptimise();
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(session->rule(), expectedTuning(before).rule);
}

void EvaluatePageTest::thresholdEditsWhileOptimisingStayUndoable()
{
    const QObject* page = m_window.get();
    EvaluationSession* session = m_window->evaluation();
    const DecisionRule original = session->rule();
    const tagbench::eval::TuneResult expected = expectedTuning(original);
    QSignalSpy finished(session, &EvaluationSession::optimiseFinished);

    clickOptimise();
    // The result is delivered through the event loop, so this edit lands while it runs.
    child<QSlider>(page, "thresholdSlider")->setValue(300);
    QCOMPARE(session->rule().globalThreshold(), 0.3f);
    QTRY_COMPARE(finished.count(), 1);
    // Applied on top of the edit, as its own step.
    QCOMPARE(session->rule(), expected.rule);
    QCOMPARE(session->undoStack()->count(), 2);
    session->undoStack()->undo();
    QCOMPARE(session->rule().globalThreshold(), 0.3f);
    QVERIFY(session->rule().labelThresholds().empty());
    session->undoStack()->undo();
    QCOMPARE(session->rule(), original);
}

void EvaluatePageTest::topKChangeWhileOptimisingDiscardsTheResult()
{
    const QObject* page = m_window.get();
    EvaluationSession* session = m_window->evaluation();
    QSignalSpy finished(session, &EvaluationSession::optimiseFinished);
    QSignalSpy discarded(session, &EvaluationSession::optimiseDiscarded);

    clickOptimise();
    child<QSpinBox>(page, "topK")->setValue(1);
    QTRY_COMPARE(discarded.count(), 1);
    QCOMPARE(finished.count(), 0);
    // Only the user's edit is in the rule and the history.
    QCOMPARE(session->rule().topK(), 1);
    QVERIFY(session->rule().labelThresholds().empty());
    QCOMPARE(session->undoStack()->count(), 1);
    QVERIFY(child<QLabel>(page, "optimiseStatus")->text().contains(QStringLiteral("Run it again")));
    QCOMPARE(child<QPushButton>(page, "optimise")->text(), QStringLiteral("&Optimise"));
}

void EvaluatePageTest::notARunFolderIsReported()
{
    m_window->openPath(m_temp.path());   // a folder without labels.txt
    QTRY_VERIFY(m_window->findChild<QMessageBox*>() != nullptr);
    QVERIFY(m_window->findChild<QMessageBox*>()->informativeText().contains(QStringLiteral("not a training run")));
}

void EvaluatePageTest::typingAThresholdSetsIt_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<float>("expected");
    QTest::newRow("0.3") << QStringLiteral("0.3") << 0.3f;
    QTest::newRow("0.45") << QStringLiteral("0.45") << 0.45f;
    QTest::newRow(".7") << QStringLiteral(".7") << 0.7f;
}

// Issue 11 item 2: from 0.5, typing "0.3" into the box gave 0.000.
void EvaluatePageTest::typingAThresholdSetsIt()
{
    QFETCH(QString, typed);
    QFETCH(float, expected);
    auto* box = child<QDoubleSpinBox>(m_window.get(), "thresholdSpin");
    QCOMPARE(box->value(), 0.5);
    box->setFocus();
    box->selectAll();
    QTest::keyClicks(box, typed);
    QCOMPARE(m_window->evaluation()->rule().globalThreshold(), 0.5f);   // nothing applied mid-word
    QTest::keyClick(box, Qt::Key_Return);
    QCOMPARE(m_window->evaluation()->rule().globalThreshold(), expected);
    QCOMPARE(float(box->value()), expected);
    QCOMPARE(child<QSlider>(m_window.get(), "thresholdSlider")->value(), int(std::lround(expected * 1000)));
    QCOMPARE(m_window->evaluation()->undoStack()->count(), 1);
}

// Issue 11 item 3: "(edited, not saved)" after undo and redo.
void EvaluatePageTest::unsavedMarkerFollowsUndoAndRedo()
{
    auto* summary = child<QLabel>(m_window.get(), "evaluateSummary");
    const QString marker = QStringLiteral("(edited, not saved)");
    QVERIFY(!summary->text().contains(marker));
    auto* slider = child<QSlider>(m_window.get(), "thresholdSlider");
    slider->setFocus();
    QTest::keyClick(slider, Qt::Key_PageDown);
    QVERIFY(summary->text().contains(marker));
    QTest::keyClick(m_window.get(), Qt::Key_Z, Qt::ControlModifier);
    QVERIFY2(!summary->text().contains(marker), qPrintable(summary->text()));
    QTest::keyClick(m_window.get(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(summary->text().contains(marker));
    // Saved, then undone past the save: edited again.
    QTest::keyClick(m_window.get(), Qt::Key_S, Qt::ControlModifier);
    QVERIFY(QFileInfo::exists(m_run + QStringLiteral("/rule.json")));
    QVERIFY(!summary->text().contains(marker));
    QTest::keyClick(m_window.get(), Qt::Key_Z, Qt::ControlModifier);
    QVERIFY(summary->text().contains(marker));
}

// Issue 11 item 3: switching the split dropped unsaved edits.
void EvaluatePageTest::switchingTheSplitKeepsTheEditedRule()
{
    EvaluationSession* session = m_window->evaluation();
    auto* slider = child<QSlider>(m_window.get(), "thresholdSlider");
    slider->setFocus();
    QTest::keyClick(slider, Qt::Key_PageDown);   // 0.45
    QVERIFY(metricsModel(m_window.get())->setData(metricsModel(m_window.get())->index(2, LabelMetricsModel::ThresholdColumn),
                                                   QStringLiteral("0.2")));
    const DecisionRule edited = session->rule();
    auto* split = child<QComboBox>(m_window.get(), "evaluateSplit");
    split->setFocus();
    QTest::keyClick(split, Qt::Key_Down);
    QTRY_COMPARE(session->run()->split, QStringLiteral("test"));
    QVERIFY(!session->isLoading());
    QCOMPARE(session->rule(), edited);
    QCOMPARE(session->undoStack()->count(), 2);
    QVERIFY(!session->undoStack()->isClean());
    QCOMPARE(metricsModel(m_window.get())->metrics().documents, 2);   // the test scores are shown
    QVERIFY(child<QLabel>(m_window.get(), "evaluateSummary")->text().contains(QStringLiteral("(edited, not saved)")));
    // Undo still works across the switch.
    session->undoStack()->undo();
    QVERIFY(!session->rule().labelThreshold(2).has_value());
}

// Issue 11 item 3: Optimise was offered on test, and its message kept the dev score there.
void EvaluatePageTest::optimiserIsForDevOnly()
{
    QSignalSpy finished(m_window->evaluation(), &EvaluationSession::optimiseFinished);
    clickOptimise();
    QTRY_COMPARE(finished.count(), 1);
    auto* status = child<QLabel>(m_window.get(), "optimiseStatus");
    QVERIFY(status->text().contains(QStringLiteral("micro-F1")));
    auto* split = child<QComboBox>(m_window.get(), "evaluateSplit");
    split->setFocus();
    QTest::keyClick(split, Qt::Key_Down);
    QTRY_COMPARE(m_window->evaluation()->run()->split, QStringLiteral("test"));
    QVERIFY(!m_window->evaluation()->isLoading());
    auto* optimise = child<QPushButton>(m_window.get(), "optimise");
    QVERIFY(!optimise->isEnabled());
    QVERIFY(optimise->toolTip().contains(QStringLiteral("dev")));
    QVERIFY2(status->text().isEmpty(), qPrintable(status->text()));
    QVERIFY(!m_window->evaluation()->startOptimise({}));
    QTest::keyClick(split, Qt::Key_Up);
    QTRY_COMPARE(m_window->evaluation()->run()->split, QStringLiteral("dev"));
    QTRY_VERIFY(optimise->isEnabled());
}

QTEST_MAIN(EvaluatePageTest)
#include "EvaluatePageTest.moc"
