#include "core/eval/InteractiveEvaluator.h"
#include "core/eval/Metrics.h"
#include "core/eval/RunFiles.h"
#include "core/eval/ScoreMatrix.h"
#include "ui/evaluate/EvaluatePage.h"
#include "ui/evaluate/EvaluationSession.h"
#include "ui/evaluate/RunCompareWorker.h"
#include "ui/evaluate/RunComparisonModel.h"
#include "ui/evaluate/RunComparisonView.h"

#include <qcustomplot.h>

#include <QDir>
#include <QFile>
#include <QLabel>
#include <QSignalSpy>
#include <QSlider>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using tagbench::eval::Metrics;
using tagbench::eval::ScoreMatrix;
using tagbench::ui::RunComparisonModel;
using tagbench::ui::RunComparisonView;

namespace {
const QString fixtureRun = QStringLiteral(TAGBENCH_TEST_DATA "/eval/tiny_run");

std::string path(const QString& p)
{
    return QFile::encodeName(p).toStdString();
}

// Copies tiny_run to dir, then makes label 0 perfect and label 1 always wrong in dev.scores.
bool makeRunB(const QString& dir, bool renameLabel = false)
{
    if (!QDir().mkpath(dir + QStringLiteral("/scores")))
        return false;
    for (const char* file : {"config.json", "labels.txt", "scores/dev.scores", "scores/test.scores"}) {
        const QString name = QString::fromLatin1(file);
        if (!QFile::copy(fixtureRun + QLatin1Char('/') + name, dir + QLatin1Char('/') + name))
            return false;
    }
    auto scores = ScoreMatrix::load(path(dir + QStringLiteral("/scores/dev.scores")));
    if (!scores.ok())
        return false;
    for (std::size_t doc = 0; doc < scores->documentCount(); ++doc) {
        float* row = scores->mutableRow(doc);
        row[0] = scores->isGold(doc, 0) ? 0.9f : 0.1f;
        row[1] = scores->isGold(doc, 1) ? 0.1f : 0.9f;
    }
    if (renameLabel) {
        // A run with another first label: labels.txt and the score columns agree with each other.
        std::vector<std::string> names = scores->labelNames();
        names[0] = "other";
        ScoreMatrix renamed(names);
        for (std::size_t doc = 0; doc < scores->documentCount(); ++doc) {
            const auto gold = scores->gold(doc);
            if (!renamed.addDocument(scores->documentIds()[doc], scores->row(doc),
                                     std::vector<std::uint32_t>(gold.begin(), gold.end())).ok())
                return false;
        }
        *scores = std::move(renamed);
        QFile labels(dir + QStringLiteral("/labels.txt"));
        if (!labels.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return false;
        for (const std::string& name : names)
            labels.write(QByteArray::fromStdString(name + "\n"));
    }
    return scores->save(path(dir + QStringLiteral("/scores/dev.scores"))).ok();
}

RunComparisonModel* modelOf(const RunComparisonView& view)
{
    auto* proxy = qobject_cast<QSortFilterProxyModel*>(view.findChild<QTableView*>(QStringLiteral("comparisonTable"))->model());
    return qobject_cast<RunComparisonModel*>(proxy->sourceModel());
}

/// Loads run A into a session, as the Evaluate page does.
bool loadA(tagbench::ui::EvaluationSession& session)
{
    QSignalSpy loaded(&session, &tagbench::ui::EvaluationSession::runLoaded);
    session.loadRun(fixtureRun, QStringLiteral("dev"));
    return loaded.wait(10000);
}

Metrics runMetrics(const QString& dir, std::vector<std::string>* labels = nullptr)
{
    auto run = tagbench::eval::loadRunUnderRule(path(dir), "dev");
    if (!run.ok())
        qFatal("cannot load %s: %s", qPrintable(dir), run.message().c_str());
    if (labels)
        *labels = run->split.labels;
    return tagbench::eval::evaluate(run->split.scores, run->rule.rule);
}
} // namespace

class RunComparisonViewTest final : public QObject {
    Q_OBJECT
private slots:
    void rowsHoldPerLabelDeltas();
    void differentLabelsFail();
    void pageComparesUnderLiveRule();
};

void RunComparisonViewTest::rowsHoldPerLabelDeltas()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString runB = tmp.filePath(QStringLiteral("runB"));
    QVERIFY(makeRunB(runB));

    std::vector<std::string> labels;
    const Metrics a = runMetrics(fixtureRun, &labels);
    const Metrics b = runMetrics(runB);
    // The fixture must leave room to improve label 0 and to regress label 1.
    QVERIFY(a.labels[0].f1 < 1.0);
    QVERIFY(a.labels[1].f1 > 0.0);
    QCOMPARE(b.labels[0].f1, 1.0);
    QCOMPARE(b.labels[1].f1, 0.0);

    tagbench::ui::EvaluationSession session;
    QVERIFY(loadA(session));
    RunComparisonView view(&session);
    QSignalSpy ready(&view, &RunComparisonView::comparisonReady);
    QSignalSpy failed(&view, &RunComparisonView::comparisonFailed);
    view.compare(runB);
    QVERIFY(ready.wait(10000));
    QCOMPARE(failed.count(), 0);

    const RunComparisonModel* model = modelOf(view);
    QCOMPARE(model->rowCount(), static_cast<int>(labels.size()));
    for (int row = 0; row < model->rowCount(); ++row) {
        const auto cell = [&](int column) { return model->index(row, column).data(RunComparisonModel::SortRole); };
        QCOMPARE(cell(RunComparisonModel::LabelColumn).toString(), QString::fromStdString(labels[row]));
        QCOMPARE(cell(RunComparisonModel::SupportColumn).toLongLong(), a.labels[row].counts.support);
        QCOMPARE(cell(RunComparisonModel::F1AColumn).toDouble(), a.labels[row].f1);
        QCOMPARE(cell(RunComparisonModel::F1BColumn).toDouble(), b.labels[row].f1);
        QCOMPARE(cell(RunComparisonModel::DeltaColumn).toDouble(), b.labels[row].f1 - a.labels[row].f1);
    }
    QCOMPARE(model->changeAt(0), RunComparisonModel::Change::Improved);
    QCOMPARE(model->changeAt(1), RunComparisonModel::Change::Regressed);
    for (int row = 2; row < model->rowCount(); ++row) {
        QCOMPARE(model->changeAt(row), RunComparisonModel::Change::Unchanged);
        QCOMPARE(model->deltaAt(row).delta, 0.0);
    }
    QCOMPARE(model->index(0, RunComparisonModel::ChangeColumn).data().toString(), QStringLiteral("improved"));
    QCOMPARE(model->index(1, RunComparisonModel::DeltaColumn).data(Qt::ForegroundRole).value<QBrush>().color(),
             RunComparisonModel::regressedColor());

    // Sorted by delta, largest gain first.
    const QAbstractItemModel* shown = view.findChild<QTableView*>(QStringLiteral("comparisonTable"))->model();
    QCOMPARE(shown->index(0, RunComparisonModel::LabelColumn).data().toString(), QString::fromStdString(labels[0]));
    QCOMPARE(shown->index(shown->rowCount() - 1, RunComparisonModel::LabelColumn).data().toString(),
             QString::fromStdString(labels[1]));

    const QString summary = view.findChild<QLabel*>(QStringLiteral("comparisonSummary"))->text();
    QVERIFY2(summary.contains(QStringLiteral("1 improved")) && summary.contains(QStringLiteral("1 regressed"))
                 && summary.contains(QStringLiteral("%1 unchanged").arg(labels.size() - 2)),
             qPrintable(summary));
    QVERIFY2(summary.contains(QString::number(a.f1, 'f', 4)) && summary.contains(QString::number(b.macroF1, 'f', 4)),
             qPrintable(summary));

    // Two bars: the gain (label 0) and the loss (label 1).
    auto* chart = view.findChild<QCustomPlot*>(QStringLiteral("comparisonChart"));
    auto* gains = qobject_cast<QCPBars*>(chart->plottable(0));
    auto* losses = qobject_cast<QCPBars*>(chart->plottable(1));
    QVERIFY(gains && losses);
    QCOMPARE(gains->data()->size(), 1);
    QCOMPARE(losses->data()->size(), 1);
    QCOMPARE(gains->data()->at(0)->value, b.labels[0].f1 - a.labels[0].f1);
    QCOMPARE(losses->data()->at(0)->value, b.labels[1].f1 - a.labels[1].f1);

    const QString screenshot = qEnvironmentVariable("TAGBENCH_COMPARISON_PNG");
    if (!screenshot.isEmpty()) {
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(view.grab().save(screenshot));
    }
}

void RunComparisonViewTest::differentLabelsFail()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString runB = tmp.filePath(QStringLiteral("runB"));
    QVERIFY(makeRunB(runB, true));

    tagbench::ui::EvaluationSession session;
    QVERIFY(loadA(session));
    RunComparisonView view(&session);
    QSignalSpy failed(&view, &RunComparisonView::comparisonFailed);
    view.compare(runB);
    QVERIFY(failed.wait(10000));
    const QString message = failed.at(0).at(0).toString();
    QVERIFY2(message.contains(QStringLiteral("line 1")) && message.contains(QStringLiteral("other")), qPrintable(message));
    QCOMPARE(modelOf(view)->rowCount(), 0);
}

void RunComparisonViewTest::pageComparesUnderLiveRule()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString runB = tmp.filePath(QStringLiteral("runB"));
    QVERIFY(makeRunB(runB));

    tagbench::ui::EvaluationSession session;
    tagbench::ui::EvaluatePage page(&session);
    QSignalSpy loaded(&session, &tagbench::ui::EvaluationSession::runLoaded);
    page.openRun(fixtureRun);
    QVERIFY(loaded.wait(10000));
    page.findChild<QSlider*>(QStringLiteral("thresholdSlider"))->setValue(300);   // run A is compared under the page's live rule, not rule.json
    const Metrics live = session.evaluator()->metrics();
    QVERIFY(live.f1 != runMetrics(fixtureRun).f1);

    RunComparisonView* view = page.compareWithRun(runB);
    QVERIFY(view);
    QSignalSpy ready(view, &RunComparisonView::comparisonReady);
    QVERIFY(ready.wait(10000));
    const Metrics b = runMetrics(runB);
    const RunComparisonModel* model = modelOf(*view);
    QCOMPARE(model->rowCount(), static_cast<int>(live.labels.size()));
    for (int row = 0; row < model->rowCount(); ++row) {
        QCOMPARE(model->deltaAt(row).f1A, live.labels[row].f1);
        QCOMPARE(model->deltaAt(row).f1B, b.labels[row].f1);
    }
    view->close();
}

QTEST_MAIN(RunComparisonViewTest)
#include "RunComparisonViewTest.moc"
