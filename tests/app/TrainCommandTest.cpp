#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>

namespace {

const QString kData = QStringLiteral(TAGBENCH_TEST_DATA "/export");

} // namespace

// tagbench-cli train: what Ctrl-C does before training starts (the engine itself is tested in
// tests/core/train).
class TrainCommandTest final : public QObject {
    Q_OBJECT

private slots:
    void ctrlCWhileReadingTheDataTrainsNothing();
};

void TrainCommandTest::ctrlCWhileReadingTheDataTrainsNothing()
{
    // About 100 MB of training data: reading it takes far longer than Ctrl-C takes to arrive
    // after the command says which device it uses (its last line before reading the data; the
    // handler is installed by then). A Ctrl-C that comes before the first chunk is read is seen
    // at that chunk, so the only race (the whole file read first) cannot be lost.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile train(dir.filePath(QStringLiteral("train.jsonl")));
    QVERIFY(train.open(QIODevice::WriteOnly));
    QByteArray block;
    for (int i = 0; i < 2000; ++i)
        block += "{\"text\": \"new car launch " + QByteArray(400, 'x') + "\", \"labels\": [\"launch\"]}\n";
    for (int i = 0; i < 110; ++i)
        QCOMPARE(train.write(block), qint64(block.size()));
    train.close();
    QVERIFY(QFile::copy(kData + QStringLiteral("/dev.jsonl"), dir.filePath(QStringLiteral("dev.jsonl"))));
    QFile config(dir.filePath(QStringLiteral("run.json")));
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write(R"({"model": "FastText", "data": {"train": "train.jsonl", "dev": "dev.jsonl"},
                    "embedding": {"dimension": 8}, "train": {"epochs": 1, "threads": 1}})");
    config.close();
    const QString runDir = dir.filePath(QStringLiteral("run"));

    QProcess process;
    process.setWorkingDirectory(dir.path());
    process.start(QStringLiteral(TAGBENCH_BINARY_DIR "/bin/tagbench-cli"),
                  {"train", "--config", "run.json", "--out", runDir, "--device", "cpu"});
    QVERIFY(process.waitForStarted());
    QByteArray out;
    while (!out.contains("device: ") && process.state() == QProcess::Running) {
        process.waitForReadyRead(1000);
        out += process.readAllStandardOutput();
    }
    QVERIFY2(out.contains("device: "), out.constData());
    QVERIFY(::kill(pid_t(process.processId()), SIGINT) == 0);
    QVERIFY(process.waitForFinished(60000));
    out += process.readAllStandardOutput();
    const QString err = QString::fromUtf8(process.readAllStandardError());

    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QVERIFY2(process.exitCode() == 130, qPrintable(QString::fromUtf8(out) + err));
    QVERIFY2(out.endsWith("Cancelled while reading the data; nothing was trained.\n"), out.constData());
    QVERIFY2(!out.contains("documents from"), out.constData());   // no split was read to the end
    // Not a run: nothing to resume, and the folder can take a new run.
    QVERIFY(!QFileInfo::exists(QDir(runDir).filePath(QStringLiteral("config.json"))));
    QVERIFY(!QFileInfo::exists(QDir(runDir).filePath(QStringLiteral("checkpoint"))));
    QVERIFY(!QFileInfo::exists(QDir(runDir).filePath(QStringLiteral("run.json"))));
}

QTEST_GUILESS_MAIN(TrainCommandTest)
#include "TrainCommandTest.moc"
