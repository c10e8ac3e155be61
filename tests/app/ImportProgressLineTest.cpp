// The progress line tagbench-cli draws on a terminal while it imports a dataset.
#include "app/cli/ImportProgressLine.h"

#include <QtTest>

#include <sstream>

using tagbench::ImportProgress;
using tagbench::cli::ImportProgressLine;

class ImportProgressLineTest final : public QObject {
    Q_OBJECT

private slots:
    void text_data();
    void text();
    void disabledPrintsNothing();
    void enabledRedrawsInPlaceAndClears();
};

void ImportProgressLineTest::text_data()
{
    QTest::addColumn<qint64>("read");
    QTest::addColumn<qint64>("total");
    QTest::addColumn<qint64>("documents");
    QTest::addColumn<qint64>("problems");
    QTest::addColumn<double>("seconds");
    QTest::addColumn<QString>("expected");
    QTest::newRow("start") << qint64(0) << qint64(1000) << qint64(0) << qint64(0) << 0.0
                           << "train.jsonl [........................]   0%  0 documents";
    QTest::newRow("part way") << qint64(380) << qint64(1000) << qint64(19283) << qint64(0) << 0.5
                              << "train.jsonl [#########...............]  38%  19,283 documents  0 MB/s";
    QTest::newRow("with skipped records") << qint64(500'000'000) << qint64(1'000'000'000) << qint64(1234567)
                                          << qint64(3) << 2.0
                                          << "train.jsonl [############............]  50%  1,234,567 documents, 3 skipped  250 MB/s";
    QTest::newRow("done") << qint64(1000) << qint64(1000) << qint64(1) << qint64(0) << 0.0
                          << "train.jsonl [########################] 100%  1 document";
    QTest::newRow("pipe: size unknown") << qint64(12'500'000) << qint64(0) << qint64(999) << qint64(0) << 0.0
                                        << "train.jsonl 12.5 MB  999 documents";
}

void ImportProgressLineTest::text()
{
    QFETCH(qint64, read);
    QFETCH(qint64, total);
    QFETCH(qint64, documents);
    QFETCH(qint64, problems);
    QFETCH(double, seconds);
    QFETCH(QString, expected);
    ImportProgress progress;
    progress.bytesRead = std::uint64_t(read);
    progress.bytesTotal = std::uint64_t(total);
    progress.documents = std::uint64_t(documents);
    progress.problems = std::uint64_t(problems);
    progress.seconds = seconds;
    QCOMPARE(QString::fromStdString(ImportProgressLine::text("/data/cars/train.jsonl", progress)), expected);
}

void ImportProgressLineTest::disabledPrintsNothing()
{
    std::ostringstream stream;
    {
        ImportProgressLine line(stream, false);
        ImportProgress progress;
        progress.bytesTotal = 10;
        line.update("a.jsonl", progress);
        line.clear();
    }
    QCOMPARE(stream.str(), std::string());
    QVERIFY(!ImportProgressLine::isTerminal(stream));
}

void ImportProgressLineTest::enabledRedrawsInPlaceAndClears()
{
    std::ostringstream stream;
    ImportProgressLine line(stream, true);
    ImportProgress progress;
    progress.bytesTotal = 100;
    progress.bytesRead = 50;
    line.update("a.jsonl", progress);
    progress.bytesRead = 60;
    line.update("a.jsonl", progress);   // within 100 ms of the first: not drawn
    line.clear();
    QCOMPARE(stream.str(), "\r" + ImportProgressLine::text("a.jsonl", ImportProgress{50, 100, 0, 0, 0.0}) + "\x1b[K\r\x1b[K");
    line.clear();   // nothing shown: nothing to erase
    QCOMPARE(stream.str().size(), std::string("\r" + ImportProgressLine::text("a.jsonl", ImportProgress{50, 100, 0, 0, 0.0})
                                              + "\x1b[K\r\x1b[K").size());
}

QTEST_APPLESS_MAIN(ImportProgressLineTest)
#include "ImportProgressLineTest.moc"
