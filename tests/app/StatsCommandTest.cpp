// Output format of `tagbench-cli stats`, checked by running the built binary.
#include "tests/app/CliRunner.h"
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>
#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace {

using Run = tagbench::test::CliRun;

Run runCli(const QStringList& arguments, const QString& workingDirectory = QStringLiteral(TAGBENCH_TEST_DATA "/datasets"))
{
    return tagbench::test::runCli(QStringList{"stats"} + arguments, 60000, workingDirectory);
}

} // namespace

class StatsCommandTest final : public QObject {
    Q_OBJECT

private slots:
    void textOutputHasTheDocumentedForm();
    void jsonOutputCarriesTheSameNumbers();
    void badRecordsGoToStderrWithFileAndLine();
    void stopOnErrorFails();
    void ctrlCStopsTheImportAndNamesTheFile();
    void options_data();
    void options();
    void usageErrors_data();
    void usageErrors();
};

void StatsCommandTest::textOutputHasTheDocumentedForm()
{
    const Run run = runCli({"cars_train.jsonl", "cars_dev.jsonl"});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.err, QString());
    const QString expected = QStringLiteral(
        "--- Distribution in cars_train.jsonl ---\n"
        "Label: 新车资讯, Count: 5, Ratio: 62.50%\n"
        "Label: 新车上市, Count: 3, Ratio: 37.50%\n"
        "Label: 谍照, Count: 3, Ratio: 37.50%\n"
        "Label: 新车报价, Count: 1, Ratio: 12.50%\n"
        "Documents: 8\n"
        "Labels: 4\n"
        "Label cardinality: 1.5000\n"
        "Documents with no label: 1\n"
        "Rare labels (<1%): 0\n"
        "Top label pairs:\n"
        "Pair: 新车资讯 + 新车上市, Count: 3, Ratio: 37.50%\n"
        "Pair: 新车资讯 + 谍照, Count: 2, Ratio: 25.00%\n"
        "Pair: 新车上市 + 谍照, Count: 1, Ratio: 12.50%\n"
        "\n"
        "--- Distribution in cars_dev.jsonl ---\n"
        "Label: 车型对比, Count: 2, Ratio: 66.67%\n"
        "Label: 新车资讯, Count: 1, Ratio: 33.33%\n"
        "Label: 谍照, Count: 1, Ratio: 33.33%\n"
        "Documents: 3\n"
        "Labels: 3\n"
        "Label cardinality: 1.3333\n"
        "Documents with no label: 0\n"
        "Rare labels (<1%): 0\n"
        "Labels never in train: 1: 车型对比\n"
        "Top label pairs:\n"
        "Pair: 车型对比 + 谍照, Count: 1, Ratio: 33.33%\n");
    QCOMPARE(run.out, expected);
}

void StatsCommandTest::jsonOutputCarriesTheSameNumbers()
{
    const Run run = runCli({"cars_train.jsonl", "cars_dev.jsonl", "--json", "--top-pairs", "1"});
    QCOMPARE(run.exitCode, 0);
    QJsonParseError error;
    const auto document = QJsonDocument::fromJson(run.out.toUtf8(), &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    const auto splits = document.object().value("splits").toArray();
    QCOMPARE(splits.size(), 2);
    const auto train = splits[0].toObject();
    QCOMPARE(train.value("file").toString(), QStringLiteral("cars_train.jsonl"));
    QCOMPARE(train.value("format").toString(), QStringLiteral("jsonl"));
    QCOMPARE(train.value("documents").toInt(), 8);
    QCOMPARE(train.value("labels").toInt(), 4);
    QCOMPARE(train.value("label_cardinality").toDouble(), 1.5);
    QCOMPARE(train.value("documents_without_label").toInt(), 1);
    const auto first = train.value("distribution").toArray().at(0).toObject();
    QCOMPARE(first.value("label").toString(), QStringLiteral("新车资讯"));
    QCOMPARE(first.value("count").toInt(), 5);
    QCOMPARE(first.value("ratio").toDouble(), 0.625);
    QCOMPARE(train.value("top_pairs").toArray().size(), 1);
    QCOMPARE(train.value("cardinality_histogram").toArray(), (QJsonArray{1, 3, 3, 1}));
    QVERIFY(!train.contains("unseen_in_train"));
    const auto matrix = train.value("cooccurrence").toObject();
    QCOMPARE(matrix.value("labels").toArray().size(), 4);
    QCOMPARE(matrix.value("counts").toArray().at(0).toArray().at(1).toInt(), 3);
    const auto dev = splits[1].toObject();
    QCOMPARE(dev.value("unseen_in_train").toArray(), (QJsonArray{QStringLiteral("车型对比")}));
    QCOMPARE(document.object().value("rare_threshold").toDouble(), 0.01);
}

void StatsCommandTest::badRecordsGoToStderrWithFileAndLine()
{
    QTemporaryDir dir;
    QFile file(dir.filePath("bad.jsonl"));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\"text\": \"新车\", \"labels\": [\"a\"]}\n{\"labels\": [\"a\"]}\n{\"text\": \"\xff\", \"labels\": []}\n");
    file.close();
    const Run run = runCli({"bad.jsonl"}, dir.path());
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.startsWith("--- Distribution in bad.jsonl ---\nLabel: a, Count: 1, Ratio: 100.00%\n"));
    QVERIFY2(run.err.contains("bad.jsonl:2: missing field 'text'\n"), qPrintable(run.err));
    QVERIFY2(run.err.contains("bad.jsonl:3: invalid UTF-8 at byte 11\n"), qPrintable(run.err));
    QVERIFY(run.err.contains("bad.jsonl: skipped 2 of 3 records (1 invalid UTF-8, 1 missing field)"));
    QVERIFY(!run.out.contains("missing field"));
}

void StatsCommandTest::stopOnErrorFails()
{
    QTemporaryDir dir;
    QFile file(dir.filePath("bad.jsonl"));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\"text\": \"x\", \"labels\": [\"a\"]}\n{\"text\": \"y\", \"labels\": \"a\"}\n");
    file.close();
    const Run run = runCli({"bad.jsonl", "--stop-on-error"}, dir.path());
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.out, QString());
    QCOMPARE(run.err, QStringLiteral("tagbench-cli stats: bad.jsonl:2: field 'labels' must be an array of strings\n"));

    QFile prose(dir.filePath("notes.txt"));
    QVERIFY(prose.open(QIODevice::WriteOnly));
    prose.write("Remember to buy milk.\nCall the garage on Monday.\n");
    prose.close();
    const Run notData = runCli({"notes.txt"}, dir.path());
    QCOMPARE(notData.exitCode, 1);
    QVERIFY2(notData.err.startsWith("tagbench-cli stats: notes.txt: not a dataset: "), qPrintable(notData.err));
}

void StatsCommandTest::ctrlCStopsTheImportAndNamesTheFile()
{
    // The dataset arrives through a named pipe, so the test decides when Ctrl-C comes: after the
    // command has opened the file (its handler is installed by then) and before the end of it.
    QTemporaryDir dir;
    const QString fifo = dir.filePath(QStringLiteral("stream.jsonl"));
    QVERIFY(::mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0);
    QProcess process;
    process.setWorkingDirectory(dir.path());
    process.start(QStringLiteral(TAGBENCH_BINARY_DIR "/bin/tagbench-cli"), {"stats", "stream.jsonl"});
    QVERIFY(process.waitForStarted());
    // Writing to a pipe whose reader is gone must fail with EPIPE, not end this test.
    const auto previousSigpipe = std::signal(SIGPIPE, SIG_IGN);
    const int fd = ::open(QFile::encodeName(fifo).constData(), O_WRONLY);   // waits for the reader
    QVERIFY(fd >= 0);

    QByteArray block;
    for (int i = 0; i < 2000; ++i)
        block += "{\"text\": \"新车 上市 " + QByteArray(400, 'x') + "\", \"labels\": [\"新车上市\"]}\n";
    const qint64 planned = 200ll << 20;   // far more than the reader takes before it stops
    qint64 written = 0;
    bool interrupted = false;
    while (written < planned) {
        if (!interrupted && written >= (1 << 20)) {
            QVERIFY(::kill(pid_t(process.processId()), SIGINT) == 0);
            interrupted = true;
        }
        const ssize_t n = ::write(fd, block.constData(), size_t(block.size()));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            break;   // EPIPE: the command closed the file
        written += n;
    }
    const int writeErrno = errno;
    ::close(fd);
    std::signal(SIGPIPE, previousSigpipe);

    QVERIFY(process.waitForFinished(60000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 130);
    QVERIFY2(written < planned / 2, qPrintable(QString::number(written)));
    QCOMPARE(writeErrno, EPIPE);
    QCOMPARE(QString::fromUtf8(process.readAllStandardOutput()), QString());
    const QString err = QString::fromUtf8(process.readAllStandardError());
    static const QRegularExpression expected(
        QStringLiteral("^tagbench-cli stats: Import of stream.jsonl cancelled after [0-9]+ documents\n$"));
    QVERIFY2(expected.match(err).hasMatch(), qPrintable(err));
}

void StatsCommandTest::options_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("line");
    QTest::newRow("rare threshold") << QStringList{"cars_train.jsonl", "--rare-threshold", "20"}
                                    << "Rare labels (<20%): 1: 新车报价\n";
    QTest::newRow("forced csv with pipe labels")
        << QStringList{"cars_train.csv", "--format", "csv", "--label-sep", "|"} << "Label: 新车上市, Count: 1, Ratio: 33.33%\n";
    QTest::newRow("neuralclassifier levels") << QStringList{"cars_train.json", "--levels"}
                                             << "Level 1 (separator --):\nLabel: 新车, Count: 2, Ratio: 66.67%\n";
    QTest::newRow("fasttext") << QStringList{"cars_train.ft.txt"} << "Documents: 3\n";
    QTest::newRow("no empty labels") << QStringList{"cars_train.jsonl", "--no-empty-labels"} << "Documents: 7\n";
}

void StatsCommandTest::options()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, line);
    const Run run = runCli(arguments);
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains(line), qPrintable(run.out + run.err));
}

void StatsCommandTest::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("no file") << QStringList{} << "no dataset file given";
    QTest::newRow("unknown option") << QStringList{"cars_train.jsonl", "--bogus"} << "unknown option --bogus";
    QTest::newRow("bad count") << QStringList{"cars_train.jsonl", "--top-pairs", "x"} << "--top-pairs needs a non-negative integer";
    QTest::newRow("bad format") << QStringList{"cars_train.jsonl", "--format", "xml"} << "unknown format 'xml'";
    QTest::newRow("both policies") << QStringList{"cars_train.jsonl", "--skip-bad", "--stop-on-error"}
                                   << "--skip-bad and --stop-on-error exclude each other";
}

void StatsCommandTest::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const Run run = runCli(arguments);
    QCOMPARE(run.exitCode, 2);
    QCOMPARE(run.out, QString());
    QVERIFY2(run.err.startsWith("tagbench-cli stats: " + message), qPrintable(run.err));
}

QTEST_GUILESS_MAIN(StatsCommandTest)
#include "StatsCommandTest.moc"
