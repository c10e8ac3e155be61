#include "core/data/DatasetReader.h"
#include "core/data/FormatSniffer.h"
#include "tests/core/data/TestFiles.h"

#include <QtTest>

using namespace tagbench;
using tagbench::test::writeFile;

class FormatSnifferTest final : public QObject {
    Q_OBJECT

private slots:
    void detectsFromContent_data();
    void detectsFromContent();
    void rejectsNonDatasets_data();
    void rejectsNonDatasets();
    void forcedFormatWins();
    void firstLineLongerThanTheSniffedHead();
};

void FormatSnifferTest::detectsFromContent_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<int>("format");
    const QByteArray jsonl = "{\"id\": \"1\", \"text\": \"新车\", \"labels\": [\"a\"]}\n{\"id\": \"2\", \"text\": \"x\", \"labels\": []}\n";
    const QByteArray nc = "{\"doc_label\": [\"a\"], \"doc_token\": [\"新车\"], \"doc_keyword\": [], \"doc_topic\": []}\n";
    const QByteArray ft = "__label__a 新车 上市\n__label__b __label__c 谍照\n";
    const QByteArray csv = "text,labels\n\"新车,上市\",a\nx,b\n";
    const QByteArray tsv = "text\tlabels\n新车\ta,b\nx\tb\n";
    QTest::newRow("jsonl") << "d.jsonl" << jsonl << int(DatasetFormat::JsonLines);
    QTest::newRow("jsonl named .csv") << "d.csv" << jsonl << int(DatasetFormat::JsonLines);
    QTest::newRow("jsonl named .txt, blank first line") << "d.txt" << "\n  \n" + jsonl << int(DatasetFormat::JsonLines);
    QTest::newRow("neuralclassifier .json") << "d.json" << nc << int(DatasetFormat::NeuralClassifier);
    QTest::newRow("neuralclassifier named .jsonl") << "d.jsonl" << nc << int(DatasetFormat::NeuralClassifier);
    QTest::newRow("fasttext .txt") << "d.txt" << ft << int(DatasetFormat::FastText);
    QTest::newRow("fasttext named .csv") << "d.csv" << ft << int(DatasetFormat::FastText);
    QTest::newRow("csv") << "d.csv" << csv << int(DatasetFormat::Csv);
    QTest::newRow("csv named .txt") << "d.txt" << csv << int(DatasetFormat::Csv);
    QTest::newRow("csv multi-line field") << "d.dat" << QByteArray("text,labels\n\"多行\n文本\",a\ny,b\n")
                                          << int(DatasetFormat::Csv);
    QTest::newRow("tsv") << "d.tsv" << tsv << int(DatasetFormat::Tsv);
    QTest::newRow("tsv named .csv") << "d.csv" << tsv << int(DatasetFormat::Tsv);
    QTest::newRow("bom jsonl") << "d.jsonl" << "\xEF\xBB\xBF" + jsonl << int(DatasetFormat::JsonLines);
}

void FormatSnifferTest::detectsFromContent()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, content);
    QFETCH(int, format);
    QTemporaryDir dir;
    const auto path = writeFile(dir, name, content).toStdString();
    auto detected = detectFormat(path);
    QVERIFY2(detected.ok(), detected.ok() ? "" : detected.message().c_str());
    QCOMPARE(int(*detected), format);
    // The full import agrees with detection and finds documents.
    ImportReport report;
    auto dataset = readDataset(path, {}, &report);
    QVERIFY2(dataset.ok(), dataset.ok() ? "" : dataset.message().c_str());
    QCOMPARE(int(report.format), format);
    QVERIFY(report.formatDetected);
    QVERIFY(dataset->size() >= 1);
}

void FormatSnifferTest::rejectsNonDatasets_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("reason");
    QByteArray binary;
    for (int i = 0; i < 4096; ++i) binary.append(char((i * 7919) & 0xFF));
    QTest::newRow("binary") << binary << "not a dataset: binary data";
    QTest::newRow("elf header") << QByteArray("\x7F" "ELF\x02\x01\x01\x00\x00\x00", 10) << "not a dataset: binary data";
    QTest::newRow("prose") << QByteArray("It was a dark and stormy night.\nThe rain fell in torrents.\n")
                           << "not a dataset: expected JSON lines";
    QTest::newRow("chinese prose") << QByteArray("今天天气很好。\n我们去看车展。\n") << "not a dataset: expected JSON lines";
    QTest::newRow("gbk text") << QByteArray("\xd0\xc2\xb3\xb5\xc9\xcf\xca\xd0\n\xb5\xfd\xd5\xd5\n") << "not UTF-8 text";
    QTest::newRow("json array") << QByteArray("[{\"text\": \"a\", \"labels\": []}]\n") << "not a supported dataset: a JSON array";
    QTest::newRow("empty") << QByteArray() << "contains no documents";
    QTest::newRow("only blank lines") << QByteArray("\n \n\t\n") << "contains no documents";
}

void FormatSnifferTest::rejectsNonDatasets()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, reason);
    QTemporaryDir dir;
    const auto path = writeFile(dir, "file.jsonl", content).toStdString();
    const QString prefix = QString::fromStdString(path) + ": " + reason;
    auto detected = detectFormat(path);
    QVERIFY(!detected.ok());
    QVERIFY2(QString::fromStdString(detected.message()).startsWith(prefix), detected.message().c_str());
    auto dataset = readDataset(path);
    QVERIFY(!dataset.ok());
    QVERIFY2(QString::fromStdString(dataset.message()).startsWith(prefix), dataset.message().c_str());
}

void FormatSnifferTest::forcedFormatWins()
{
    // A fastText file whose labels lack the prefix reads as free text; forced, it imports.
    QTemporaryDir dir;
    const auto path = writeFile(dir, "plain.txt", "just some words\nmore words here\n").toStdString();
    QVERIFY(!readDataset(path).ok());
    ImportOptions options;
    options.format = DatasetFormat::FastText;
    auto dataset = readDataset(path, options);
    QVERIFY2(dataset.ok(), dataset.ok() ? "" : dataset.message().c_str());
    QCOMPARE(dataset->size(), std::size_t(2));
    QVERIFY(dataset->labels(0).empty());

    FormatSniffer sniffer(options);
    auto csv = sniffer.detect("a,b\nc,d\n", true, "csv");
    QVERIFY(csv.ok());
    QCOMPARE(int(*csv), int(DatasetFormat::Csv));
}

void FormatSnifferTest::firstLineLongerThanTheSniffedHead()
{
    // A 200 KB document on one line: detection sees only its beginning.
    const QByteArray longText(200 * 1024, 'w');
    QTemporaryDir dir;
    const auto path = writeFile(dir, "long.jsonl",
                                "{\"id\": \"1\", \"text\": \"" + longText + "\", \"labels\": [\"a\"]}\n"
                                "{\"id\": \"2\", \"text\": \"short\", \"labels\": [\"b\"]}\n")
                          .toStdString();
    auto dataset = readDataset(path);
    QVERIFY2(dataset.ok(), dataset.ok() ? "" : dataset.message().c_str());
    QCOMPARE(dataset->size(), std::size_t(2));
    QCOMPARE(dataset->text(0).size(), std::size_t(longText.size()));
}

QTEST_APPLESS_MAIN(FormatSnifferTest)
#include "FormatSnifferTest.moc"
