#include "core/data/DatasetReader.h"
#include "tests/core/data/TestFiles.h"

#include <QtTest>

#include <algorithm>

using namespace tagbench;
using tagbench::test::writeFile;

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
    void reportsProgressAndCancels();
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

void DatasetReaderTest::reportsProgressAndCancels()
{
    QByteArray content;
    const QByteArray line = "{\"text\": \"" + QByteArray(1000, 'z') + "\", \"labels\": [\"a\"]}\n";
    while (content.size() < 20 * 1024 * 1024) content += line;
    QTemporaryDir dir;
    const auto path = writeFile(dir, "progress.jsonl", content).toStdString();
    std::vector<double> seen;
    ImportOptions options;
    options.progress = [&seen](double fraction) {
        seen.push_back(fraction);
        return true;
    };
    QVERIFY(readDataset(path, options).ok());
    QVERIFY(seen.size() >= 3);  // 20 MiB in 8 MiB chunks
    QVERIFY(std::is_sorted(seen.begin(), seen.end()));
    QCOMPARE(seen.back(), 1.0);

    int calls = 0;
    options.progress = [&calls](double) { return ++calls < 2; };
    auto cancelled = readDataset(path, options);
    QVERIFY(!cancelled.ok());
    QCOMPARE(QString::fromStdString(cancelled.message()), QString::fromStdString(path) + ": import cancelled");
    QCOMPARE(calls, 2);
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
