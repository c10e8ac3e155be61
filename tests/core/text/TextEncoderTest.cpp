#include "core/data/Dataset.h"
#include "core/text/CharTokenizer.h"
#include "core/text/TextEncoder.h"
#include "core/text/Vocabulary.h"

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

using namespace tagbench;

class TextEncoderTest final : public QObject {
    Q_OBJECT

private slots:
    void encodesKnownAndUnknownTokens_data();
    void encodesKnownAndUnknownTokens();
    void encodeDatasetMatchesSequentialEncoding_data();
    void encodeDatasetMatchesSequentialEncoding();
    void readAndEncodeMatchesReadThenEncode_data();
    void readAndEncodeMatchesReadThenEncode();
    void readAndEncodeStopsOnFirstBadRecord();
};

namespace {

TextEncoder makeEncoder(std::size_t maxTokens = 0)
{
    auto tokenizer = std::make_shared<const CharTokenizer>(true, false);
    auto vocabulary = std::make_shared<const Vocabulary>(
        Vocabulary::fromCounts({{"新", 5}, {"车", 4}, {"model", 3}, {"3", 2}}, 1, 0));
    return TextEncoder(tokenizer, vocabulary, maxTokens);
}

// Writes a JSON lines file of documents lines with every kind of bad record sprinkled in:
// broken JSON, a missing label field, invalid UTF-8 and repeated ids (found only at the end).
std::string writeFixture(const QTemporaryDir& dir, int documents)
{
    const std::string path = dir.filePath("fixture.jsonl").toStdString();
    std::ofstream out(path, std::ios::binary);
    for (int i = 0; i < documents; ++i) {
        if (i % 97 == 13) out << "{\"id\": \"broken" << i << "\", \"text\": \"新车\n";
        else if (i % 89 == 7) out << "{\"id\": \"nolabels" << i << "\", \"text\": \"model 3 新车\"}\n";
        else if (i % 83 == 5) out << "{\"id\": \"utf" << i << "\", \"text\": \"bad \xff\xfe 车\", \"labels\": [\"a\"]}\n";
        const int id = i % 101 == 50 ? i - 50 : i;  // repeats an earlier id
        out << "{\"id\": \"d" << id << "\", \"text\": \"";
        for (int k = 0; k < i % 11; ++k) out << (k % 3 ? "新车 " : "Model 3 上市 ");
        out << "文档 " << i << "\", \"labels\": [\"l" << i % 7 << "\"]}\n";
    }
    return path;
}

} // namespace

void TextEncoderTest::encodesKnownAndUnknownTokens_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("maxTokens");
    QTest::addColumn<QList<int>>("expected");
    // Ids: <pad> 0, <unk> 1, 新 2, 车 3, model 4, 3 5
    QTest::newRow("known") << "新车 Model 3" << 0 << QList<int>{2, 3, 4, 5};
    QTest::newRow("unknown") << "新款车" << 0 << QList<int>{2, 1, 3};
    QTest::newRow("truncated") << "新车新车新车" << 4 << QList<int>{2, 3, 2, 3};
    QTest::newRow("empty") << "" << 0 << QList<int>{};
}

void TextEncoderTest::encodesKnownAndUnknownTokens()
{
    QFETCH(QString, text);
    QFETCH(int, maxTokens);
    QFETCH(QList<int>, expected);
    const TextEncoder encoder = makeEncoder(static_cast<std::size_t>(maxTokens));
    std::vector<std::int32_t> ids{42, 42};  // encode() must replace, not append
    encoder.encode(text.toStdString(), ids);
    QCOMPARE(QList<int>(ids.begin(), ids.end()), expected);
}

void TextEncoderTest::encodeDatasetMatchesSequentialEncoding_data()
{
    QTest::addColumn<int>("documents");
    QTest::addColumn<int>("threads");
    QTest::newRow("empty dataset") << 0 << 4;
    QTest::newRow("fewer documents than threads") << 3 << 8;
    QTest::newRow("one thread") << 257 << 1;
    QTest::newRow("three threads") << 257 << 3;
    QTest::newRow("hardware threads") << 1000 << 0;
}

void TextEncoderTest::encodeDatasetMatchesSequentialEncoding()
{
    QFETCH(int, documents);
    QFETCH(int, threads);
    Dataset dataset;
    for (int i = 0; i < documents; ++i) {
        std::string text;
        for (int k = 0; k < i % 9; ++k) text += (k % 2 ? "新车 " : "model 3 ");
        if (i % 5 == 0) text += "未知";
        dataset.addDocument(std::to_string(i), text, {});
    }
    const TextEncoder encoder = makeEncoder();
    const EncodedCorpus corpus = encodeDataset(dataset, encoder, threads);
    QCOMPARE(corpus.size(), dataset.size());
    QCOMPARE(corpus.offsets.size(), dataset.size() + 1);
    QCOMPARE(corpus.offsets.back(), corpus.tokens.size());
    std::vector<std::int32_t> expected;
    for (std::size_t i = 0; i < dataset.size(); ++i) {
        encoder.encode(dataset.text(i), expected);
        const Span<std::int32_t> got = corpus.document(i);
        QCOMPARE(std::vector<std::int32_t>(got.begin(), got.end()), expected);
    }
}

void TextEncoderTest::readAndEncodeMatchesReadThenEncode_data()
{
    QTest::addColumn<int>("documents");
    QTest::addColumn<int>("threads");
    QTest::newRow("one chunk, one thread") << 500 << 1;
    QTest::newRow("one chunk, three threads") << 500 << 3;
    // About 150 bytes a line: several 8 MiB chunks, so merging and duplicate removal cross chunks.
    QTest::newRow("several chunks, three threads") << 150000 << 3;
}

void TextEncoderTest::readAndEncodeMatchesReadThenEncode()
{
    QFETCH(int, documents);
    QFETCH(int, threads);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string path = writeFixture(dir, documents);
    if (documents > 100000) QVERIFY(QFileInfo(QString::fromStdString(path)).size() > (std::int64_t(16) << 20));
    ImportOptions options;
    options.threads = static_cast<unsigned>(threads);
    const TextEncoder encoder = makeEncoder(12);

    ImportReport separateReport;
    auto separate = readDataset(path, options, &separateReport);
    QVERIFY2(separate, separate ? "" : separate.message().c_str());
    const EncodedCorpus expected = encodeDataset(*separate, encoder, 2);

    ImportReport fusedReport;
    EncodedCorpus fused;
    auto dataset = readAndEncodeDataset(path, encoder, fused, options, &fusedReport);
    QVERIFY2(dataset, dataset ? "" : dataset.message().c_str());
    // The fixture really has skipped records of each kind, duplicates included.
    QVERIFY(fusedReport.issueCounts[static_cast<std::size_t>(IssueKind::DuplicateId)] > 0);
    QVERIFY(fusedReport.skipped > fusedReport.issueCounts[static_cast<std::size_t>(IssueKind::DuplicateId)]);
    QCOMPARE(fusedReport.skipped, separateReport.skipped);
    QCOMPARE(dataset->size(), separate->size());
    QCOMPARE(fused.size(), dataset->size());
    QCOMPARE(fused.offsets, expected.offsets);
    QCOMPARE(fused.tokens, expected.tokens);
    for (std::size_t i = 0; i < dataset->size(); ++i) QCOMPARE(dataset->text(i), separate->text(i));
}

void TextEncoderTest::readAndEncodeStopsOnFirstBadRecord()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string path = writeFixture(dir, 100);
    ImportOptions options;
    options.policy = ErrorPolicy::Stop;
    EncodedCorpus corpus;
    corpus.tokens = {7};
    auto dataset = readAndEncodeDataset(path, makeEncoder(), corpus, options);
    QVERIFY(!dataset);
    QVERIFY2(dataset.message().find("fixture.jsonl:6:") != std::string::npos, dataset.message().c_str());
    QVERIFY(corpus.tokens.empty());
    QCOMPARE(corpus.size(), std::size_t(0));
}

QTEST_APPLESS_MAIN(TextEncoderTest)
#include "TextEncoderTest.moc"
