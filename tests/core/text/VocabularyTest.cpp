#include "core/data/Dataset.h"
#include "core/text/CharTokenizer.h"
#include "core/text/Vocabulary.h"

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>
#include <sstream>

using namespace tagbench;

namespace {

Dataset makeDataset(const std::vector<std::string>& texts)
{
    Dataset dataset;
    for (std::size_t i = 0; i < texts.size(); ++i) dataset.addDocument(std::to_string(i), texts[i], {"x"});
    return dataset;
}

std::string readAll(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

} // namespace

class VocabularyTest final : public QObject {
    Q_OBJECT

private slots:
    void specialsComeFirst();
    void minCountAndMaxSize_data();
    void minCountAndMaxSize();
    void buildIsTheSameForAnyThreadCount();
    void corpusSpecialsAreNotDuplicated();
    void saveLoadRoundTrip();
    void saveReplacesAtomically();
    void loadReportsFileAndLine_data();
    void loadReportsFileAndLine();
    void loadAcceptsCrlf();
};

void VocabularyTest::specialsComeFirst()
{
    const Vocabulary vocabulary;
    QCOMPARE(vocabulary.size(), std::size_t(2));
    QCOMPARE(vocabulary.token(Vocabulary::kPad), std::string("<pad>"));
    QCOMPARE(vocabulary.token(Vocabulary::kUnk), std::string("<unk>"));
    QCOMPARE(vocabulary.id("<pad>"), Vocabulary::kPad);
    QCOMPARE(vocabulary.id("anything"), Vocabulary::kUnk);
}

void VocabularyTest::minCountAndMaxSize_data()
{
    QTest::addColumn<int>("minCount");
    QTest::addColumn<int>("maxSize");
    QTest::addColumn<QStringList>("expected");  // after the two specials
    // Counts: 车 4, 新 3, 价 3, model 2, 报 1
    QTest::newRow("all") << 1 << 0 << QStringList{"车", "价", "新", "model", "报"};
    QTest::newRow("min count 2") << 2 << 0 << QStringList{"车", "价", "新", "model"};
    QTest::newRow("min count 3") << 3 << 0 << QStringList{"车", "价", "新"};
    QTest::newRow("max size 4 keeps two tokens") << 1 << 4 << QStringList{"车", "价"};
    QTest::newRow("max size 2 keeps only specials") << 1 << 2 << QStringList{};
    QTest::newRow("min count above every count") << 10 << 0 << QStringList{};
}

void VocabularyTest::minCountAndMaxSize()
{
    QFETCH(int, minCount);
    QFETCH(int, maxSize);
    QFETCH(QStringList, expected);
    const Dataset dataset = makeDataset({"新车报价", "新车 Model", "新车价", "车价 model"});
    const CharTokenizer tokenizer(true, false);
    const Vocabulary vocabulary = Vocabulary::build(dataset, tokenizer, minCount, std::size_t(maxSize), 2);
    QStringList tokens;
    for (std::size_t id = 2; id < vocabulary.size(); ++id)
        tokens << QString::fromStdString(vocabulary.token(static_cast<std::int32_t>(id)));
    QCOMPARE(tokens, expected);
    if (!expected.isEmpty()) QCOMPARE(vocabulary.count(2), std::int64_t(4));
    QCOMPARE(vocabulary.count(Vocabulary::kPad), std::int64_t(0));
}

void VocabularyTest::buildIsTheSameForAnyThreadCount()
{
    std::vector<std::string> texts;
    for (int i = 0; i < 500; ++i)
        texts.push_back("doc " + std::to_string(i % 37) + " 新车" + std::to_string(i % 11) + " 上市 token" + std::to_string(i));
    const Dataset dataset = makeDataset(texts);
    const CharTokenizer tokenizer(true, false);
    const Vocabulary one = Vocabulary::build(dataset, tokenizer, 1, 0, 1);
    QVERIFY(one.size() > 500);
    for (int threads : {2, 3, 7, 0}) {
        const Vocabulary many = Vocabulary::build(dataset, tokenizer, 1, 0, threads);
        QCOMPARE(many.size(), one.size());
        for (std::size_t id = 0; id < one.size(); ++id) {
            const auto i = static_cast<std::int32_t>(id);
            QCOMPARE(many.token(i), one.token(i));
            QCOMPARE(many.count(i), one.count(i));
            QCOMPARE(many.id(one.token(i)), i);
        }
    }
}

void VocabularyTest::corpusSpecialsAreNotDuplicated()
{
    const Vocabulary vocabulary = Vocabulary::fromCounts({{"<unk>", 9}, {"<pad>", 9}, {"a", 1}}, 1, 0);
    QCOMPARE(vocabulary.size(), std::size_t(3));
    QCOMPARE(vocabulary.id("a"), 2);
}

void VocabularyTest::saveLoadRoundTrip()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string path = dir.filePath("vocab.tsv").toStdString();
    const Vocabulary original =
        Vocabulary::fromCounts({{"新车", 9}, {"model", 5}, {"a b", 5}, {"价", 2}, {"x", 1}}, 1, 0);
    const Status saved = original.save(path);
    QVERIFY2(saved.ok(), saved.ok() ? "" : saved.message().c_str());
    const auto loaded = Vocabulary::load(path);
    QVERIFY2(loaded.ok(), loaded.ok() ? "" : loaded.message().c_str());
    QCOMPARE(loaded->size(), original.size());
    for (std::size_t id = 0; id < original.size(); ++id) {
        const auto i = static_cast<std::int32_t>(id);
        QCOMPARE(loaded->token(i), original.token(i));
        QCOMPARE(loaded->count(i), original.count(i));
        QCOMPARE(loaded->id(original.token(i)), i);
    }
    QCOMPARE(loaded->id("missing"), Vocabulary::kUnk);
}

void VocabularyTest::saveReplacesAtomically()
{
    QTemporaryDir dir;
    const std::string path = dir.filePath("vocab.tsv").toStdString();
    QVERIFY(Vocabulary::fromCounts({{"old", 3}}, 1, 0).save(path).ok());
    QVERIFY(Vocabulary::fromCounts({{"new", 4}}, 1, 0).save(path).ok());
    QCOMPARE(readAll(path), std::string("<pad>\t0\n<unk>\t0\nnew\t4\n"));
    // No temporary file is left next to the target.
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{"vocab.tsv"});
    // A directory that does not exist is a clear error, not a crash.
    const Status failed = Vocabulary().save(dir.filePath("missing/vocab.tsv").toStdString());
    QVERIFY(!failed.ok());
    QVERIFY(failed.message().find("missing/vocab.tsv") != std::string::npos);
}

void VocabularyTest::loadReportsFileAndLine_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("location");  // expected "file:line" or just "file"
    QTest::addColumn<QString>("reason");
    QTest::newRow("bad count") << "vocab_bad_count.tsv" << "vocab_bad_count.tsv:4:" << "many";
    QTest::newRow("negative count") << "vocab_negative.tsv" << "vocab_negative.tsv:3:" << "-4";
    QTest::newRow("missing tab") << "vocab_missing_tab.tsv" << "vocab_missing_tab.tsv:3:" << "token<TAB>count";
    QTest::newRow("wrong special") << "vocab_wrong_special.tsv" << "vocab_wrong_special.tsv:1:" << "<pad>";
    QTest::newRow("duplicate") << "vocab_duplicate.tsv" << "vocab_duplicate.tsv:5:" << "duplicate";
    QTest::newRow("empty") << "vocab_empty.tsv" << "vocab_empty.tsv" << "empty";
    QTest::newRow("missing file") << "no_such_vocab.tsv" << "no_such_vocab.tsv" << "cannot open";
}

void VocabularyTest::loadReportsFileAndLine()
{
    QFETCH(QString, file);
    QFETCH(QString, location);
    QFETCH(QString, reason);
    const auto loaded = Vocabulary::load(std::string(TAGBENCH_TEST_DATA) + "/text/" + file.toStdString());
    QVERIFY(!loaded.ok());
    const QString message = QString::fromStdString(loaded.message());
    QVERIFY2(message.contains(location), qPrintable(message));
    QVERIFY2(message.contains(reason), qPrintable(message));
}

void VocabularyTest::loadAcceptsCrlf()
{
    const auto loaded = Vocabulary::load(std::string(TAGBENCH_TEST_DATA) + "/text/vocab_crlf.tsv");
    QVERIFY2(loaded.ok(), loaded.ok() ? "" : loaded.message().c_str());
    QCOMPARE(loaded->size(), std::size_t(3));
    QCOMPARE(loaded->id("新车"), 2);
    QCOMPARE(loaded->count(2), std::int64_t(7));
}

QTEST_APPLESS_MAIN(VocabularyTest)
#include "VocabularyTest.moc"
