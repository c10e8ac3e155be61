// `tagbench-cli compare` and `tagbench-cli ensemble` on copies of the tiny RUN_DIR fixture,
// running the built binary; expected metrics come from core/eval on the same files.
#include "tests/app/CliRunner.h"
#include "core/eval/DecisionRule.h"
#include "core/eval/Metrics.h"
#include "core/eval/ScoreMatrix.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace tagbench::eval;

namespace {

using Run = tagbench::test::CliRun;
using tagbench::test::copyTree;
using tagbench::test::runCli;

const std::vector<std::string> kLabels = {"新车上市", "谍照", "新车报价", "试驾"};

} // namespace

class CompareCommandTest final : public QObject {
    Q_OBJECT

private slots:
    void init();
    void compareListsGainsAndLosses();
    void ensembleOfARunWithItself_data();
    void ensembleOfARunWithItself();
    void twoStageWithItsOwnColumnChangesNothing();
    void usageErrors_data();
    void usageErrors();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_a, m_b;
};

void CompareCommandTest::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_a = m_dir->path() + "/a";
    m_b = m_dir->path() + "/b";
    QVERIFY(copyTree(QStringLiteral(TAGBENCH_TEST_DATA "/eval/tiny_run"), m_a));
    QVERIFY(copyTree(QStringLiteral(TAGBENCH_TEST_DATA "/eval/tiny_run"), m_b));
    // B gets its own rule: 谍照 at 0.3 (the fixture's model scores it low), 新车报价 disabled.
    DecisionRule rule(0.5f);
    rule.setLabelThreshold(1, 0.3f);
    rule.setDisabled(2, true);
    QVERIFY(rule.save((m_b + "/rule.json").toStdString(), kLabels).ok());
}

void CompareCommandTest::compareListsGainsAndLosses()
{
    const Run run = runCli({"compare", "--run", m_a, "--run", m_b});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const auto test = ScoreMatrix::load((m_a + "/scores/test.scores").toStdString());
    QVERIFY(test.ok());
    DecisionRule ruleB(0.5f);
    ruleB.setLabelThreshold(1, 0.3f);
    ruleB.setDisabled(2, true);
    const Metrics a = evaluate(*test, DecisionRule(0.5f));
    const Metrics b = evaluate(*test, ruleB);
    QVERIFY(run.out.startsWith("A: " + m_a + " (config.json eval)\n   " + QString::fromStdString(performanceLine(a)) +
                               "\nB: " + m_b + " (rule.json)\n   " + QString::fromStdString(performanceLine(b)) + "\n"));
    // 新车报价 disabled in B: its F1 falls to 0, listed with the exact numbers.
    const QString lost = QStringLiteral("  新车报价: -%1 (%1 -> 0.0000, support %2)\n")
                             .arg(a.labels[2].f1, 0, 'f', 4)
                             .arg(a.labels[2].counts.support);
    QVERIFY2(run.out.contains("Regressed (") && run.out.contains(lost), qPrintable(run.out));
    QVERIFY(run.out.contains("Unchanged: "));
    QVERIFY(b.labels[1].f1 != a.labels[1].f1);
    QVERIFY(run.out.contains(QStringLiteral("  谍照: ")));
}

void CompareCommandTest::ensembleOfARunWithItself_data()
{
    QTest::addColumn<QString>("mode");
    QTest::newRow("mean") << "mean";
    QTest::newRow("intersection") << "intersection";
    QTest::newRow("union") << "union";
}

void CompareCommandTest::ensembleOfARunWithItself()
{
    // Combining a run with a copy of itself must give the run's own metrics.
    QFETCH(QString, mode);
    QVERIFY(QFile::copy(m_b + "/rule.json", m_a + "/rule.json"));
    const Run run = runCli({"ensemble", "--run", m_a, "--run", m_b, "--mode", mode, "--split", "dev",
                            "--threshold", "0.5"});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const auto dev = ScoreMatrix::load((m_a + "/scores/dev.scores").toStdString());
    const auto rule = DecisionRule::load((m_b + "/rule.json").toStdString(), kLabels);
    const Metrics expected = evaluate(*dev, mode == "mean" ? DecisionRule(0.5f) : *rule);
    const QStringList lines = run.out.split('\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 6);
    QCOMPARE(lines.last(), "   " + QString::fromStdString(performanceLine(expected)));
}

void CompareCommandTest::twoStageWithItsOwnColumnChangesNothing()
{
    const Run run = runCli({"ensemble", "--run", m_b, "--binary-run", m_a, "--label", "谍照"});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const auto test = ScoreMatrix::load((m_b + "/scores/test.scores").toStdString());
    const auto rule = DecisionRule::load((m_b + "/rule.json").toStdString(), kLabels);
    QVERIFY(run.out.endsWith("Two-stage (谍照 from " + m_a + ")\n   " +
                             QString::fromStdString(performanceLine(evaluate(*test, *rule))) + "\n"));
    const Run unknown = runCli({"ensemble", "--run", m_b, "--binary-run", m_a, "--label", "新能源"});
    QCOMPARE(unknown.exitCode, 1);
    QVERIFY(unknown.err.contains("'新能源'"));
}

void CompareCommandTest::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    QTest::newRow("compare one run") << QStringList{"compare", "--run", "A"} << 2 << "exactly two runs";
    QTest::newRow("compare bad split") << QStringList{"compare", "--run", "A", "--run", "B", "--split", "train"} << 2
                                       << "--split must be dev or test";
    QTest::newRow("compare missing run") << QStringList{"compare", "--run", "/nonexistent", "--run", "B"} << 1
                                         << "/nonexistent/labels.txt";
    QTest::newRow("ensemble one run") << QStringList{"ensemble", "--run", "A"} << 2 << "at least two runs";
    QTest::newRow("ensemble bad mode") << QStringList{"ensemble", "--run", "A", "--run", "B", "--mode", "vote"} << 2
                                       << "--mode must be";
    QTest::newRow("two-stage without label") << QStringList{"ensemble", "--run", "A", "--binary-run", "B"} << 2
                                             << "two-stage needs";
}

void CompareCommandTest::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    const Run run = runCli(arguments);
    QCOMPARE(run.exitCode, exitCode);
    QVERIFY2(run.err.contains(message), qPrintable(run.err));
}

QTEST_GUILESS_MAIN(CompareCommandTest)
#include "CompareCommandTest.moc"
