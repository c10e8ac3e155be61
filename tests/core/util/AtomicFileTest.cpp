#include "core/util/AtomicFile.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace tagbench;

namespace {

QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Every entry of dir, hidden ones included (a temporary must not survive).
QStringList entries(const QTemporaryDir& dir)
{
    return QDir(dir.path()).entryList(QDir::Files | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDir::Name);
}

} // namespace

class AtomicFileTest final : public QObject {
    Q_OBJECT

private slots:
    void roundTrip_data();
    void roundTrip();
    void oldContentStaysUntilCommit();
    void uncommittedFileLeavesNothing();
    void missingDirectoryNamesThePath();
    void commitWithoutOpenIsAnError();
};

void AtomicFileTest::roundTrip_data()
{
    QTest::addColumn<QByteArray>("contents");
    QTest::newRow("empty") << QByteArray();
    static const char mixed[] = "新车上市\r\n\0谍照\n";
    QTest::newRow("utf-8 with NUL and CRLF") << QByteArray(mixed, int(sizeof mixed) - 1);
    // Larger than the 64 KiB write buffer, so writes go straight through too.
    QByteArray large(200 * 1024 + 7, '\0');
    for (int i = 0; i < large.size(); ++i) large[i] = char('a' + i % 26);
    QTest::newRow("larger than the buffer") << large;
}

void AtomicFileTest::roundTrip()
{
    QFETCH(QByteArray, contents);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath("out.txt");

    // In pieces through AtomicFile ...
    AtomicFile file(path.toStdString());
    QCOMPARE(file.path(), path.toStdString());
    QVERIFY(file.open().ok());
    for (int at = 0; at < contents.size(); at += 1000)
        file.write(std::string_view(contents.constData() + at, std::size_t(std::min(1000, int(contents.size()) - at))));
    const Status committed = file.commit();
    QVERIFY2(committed.ok(), committed.ok() ? "" : committed.message().c_str());
    QCOMPARE(readAll(path), contents);
    QCOMPARE(entries(dir), QStringList{"out.txt"});

    // ... and in one call, over the existing file.
    const QByteArray replaced = "replaced:" + contents;
    QVERIFY(writeFileAtomically(path.toStdString(), std::string_view(replaced.constData(), std::size_t(replaced.size()))).ok());
    QCOMPARE(readAll(path), replaced);
    QCOMPARE(entries(dir), QStringList{"out.txt"});
}

void AtomicFileTest::oldContentStaysUntilCommit()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("rule.json");
    QVERIFY(writeFileAtomically(path.toStdString(), "old").ok());

    AtomicFile file(path.toStdString());
    QVERIFY(file.open().ok());
    file.write("new contents");
    QCOMPARE(entries(dir).size(), 2);  // the target and the temporary beside it
    QCOMPARE(readAll(path), QByteArray("old"));
    QVERIFY(file.commit().ok());
    QCOMPARE(readAll(path), QByteArray("new contents"));
    QCOMPARE(entries(dir), QStringList{"rule.json"});
}

void AtomicFileTest::uncommittedFileLeavesNothing()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("preds.jsonl");
    QVERIFY(writeFileAtomically(path.toStdString(), "kept").ok());
    {
        AtomicFile file(path.toStdString());
        QVERIFY(file.open().ok());
        file.write("half written");
        // Going out of scope without commit() (an error or a cancel) discards the temporary.
    }
    QCOMPARE(entries(dir), QStringList{"preds.jsonl"});
    QCOMPARE(readAll(path), QByteArray("kept"));

    // Opening again starts over instead of leaking the first temporary.
    AtomicFile file(path.toStdString());
    QVERIFY(file.open().ok());
    file.write("first");
    QVERIFY(file.open().ok());
    file.write("second");
    QVERIFY(file.commit().ok());
    QCOMPARE(readAll(path), QByteArray("second"));
    QCOMPARE(entries(dir), QStringList{"preds.jsonl"});
}

void AtomicFileTest::missingDirectoryNamesThePath()
{
    QTemporaryDir dir;
    const std::string path = dir.filePath("missing/out.txt").toStdString();
    AtomicFile file(path);
    const Status opened = file.open();
    QVERIFY(!opened.ok());
    QCOMPARE(QString::fromStdString(opened.message()),
             QString::fromStdString("cannot create a temporary file for " + path + ": No such file or directory"));

    const Status written = writeFileAtomically(path, "x");
    QVERIFY(!written.ok());
    QVERIFY2(written.message().find(path) != std::string::npos, written.message().c_str());
    QVERIFY(entries(dir).isEmpty());
}

void AtomicFileTest::commitWithoutOpenIsAnError()
{
    QTemporaryDir dir;
    const std::string path = dir.filePath("never.txt").toStdString();
    AtomicFile file(path);
    file.write("ignored");
    const Status committed = file.commit();
    QVERIFY(!committed.ok());
    QCOMPARE(committed.message(), "cannot write " + path + ": file was not opened");
    QVERIFY(!QFile::exists(QString::fromStdString(path)));
}

QTEST_APPLESS_MAIN(AtomicFileTest)
#include "AtomicFileTest.moc"
