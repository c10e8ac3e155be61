#include "core/data/DatasetReader.h"
#include "tests/core/data/TestFiles.h"

#include <QtTest>

using namespace tagbench;
using tagbench::test::writeFile;

class FastTextRecordParserTest final : public QObject {
    Q_OBJECT

private slots:
    void readsFixture();
    void customPrefixAndEmptyLabels();
    void badLines_data();
    void badLines();
};

void FastTextRecordParserTest::readsFixture()
{
    ImportReport report;
    auto dataset = readDataset(TAGBENCH_TEST_DATA "/datasets/cars_train.ft.txt", {}, &report);
    QVERIFY2(dataset.ok(), dataset.ok() ? "" : dataset.message().c_str());
    QCOMPARE(int(report.format), int(DatasetFormat::FastText));
    QCOMPARE(dataset->size(), std::size_t(3));  // the blank line 3 is no record
    QCOMPARE(std::string(dataset->text(0)), std::string("全新SUV 正式上市"));
    QCOMPARE(dataset->labels(0).size, std::size_t(2));
    QCOMPARE(dataset->labelNames()[1], std::string("新车上市"));
    QCOMPARE(std::string(dataset->text(2)), std::string("经销商报价"));  // tab-separated
    QCOMPARE(dataset->sourceLine(2), std::uint64_t(4));
    QCOMPARE(report.lines, std::uint64_t(4));
}

void FastTextRecordParserTest::customPrefixAndEmptyLabels()
{
    QTemporaryDir dir;
    const auto path = writeFile(dir, "data.txt", "#cat:新车 #cat:谍照 文本一\n没有标签的文本\n#cat:新车 文本三\n").toStdString();
    ImportOptions options;
    options.format = DatasetFormat::FastText;
    options.labelPrefix = "#cat:";
    ImportReport report;
    auto dataset = readDataset(path, options, &report);
    QVERIFY(dataset.ok());
    QCOMPARE(dataset->size(), std::size_t(3));
    QCOMPARE(std::string(dataset->text(1)), std::string("没有标签的文本"));
    QVERIFY(dataset->labels(1).empty());
    QCOMPARE(report.documentsWithoutLabels, std::uint64_t(1));

    options.allowEmptyLabels = false;
    auto strict = readDataset(path, options, &report);
    QVERIFY(strict.ok());
    QCOMPARE(strict->size(), std::size_t(2));
    QCOMPARE(report.issues.size(), std::size_t(1));
    QCOMPARE(int(report.issues[0].kind), int(IssueKind::EmptyLabels));
    QCOMPARE(report.issues[0].line, std::uint64_t(2));
}

void FastTextRecordParserTest::badLines_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("reason");
    QTest::newRow("labels only") << QByteArray("__label__a __label__b") << int(IssueKind::EmptyText)
                                 << "empty text after the labels";
    QTest::newRow("labels and spaces") << QByteArray("__label__a   \t ") << int(IssueKind::EmptyText)
                                       << "empty text after the labels";
    QTest::newRow("invalid utf-8") << QByteArray("__label__a ok \xc3\x28") << int(IssueKind::InvalidUtf8)
                                   << "invalid UTF-8 at byte 15";
    QTest::newRow("gbk bytes") << QByteArray("__label__a \xd0\xc2\xb3\xb5") << int(IssueKind::InvalidUtf8)
                               << "invalid UTF-8 at byte 12";
}

void FastTextRecordParserTest::badLines()
{
    QFETCH(QByteArray, line);
    QFETCH(int, kind);
    QFETCH(QString, reason);
    QTemporaryDir dir;
    const auto path = writeFile(dir, "train.ft.txt", "__label__a first\n" + line + "\r\n__label__b third\n").toStdString();
    ImportReport report;
    auto dataset = readDataset(path, {}, &report);
    QVERIFY2(dataset.ok(), dataset.ok() ? "" : dataset.message().c_str());
    QCOMPARE(dataset->size(), std::size_t(2));
    QCOMPARE(std::string(dataset->text(1)), std::string("third"));
    QCOMPARE(report.issues.size(), std::size_t(1));
    QCOMPARE(int(report.issues[0].kind), kind);
    QCOMPARE(QString::fromStdString(report.issues[0].toString()), QString::fromStdString(path) + ":2: " + reason);

    ImportOptions stop;
    stop.policy = ErrorPolicy::Stop;
    auto stopped = readDataset(path, stop);
    QVERIFY(!stopped.ok());
    QCOMPARE(QString::fromStdString(stopped.message()), QString::fromStdString(path) + ":2: " + reason);
}

QTEST_APPLESS_MAIN(FastTextRecordParserTest)
#include "FastTextRecordParserTest.moc"
