// WordPieceTokenizer against the Hugging Face reference (tests/data/bert-tiny/cases.json, made by
// transformers 4.30.2's BertTokenizer.from_pretrained) and on small hand-made vocabularies.
#include "core/text/WordPieceTokenizer.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

using namespace tagbench;

namespace {

const QString kFixture = QStringLiteral(TAGBENCH_TEST_DATA "/bert-tiny");

QJsonObject readJson(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

QStringList toList(const std::vector<std::string>& tokens)
{
    QStringList out;
    for (const auto& t : tokens) out << QString::fromStdString(t);
    return out;
}

QStringList stringList(const QJsonValue& value)
{
    QStringList out;
    for (const auto& v : value.toArray()) out << v.toString();
    return out;
}

QList<qint64> intList(const QJsonValue& value)
{
    QList<qint64> out;
    for (const auto& v : value.toArray()) out << static_cast<qint64>(v.toDouble());
    return out;
}

QList<qint64> toList(const std::vector<std::int64_t>& values)
{
    return QList<qint64>(values.begin(), values.end());
}

const WordPieceTokenizer& fixtureTokenizer()
{
    static const auto tokenizer = WordPieceTokenizer::fromFolder(kFixture.toStdString());
    if (!tokenizer) qFatal("%s", tokenizer.message().c_str());
    return tokenizer.value();
}

// Writes lines (already joined with the wanted line endings) as vocab.txt into dir.
std::string writeVocab(const QTemporaryDir& dir, const std::string& content)
{
    const std::string path = dir.filePath("vocab.txt").toStdString();
    std::ofstream(path, std::ios::binary) << content;
    return path;
}

const std::string kSmallVocab = "[PAD]\n[UNK]\n[CLS]\n[SEP]\n[MASK]\nun\n##aff\n##able\naff\n##a\nab\n##c\nx\n";

} // namespace

class WordPieceTokenizerTest final : public QObject {
    Q_OBJECT

private slots:
    void fixtureCases_data();
    void fixtureCases();
    void fixturePaddedBatch();
    void fixtureSettings();
    void wordPieceIsGreedyLongestMatch_data();
    void wordPieceIsGreedyLongestMatch();
    void vocabularyLinesAsPythonReadsThem();
    void vocabularyErrorsNameTheFile_data();
    void vocabularyErrorsNameTheFile();
    void casedTokenizerKeepsCaseAndSpecialsStayExact();
    void tinyMaxLengthKeepsClsAndSep();
    void lowercasingIsPerCodePointBeforeTheBasicStage();
};

void WordPieceTokenizerTest::fixtureCases_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QStringList>("basicTokens");
    QTest::addColumn<QStringList>("tokens");
    QTest::addColumn<QList<qint64>>("inputIds");
    QTest::addColumn<QList<qint64>>("attentionMask");
    QTest::addColumn<QList<qint64>>("tokenTypeIds");
    QTest::addColumn<int>("piecesBeforeTruncation");
    QTest::addColumn<bool>("truncated");
    const QJsonObject cases = readJson(kFixture + "/cases.json");
    QCOMPARE(cases.value("max_length").toInt(), 32);
    const QJsonArray list = cases.value("cases").toArray();
    QCOMPARE(list.size(), 25);
    for (const auto& item : list) {
        const QJsonObject c = item.toObject();
        // The hex form is the exact input bytes (control characters included).
        const QByteArray text = QByteArray::fromHex(c.value("text_utf8_hex").toString().toLatin1());
        QCOMPARE(QString::fromUtf8(text), c.value("text").toString());
        QTest::newRow(c.value("name").toString().toUtf8().constData())
            << text << stringList(c.value("basic_tokens")) << stringList(c.value("tokens")) << intList(c.value("input_ids"))
            << intList(c.value("attention_mask")) << intList(c.value("token_type_ids"))
            << c.value("num_tokens_before_truncation").toInt() << c.value("truncated").toBool();
    }
}

void WordPieceTokenizerTest::fixtureCases()
{
    QFETCH(QByteArray, text);
    QFETCH(QStringList, basicTokens);
    QFETCH(QStringList, tokens);
    QFETCH(QList<qint64>, inputIds);
    QFETCH(QList<qint64>, attentionMask);
    QFETCH(QList<qint64>, tokenTypeIds);
    QFETCH(int, piecesBeforeTruncation);
    QFETCH(bool, truncated);
    const WordPieceTokenizer& tokenizer = fixtureTokenizer();
    const std::string_view input(text.constData(), static_cast<std::size_t>(text.size()));

    QCOMPARE(toList(tokenizer.basicTokenize(input)), basicTokens);
    QCOMPARE(toList(tokenizer.tokenize(input)), tokens);
    const WordPieceEncoding encoding = tokenizer.encode(input, 32);
    QCOMPARE(toList(encoding.inputIds), inputIds);
    QCOMPARE(toList(encoding.attentionMask), attentionMask);
    QCOMPARE(toList(encoding.tokenTypeIds), tokenTypeIds);
    QCOMPARE(static_cast<int>(encoding.piecesBeforeTruncation), piecesBeforeTruncation);
    QCOMPARE(encoding.truncated, truncated);
    // The encoded tokens are [CLS], the first pieces, [SEP], and their ids are the vocabulary's.
    QCOMPARE(encoding.tokens.size(), encoding.inputIds.size());
    QCOMPARE(QString::fromStdString(encoding.tokens.front()), QStringLiteral("[CLS]"));
    QCOMPARE(QString::fromStdString(encoding.tokens.back()), QStringLiteral("[SEP]"));
    for (std::size_t i = 1; i + 1 < encoding.tokens.size(); ++i) {
        QCOMPARE(QString::fromStdString(encoding.tokens[i]), tokens.at(static_cast<int>(i - 1)));
        QCOMPARE(encoding.inputIds[i], tokenizer.idOf(encoding.tokens[i]));
    }
}

void WordPieceTokenizerTest::fixturePaddedBatch()
{
    const QJsonObject batch = readJson(kFixture + "/cases.json").value("padded_batch").toObject();
    std::vector<std::string> texts;
    for (const auto& t : batch.value("texts").toArray()) texts.push_back(t.toString().toStdString());
    QCOMPARE(texts.size(), std::size_t(4));
    const WordPieceBatch encoded = fixtureTokenizer().encodeBatch(texts, 32);
    QCOMPARE(encoded.rows, std::size_t(4));
    const QJsonArray ids = batch.value("input_ids").toArray();
    const QJsonArray mask = batch.value("attention_mask").toArray();
    const QJsonArray types = batch.value("token_type_ids").toArray();
    QCOMPARE(encoded.length, static_cast<std::size_t>(ids.at(0).toArray().size()));
    for (std::size_t row = 0; row < encoded.rows; ++row) {
        const auto slice = [&](const std::vector<std::int64_t>& v) {
            const auto begin = v.begin() + static_cast<std::ptrdiff_t>(row * encoded.length);
            return QList<qint64>(begin, begin + static_cast<std::ptrdiff_t>(encoded.length));
        };
        const int r = static_cast<int>(row);
        QCOMPARE(slice(encoded.inputIds), intList(ids.at(r)));
        QCOMPARE(slice(encoded.attentionMask), intList(mask.at(r)));
        QCOMPARE(slice(encoded.tokenTypeIds), intList(types.at(r)));
    }
}

void WordPieceTokenizerTest::fixtureSettings()
{
    const WordPieceTokenizer& tokenizer = fixtureTokenizer();
    QCOMPARE(tokenizer.vocabularySize(), std::size_t(1486));
    QVERIFY(tokenizer.settings().basic.lowercase);
    QVERIFY(tokenizer.settings().basic.tokenizeChineseChars);
    QVERIFY(!tokenizer.settings().basic.stripAccents.has_value());
    QCOMPARE(tokenizer.settings().modelMaxLength, std::int64_t(32));
    QCOMPARE(tokenizer.padId(), std::int64_t(0));
    QCOMPARE(tokenizer.unkId(), std::int64_t(1));
    QCOMPARE(tokenizer.clsId(), std::int64_t(2));
    QCOMPARE(tokenizer.sepId(), std::int64_t(3));
    QCOMPARE(tokenizer.tokenOf(4), std::string("[MASK]"));
    QCOMPARE(tokenizer.idOf("no-such-token"), std::int64_t(1));
}

void WordPieceTokenizerTest::wordPieceIsGreedyLongestMatch_data()
{
    QTest::addColumn<QString>("word");
    QTest::addColumn<QStringList>("pieces");
    QTest::newRow("classic") << "unaffable" << QStringList{"un", "##aff", "##able"};
    QTest::newRow("whole word first") << "aff" << QStringList{"aff"};
    // "ab" is longer than "a" + "##b": the longest prefix wins even when it leads to a dead end.
    QTest::newRow("longest prefix") << "abc" << QStringList{"ab", "##c"};
    QTest::newRow("unmatched tail makes the word unknown") << "unx" << QStringList{"[UNK]"};
    QTest::newRow("unmatched start") << "zz" << QStringList{"[UNK]"};
    QTest::newRow("continuation needs ##") << "xaff" << QStringList{"x", "##aff"};
    QTest::newRow("100 characters are pieced") << QString("x") + QString(99, 'c')
                                               << (QStringList{"x"} + QStringList(99, "##c"));
    QTest::newRow("101 characters are unknown") << QString("x") + QString(100, 'c') << QStringList{"[UNK]"};
}

void WordPieceTokenizerTest::wordPieceIsGreedyLongestMatch()
{
    QFETCH(QString, word);
    QFETCH(QStringList, pieces);
    QTemporaryDir dir;
    auto tokenizer = WordPieceTokenizer::load(writeVocab(dir, kSmallVocab), {});
    QVERIFY2(tokenizer, tokenizer ? "" : tokenizer.message().c_str());
    QCOMPARE(toList(tokenizer->wordPieces(word.toStdString())), pieces);
}

void WordPieceTokenizerTest::vocabularyLinesAsPythonReadsThem()
{
    // \r\n, \n and a lone \r all end a line; a missing final newline still ends the last token; an
    // empty line is a token of its own; a repeated token keeps its last line number.
    QTemporaryDir dir;
    auto tokenizer = WordPieceTokenizer::load(writeVocab(dir, "[PAD]\r\n[UNK]\r[CLS]\n\n[SEP]\nab\nab\n##c"), {});
    QVERIFY2(tokenizer, tokenizer ? "" : tokenizer.message().c_str());
    QCOMPARE(tokenizer->vocabularySize(), std::size_t(8));
    QCOMPARE(tokenizer->findId("[UNK]"), std::optional<std::int64_t>(1));
    QCOMPARE(tokenizer->findId("[CLS]"), std::optional<std::int64_t>(2));
    QCOMPARE(tokenizer->findId(""), std::optional<std::int64_t>(3));
    QCOMPARE(tokenizer->sepId(), std::int64_t(4));
    QCOMPARE(tokenizer->findId("ab"), std::optional<std::int64_t>(6));
    QCOMPARE(tokenizer->tokenOf(5), std::string("ab"));
    QCOMPARE(tokenizer->findId("##c"), std::optional<std::int64_t>(7));
    QCOMPARE(toList(tokenizer->encode("ABC", 8).inputIds), (QList<qint64>{2, 6, 7, 4}));
}

void WordPieceTokenizerTest::vocabularyErrorsNameTheFile_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("expected");
    QTest::newRow("empty") << QByteArray() << "vocab.txt: the vocabulary is empty";
    QTest::newRow("no [CLS]") << QByteArray("[PAD]\n[UNK]\n[SEP]\n") << "vocab.txt: the vocabulary has no \"[CLS]\" (cls_token)";
    QTest::newRow("no [UNK]") << QByteArray("[PAD]\n[CLS]\n[SEP]\n") << "vocab.txt: the vocabulary has no \"[UNK]\" (unk_token)";
    QTest::newRow("bad utf-8") << QByteArray("[PAD]\n[UNK]\n\xff\xfe\n") << "vocab.txt:3: the token is not valid UTF-8";
}

void WordPieceTokenizerTest::vocabularyErrorsNameTheFile()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    const std::string path = writeVocab(dir, content.toStdString());
    const auto tokenizer = WordPieceTokenizer::load(path, {});
    QVERIFY(!tokenizer);
    QCOMPARE(QString::fromStdString(tokenizer.message()), dir.path() + "/" + expected);

    const auto missing = WordPieceTokenizer::load(dir.filePath("absent.txt").toStdString(), {});
    QVERIFY(!missing);
    QVERIFY(QString::fromStdString(missing.message()).startsWith(dir.filePath("absent.txt") + ":"));
}

void WordPieceTokenizerTest::casedTokenizerKeepsCaseAndSpecialsStayExact()
{
    QTemporaryDir dir;
    WordPieceSettings cased;
    cased.basic.lowercase = false;
    auto tokenizer = WordPieceTokenizer::load(writeVocab(dir, "[PAD]\n[UNK]\n[CLS]\n[SEP]\n[MASK]\nCafé\nx\n##y\n"), cased);
    QVERIFY2(tokenizer, tokenizer ? "" : tokenizer.message().c_str());
    // Without do_lower_case nothing is lowercased and accents stay (strip_accents unset).
    QCOMPARE(toList(tokenizer->tokenize("Café x[MASK]y [mask]")),
             (QStringList{"Café", "x", "[MASK]", "[UNK]", "[UNK]", "[UNK]", "[UNK]"}));
    QCOMPARE(toList(tokenizer->basicTokenize("Café x[MASK]y")), (QStringList{"Café", "x", "[", "MASK", "]", "y"}));
}

void WordPieceTokenizerTest::tinyMaxLengthKeepsClsAndSep()
{
    const WordPieceEncoding encoding = fixtureTokenizer().encode("hello world", 1);
    QCOMPARE(toList(encoding.inputIds), (QList<qint64>{2, 3}));
    QVERIFY(encoding.truncated);
    QCOMPARE(encoding.piecesBeforeTruncation, std::size_t(2));
}

void WordPieceTokenizerTest::lowercasingIsPerCodePointBeforeTheBasicStage()
{
    // tokenize() lowercases 'Σ' alone (always 'σ') before the basic stage sees the word, while the
    // basic stage on its own lowercases whole words, where a final capital sigma becomes 'ς'.
    QTemporaryDir dir;
    auto tokenizer = WordPieceTokenizer::load(writeVocab(dir, "[PAD]\n[UNK]\n[CLS]\n[SEP]\n[MASK]\nσασ\nσας\n"), {});
    QVERIFY2(tokenizer, tokenizer ? "" : tokenizer.message().c_str());
    QCOMPARE(toList(tokenizer->tokenize("ΣΑΣ")), QStringList{"σασ"});
    QCOMPARE(toList(tokenizer->basicTokenize("ΣΑΣ")), QStringList{"σας"});
}

QTEST_APPLESS_MAIN(WordPieceTokenizerTest)
#include "WordPieceTokenizerTest.moc"
