#include "core/model/linear/TfidfVectorizer.h"

#include "LinearFixtures.h"

#include <QtTest>

#include <cmath>

using namespace tagbench;
using namespace tagbench::linear;

namespace {

/// Fails the current test unless got and want (sklearn's) agree: same ids, values within tolerance.
bool sameMatrix(const SparseMatrix& got, const SparseMatrix& want, const char* what)
{
    if (got.rows() != want.rows() || got.columns() != want.columns()) {
        QTest::qFail(qPrintable(QStringLiteral("%1: shape %2x%3, sklearn's %4x%5")
                                    .arg(what).arg(got.rows()).arg(got.columns()).arg(want.rows()).arg(want.columns())),
                     __FILE__, __LINE__);
        return false;
    }
    for (std::size_t r = 0; r < got.rows(); ++r) {
        const std::vector<std::uint32_t> gotIds(got.rowIndices(r), got.rowIndices(r) + got.rowSize(r));
        const std::vector<std::uint32_t> wantIds(want.rowIndices(r), want.rowIndices(r) + want.rowSize(r));
        if (gotIds != wantIds) {
            QTest::qFail(qPrintable(QStringLiteral("%1: row %2 has other feature ids than sklearn's").arg(what).arg(r)),
                         __FILE__, __LINE__);
            return false;
        }
        for (std::size_t i = 0; i < got.rowSize(r); ++i) {
            const double a = got.rowValues(r)[i];
            const double b = want.rowValues(r)[i];
            if (std::fabs(a - b) > 2e-7 + 2e-6 * std::fabs(b)) {
                QTest::qFail(qPrintable(QStringLiteral("%1: row %2 feature %3 is %4, sklearn's %5")
                                            .arg(what).arg(r).arg(gotIds[i]).arg(a, 0, 'g', 9).arg(b, 0, 'g', 9)),
                             __FILE__, __LINE__);
                return false;
            }
        }
    }
    return true;
}

QJsonObject configEntry(int index)
{
    return test::loadLinearFixture("tfidf.json").value("configs").toArray().at(index).toObject();
}

} // namespace

class TfidfVectorizerTest final : public QObject {
    Q_OBJECT

private slots:
    void matchesSklearn_data();
    void matchesSklearn();
    void resultDoesNotDependOnThreads();
    void serializationRoundTrips();
    void deserializationRejectsDamage_data();
    void deserializationRejectsDamage();
    void fitErrors_data();
    void fitErrors();
    void handComputedValues();
};

void TfidfVectorizerTest::matchesSklearn_data()
{
    QTest::addColumn<int>("config");
    const QJsonArray configs = test::loadLinearFixture("tfidf.json").value("configs").toArray();
    QVERIFY(configs.size() >= 8);
    for (int i = 0; i < configs.size(); ++i)
        QTest::newRow(configs.at(i).toObject().value("name").toString().toUtf8().constData()) << i;
}

void TfidfVectorizerTest::matchesSklearn()
{
    QFETCH(int, config);
    const QJsonObject entry = configEntry(config);
    const auto corpus = test::loadLinearCorpus();
    const auto trainCount =
        static_cast<std::size_t>(test::loadLinearFixture("tfidf.json").value("train_documents").toInt());
    const auto train = test::textViews(corpus, 0, trainCount);
    const auto heldOut = test::textViews(corpus, trainCount, corpus.size());

    auto vectorizer = TfidfVectorizer::fit(train, test::tfidfOptionsFromJson(entry.value("params").toObject()), 3);
    QVERIFY2(vectorizer.ok(), vectorizer.ok() ? "" : vectorizer.message().c_str());

    const QJsonArray features = entry.value("features").toArray();
    QCOMPARE(vectorizer->featureCount(), static_cast<std::size_t>(features.size()));
    for (int j = 0; j < features.size(); ++j) {
        QCOMPARE(QString::fromStdString(std::string(vectorizer->feature(static_cast<std::uint32_t>(j)))),
                 features.at(j).toString());
        QCOMPARE(vectorizer->documentFrequencies()[static_cast<std::size_t>(j)],
                 static_cast<std::int64_t>(entry.value("document_frequency").toArray().at(j).toInt()));
        QCOMPARE(vectorizer->featureId(vectorizer->feature(static_cast<std::uint32_t>(j))), static_cast<std::uint32_t>(j));
    }
    if (entry.contains("idf")) {
        const QJsonArray idf = entry.value("idf").toArray();
        for (int j = 0; j < idf.size(); ++j)
            QVERIFY(std::fabs(vectorizer->idf()[static_cast<std::size_t>(j)] - idf.at(j).toDouble()) < 1e-12);
    }
    const std::size_t columns = vectorizer->featureCount();
    QVERIFY(sameMatrix(vectorizer->transform(train, 2), test::sparseFromJson(entry.value("train").toObject(), columns),
                       "train"));
    QVERIFY(sameMatrix(vectorizer->transform(heldOut, 1), test::sparseFromJson(entry.value("held_out").toObject(), columns),
                       "held out"));
}

void TfidfVectorizerTest::resultDoesNotDependOnThreads()
{
    const auto corpus = test::loadLinearCorpus();
    const auto texts = test::textViews(corpus, 0, corpus.size());
    TfidfOptions options;
    options.analyzer = Analyzer::CharWb;
    options.ngramMin = 2;
    options.ngramMax = 4;
    options.maxFeatures = 300;
    auto one = TfidfVectorizer::fit(texts, options, 1);
    auto many = TfidfVectorizer::fit(texts, options, 7);
    QVERIFY(one.ok() && many.ok());
    QCOMPARE(one->featureCount(), many->featureCount());
    for (std::uint32_t j = 0; j < one->featureCount(); ++j) QCOMPARE(one->feature(j), many->feature(j));
    const SparseMatrix a = one->transform(texts, 1);
    const SparseMatrix b = many->transform(texts, 7);
    QCOMPARE(a.offsets(), b.offsets());
    QCOMPARE(a.indices(), b.indices());
    QCOMPARE(a.values(), b.values());
}

void TfidfVectorizerTest::serializationRoundTrips()
{
    const auto corpus = test::loadLinearCorpus();
    const auto texts = test::textViews(corpus, 0, corpus.size());
    TfidfOptions options;
    options.ngramMax = 2;
    options.sublinearTf = true;
    options.minDf = DocumentFrequencyBound::count(2);
    auto fitted = TfidfVectorizer::fit(texts, options);
    QVERIFY(fitted.ok());
    const std::string bytes = fitted->serialize();
    auto loaded = TfidfVectorizer::deserialize(bytes, "run/tfidf.safetensors");
    QVERIFY2(loaded.ok(), loaded.ok() ? "" : loaded.message().c_str());
    QVERIFY(loaded->options() == options);
    QCOMPARE(loaded->trainingDocuments(), texts.size());
    QCOMPARE(loaded->documentFrequencies(), fitted->documentFrequencies());
    QCOMPARE(loaded->idf(), fitted->idf());
    const SparseMatrix a = fitted->transform(texts);
    const SparseMatrix b = loaded->transform(texts);
    QCOMPARE(a.indices(), b.indices());
    QCOMPARE(a.values(), b.values());
}

void TfidfVectorizerTest::deserializationRejectsDamage_data()
{
    QTest::addColumn<QString>("tensor");
    QTest::addColumn<QString>("message");
    QTest::newRow("unsorted features") << "feature_offsets" << "is not after feature";
    QTest::newRow("frequency above the document count") << "document_frequency" << "outside 1..";
    QTest::newRow("missing idf") << "idf" << "tensor 'idf' is missing";
}

void TfidfVectorizerTest::deserializationRejectsDamage()
{
    QFETCH(QString, tensor);
    QFETCH(QString, message);
    const std::vector<std::string_view> texts = {"alpha beta", "beta gamma", "gamma delta"};
    auto fitted = TfidfVectorizer::fit(texts, TfidfOptions());
    QVERIFY(fitted.ok());
    std::vector<TensorRef> tensors;
    std::map<std::string, std::string> metadata;
    fitted->appendTensors("", tensors, metadata);
    // Damage one tensor: offsets that swap the first two features ("alpha" 5 bytes, "beta" 4),
    // a frequency of 99 of 3 documents, or no idf at all.
    const std::vector<std::int64_t> swapped = {0, 4, 9, 14, 19};
    const std::string arena = "betaalphadeltagamma";
    std::vector<std::int64_t> frequencies = fitted->documentFrequencies();
    frequencies[0] = 99;
    std::vector<TensorRef> damaged;
    for (auto ref : tensors) {
        if (tensor == "feature_offsets" && ref.name == "features") ref.data = arena.data();
        if (tensor == "feature_offsets" && ref.name == "feature_offsets") {
            ref.data = swapped.data();
            // "beta" | "alpha" | ...: sorted order is broken after the first feature.
        }
        if (tensor == "document_frequency" && ref.name == "document_frequency") ref.data = frequencies.data();
        if (tensor == "idf" && ref.name == "idf") continue;
        damaged.push_back(ref);
    }
    auto writer = SafetensorsWriter::create(damaged, metadata);
    QVERIFY(writer.ok());
    auto loaded = TfidfVectorizer::deserialize(writer->toBytes(), "tfidf.safetensors");
    QVERIFY(!loaded.ok());
    QVERIFY2(QString::fromStdString(loaded.message()).startsWith("tfidf.safetensors: "), loaded.message().c_str());
    QVERIFY2(QString::fromStdString(loaded.message()).contains(message), loaded.message().c_str());
}

void TfidfVectorizerTest::fitErrors_data()
{
    QTest::addColumn<QString>("minDf");
    QTest::addColumn<QString>("maxDf");
    QTest::addColumn<int>("ngramMin");
    QTest::addColumn<QString>("message");
    QTest::newRow("max_df below min_df") << "3" << "0.5" << 1 << "corresponds to fewer documents than min_df";
    QTest::newRow("nothing survives pruning") << "3" << "1.0" << 1 << "after pruning no n-gram remains";
    QTest::newRow("no n-gram at all") << "1" << "1.0" << 5 << "empty vocabulary";
    QTest::newRow("invalid ngram range") << "1" << "1.0" << 0 << "ngram_range";
}

void TfidfVectorizerTest::fitErrors()
{
    QFETCH(QString, minDf);
    QFETCH(QString, maxDf);
    QFETCH(int, ngramMin);
    QFETCH(QString, message);
    const std::vector<std::string_view> texts = {"alpha beta", "beta gamma", "gamma delta alpha"};
    TfidfOptions options;
    options.minDf = *DocumentFrequencyBound::parse(minDf.toStdString());
    options.maxDf = *DocumentFrequencyBound::parse(maxDf.toStdString());
    options.ngramMin = ngramMin;
    options.ngramMax = std::max(ngramMin, 1);
    const auto fitted = TfidfVectorizer::fit(texts, options);
    QVERIFY(!fitted.ok());
    QVERIFY2(QString::fromStdString(fitted.message()).contains(message), fitted.message().c_str());
}

void TfidfVectorizerTest::handComputedValues()
{
    // Two documents, smooth idf: "b" is in both (idf = ln(3/3) + 1 = 1), "a" and "c" in one
    // (idf = ln(3/2) + 1). Document 0 = "aa aa bb": tf(aa) = 2, tf(bb) = 1.
    const std::vector<std::string_view> texts = {"aa aa bb", "bb cc"};
    auto fitted = TfidfVectorizer::fit(texts, TfidfOptions());
    QVERIFY(fitted.ok());
    QCOMPARE(fitted->featureCount(), std::size_t(3));
    const double rare = std::log(1.5) + 1.0;
    const SparseMatrix x = fitted->transform({"aa aa bb", "zz"});
    const double norm = std::sqrt(4.0 * rare * rare + 1.0);
    QCOMPARE(x.rowSize(0), std::size_t(2));
    QVERIFY(std::fabs(x.rowValues(0)[0] - 2.0 * rare / norm) < 1e-7);
    QVERIFY(std::fabs(x.rowValues(0)[1] - 1.0 / norm) < 1e-7);
    QCOMPARE(x.rowSize(1), std::size_t(0));  // nothing known: an empty row, not NaN
}

QTEST_APPLESS_MAIN(TfidfVectorizerTest)
#include "TfidfVectorizerTest.moc"
