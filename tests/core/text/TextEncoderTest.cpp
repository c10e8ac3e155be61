#include "core/data/Dataset.h"
#include "core/text/CharTokenizer.h"
#include "core/text/TextEncoder.h"
#include "core/text/Vocabulary.h"

#include <QtTest>

using namespace tagbench;

class TextEncoderTest final : public QObject {
    Q_OBJECT

private slots:
    void encodesKnownAndUnknownTokens_data();
    void encodesKnownAndUnknownTokens();
    void encodeDatasetMatchesSequentialEncoding_data();
    void encodeDatasetMatchesSequentialEncoding();
};

namespace {

TextEncoder makeEncoder(std::size_t maxTokens = 0)
{
    auto tokenizer = std::make_shared<const CharTokenizer>(true, false);
    auto vocabulary = std::make_shared<const Vocabulary>(
        Vocabulary::fromCounts({{"新", 5}, {"车", 4}, {"model", 3}, {"3", 2}}, 1, 0));
    return TextEncoder(tokenizer, vocabulary, maxTokens);
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

QTEST_APPLESS_MAIN(TextEncoderTest)
#include "TextEncoderTest.moc"
