// `tagbench-cli bert-parity` on the bert-tiny fixture (tests/data/bert-tiny), running the built
// binary: per-check lines, exit codes, and a checkpoint that does not match.
#include "tests/app/CliRunner.h"

#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

namespace {

using Run = tagbench::test::CliRun;

const QString kFixture = QStringLiteral(TAGBENCH_TEST_DATA "/bert-tiny");

Run runParity(const QStringList& arguments) { return tagbench::test::runCli(QStringList{"bert-parity"} + arguments, 120000); }

// The output line of one check ("logits   max |diff| ... ok").
QString checkLine(const QString& out, const QString& check)
{
    for (const auto& line : out.split('\n'))
        if (line.startsWith(check + ' ')) return line;
    return {};
}

} // namespace

class BertParityCommandTest final : public QObject {
    Q_OBJECT

private slots:
    void fixturePassesEveryCheck_data();
    void fixturePassesEveryCheck();
    void forwardOnlyWithoutTrace();
    void mismatchExitsNonZero();
    void errors_data();
    void errors();
};

void BertParityCommandTest::fixturePassesEveryCheck_data()
{
    QTest::addColumn<QString>("check");
    QTest::newRow("tokens") << "tokens";
    QTest::newRow("basic tokens") << "basic tokens";
    QTest::newRow("ids") << "input ids, masks, token types";
    QTest::newRow("hidden") << "hidden states (per layer, [CLS], last)";
    QTest::newRow("pooler") << "pooler output";
    QTest::newRow("logits") << "logits";
    QTest::newRow("batch logits") << "padded batch logits";
    QTest::newRow("trace ids") << "trace input ids and mask";
    QTest::newRow("plain losses") << "plain: losses";
    QTest::newRow("plain params") << "plain: parameters after the last step";
    QTest::newRow("clipped logits") << "clip_and_schedule: logits after the last step";
    QTest::newRow("clipped norms") << "clip_and_schedule: gradient norms";
}

void BertParityCommandTest::fixturePassesEveryCheck()
{
    QFETCH(QString, check);
    static const Run run = runParity({"--checkpoint", kFixture, "--cases", kFixture + "/cases.json", "--train-trace",
                                      kFixture + "/train_trace.json"});
    QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
    QCOMPARE(run.err, QString());
    QVERIFY(run.out.endsWith("All checks within tolerance.\n"));
    const QString line = checkLine(run.out, check);
    QVERIFY2(!line.isEmpty(), qPrintable(run.out));
    QVERIFY2(line.endsWith("  ok"), qPrintable(line));
    // Numeric checks print the largest difference and the tolerance they are held to.
    if (line.contains("max |diff|")) {
        const auto match = QRegularExpression(R"(max \|diff\| (\S+) .*\(tolerance (\S+),)").match(line);
        QVERIFY2(match.hasMatch(), qPrintable(line));
        QVERIFY(match.captured(1).toDouble() <= match.captured(2).toDouble());
        QVERIFY(match.captured(2) == "1e-05" || match.captured(2) == "0.0001" || match.captured(2) == "1e-12");
    } else {
        QVERIFY2(line.contains(", 0 mismatches"), qPrintable(line));
    }
}

void BertParityCommandTest::forwardOnlyWithoutTrace()
{
    const Run run = runParity({"--checkpoint", kFixture, "--cases", kFixture + "/cases.json"});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.contains("Forward ("));
    QVERIFY(!run.out.contains("Training ("));
}

void BertParityCommandTest::mismatchExitsNonZero()
{
    // The tanh GELU instead of the exact one: logits off by ~2.6e-4, over the 1e-5 tolerance.
    QTemporaryDir dir;
    QVERIFY(tagbench::test::copyTree(kFixture, dir.path()));
    QFile config(dir.filePath("config.json"));
    config.setPermissions(config.permissions() | QFileDevice::WriteOwner);
    QVERIFY(config.open(QIODevice::ReadOnly));
    QByteArray json = config.readAll();
    config.close();
    json.replace("\"gelu\"", "\"gelu_new\"");
    QVERIFY(config.open(QIODevice::WriteOnly | QIODevice::Truncate));
    config.write(json);
    config.close();
    const Run run = runParity({"--checkpoint", dir.path(), "--cases", dir.filePath("cases.json")});
    QCOMPARE(run.exitCode, 1);
    QVERIFY(checkLine(run.out, "logits").endsWith("  FAIL"));
    QVERIFY(checkLine(run.out, "tokens").endsWith("  ok"));
    QVERIFY(run.out.endsWith("Some checks are above their tolerance.\n"));
    // A looser tolerance accepts it.
    const Run loose = runParity({"--checkpoint", dir.path(), "--cases", dir.filePath("cases.json"), "--forward-tolerance", "1e-3"});
    QCOMPARE(loose.exitCode, 0);
}

void BertParityCommandTest::errors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    QTest::newRow("no arguments") << QStringList{} << 2 << "--checkpoint and --cases are required";
    QTest::newRow("bad tolerance") << QStringList{"--checkpoint", "x", "--cases", "y", "--forward-tolerance", "abc"} << 2
                                   << "--forward-tolerance must be a non-negative number";
    QTest::newRow("missing folder") << QStringList{"--checkpoint", "/nonexistent/bert", "--cases", kFixture + "/cases.json"} << 1
                                    << "/nonexistent/bert: not a checkpoint folder (no such directory)";
    QTest::newRow("missing cases") << QStringList{"--checkpoint", kFixture, "--cases", "/nonexistent/cases.json"} << 1
                                   << "/nonexistent/cases.json: cannot open the file";
}

void BertParityCommandTest::errors()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    const Run run = runParity(arguments);
    QCOMPARE(run.exitCode, exitCode);
    QVERIFY2(run.err.startsWith("tagbench-cli bert-parity: " + message), qPrintable(run.err));
}

QTEST_GUILESS_MAIN(BertParityCommandTest)
#include "BertParityCommandTest.moc"
