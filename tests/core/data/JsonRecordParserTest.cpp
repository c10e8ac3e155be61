// JSON lines and NeuralClassifier records, read through readDataset so that file:line is checked too.
#include "core/data/DatasetReader.h"
#include "tests/core/data/TestFiles.h"

#include <QtTest>

using namespace tagbench;
using tagbench::test::writeFile;

class JsonRecordParserTest final : public QObject {
    Q_OBJECT

private slots:
    void readsJsonLinesFixture();
    void readsNeuralClassifierFixture();
    void configurableFieldNames();
    void numericIdsKeepTheirSpelling();
    void badRecords_data();
    void badRecords();
};

void JsonRecordParserTest::readsJsonLinesFixture()
{
    ImportReport report;
    auto dataset = readDataset(TAGBENCH_TEST_DATA "/datasets/cars_train.jsonl", {}, &report);
    QVERIFY2(dataset.ok(), dataset.ok() ? "" : dataset.message().c_str());
    QCOMPARE(dataset->size(), std::size_t(8));
    QCOMPARE(int(dataset->format()), int(DatasetFormat::JsonLines));
    QVERIFY(report.formatDetected);
    QVERIFY(!dataset->pretokenized());
    QCOMPARE(std::string(dataset->id(2)), std::string("c3"));
    QCOMPARE(std::string(dataset->text(2)), std::string("路试谍照曝光 新车型即将到来"));
    QCOMPARE(dataset->labels(4).size, std::size_t(3));
    QCOMPARE(dataset->labelNames().size(), std::size_t(4));
    QCOMPARE(dataset->labelNames()[0], std::string("新车资讯"));
    QVERIFY(dataset->labels(5).empty());
    QCOMPARE(report.documentsWithoutLabels, std::uint64_t(1));
    QCOMPARE(dataset->sourceLine(7), std::uint64_t(8));
    QCOMPARE(report.issueCount(), std::uint64_t(0));
}

void JsonRecordParserTest::readsNeuralClassifierFixture()
{
    auto dataset = readDataset(TAGBENCH_TEST_DATA "/datasets/cars_train.json");
    QVERIFY2(dataset.ok(), dataset.ok() ? "" : dataset.message().c_str());
    QCOMPARE(int(dataset->format()), int(DatasetFormat::NeuralClassifier));
    QVERIFY(dataset->pretokenized());
    QCOMPARE(dataset->size(), std::size_t(3));
    QCOMPARE(std::string(dataset->text(0)), std::string("全新 SUV 正式 上市"));
    QCOMPARE(std::string(dataset->text(2)), std::string("伪装车 谍照 流出"));
    QCOMPARE(dataset->labelNames()[0], std::string("新车--上市"));
    QCOMPARE(dataset->labels(0).size, std::size_t(2));
    QCOMPARE(std::string(dataset->id(0)), std::string());
}

void JsonRecordParserTest::configurableFieldNames()
{
    QTemporaryDir dir;
    const auto path = writeFile(dir, "custom.jsonl",
                                "{\"doc\": \"正文\", \"tags\": [\"谍照\"], \"key\": \"k1\", \"text\": 1}\n");
    ImportOptions options;
    options.textField = "doc";
    options.labelsField = "tags";
    options.idField = "key";
    auto dataset = readDataset(path.toStdString(), options);
    QVERIFY2(dataset.ok(), dataset.ok() ? "" : dataset.message().c_str());
    QCOMPARE(std::string(dataset->text(0)), std::string("正文"));
    QCOMPARE(std::string(dataset->id(0)), std::string("k1"));
    QCOMPARE(dataset->labelNames()[0], std::string("谍照"));
}

void JsonRecordParserTest::numericIdsKeepTheirSpelling()
{
    QTemporaryDir dir;
    const auto path = writeFile(dir, "ids.jsonl",
                                "{\"id\": 17, \"text\": \"a\", \"labels\": [\"x\"]}\n"
                                "{\"id\": \"17\", \"text\": \"b\", \"labels\": [\"x\"]}\n"
                                "{\"text\": \"c\", \"labels\": [\"x\"], \"id\": 18}\n");
    ImportReport report;
    auto dataset = readDataset(path.toStdString(), {}, &report);
    QVERIFY(dataset.ok());
    // 17 and "17" name the same document: the second is a duplicate.
    QCOMPARE(dataset->size(), std::size_t(2));
    QCOMPARE(std::string(dataset->id(1)), std::string("18"));
    QCOMPARE(report.issueCounts[int(IssueKind::DuplicateId)], std::uint64_t(1));
}

void JsonRecordParserTest::badRecords_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<int>("format");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("reason");

    const int jsonl = int(DatasetFormat::JsonLines);
    const int nc = int(DatasetFormat::NeuralClassifier);
    QTest::newRow("bad json") << QByteArray(R"({"id": "b", "text": "y", "labels": ["l"])") << jsonl
                              << int(IssueKind::Malformed) << "invalid JSON";
    QTest::newRow("unterminated string") << QByteArray(R"({"id": "b", "text": "y, "labels": []})") << jsonl
                                         << int(IssueKind::Malformed) << "invalid JSON";
    QTest::newRow("not an object") << QByteArray("[1, 2]") << jsonl << int(IssueKind::Malformed)
                                   << "not a JSON object: [1, 2]";
    QTest::newRow("trailing content") << QByteArray(R"({"id": "b", "text": "y", "labels": []} x)") << jsonl
                                      << int(IssueKind::Malformed) << "invalid JSON";
    QTest::newRow("missing text") << QByteArray(R"({"id": "b", "labels": ["l"]})") << jsonl
                                  << int(IssueKind::MissingField) << "missing field 'text'";
    QTest::newRow("missing labels") << QByteArray(R"({"id": "b", "text": "y"})") << jsonl
                                    << int(IssueKind::MissingField) << "missing field 'labels'";
    QTest::newRow("text not a string") << QByteArray(R"({"id": "b", "text": 5, "labels": []})") << jsonl
                                       << int(IssueKind::WrongType) << "field 'text' must be a string";
    QTest::newRow("labels a string") << QByteArray(R"({"id": "b", "text": "y", "labels": "l"})") << jsonl
                                     << int(IssueKind::WrongType) << "field 'labels' must be an array of strings";
    QTest::newRow("label a number") << QByteArray(R"({"id": "b", "text": "y", "labels": ["l", 3]})") << jsonl
                                    << int(IssueKind::WrongType) << "field 'labels' must be an array of strings";
    QTest::newRow("id an array") << QByteArray(R"({"id": [1], "text": "y", "labels": []})") << jsonl
                                 << int(IssueKind::WrongType) << "field 'id' must be a string or a number";
    QTest::newRow("invalid utf-8") << QByteArray("{\"id\":\"b\",\"text\":\"\xff\",\"labels\":[]}") << jsonl
                                   << int(IssueKind::InvalidUtf8) << "invalid UTF-8 at byte 19";
    QTest::newRow("truncated chinese") << QByteArray("{\"text\":\"\xe6\x96\",\"labels\":[]}") << jsonl
                                       << int(IssueKind::InvalidUtf8) << "invalid UTF-8 at byte 10";
    QTest::newRow("empty text") << QByteArray(R"({"id": "b", "text": "", "labels": ["l"]})") << jsonl
                                << int(IssueKind::EmptyText) << "empty text in field 'text'";
    QTest::newRow("ideographic spaces only") << QByteArray("{\"text\": \"\u3000 \u3000\", \"labels\": []}") << jsonl
                                             << int(IssueKind::EmptyText) << "empty text in field 'text'";
    QTest::newRow("text twice") << QByteArray(R"({"text": "a", "text": "b", "labels": []})") << jsonl
                                << int(IssueKind::Malformed) << "field 'text' appears twice";
    QTest::newRow("nc tokens a string") << QByteArray(R"({"doc_label": ["a"], "doc_token": "x y"})") << nc
                                        << int(IssueKind::WrongType) << "field 'doc_token' must be an array of strings";
    QTest::newRow("nc missing label") << QByteArray(R"({"doc_token": ["x"], "doc_keyword": []})") << nc
                                      << int(IssueKind::MissingField) << "missing field 'doc_label'";
    QTest::newRow("nc no tokens") << QByteArray(R"({"doc_label": ["a"], "doc_token": []})") << nc
                                  << int(IssueKind::EmptyText) << "empty text in field 'doc_token'";
}

void JsonRecordParserTest::badRecords()
{
    QFETCH(QByteArray, line);
    QFETCH(int, format);
    QFETCH(int, kind);
    QFETCH(QString, reason);

    const bool nc = format == int(DatasetFormat::NeuralClassifier);
    const QByteArray good = nc ? R"({"doc_label": ["a"], "doc_token": ["good"]})"
                               : R"({"id": "g1", "text": "good", "labels": ["a"]})";
    const QByteArray good3 = nc ? R"({"doc_label": ["a"], "doc_token": ["also", "good"]})"
                                : R"({"id": "g3", "text": "also good", "labels": ["a"]})";
    QTemporaryDir dir;
    const auto path = writeFile(dir, "train.jsonl", good + "\n" + line + "\n" + good3 + "\n").toStdString();
    ImportOptions options;
    options.format = DatasetFormat(format);

    // Skip: the bad record is left out, counted and described with its line.
    ImportReport report;
    auto dataset = readDataset(path, options, &report);
    QVERIFY2(dataset.ok(), dataset.ok() ? "" : dataset.message().c_str());
    QCOMPARE(dataset->size(), std::size_t(2));
    QCOMPARE(dataset->sourceLine(1), std::uint64_t(3));
    QCOMPARE(report.skipped, std::uint64_t(1));
    QCOMPARE(report.issues.size(), std::size_t(1));
    const auto& issue = report.issues.front();
    QCOMPARE(int(issue.kind), kind);
    QCOMPARE(issue.line, std::uint64_t(2));
    QCOMPARE(report.issueCounts[kind], std::uint64_t(1));
    QVERIFY2(QString::fromStdString(issue.reason).startsWith(reason), issue.reason.c_str());
    QVERIFY(QString::fromStdString(issue.toString()).startsWith(QString::fromStdString(path) + ":2: " + reason));

    // Stop: the same problem is the error, with file and line.
    options.policy = ErrorPolicy::Stop;
    auto stopped = readDataset(path, options);
    QVERIFY(!stopped.ok());
    QCOMPARE(stopped.message(), issue.toString());
}

QTEST_APPLESS_MAIN(JsonRecordParserTest)
#include "JsonRecordParserTest.moc"
