#include "core/model/linear/NgramAnalyzer.h"

#include "LinearFixtures.h"

#include <QtTest>

using namespace tagbench;
using namespace tagbench::linear;

namespace {

std::vector<std::string> ngramStrings(const NgramAnalyzer& analyzer, const std::string& text)
{
    Ngrams ngrams;
    analyzer.analyze(text, ngrams);
    std::vector<std::string> out;
    for (std::size_t i = 0; i < ngrams.size(); ++i) out.emplace_back(ngrams[i]);
    return out;
}

/// True when cp lies in one of the [first, last] ranges (ascending).
bool inRanges(const QJsonArray& ranges, char32_t cp)
{
    int low = 0;
    int high = ranges.size() - 1;
    while (low <= high) {
        const int mid = (low + high) / 2;
        const QJsonArray range = ranges.at(mid).toArray();
        if (cp < static_cast<char32_t>(range.at(0).toInt())) high = mid - 1;
        else if (cp > static_cast<char32_t>(range.at(1).toInt())) low = mid + 1;
        else return true;
    }
    return false;
}

} // namespace

class NgramAnalyzerTest final : public QObject {
    Q_OBJECT

private slots:
    void matchesSklearnAnalyzers_data();
    void matchesSklearnAnalyzers();
    void lowercasesLikePython();
    void wordCharactersArePythonsBackslashW();
    void spacesArePythonsIsspace();
    void handCases_data();
    void handCases();
};

void NgramAnalyzerTest::matchesSklearnAnalyzers_data()
{
    QTest::addColumn<int>("sequence");
    const QJsonArray sequences = test::loadLinearFixture("analyzers.json").value("sequences").toArray();
    QVERIFY(!sequences.isEmpty());
    for (int i = 0; i < sequences.size(); ++i) {
        const QJsonObject params = sequences.at(i).toObject().value("params").toObject();
        const QByteArray name = QJsonDocument(params).toJson(QJsonDocument::Compact);
        QTest::newRow(name.constData()) << i;
    }
}

void NgramAnalyzerTest::matchesSklearnAnalyzers()
{
    QFETCH(int, sequence);
    const QJsonObject entry =
        test::loadLinearFixture("analyzers.json").value("sequences").toArray().at(sequence).toObject();
    const TfidfOptions options = test::tfidfOptionsFromJson(entry.value("params").toObject());
    const NgramAnalyzer analyzer(options.analyzer, options.ngramMin, options.ngramMax, options.lowercase);
    const auto corpus = test::loadLinearCorpus();
    const QJsonArray expected = entry.value("ngrams").toArray();
    QCOMPARE(static_cast<std::size_t>(expected.size()), corpus.size());
    for (std::size_t d = 0; d < corpus.size(); ++d) {
        std::vector<std::string> want;
        for (const auto ngram : expected.at(static_cast<int>(d)).toArray()) want.push_back(ngram.toString().toStdString());
        const std::vector<std::string> got = ngramStrings(analyzer, corpus[d].text);
        if (got != want) {
            std::size_t i = 0;
            while (i < got.size() && i < want.size() && got[i] == want[i]) ++i;
            QFAIL(qPrintable(QStringLiteral("document %1: n-gram %2 is '%3', sklearn's '%4' (%5 vs %6 n-grams)")
                                 .arg(d)
                                 .arg(i)
                                 .arg(i < got.size() ? QString::fromStdString(got[i]) : QStringLiteral("<none>"))
                                 .arg(i < want.size() ? QString::fromStdString(want[i]) : QStringLiteral("<none>"))
                                 .arg(got.size())
                                 .arg(want.size())));
        }
    }
}

void NgramAnalyzerTest::lowercasesLikePython()
{
    const QJsonArray cases = test::loadLinearFixture("analyzers.json").value("lowercase").toArray();
    QVERIFY(!cases.isEmpty());
    std::string lowered;
    for (const auto item : cases) {
        const QJsonObject entry = item.toObject();
        NgramAnalyzer::lowercase(entry.value("text").toString().toStdString(), lowered);
        QCOMPARE(QString::fromStdString(lowered), entry.value("lower").toString());
    }
}

void NgramAnalyzerTest::wordCharactersArePythonsBackslashW()
{
    // Every code point Python knows (its Unicode version may be older than ICU's, so code points
    // Python leaves unassigned are skipped).
    const QJsonObject fixture = test::loadLinearFixture("analyzers.json");
    const QJsonArray word = fixture.value("word_char_ranges").toArray();
    const QJsonArray unassigned = fixture.value("unassigned_ranges").toArray();
    QVERIFY(word.size() > 100);
    int checked = 0;
    for (char32_t cp = 0; cp < 0x110000; ++cp) {
        if (inRanges(unassigned, cp)) continue;
        ++checked;
        if (NgramAnalyzer::isWordChar(cp) != inRanges(word, cp))
            QFAIL(qPrintable(QStringLiteral("U+%1: isWordChar %2, Python's \\w %3")
                                 .arg(static_cast<uint>(cp), 4, 16, QChar('0'))
                                 .arg(NgramAnalyzer::isWordChar(cp))
                                 .arg(inRanges(word, cp))));
    }
    QVERIFY(checked > 200000);
}

void NgramAnalyzerTest::spacesArePythonsIsspace()
{
    const QJsonArray spaces = test::loadLinearFixture("analyzers.json").value("space_ranges").toArray();
    QVERIFY(!spaces.isEmpty());
    for (char32_t cp = 0; cp < 0x110000; ++cp)
        if (NgramAnalyzer::isSpace(cp) != inRanges(spaces, cp))
            QFAIL(qPrintable(QStringLiteral("U+%1: isSpace disagrees with str.isspace()").arg(static_cast<uint>(cp), 4, 16, QChar('0'))));
}

void NgramAnalyzerTest::handCases_data()
{
    QTest::addColumn<int>("analyzer");
    QTest::addColumn<int>("minN");
    QTest::addColumn<int>("maxN");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected");
    const int word = static_cast<int>(Analyzer::Word);
    const int chr = static_cast<int>(Analyzer::Char);
    const int wb = static_cast<int>(Analyzer::CharWb);
    QTest::newRow("word: one-letter runs are no tokens") << word << 1 << 2 << "a bc D ef"
                                                         << QStringList{"bc", "ef", "bc ef"};
    QTest::newRow("word: punctuation splits, underscore does not") << word << 1 << 1 << "gcc-12 snake_case"
                                                                    << QStringList{"gcc", "12", "snake_case"};
    QTest::newRow("word: n above the token count") << word << 3 << 4 << "only two" << QStringList{};
    QTest::newRow("char: whitespace runs collapse, a lone tab stays") << chr << 2 << 2 << "a\tb  c"
                                                                       << QStringList{"a\t", "\tb", "b ", " c"};
    QTest::newRow("char: n above the length") << chr << 3 << 5 << "ab" << QStringList{};
    QTest::newRow("char_wb: a short word is emitted once") << wb << 3 << 5 << "a bcd"
                                                           << QStringList{" a ", " bc", "bcd", "cd ", " bcd", "bcd ", " bcd "};
    QTest::newRow("char_wb: code points, not bytes") << wb << 2 << 2 << "é"
                                                     << QStringList{QString::fromUtf8(" é"), QString::fromUtf8("é ")};
}

void NgramAnalyzerTest::handCases()
{
    QFETCH(int, analyzer);
    QFETCH(int, minN);
    QFETCH(int, maxN);
    QFETCH(QString, text);
    QFETCH(QStringList, expected);
    const NgramAnalyzer tokenizer(static_cast<Analyzer>(analyzer), minN, maxN, true);
    QStringList got;
    for (const auto& ngram : ngramStrings(tokenizer, text.toStdString())) got << QString::fromStdString(ngram);
    QCOMPARE(got, expected);
}

QTEST_APPLESS_MAIN(NgramAnalyzerTest)
#include "NgramAnalyzerTest.moc"
