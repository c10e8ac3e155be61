#include "core/model/linear/NgramCounter.h"

#include "LinearFixtures.h"

#include <QtTest>

#include <limits>
#include <map>
#include <set>

using namespace tagbench;
using namespace tagbench::linear;

namespace {

struct Counts {
    std::int64_t documents = 0;
    std::int64_t occurrences = 0;
    bool operator==(const Counts& other) const { return documents == other.documents && occurrences == other.occurrences; }
};

/// Counts by brute force: every n-gram of every document into a std::map.
std::map<std::string, Counts> bruteForce(const NgramAnalyzer& analyzer, const std::vector<std::string_view>& texts)
{
    std::map<std::string, Counts> counts;
    Ngrams ngrams;
    for (const auto text : texts) {
        analyzer.analyze(text, ngrams);
        std::set<std::string> seen;
        for (std::size_t i = 0; i < ngrams.size(); ++i) {
            const std::string ngram(ngrams[i]);
            ++counts[ngram].occurrences;
            if (seen.insert(ngram).second) ++counts[ngram].documents;
        }
    }
    return counts;
}

std::map<std::string, Counts> asMap(const std::vector<NgramCounter::Entry>& entries)
{
    std::map<std::string, Counts> out;
    for (const auto& entry : entries) out[std::string(entry.ngram)] = Counts{entry.documents, entry.occurrences};
    return out;
}

} // namespace

class NgramCounterTest final : public QObject {
    Q_OBJECT

private slots:
    void countsLikeBruteForce_data();
    void countsLikeBruteForce();
    void selectsByDocumentFrequency();
};

void NgramCounterTest::countsLikeBruteForce_data()
{
    QTest::addColumn<int>("threads");
    QTest::newRow("1 thread") << 1;
    QTest::newRow("2 threads") << 2;
    QTest::newRow("5 threads") << 5;
}

void NgramCounterTest::countsLikeBruteForce()
{
    QFETCH(int, threads);
    const auto corpus = test::loadLinearCorpus();
    QVERIFY(!corpus.empty());
    // The corpus three times over, so that n-grams repeat across the workers' ranges.
    std::vector<std::string_view> texts;
    for (int copy = 0; copy < 3; ++copy)
        for (const auto& document : corpus) texts.emplace_back(document.text);
    const NgramAnalyzer analyzer(Analyzer::CharWb, 1, 4, true);
    const NgramCounter counter = NgramCounter::count(analyzer, texts, threads);
    const auto expected = bruteForce(analyzer, texts);
    QCOMPARE(counter.size(), expected.size());
    const auto got = asMap(counter.select(0.0, std::numeric_limits<double>::infinity()));
    QCOMPARE(got.size(), expected.size());
    for (const auto& [ngram, counts] : expected) {
        const auto it = got.find(ngram);
        QVERIFY2(it != got.end(), ngram.c_str());
        QVERIFY2(it->second == counts, ngram.c_str());
    }
}

void NgramCounterTest::selectsByDocumentFrequency()
{
    const std::vector<std::string_view> texts = {"alpha beta", "alpha gamma", "alpha beta delta"};
    const NgramAnalyzer analyzer(Analyzer::Word, 1, 1, true);
    const NgramCounter counter = NgramCounter::count(analyzer, texts, 2);
    const auto between = asMap(counter.select(2.0, 2.0));
    QCOMPARE(between.size(), std::size_t(1));
    QVERIFY(between.count("beta") == 1);
    const auto fraction = asMap(counter.select(0.0, 0.5 * 3));  // max_df=0.5 of 3 documents
    QCOMPARE(fraction.size(), std::size_t(2));
    QVERIFY(fraction.count("gamma") == 1 && fraction.count("delta") == 1);
}

QTEST_APPLESS_MAIN(NgramCounterTest)
#include "NgramCounterTest.moc"
