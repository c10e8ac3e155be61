// `tagbench-cli autotune` as a user runs it: usage errors, and a short search on the export
// fixture that prints its table and the test line, and leaves a run that `tune` reads back.
#include "tests/app/CliRunner.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

namespace {

const QString kData = QStringLiteral(TAGBENCH_TEST_DATA "/export");

tagbench::test::CliRun runAutotune(const QStringList& arguments, int timeoutMs = 120000)
{
    return tagbench::test::runCli(QStringList{QStringLiteral("autotune")} + arguments, timeoutMs);
}

} // namespace

class AutotuneCommandTest final : public QObject {
    Q_OBJECT

private slots:
    void helpExitsZero();
    void usageErrors_data();
    void usageErrors();
    void searchesAndLeavesATunedRun();
};

void AutotuneCommandTest::helpExitsZero()
{
    const auto run = runAutotune({QStringLiteral("--help")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.startsWith(QStringLiteral("Usage: tagbench-cli autotune")));
    QVERIFY(run.out.contains(QStringLiteral("cross-validated")));
}

void AutotuneCommandTest::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    const QString train = kData + QStringLiteral("/train.jsonl");
    const QString dev = kData + QStringLiteral("/dev.jsonl");
    QTest::newRow("no dev") << QStringList{"--train", train, "--out", "x"} << 2 << "give --train, --dev and --out";
    QTest::newRow("budget not a number") << QStringList{"--train", train, "--dev", dev, "--out", "x", "--budget", "15m"} << 2
                                         << "--budget needs seconds";
    QTest::newRow("unknown option") << QStringList{"--train", train, "--dev", dev, "--out", "x", "--epochs", "3"} << 2 << "--epochs";
    QTest::newRow("unknown kind") << QStringList{"--train", train, "--dev", dev, "--out", "x", "--models", "svm"} << 1
                                  << "unknown model kind \"svm\"";
}

void AutotuneCommandTest::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    QTemporaryDir dir;
    for (QString& a : arguments)
        if (a == QLatin1String("x")) a = dir.filePath(QStringLiteral("out"));
    const auto run = runAutotune(arguments);
    QCOMPARE(run.exitCode, exitCode);
    QVERIFY2(run.err.contains(message), qPrintable(run.err));
}

void AutotuneCommandTest::searchesAndLeavesATunedRun()
{
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("auto"));
    const auto run = runAutotune({"--train", kData + "/train.jsonl", "--dev", kData + "/dev.jsonl", "--test", kData + "/dev.jsonl",
                                  "--budget", "60", "--models", "linear", "--threads", "1", "--out", out});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY(run.out.contains(QStringLiteral("01-linear")));
    QVERIFY(run.out.contains(QStringLiteral("Chosen: ")));
    QVERIFY(run.out.contains(QStringLiteral("\ntest: Performance is precision: ")));
    QVERIFY(QFile::exists(out + QStringLiteral("/rule.json")));
    QFile summary(out + QStringLiteral("/autotune.json"));
    QVERIFY(summary.open(QIODevice::ReadOnly));
    const QJsonObject doc = QJsonDocument::fromJson(summary.readAll()).object();
    QCOMPARE(doc.value(QStringLiteral("objective")).toString(), QStringLiteral("micro-f1"));
    QVERIFY(doc.value(QStringLiteral("trials")).toArray().size() >= 1);
    // The chosen run is an ordinary run: tune reads it and its rule back.
    const auto tune = tagbench::test::runCli({QStringLiteral("tune"), QStringLiteral("--run"), out, QStringLiteral("--dry-run")});
    QVERIFY2(tune.exitCode == 0, qPrintable(tune.err));
    // Running again into the same folder would overwrite the search: refused.
    const auto again = runAutotune({"--train", kData + "/train.jsonl", "--dev", kData + "/dev.jsonl", "--models", "linear", "--out", out});
    QCOMPARE(again.exitCode, 1);
    QVERIFY(again.err.contains(QStringLiteral("already holds a run")));
}

QTEST_GUILESS_MAIN(AutotuneCommandTest)
#include "AutotuneCommandTest.moc"
