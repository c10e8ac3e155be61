// `tagbench-cli tune` on the tiny RUN_DIR fixture (tests/data/eval/tiny_run), running the built
// binary; expected metrics come from core/eval on the same files.
#include "tests/app/CliRunner.h"
#include "core/eval/Calibration.h"
#include "core/eval/DecisionRule.h"
#include "core/eval/InteractiveEvaluator.h"
#include "core/eval/Metrics.h"
#include "core/eval/ReliabilityDiagram.h"
#include "core/eval/ScoreMatrix.h"
#include "core/eval/ThresholdTuner.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace tagbench::eval;

namespace {

using Run = tagbench::test::CliRun;
using tagbench::test::copyTree;

Run runTune(const QStringList& arguments) { return tagbench::test::runCli(QStringList{"tune"} + arguments); }

QString line(const Metrics& m) { return QString::fromStdString(performanceLine(m)); }

QString f4(double value) { return QString::number(value, 'f', 4); }

// The best dev micro-F1 of any single global threshold, by trying every distinct dev score.
double bestGlobalMicroF1(const ScoreMatrix& dev)
{
    double best = 0.0;
    for (const float t : dev.scores()) best = std::max(best, evaluate(dev, DecisionRule(t)).f1);
    return best;
}

} // namespace

class TuneCommandTest final : public QObject {
    Q_OBJECT

private slots:
    void init();
    void globalThresholdRun();
    void perLabelWithMinSupport();
    void objectives_data();
    void objectives();
    void crossValidatedEstimateIsPrinted();
    void calibration_data();
    void calibration();
    void helpNamesTheOptions();
    void autoTopK();
    void dryRunWritesNothing();
    void missingTestSplitIsSkipped();
    void errors_data();
    void errors();

private:
    std::string path(const char* name) const { return (m_run + '/' + name).toStdString(); }
    std::vector<std::string> labels() const { return {"新车上市", "谍照", "新车报价", "试驾"}; }

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_run;
};

void TuneCommandTest::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_run = m_dir->path() + "/run";
    QVERIFY(copyTree(QStringLiteral(TAGBENCH_TEST_DATA "/eval/tiny_run"), m_run));
}

void TuneCommandTest::globalThresholdRun()
{
    const Run run = runTune({"--run", m_run, "--folds", "0"});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const auto dev = ScoreMatrix::load(path("scores/dev.scores"));
    const auto test = ScoreMatrix::load(path("scores/test.scores"));
    QVERIFY(dev.ok() && test.ok());
    const auto rule = DecisionRule::load(path("rule.json"), labels());
    QVERIFY2(rule.ok(), rule.ok() ? "" : rule.message().c_str());
    QVERIFY(rule->labelThresholds().empty());
    QCOMPARE(rule->topK(), 0);
    const DecisionRule before(0.5f);
    const QString expected =
        "Run: " + m_run + " (4 labels; dev 40 documents; test 30 documents)\n"
        "Objective: micro-f1, global threshold, top-k 0\n"
        "Before (config.json eval: global threshold 0.5000, top-k unlimited):\n"
        "  dev:  " + line(evaluate(*dev, before)) + "\n"
        "  test: " + line(evaluate(*test, before)) + "\n"
        "After (global threshold " + QString::number(rule->globalThreshold(), 'f', 4) + ", top-k unlimited):\n"
        "  dev:  " + line(evaluate(*dev, *rule)) + "\n"
        "  test: " + line(evaluate(*test, *rule)) + "\n"
        "Wrote " + m_run + "/rule.json\n";
    QCOMPARE(run.out, expected);
    QCOMPARE(run.err, QString());
    QVERIFY(evaluate(*dev, *rule).f1 >= evaluate(*dev, before).f1);
}

void TuneCommandTest::perLabelWithMinSupport()
{
    const Run run = runTune({"--run", m_run, "--per-label", "--min-support", "5"});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const auto dev = ScoreMatrix::load(path("scores/dev.scores"));
    const Metrics base = evaluate(*dev, DecisionRule(0.5f));
    const auto rule = DecisionRule::load(path("rule.json"), labels());
    QVERIFY(rule.ok());
    // 试驾 is rare in dev: it keeps the global threshold and the output says so.
    QVERIFY(base.labels[3].counts.support < 5);
    QVERIFY(!rule->labelThreshold(3).has_value());
    QVERIFY2(run.out.contains("Min support 5: 1 label with fewer dev documents use the global threshold: 试驾\n"),
             qPrintable(run.out));
    // 谍照 is scored low by the fixture's model: its own threshold sits below 0.5 and helps.
    QVERIFY(rule->labelThreshold(1).has_value());
    QVERIFY(*rule->labelThreshold(1) < 0.5f);
    const Metrics after = evaluate(*dev, *rule);
    QVERIFY(after.labels[1].f1 > base.labels[1].f1);
    QVERIFY(run.out.contains("  dev:  " + line(after) + "\n"));
}

void TuneCommandTest::objectives_data()
{
    QTest::addColumn<QString>("objective");
    QTest::addColumn<QString>("canonical");
    QTest::newRow("micro-f1") << "micro-f1" << "micro-f1";
    QTest::newRow("f1 is micro-f1") << "f1" << "micro-f1";
    QTest::newRow("macro-f1") << "macro-f1" << "macro-f1";
    QTest::newRow("fbeta") << "fbeta:2" << "fbeta:2";
    QTest::newRow("precision floor") << "precision>=0.6" << "precision>=0.6";
    QTest::newRow("recall floor") << "recall>=0.6" << "recall>=0.6";
}

void TuneCommandTest::objectives()
{
    QFETCH(QString, objective);
    QFETCH(QString, canonical);
    const Run run = runTune({"--run", m_run, "--per-label", "--min-support", "2", "--objective", objective, "--folds", "0"});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY2(run.out.contains("Objective: " + canonical + ", per-label thresholds, top-k 0\n"), qPrintable(run.out));
    const auto dev = ScoreMatrix::load(path("scores/dev.scores"));
    const auto test = ScoreMatrix::load(path("scores/test.scores"));
    const auto rule = DecisionRule::load(path("rule.json"), labels());
    QVERIFY(dev.ok() && test.ok() && rule.ok());
    QVERIFY(!rule->labelThresholds().empty());
    QVERIFY2(run.out.contains("  dev:  " + line(evaluate(*dev, *rule)) + "\n  test: " + line(evaluate(*test, *rule)) + "\n"),
             qPrintable(run.out));
    if (canonical == "micro-f1") {
        // The default never ends below the best global threshold on dev.
        QVERIFY(evaluate(*dev, *rule).f1 >= bestGlobalMicroF1(*dev) - 1e-12);
        QVERIFY(run.out.contains(QRegularExpression("Per-label thresholds \\(coordinate ascent, \\d+ pass(es)?\\): dev micro-f1 0\\.\\d{4} "
                                                    "at the best global threshold -> 0\\.\\d{4}\n")));
    }
}

void TuneCommandTest::crossValidatedEstimateIsPrinted()
{
    const Run run = runTune({"--run", m_run, "--per-label", "--objective", "fbeta:0.5"});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    // The same tuning through core/eval gives the same rule and the same estimate.
    auto dev = ScoreMatrix::load(path("scores/dev.scores"));
    QVERIFY(dev.ok());
    auto evaluator = InteractiveEvaluator::create(std::make_shared<const ScoreMatrix>(std::move(*dev)), DecisionRule(0.5f));
    QVERIFY(evaluator.ok());
    TuneOptions options;
    options.objective = *TuneObjective::parse("fbeta:0.5");
    options.perLabel = true;
    options.minSupport = 5;
    options.folds = 5;
    const auto tuned = tuneRule(**evaluator, options, DecisionRule(0.5f));
    QVERIFY(tuned.ok() && tuned->crossValidated);
    const CrossValidation& cv = *tuned->crossValidated;
    const QString expected = "Estimate on unseen documents (5-fold cross-validation over dev: the same tuning on 4/5 of it, measured on the rest):\n"
                             "  micro-F1: dev " + f4(tuned->dev.f1) + ", cross-validated " + f4(cv.microF1) + " +/- " + f4(cv.microF1Deviation) + "\n"
                             "  macro-F1: dev " + f4(tuned->dev.macroF1) + ", cross-validated " + f4(cv.macroF1) + " +/- " + f4(cv.macroF1Deviation) + "\n"
                             "  fbeta:0.5: dev " + f4(tuned->devObjective) + ", cross-validated " + f4(cv.objective) + "\n";
    QVERIFY2(run.out.contains(expected), qPrintable(run.out + "\n--- expected:\n" + expected));
    const auto rule = DecisionRule::load(path("rule.json"), labels());
    QVERIFY(rule.ok());
    QVERIFY(*rule == tuned->rule);
}

void TuneCommandTest::calibration_data()
{
    QTest::addColumn<QString>("method");
    QTest::newRow("platt") << "platt";
    QTest::newRow("isotonic") << "isotonic";
}

void TuneCommandTest::calibration()
{
    QFETCH(QString, method);
    const Run run = runTune({"--run", m_run, "--calibrate", method, "--folds", "3"});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const auto dev = ScoreMatrix::load(path("scores/dev.scores"));
    const auto test = ScoreMatrix::load(path("scores/test.scores"));
    const auto rule = DecisionRule::load(path("rule.json"), labels());
    QVERIFY2(rule.ok(), rule.ok() ? "" : rule.message().c_str());
    QCOMPARE(QString(Calibration::methodName(rule->calibration().method())), method);
    QVERIFY(rule->calibration() == Calibration::fit(*dev, *Calibration::parseMethod(method.toStdString())));
    const auto ece = [](const ScoreMatrix& m, const Calibration& c) { return f4(ReliabilityDiagram::compute(m, c).overall().ece); };
    const QString calibrationLine = "Calibration: " + method + ", fitted on dev; expected calibration error dev " +
                                    ece(*dev, Calibration()) + " -> " + ece(*dev, rule->calibration()) + ", test " +
                                    ece(*test, Calibration()) + " -> " + ece(*test, rule->calibration()) + "\n";
    QVERIFY2(run.out.contains(calibrationLine), qPrintable(run.out + "\n--- expected:\n" + calibrationLine));
    if (method == "isotonic") QVERIFY(run.out.contains(" -> 0.0000, test "));  // exact on the data it was fitted on
    // Thresholds are probabilities now, and the printed metrics are those of the calibrated rule.
    QVERIFY(rule->globalThreshold() >= 0.0f && rule->globalThreshold() <= 1.0f);
    QVERIFY2(run.out.contains("calibration):\n  dev:  " + line(evaluate(*dev, *rule)) + "\n  test: " + line(evaluate(*test, *rule)) + "\n"),
             qPrintable(run.out));
    QVERIFY(run.out.contains("Estimate on unseen documents (3-fold"));
}

void TuneCommandTest::helpNamesTheOptions()
{
    const Run run = runTune({"--help"});
    QCOMPARE(run.exitCode, 0);
    for (const char* option : {"--objective", "macro-f1", "--calibrate", "platt", "isotonic", "--folds", "--shrinkage", "--per-label"})
        QVERIFY2(run.out.contains(option), option);
}

void TuneCommandTest::autoTopK()
{
    const Run run = runTune({"--run", m_run, "--top-k", "auto", "--max-top-k", "3", "--objective", "fbeta:0.5"});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY(run.out.contains("Objective: fbeta:0.5, global threshold, top-k auto (1..3, 0)\n"));
    const QRegularExpression trials("Top-k on dev \\(micro-F1\\): 1=0\\.\\d{4} 2=0\\.\\d{4} 3=0\\.\\d{4} unlimited=0\\.\\d{4}\n");
    QVERIFY2(trials.match(run.out).hasMatch(), qPrintable(run.out));
    const auto rule = DecisionRule::load(path("rule.json"), labels());
    QVERIFY(rule.ok());
    QVERIFY(rule->topK() >= 0 && rule->topK() <= 3);
}

void TuneCommandTest::dryRunWritesNothing()
{
    const Run run = runTune({"--run", m_run, "--dry-run", "--objective", "precision>=0.8"});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY(run.out.endsWith("Dry run: rule.json not written.\n"));
    QVERIFY(!QFile::exists(m_run + "/rule.json"));
}

void TuneCommandTest::missingTestSplitIsSkipped()
{
    QVERIFY(QFile::remove(m_run + "/scores/test.scores"));
    const Run run = runTune({"--run", m_run});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.contains("No " + m_run + "/scores/test.scores: test metrics are skipped.\n"));
    QVERIFY(!run.out.contains("test: "));
}

void TuneCommandTest::errors_data()
{
    QTest::addColumn<QString>("damage");
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    QTest::newRow("no run") << "" << QStringList{} << 2 << "give the run directory with --run";
    QTest::newRow("bad objective") << "" << QStringList{"--objective", "accuracy"} << 2 << "unknown 'accuracy'";
    QTest::newRow("bad top-k") << "" << QStringList{"--top-k", "many"} << 2 << "--top-k needs 'auto' or an integer";
    QTest::newRow("bad calibration") << "" << QStringList{"--calibrate", "beta"} << 2 << "unknown method 'beta'";
    QTest::newRow("one fold") << "" << QStringList{"--folds", "1"} << 2 << "--folds needs 0 (no estimate) or an integer >= 2";
    QTest::newRow("negative shrinkage") << "" << QStringList{"--shrinkage", "-1"} << 2 << "--shrinkage needs a number >= 0";
    QTest::newRow("unknown option") << "" << QStringList{"--treshold", "1"} << 2 << "unknown option --treshold";
    QTest::newRow("missing run dir") << "rmrun" << QStringList{} << 1 << "labels.txt: cannot open";
    QTest::newRow("labels.txt disagrees") << "labels" << QStringList{} << 1 << "labels.txt:2: label '新能源' but column 1";
    QTest::newRow("corrupt dev scores") << "corrupt" << QStringList{} << 1 << "dev.scores: score block has";
    QTest::newRow("bad config") << "config" << QStringList{} << 1 << "config.json: eval.threshold must be";
}

void TuneCommandTest::errors()
{
    QFETCH(QString, damage);
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    const auto rewrite = [&](const QString& name, const QByteArray& bytes) {
        QFile file(m_run + '/' + name);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(bytes);
    };
    if (damage == "rmrun") QVERIFY(QDir(m_run).removeRecursively());
    if (damage == "labels") rewrite("labels.txt", "新车上市\n新能源\n新车报价\n试驾\n");
    if (damage == "config") rewrite("config.json", R"({"eval": {"threshold": "high"}})");
    if (damage == "corrupt") {
        QFile file(m_run + "/scores/dev.scores");
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.resize(file.size() - 2));
    }
    QStringList all = arguments;
    if (!damage.isEmpty() || !arguments.isEmpty()) all = QStringList{"--run", m_run} + arguments;
    const Run run = runTune(all);
    QCOMPARE(run.exitCode, exitCode);
    QVERIFY2(run.err.contains(message), qPrintable(run.err));
    QVERIFY(!QFile::exists(m_run + "/rule.json"));
}

QTEST_GUILESS_MAIN(TuneCommandTest)
#include "TuneCommandTest.moc"
