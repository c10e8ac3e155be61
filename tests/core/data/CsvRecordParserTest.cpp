#include "core/data/CsvRecordParser.h"
#include "core/data/DatasetReader.h"
#include "tests/core/data/TestFiles.h"

#include <QtTest>

using namespace tagbench;
using tagbench::test::writeFile;

class CsvRecordParserTest final : public QObject {
    Q_OBJECT

private slots:
    void readRecord_data();
    void readRecord();
    void lastRecordEnd_data();
    void lastRecordEnd();
    void readsCsvFixture();
    void readsTsvFixture();
    void columnsByIndexWithoutHeader();
    void labelSeparators_data();
    void labelSeparators();
    void unknownColumnIsAnError();
    void badRecords_data();
    void badRecords();
};

void CsvRecordParserTest::readRecord_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QStringList>("fields");
    QTest::addColumn<int>("lines");
    QTest::newRow("plain") << QByteArray("a,b,c\nnext") << QStringList{"a", "b", "c"} << 1;
    QTest::newRow("crlf") << QByteArray("a,b\r\n") << QStringList{"a", "b"} << 1;
    QTest::newRow("quoted comma") << QByteArray("\"a,b\",c\n") << QStringList{"a,b", "c"} << 1;
    QTest::newRow("escaped quote") << QByteArray("\"say \"\"hi\"\"\",x\n") << QStringList{"say \"hi\"", "x"} << 1;
    QTest::newRow("multi-line") << QByteArray("\"line1\nline2\r\nline3\",y\n") << QStringList{"line1\nline2\r\nline3", "y"} << 3;
    QTest::newRow("empty fields") << QByteArray(",,\n") << QStringList{"", "", ""} << 1;
    QTest::newRow("quoted crlf end") << QByteArray("\"a\",\"b\"\r\n") << QStringList{"a", "b"} << 1;
    QTest::newRow("no final newline") << QByteArray("中文,标签") << QStringList{"中文", "标签"} << 0;
}

void CsvRecordParserTest::readRecord()
{
    QFETCH(QByteArray, input);
    QFETCH(QStringList, fields);
    QFETCH(int, lines);
    std::string_view rest(input.constData(), static_cast<std::size_t>(input.size()));
    CsvRecord record;
    std::uint64_t counted = 0;
    std::string reason;
    QVERIFY(CsvRecordParser::readRecord(rest, ',', record, counted, reason));
    QCOMPARE(int(record.size()), fields.size());
    for (int i = 0; i < fields.size(); ++i)
        QCOMPARE(QString::fromStdString(std::string(record[static_cast<std::size_t>(i)])), fields[i]);
    QCOMPARE(int(counted), lines);
}

void CsvRecordParserTest::lastRecordEnd_data()
{
    QTest::addColumn<QByteArray>("buffer");
    QTest::addColumn<int>("end");  // -1: none
    QTest::newRow("two lines") << QByteArray("a,b\nc,d\ne") << 8;
    QTest::newRow("newline inside quotes") << QByteArray("a,b\n\"c\nd") << 4;
    QTest::newRow("escaped quotes") << QByteArray("\"x\"\"\",y\nz") << 8;
    QTest::newRow("none") << QByteArray("\"open\nquote") << -1;
}

void CsvRecordParserTest::lastRecordEnd()
{
    QFETCH(QByteArray, buffer);
    QFETCH(int, end);
    const auto found = CsvRecordParser::lastRecordEnd(std::string_view(buffer.constData(), std::size_t(buffer.size())));
    QCOMPARE(found == std::string_view::npos ? -1 : int(found), end);
}

void CsvRecordParserTest::readsCsvFixture()
{
    ImportOptions options;
    options.labelSeparator = "|";
    options.idColumn = "id";
    ImportReport report;
    auto dataset = readDataset(TAGBENCH_TEST_DATA "/datasets/cars_train.csv", options, &report);
    QVERIFY2(dataset.ok(), dataset.ok() ? "" : dataset.message().c_str());
    QCOMPARE(int(report.format), int(DatasetFormat::Csv));
    QCOMPARE(dataset->size(), std::size_t(3));
    QCOMPARE(std::string(dataset->text(0)), std::string("全新SUV正式上市，售价公布"));
    QCOMPARE(dataset->labels(0).size, std::size_t(2));
    QCOMPARE(std::string(dataset->text(1)), std::string("多行\n文本，带\"引号\""));
    QCOMPARE(std::string(dataset->id(2)), std::string("c3"));
    QCOMPARE(dataset->sourceLine(0), std::uint64_t(2));
    QCOMPARE(dataset->sourceLine(1), std::uint64_t(3));
    QCOMPARE(dataset->sourceLine(2), std::uint64_t(5));  // the quoted field spans lines 3-4
    QCOMPARE(report.lines, std::uint64_t(5));
}

void CsvRecordParserTest::readsTsvFixture()
{
    ImportReport report;
    auto dataset = readDataset(TAGBENCH_TEST_DATA "/datasets/cars_train.tsv", {}, &report);
    QVERIFY2(dataset.ok(), dataset.ok() ? "" : dataset.message().c_str());
    QCOMPARE(int(report.format), int(DatasetFormat::Tsv));
    QCOMPARE(dataset->size(), std::size_t(2));
    QCOMPARE(dataset->labels(0).size, std::size_t(2));
    QCOMPARE(dataset->labelNames()[1], std::string("新车上市"));
}

void CsvRecordParserTest::columnsByIndexWithoutHeader()
{
    QTemporaryDir dir;
    const auto path = writeFile(dir, "noheader.csv", "谍照;新车,第一条\n新车报价,第二条\n").toStdString();
    ImportOptions options;
    options.format = DatasetFormat::Csv;
    options.csvHeader = false;
    options.textColumn = "1";
    options.labelColumn = "0";
    options.labelSeparator = ";";
    auto dataset = readDataset(path, options);
    QVERIFY2(dataset.ok(), dataset.ok() ? "" : dataset.message().c_str());
    QCOMPARE(dataset->size(), std::size_t(2));
    QCOMPARE(std::string(dataset->text(0)), std::string("第一条"));
    QCOMPARE(dataset->labels(0).size, std::size_t(2));
    QCOMPARE(dataset->sourceLine(0), std::uint64_t(1));

    options.textColumn = "text";  // a name needs a header
    auto named = readDataset(path, options);
    QVERIFY(!named.ok());
    QVERIFY(QString::fromStdString(named.message()).contains("needs a header row"));
}

void CsvRecordParserTest::labelSeparators_data()
{
    QTest::addColumn<QString>("separator");
    QTest::addColumn<QByteArray>("cell");
    QTest::newRow("comma (quoted)") << "," << QByteArray("\"a, b,c\"");
    QTest::newRow("pipe") << "|" << QByteArray("a|b| c");
    QTest::newRow("semicolon") << ";" << QByteArray("a;b;c;");
    QTest::newRow("space") << " " << QByteArray("a b  c");
}

void CsvRecordParserTest::labelSeparators()
{
    QFETCH(QString, separator);
    QFETCH(QByteArray, cell);
    QTemporaryDir dir;
    const auto path = writeFile(dir, "sep.csv", "text,labels\n正文," + cell + "\n正文二,d\n").toStdString();
    ImportOptions options;
    options.labelSeparator = separator.toStdString();
    auto dataset = readDataset(path, options);
    QVERIFY2(dataset.ok(), dataset.ok() ? "" : dataset.message().c_str());
    QCOMPARE(dataset->labels(0).size, std::size_t(3));
    QCOMPARE(dataset->labelNames()[0], std::string("a"));
    QCOMPARE(dataset->labelNames()[2], std::string("c"));
}

void CsvRecordParserTest::unknownColumnIsAnError()
{
    QTemporaryDir dir;
    const auto path = writeFile(dir, "cols.csv", "content,category\nx,y\nz,w\n").toStdString();
    auto aliases = readDataset(path);  // "content" and "category" are accepted aliases
    QVERIFY2(aliases.ok(), aliases.ok() ? "" : aliases.message().c_str());
    ImportOptions options;
    options.textColumn = "body";
    auto missing = readDataset(path, options);
    QVERIFY(!missing.ok());
    QCOMPARE(QString::fromStdString(missing.message()),
             QString::fromStdString(path) + ": no text column 'body' in the header (columns: content, category)");
}

void CsvRecordParserTest::badRecords_data()
{
    QTest::addColumn<QByteArray>("records");
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<int>("documents");
    QTest::newRow("missing column") << QByteArray("only one field\n正常,b\n") << int(IssueKind::MissingField) << 3
                                    << "expected at least 2 columns, found 1" << 2;
    QTest::newRow("text after quote") << QByteArray("\"x\"y,b\n正常,b\n") << int(IssueKind::Malformed) << 3
                                      << "unexpected character after a closing quote" << 2;
    QTest::newRow("empty text") << QByteArray(" ,b\n正常,b\n") << int(IssueKind::EmptyText) << 3
                                << "empty text in column 0" << 2;
    QTest::newRow("invalid utf-8") << QByteArray("ab\xff,b\n正常,b\n") << int(IssueKind::InvalidUtf8) << 3
                                   << "invalid UTF-8 at byte 3" << 2;
    QTest::newRow("unterminated quote") << QByteArray("正常,b\n\"never closed,b\nmore\n") << int(IssueKind::Malformed)
                                        << 4 << "unterminated quoted field" << 2;
}

void CsvRecordParserTest::badRecords()
{
    QFETCH(QByteArray, records);
    QFETCH(int, kind);
    QFETCH(int, line);
    QFETCH(QString, reason);
    QFETCH(int, documents);
    QTemporaryDir dir;
    const auto path = writeFile(dir, "bad.csv", "text,labels\n第一,a\n" + records).toStdString();
    ImportOptions options;
    options.format = DatasetFormat::Csv;
    ImportReport report;
    auto dataset = readDataset(path, options, &report);
    QVERIFY2(dataset.ok(), dataset.ok() ? "" : dataset.message().c_str());
    QCOMPARE(int(dataset->size()), documents);
    QCOMPARE(report.issues.size(), std::size_t(1));
    QCOMPARE(int(report.issues[0].kind), kind);
    QCOMPARE(QString::fromStdString(report.issues[0].toString()),
             QString::fromStdString(path) + ":" + QString::number(line) + ": " + reason);
}

QTEST_APPLESS_MAIN(CsvRecordParserTest)
#include "CsvRecordParserTest.moc"
