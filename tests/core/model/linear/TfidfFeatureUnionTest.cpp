#include "core/model/linear/TfidfFeatureUnion.h"

#include "LinearFixtures.h"

#include <QtTest>

#include <cmath>

using namespace tagbench;
using namespace tagbench::linear;

namespace {

TfidfOptions configOptions(const QString& name)
{
    for (const auto config : test::loadLinearFixture("tfidf.json").value("configs").toArray())
        if (config.toObject().value("name").toString() == name)
            return test::tfidfOptionsFromJson(config.toObject().value("params").toObject());
    QTest::qFail(qPrintable("no config " + name + " in tfidf.json"), __FILE__, __LINE__);
    return {};
}

} // namespace

class TfidfFeatureUnionTest final : public QObject {
    Q_OBJECT

private slots:
    void matchesSklearnFeatureUnion();
    void namesAndLocatesFeatures();
    void serializationRoundTrips();
    void reportsTheFailingBlock();
};

void TfidfFeatureUnionTest::matchesSklearnFeatureUnion()
{
    const QJsonObject fixture = test::loadLinearFixture("tfidf.json");
    const QJsonArray unions = fixture.value("unions").toArray();
    QVERIFY(!unions.isEmpty());
    const auto corpus = test::loadLinearCorpus();
    const auto trainCount = static_cast<std::size_t>(fixture.value("train_documents").toInt());
    for (const auto item : unions) {
        const QJsonObject entry = item.toObject();
        std::vector<TfidfOptions> blocks;
        for (const auto block : entry.value("blocks").toArray()) blocks.push_back(configOptions(block.toString()));
        auto features = TfidfFeatureUnion::fit(test::textViews(corpus, 0, trainCount), blocks, 2);
        QVERIFY2(features.ok(), features.ok() ? "" : features.message().c_str());
        for (const auto& [part, begin, end] : {std::tuple{"train", std::size_t(0), trainCount},
                                               std::tuple{"held_out", trainCount, corpus.size()}}) {
            const SparseMatrix got = features->transform(test::textViews(corpus, begin, end));
            const SparseMatrix want = test::sparseFromJson(entry.value(part).toObject(), features->featureCount());
            QCOMPARE(got.offsets(), want.offsets());
            QCOMPARE(got.indices(), want.indices());
            for (std::size_t i = 0; i < got.nonZeros(); ++i)
                QVERIFY(std::fabs(got.values()[i] - want.values()[i]) < 2e-7 + 2e-6 * std::fabs(want.values()[i]));
        }
    }
}

void TfidfFeatureUnionTest::namesAndLocatesFeatures()
{
    const std::vector<std::string_view> texts = {"free software", "software tools"};
    TfidfOptions word;
    TfidfOptions chars;
    chars.analyzer = Analyzer::CharWb;
    chars.ngramMin = 2;
    chars.ngramMax = 2;
    auto features = TfidfFeatureUnion::fit(texts, {word, chars});
    QVERIFY(features.ok());
    const std::size_t words = features->blocks()[0].featureCount();
    QCOMPARE(words, std::size_t(3));  // free, software, tools
    QCOMPARE(features->featureCount(), words + features->blocks()[1].featureCount());
    QCOMPARE(features->featureName(0), std::string("word:free"));
    QCOMPARE(features->locate(static_cast<std::uint32_t>(words)), (std::pair<std::size_t, std::uint32_t>{1, 0}));
    QCOMPARE(features->featureName(static_cast<std::uint32_t>(words)), std::string("char_wb: f"));
    // Each block is l2-normalised on its own: a row's squared norm is the number of blocks.
    const SparseMatrix x = features->transform(texts);
    double squares = 0.0;
    for (std::size_t i = 0; i < x.rowSize(0); ++i) squares += double(x.rowValues(0)[i]) * x.rowValues(0)[i];
    QVERIFY(std::fabs(squares - 2.0) < 1e-6);
}

void TfidfFeatureUnionTest::serializationRoundTrips()
{
    const auto corpus = test::loadLinearCorpus();
    const auto texts = test::textViews(corpus, 0, corpus.size());
    TfidfOptions word;
    word.ngramMax = 2;
    TfidfOptions chars;
    chars.analyzer = Analyzer::Char;
    chars.ngramMin = 2;
    chars.ngramMax = 3;
    chars.lowercase = false;
    auto features = TfidfFeatureUnion::fit(texts, {word, chars});
    QVERIFY(features.ok());
    auto loaded = TfidfFeatureUnion::deserialize(features->serialize(), "features.safetensors");
    QVERIFY2(loaded.ok(), loaded.ok() ? "" : loaded.message().c_str());
    QCOMPARE(loaded->blocks().size(), std::size_t(2));
    QVERIFY(loaded->blocks()[1].options() == chars);
    const SparseMatrix a = features->transform(texts);
    const SparseMatrix b = loaded->transform(texts);
    QCOMPARE(a.indices(), b.indices());
    QCOMPARE(a.values(), b.values());
}

void TfidfFeatureUnionTest::reportsTheFailingBlock()
{
    TfidfOptions word;
    TfidfOptions impossible;
    impossible.analyzer = Analyzer::Char;
    impossible.minDf = DocumentFrequencyBound::count(5);
    const auto features = TfidfFeatureUnion::fit({"one text", "another"}, {word, impossible});
    QVERIFY(!features.ok());
    QVERIFY2(QString::fromStdString(features.message()).startsWith("TF-IDF block 2 (char): "), features.message().c_str());
    QVERIFY(!TfidfFeatureUnion::fit({"text"}, {}).ok());
}

QTEST_APPLESS_MAIN(TfidfFeatureUnionTest)
#include "TfidfFeatureUnionTest.moc"
