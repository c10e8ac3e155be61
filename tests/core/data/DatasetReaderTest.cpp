#include "core/data/DatasetReader.h"
#include "tests/core/data/TestFiles.h"

#include <QtTest>

#include <algorithm>
#include <thread>

#include <sys/stat.h>

using namespace tagbench;
using tagbench::test::writeFile;

namespace {

/// Small chunks so that a ~1 MB fixture crosses dozens of chunk boundaries.
constexpr std::size_t kSmallChunk = std::size_t(16) << 10;

bool isBad(int i) { return i % 97 == 50; }

int badRecords(int documents)
{
    int bad = 0;
    for (int i = 0; i < documents; ++i) bad += isBad(i) ? 1 : 0;
    return bad;
}

/// documents records of about 330 bytes in the format of name's extension ("bom" names start
/// with a UTF-8 BOM); the records isBad() picks are malformed or have no text.
QByteArray progressFixture(const QString& name, int documents)
{
    const QByteArray pad(300, 'q');
    QByteArray out = name.startsWith(QLatin1String("bom")) ? QByteArray("\xEF\xBB\xBF") : QByteArray();
    if (name.endsWith(QLatin1String(".csv"))) out += "id,text,labels\n";
    if (name.endsWith(QLatin1String(".tsv"))) out += "id\ttext\tlabels\n";
    for (int i = 0; i < documents; ++i) {
        const QByteArray n = QByteArray::number(i);
        const QByteArray label = "l" + QByteArray::number(i % 5);
        if (name.endsWith(QLatin1String(".jsonl"))) {
            out += isBad(i) ? QByteArray("{broken\n")
                            : "{\"id\": \"d" + n + "\", \"text\": \"新车 上市 " + n + ' ' + pad + "\", \"labels\": [\"a\", \""
                    + label + "\"]}\n";
        } else if (name.endsWith(QLatin1String(".json"))) {
            out += isBad(i) ? QByteArray("{broken\n")
                            : "{\"doc_label\": [\"a\", \"" + label + "\"], \"doc_token\": [\"新车\", \"" + n + "\", \"" + pad
                    + "\"], \"doc_keyword\": [], \"doc_topic\": []}\n";
        } else if (name.endsWith(QLatin1String(".txt"))) {
            out += isBad(i) ? QByteArray("__label__a\n") : "__label__a __label__" + label + " 新车 上市 " + n + ' ' + pad + '\n';
        } else if (name.endsWith(QLatin1String(".csv"))) {
            out += isBad(i) ? QByteArray("x,\"broken\"x,a\n") : "d" + n + ",\"新车, 上市 " + n + ' ' + pad + "\",\"a," + label + "\"\n";
        } else {
            out += isBad(i) ? QByteArray("x\t\"broken\"x\ta\n") : "d" + n + "\t新车 上市 " + n + ' ' + pad + "\ta," + label + '\n';
        }
    }
    return out;
}

} // namespace

class DatasetReaderTest final : public QObject {
    Q_OBJECT

private slots:
    void acceptsUtf8Bom();
    void missingFileIsAnError();
    void duplicateIdsSkipOrStop();
    void duplicatesAndParseIssuesInLineOrder();
    void allRecordsBadIsAnError();
    void issueListIsCappedButCountsAreComplete();
    void largeFileCrossesChunkBoundaries_data();
    void largeFileCrossesChunkBoundaries();
    void largeCsvWithMultiLineFields();
    void labelsOfSkippedRecordsStayOut();
    void progressIsMonotonicAndEndsAtTotal_data();
    void progressIsMonotonicAndEndsAtTotal();
    void cancelStopsEarlyInEveryFormat_data();
    void cancelStopsEarlyInEveryFormat();
    void progressOfAPipeHasNoTotal();
    void labelsOptionalForPrediction_data();
    void labelsOptionalForPrediction();
};

void DatasetReaderTest::acceptsUtf8Bom()
{
    ImportReport report;
    auto dataset = readDataset(TAGBENCH_TEST_DATA "/datasets/bom.jsonl", {}, &report);
    QVERIFY2(dataset.ok(), dataset.ok() ? "" : dataset.message().c_str());
    QCOMPARE(dataset->size(), std::size_t(2));
    QCOMPARE(std::string(dataset->id(0)), std::string("b1"));
    QCOMPARE(std::string(dataset->text(0)), std::string("带BOM的文件"));
    QCOMPARE(report.issueCount(), std::uint64_t(0));
}

void DatasetReaderTest::missingFileIsAnError()
{
    auto dataset = readDataset("/nonexistent/train.jsonl");
    QVERIFY(!dataset.ok());
    QCOMPARE(QString::fromStdString(dataset.message()),
             QStringLiteral("cannot open '/nonexistent/train.jsonl': No such file or directory"));
}

void DatasetReaderTest::duplicateIdsSkipOrStop()
{
    QTemporaryDir dir;
    const auto path = writeFile(dir, "dup.jsonl",
                                "{\"id\": \"a\", \"text\": \"一\", \"labels\": [\"x\"]}\n"
                                "{\"id\": \"b\", \"text\": \"二\", \"labels\": [\"x\"]}\n"
                                "\n"
                                "{\"id\": \"a\", \"text\": \"三\", \"labels\": [\"y\"]}\n")
                          .toStdString();
    ImportReport report;
    auto dataset = readDataset(path, {}, &report);
    QVERIFY(dataset.ok());
    QCOMPARE(dataset->size(), std::size_t(2));
    QCOMPARE(report.skipped, std::uint64_t(1));
    QCOMPARE(QString::fromStdString(report.issues.at(0).toString()),
             QString::fromStdString(path) + ":4: duplicate id 'a' (first on line 1)");
    QCOMPARE(report.summary(), std::string("1 duplicate id"));

    QCOMPARE(dataset->labelId("y"), -1);  // only the skipped duplicate carried it

    ImportOptions stop;
    stop.policy = ErrorPolicy::Stop;
    auto stopped = readDataset(path, stop);
    QVERIFY(!stopped.ok());
    QCOMPARE(stopped.message(), report.issues.at(0).toString());
}

void DatasetReaderTest::duplicatesAndParseIssuesInLineOrder()
{
    QTemporaryDir dir;
    const auto path = writeFile(dir, "mixed.jsonl",
                                "{\"id\": \"a\", \"text\": \"1\", \"labels\": []}\n"
                                "{\"id\": \"b\", \"text\": \"\", \"labels\": []}\n"
                                "{\"id\": \"a\", \"text\": \"3\", \"labels\": []}\n"
                                "{\"id\": \"c\", \"text\": 4, \"labels\": []}\n"
                                "{\"id\": \"a\", \"text\": \"5\", \"labels\": []}\n")
                          .toStdString();
    ImportReport report;
    auto dataset = readDataset(path, {}, &report);
    QVERIFY(dataset.ok());
    QCOMPARE(dataset->size(), std::size_t(1));
    QCOMPARE(report.documentsWithoutLabels, std::uint64_t(1));
    QCOMPARE(report.issues.size(), std::size_t(4));
    const std::vector<std::uint64_t> lines = {2, 3, 4, 5};
    for (std::size_t i = 0; i < lines.size(); ++i) QCOMPARE(report.issues[i].line, lines[i]);
    QCOMPARE(report.issues[3].reason, std::string("duplicate id 'a' (first on line 1)"));

    ImportOptions options;
    options.maxIssues = 2;
    QVERIFY(readDataset(path, options, &report).ok());
    QCOMPARE(report.issues.size(), std::size_t(2));
    QCOMPARE(report.issues[1].line, std::uint64_t(3));
    QCOMPARE(report.issueCount(), std::uint64_t(4));

    // Stop: the first problem in file order is the empty text on line 2.
    options.policy = ErrorPolicy::Stop;
    auto stopped = readDataset(path, options);
    QVERIFY(!stopped.ok());
    QCOMPARE(QString::fromStdString(stopped.message()), QString::fromStdString(path) + ":2: empty text in field 'text'");
}

void DatasetReaderTest::allRecordsBadIsAnError()
{
    QTemporaryDir dir;
    const auto path = writeFile(dir, "bad.jsonl", "{\"text\": 1, \"labels\": []}\n{\"labels\": []}\n").toStdString();
    ImportReport report;
    auto dataset = readDataset(path, {}, &report);
    QVERIFY(!dataset.ok());
    QCOMPARE(QString::fromStdString(dataset.message()),
             QString::fromStdString(path) + ": no document could be imported; first problem: "
                 + QString::fromStdString(path) + ":1: field 'text' must be a string");
    QCOMPARE(report.issueCount(), std::uint64_t(2));
}

void DatasetReaderTest::issueListIsCappedButCountsAreComplete()
{
    QByteArray content;
    for (int i = 0; i < 50; ++i) content += "{\"text\": \"ok\", \"labels\": [\"a\"]}\n{\"text\": \"\", \"labels\": []}\n";
    QTemporaryDir dir;
    const auto path = writeFile(dir, "many.jsonl", content).toStdString();
    ImportOptions options;
    options.maxIssues = 5;
    ImportReport report;
    auto dataset = readDataset(path, options, &report);
    QVERIFY(dataset.ok());
    QCOMPARE(dataset->size(), std::size_t(50));
    QCOMPARE(report.issues.size(), std::size_t(5));
    QCOMPARE(report.issueCount(), std::uint64_t(50));
    QCOMPARE(report.issueCounts[int(IssueKind::EmptyText)], std::uint64_t(50));
    QCOMPARE(report.issues[4].line, std::uint64_t(10));
}

void DatasetReaderTest::largeFileCrossesChunkBoundaries_data()
{
    QTest::addColumn<unsigned>("threads");
    QTest::newRow("one thread") << 1u;
    QTest::newRow("two threads") << 2u;
    QTest::newRow("four threads") << 4u;
}

void DatasetReaderTest::largeFileCrossesChunkBoundaries()
{
    // ~20 MB: several 8 MiB chunks, with bad records at known lines on both sides of boundaries.
    QFETCH(unsigned, threads);
    const int documents = 60000;
    const QByteArray padding(300, 'x');
    QByteArray content;
    content.reserve(documents * 360);
    QList<int> badLines;
    for (int i = 1; i <= documents; ++i) {
        if (i % 9973 == 0) {
            content += "{\"id\": \"d" + QByteArray::number(i) + "\", \"text\": 1, \"labels\": []}\n";
            badLines.append(i);
            continue;
        }
        content += "{\"id\": \"d" + QByteArray::number(i) + "\", \"text\": \"新车 " + padding + "\", \"labels\": [\"l"
            + QByteArray::number(i % 7) + "\"]}\r\n";
    }
    QTemporaryDir dir;
    const auto path = writeFile(dir, "large.jsonl", content).toStdString();
    ImportOptions options;
    options.threads = threads;
    ImportReport report;
    auto dataset = readDataset(path, options, &report);
    QVERIFY2(dataset.ok(), dataset.ok() ? "" : dataset.message().c_str());
    QCOMPARE(int(dataset->size()), documents - badLines.size());
    QCOMPARE(report.lines, std::uint64_t(documents));
    QCOMPARE(int(report.issues.size()), badLines.size());
    for (int i = 0; i < badLines.size(); ++i) QCOMPARE(int(report.issues[i].line), badLines[i]);
    QCOMPARE(dataset->labelNames().size(), std::size_t(7));
    // Documents stay in file order with their lines, ids and texts intact.
    for (std::size_t i = 0; i < dataset->size(); i += 997) {
        const auto line = dataset->sourceLine(i);
        QCOMPARE(std::string(dataset->id(i)), "d" + std::to_string(line));
        QCOMPARE(dataset->text(i).size(), std::string("新车 ").size() + 300);
        QCOMPARE(dataset->labelNames()[dataset->labels(i)[0]], "l" + std::to_string(line % 7));
    }

    options.policy = ErrorPolicy::Stop;
    auto stopped = readDataset(path, options);
    QVERIFY(!stopped.ok());
    QCOMPARE(QString::fromStdString(stopped.message()),
             QString::fromStdString(path) + ":9973: field 'text' must be a string");
}

void DatasetReaderTest::largeCsvWithMultiLineFields()
{
    // Quoted fields with line breaks must never be split between chunks.
    const int records = 40000;
    const QByteArray body(250, 'y');
    QByteArray content = "text,labels\n";
    for (int i = 0; i < records; ++i) content += "\"第" + QByteArray::number(i) + "行\n" + body + ",\"\"ok\"\"\",\"a,b\"\n";
    content += "\"broken\"x,a\n";
    QTemporaryDir dir;
    const auto path = writeFile(dir, "large.csv", content).toStdString();
    ImportReport report;
    auto dataset = readDataset(path, {}, &report);
    QVERIFY2(dataset.ok(), dataset.ok() ? "" : dataset.message().c_str());
    QCOMPARE(int(dataset->size()), records);
    QCOMPARE(dataset->labelNames().size(), std::size_t(2));
    QCOMPARE(dataset->sourceLine(std::size_t(records - 1)), std::uint64_t(2 + 2 * (records - 1)));
    QCOMPARE(std::string(dataset->text(12345)), "第12345行\n" + std::string(250, 'y') + ",\"ok\"");
    QCOMPARE(report.issues.size(), std::size_t(1));
    QCOMPARE(report.issues[0].line, std::uint64_t(2 + 2 * records));
}

void DatasetReaderTest::labelsOfSkippedRecordsStayOut()
{
    QTemporaryDir dir;
    const auto path = writeFile(dir, "skip.jsonl",
                                "{\"text\": \"ok\", \"labels\": [\"kept\"]}\n"
                                "{\"text\": \"\", \"labels\": [\"only-on-bad-record\"]}\n")
                          .toStdString();
    auto dataset = readDataset(path);
    QVERIFY(dataset.ok());
    QCOMPARE(dataset->labelNames().size(), std::size_t(1));
    QCOMPARE(dataset->labelId("only-on-bad-record"), -1);
}

void DatasetReaderTest::progressIsMonotonicAndEndsAtTotal_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<unsigned>("threads");
    for (const char* name : {"d.jsonl", "bom.jsonl", "d.json", "d.txt", "d.csv", "bom.csv", "d.tsv"}) {
        QTest::addRow("%s one thread", name) << QString::fromLatin1(name) << 1u;
        QTest::addRow("%s three threads", name) << QString::fromLatin1(name) << 3u;
    }
}

void DatasetReaderTest::progressIsMonotonicAndEndsAtTotal()
{
    QFETCH(QString, name);
    QFETCH(unsigned, threads);
    const int documents = 3000;
    const QByteArray content = progressFixture(name, documents);
    QTemporaryDir dir;
    const auto path = writeFile(dir, name, content).toStdString();
    QVERIFY(!path.empty());

    std::vector<ImportProgress> seen;
    ImportOptions options;
    options.threads = threads;
    options.chunkBytes = kSmallChunk;
    options.progress = [&seen](const ImportProgress& progress) {
        seen.push_back(progress);
        return true;
    };
    ImportReport report;
    auto dataset = readDataset(path, options, &report);
    QVERIFY2(dataset.ok(), dataset.ok() ? "" : dataset.message().c_str());
    const int bad = badRecords(documents);
    QCOMPARE(int(dataset->size()), documents - bad);
    QCOMPARE(int(report.skipped), bad);
    QVERIFY(!report.cancelled);

    // Once per chunk: the ~1 MB file crosses many 16 KiB chunks.
    QVERIFY2(seen.size() >= std::size_t(content.size() / int(kSmallChunk) / 2), std::to_string(seen.size()).c_str());
    for (std::size_t i = 0; i < seen.size(); ++i) {
        QCOMPARE(seen[i].bytesTotal, std::uint64_t(content.size()));
        if (i == 0) continue;
        QVERIFY(seen[i].bytesRead > seen[i - 1].bytesRead);
        QVERIFY(seen[i].documents >= seen[i - 1].documents);
        QVERIFY(seen[i].problems >= seen[i - 1].problems);
        QVERIFY(seen[i].fraction() >= seen[i - 1].fraction());
        QVERIFY(seen[i].seconds >= seen[i - 1].seconds);
    }
    // The BOM and the CSV header count as read: the last call is at the file size.
    QCOMPARE(seen.back().bytesRead, std::uint64_t(content.size()));
    QCOMPARE(seen.back().fraction(), 1.0);
    QCOMPARE(seen.back().documents, std::uint64_t(dataset->size()));
    QCOMPARE(seen.back().problems, report.skipped);
    QVERIFY(seen.front().fraction() < 0.5);
}

void DatasetReaderTest::cancelStopsEarlyInEveryFormat_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<unsigned>("threads");
    QTest::addColumn<int>("cancelAt");   // the progress call that returns false
    QTest::addColumn<bool>("encode");    // through the fused import + encode path
    for (const char* name : {"d.jsonl", "d.json", "d.txt", "d.csv", "d.tsv"}) {
        QTest::addRow("%s first call", name) << QString::fromLatin1(name) << 1u << 1 << false;
        QTest::addRow("%s third call, four threads", name) << QString::fromLatin1(name) << 4u << 3 << false;
        QTest::addRow("%s second call, encoding", name) << QString::fromLatin1(name) << 2u << 2 << true;
    }
}

void DatasetReaderTest::cancelStopsEarlyInEveryFormat()
{
    QFETCH(QString, name);
    QFETCH(unsigned, threads);
    QFETCH(int, cancelAt);
    QFETCH(bool, encode);
    const int documents = 3000;
    QTemporaryDir dir;
    const auto path = writeFile(dir, name, progressFixture(name, documents)).toStdString();
    QVERIFY(!path.empty());

    int calls = 0;
    std::uint64_t documentsAtCancel = 0;
    std::uint64_t bytesAtCancel = 0;
    ImportOptions options;
    options.threads = threads;
    options.chunkBytes = kSmallChunk;
    options.progress = [&](const ImportProgress& progress) {
        documentsAtCancel = progress.documents;
        bytesAtCancel = progress.bytesRead;
        return ++calls < cancelAt;
    };
    ImportReport report;
    ImportedTokens tokens;
    const auto countTokens = [](std::string_view, std::vector<std::int32_t>& out) {
        out.push_back(1);
        return std::size_t(1);
    };
    auto dataset = encode ? readDataset(path, options, &report, countTokens, tokens) : readDataset(path, options, &report);
    QVERIFY(!dataset.ok());
    // No call after the one that cancelled: the reader stopped merging at once.
    QCOMPARE(calls, cancelAt);
    QCOMPARE(QString::fromStdString(dataset.message()),
             QStringLiteral("Import of %1 cancelled after %2 documents").arg(QString::fromStdString(path)).arg(documentsAtCancel));
    QVERIFY(documentsAtCancel > 0);
    QVERIFY(documentsAtCancel < std::uint64_t(documents) / 2);
    QVERIFY(bytesAtCancel < std::uint64_t(QFileInfo(QString::fromStdString(path)).size()) / 2);
    // Nothing of the cancelled import is left behind.
    QVERIFY(report.cancelled);
    QCOMPARE(report.documents, std::uint64_t(0));
    QCOMPARE(report.lines, std::uint64_t(0));
    QCOMPARE(report.issueCount(), std::uint64_t(0));
    QVERIFY(report.issues.empty());
    QVERIFY(tokens.tokens.empty());
    QCOMPARE(tokens.offsets.size(), std::size_t(1));

    // The same options without cancelling read everything.
    options.progress = [](const ImportProgress&) { return true; };
    auto complete = readDataset(path, options, &report);
    QVERIFY2(complete.ok(), complete.ok() ? "" : complete.message().c_str());
    QCOMPARE(int(complete->size()), documents - badRecords(documents));
    QVERIFY(!report.cancelled);
}

void DatasetReaderTest::progressOfAPipeHasNoTotal()
{
    const QByteArray content = progressFixture(QStringLiteral("d.jsonl"), 2000);
    QTemporaryDir dir;
    const QByteArray fifo = QFile::encodeName(dir.filePath(QStringLiteral("pipe.jsonl")));
    QVERIFY(::mkfifo(fifo.constData(), 0600) == 0);
    // fopen of the reading end waits for this writer.
    std::thread writer([&fifo, &content] {
        QFile out(QFile::decodeName(fifo));
        if (out.open(QIODevice::WriteOnly | QIODevice::Unbuffered)) out.write(content);
    });
    std::vector<ImportProgress> seen;
    ImportOptions options;
    options.chunkBytes = kSmallChunk;
    options.progress = [&seen](const ImportProgress& progress) {
        seen.push_back(progress);
        return true;
    };
    ImportReport report;
    auto dataset = readDataset(fifo.toStdString(), options, &report);
    writer.join();
    QVERIFY2(dataset.ok(), dataset.ok() ? "" : dataset.message().c_str());
    QCOMPARE(int(dataset->size()), 2000 - badRecords(2000));
    QVERIFY(seen.size() > 2);
    for (const auto& progress : seen) {
        QCOMPARE(progress.bytesTotal, std::uint64_t(0));
        QCOMPARE(progress.fraction(), 0.0);
    }
    QCOMPARE(seen.back().bytesRead, std::uint64_t(content.size()));
    QCOMPARE(seen.back().documents, std::uint64_t(dataset->size()));
}

void DatasetReaderTest::labelsOptionalForPrediction_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<int>("forced");          // DatasetFormat; Unknown: detected
    QTest::addColumn<int>("format");          // what the file is read as
    QTest::addColumn<QStringList>("texts");
    QTest::addColumn<QStringList>("labels");  // per document, joined by '|'
    QTest::addColumn<QString>("lines");       // source lines, comma separated
    QTest::addColumn<QString>("whenRequired"); // the error with requireLabels (ErrorPolicy::Stop)
    const int unknown = int(DatasetFormat::Unknown);
    QTest::newRow("jsonl without labels field")
        << "d.jsonl" << QByteArray("{\"id\": \"a\", \"text\": \"新车 上市\"}\n\n{\"text\": \"谍照\", \"labels\": [\"x\"]}\n")
        << unknown << int(DatasetFormat::JsonLines) << QStringList{"新车 上市", "谍照"} << QStringList{"", "x"} << "1,3"
        << "d.jsonl:1: missing field 'labels'";
    QTest::newRow("neuralclassifier without doc_label")
        << "d.json" << QByteArray("{\"doc_token\": [\"全新\", \"SUV\"], \"doc_keyword\": []}\n{\"doc_token\": [\"谍照\"]}\n")
        << unknown << int(DatasetFormat::NeuralClassifier) << QStringList{"全新 SUV", "谍照"} << QStringList{"", ""}
        << "1,2" << "d.json:1: missing field 'doc_label'";
    QTest::newRow("csv with a text column only")
        << "d.csv" << QByteArray("text\n新车 上市\n\"谍照, 曝光\"\r\n") << unknown << int(DatasetFormat::Csv)
        << QStringList{"新车 上市", "谍照, 曝光"} << QStringList{"", ""} << "2,3" << "d.csv: not a dataset";
    QTest::newRow("csv without label column")
        << "d.csv" << QByteArray("id,text\na,新车\nb,谍照\n") << unknown << int(DatasetFormat::Csv)
        << QStringList{"新车", "谍照"} << QStringList{"", ""} << "2,3"
        << "d.csv: no label column 'labels' in the header (columns: id, text)";
    QTest::newRow("csv record ending before the label column")
        << "d.csv" << QByteArray("text,labels\n新车,a\n谍照\n") << int(DatasetFormat::Csv) << int(DatasetFormat::Csv)
        << QStringList{"新车", "谍照"} << QStringList{"a", ""} << "2,3" << "d.csv:3: expected at least 2 columns, found 1";
    QTest::newRow("tsv with a text column only")
        << "d.tsv" << QByteArray("text\n新车, 上市\n谍照\n") << unknown << int(DatasetFormat::Tsv)
        << QStringList{"新车, 上市", "谍照"} << QStringList{"", ""} << "2,3" << "d.tsv: not a dataset";
    QTest::newRow("plain text lines") << "d.txt" << QByteArray("新车 上市\n\n谍照 曝光\n") << unknown
                                      << int(DatasetFormat::FastText) << QStringList{"新车 上市", "谍照 曝光"}
                                      << QStringList{"", ""} << "1,3" << "d.txt: not a dataset";
    QTest::newRow("fasttext with and without labels")
        << "d.txt" << QByteArray("__label__a 新车\n谍照 曝光\n") << unknown << int(DatasetFormat::FastText)
        << QStringList{"新车", "谍照 曝光"} << QStringList{"a", ""} << "1,2" << "d.txt:2: no __label__ labels";
}

void DatasetReaderTest::labelsOptionalForPrediction()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, content);
    QFETCH(int, forced);
    QFETCH(int, format);
    QFETCH(QStringList, texts);
    QFETCH(QStringList, labels);
    QFETCH(QString, lines);
    QFETCH(QString, whenRequired);
    QTemporaryDir dir;
    const auto path = writeFile(dir, name, content).toStdString();
    ImportOptions options;
    options.format = static_cast<DatasetFormat>(forced);
    options.policy = ErrorPolicy::Stop;
    options.allowEmptyLabels = false;  // not consulted when labels are optional

    options.requireLabels = false;
    ImportReport report;
    auto dataset = readDataset(path, options, &report);
    QVERIFY2(dataset.ok(), dataset.ok() ? "" : dataset.message().c_str());
    QCOMPARE(int(dataset->format()), format);
    QCOMPARE(int(dataset->size()), texts.size());
    std::size_t unlabelled = 0;
    for (int i = 0; i < texts.size(); ++i) {
        const auto doc = static_cast<std::size_t>(i);
        QCOMPARE(QString::fromStdString(std::string(dataset->text(doc))), texts[i]);
        QStringList names;
        for (const auto label : dataset->labels(doc)) names << QString::fromStdString(dataset->labelNames()[label]);
        QCOMPARE(names.join('|'), labels[i]);
        unlabelled += names.isEmpty() ? 1 : 0;
        QCOMPARE(QString::number(dataset->sourceLine(doc)), lines.split(',')[i]);
    }
    QCOMPARE(report.documentsWithoutLabels, std::uint64_t(unlabelled));
    QCOMPARE(report.issueCount(), std::uint64_t(0));

    // Training data keeps requiring them.
    options.requireLabels = true;
    auto required = readDataset(path, options);
    QVERIFY(!required.ok());
    QVERIFY2(QString::fromStdString(required.message()).startsWith(dir.filePath(whenRequired)), required.message().c_str());
}

QTEST_APPLESS_MAIN(DatasetReaderTest)
#include "DatasetReaderTest.moc"
