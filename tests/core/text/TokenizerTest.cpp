#include "core/text/CharTokenizer.h"
#include "core/text/TokenizerFactory.h"
#include "core/text/WordTokenizer.h"

#include <QtTest>

using namespace tagbench;

namespace {

QStringList toList(const std::vector<std::string>& tokens)
{
    QStringList out;
    for (const auto& t : tokens) out << QString::fromStdString(t);
    return out;
}

QStringList run(const Tokenizer& tokenizer, const QString& text)
{
    const QByteArray bytes = text.toUtf8();
    return toList(tokenizer.tokens(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size()))));
}

} // namespace

// Covers CharTokenizer, WordTokenizer (the shared TokenScanner) and TokenizerFactory.
class TokenizerTest final : public QObject {
    Q_OBJECT

private slots:
    void charTokenizer_data();
    void charTokenizer();
    void wordTokenizer_data();
    void wordTokenizer();
    void pretokenizedIsPassThrough_data();
    void pretokenizedIsPassThrough();
    void invalidUtf8NeverBecomesAToken();
    void factoryParsesKinds_data();
    void factoryParsesKinds();
    void factoryBuildsConfiguredTokenizer();
    void factoryRejectsSentencePieceWithoutModel();
};

void TokenizerTest::charTokenizer_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("lowercase");
    QTest::addColumn<bool>("keepPunctuation");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("issue example") << QString("2024款Model 3售价") << true << false
                                   << QStringList{"2024", "款", "model", "3", "售", "价"};
    QTest::newRow("case kept") << QString("2024款Model 3售价") << false << false
                               << QStringList{"2024", "款", "Model", "3", "售", "价"};
    QTest::newRow("chinese punctuation dropped") << QString("新车上市，谍照曝光！") << true << false
                                                 << QStringList{"新", "车", "上", "市", "谍", "照", "曝", "光"};
    QTest::newRow("chinese punctuation kept") << QString("《新车》，报价") << true << true
                                              << QStringList{"《", "新", "车", "》", "，", "报", "价"};
    QTest::newRow("ascii punctuation kept") << QString("V6, 3.0T!") << true << true
                                            << QStringList{"v6", ",", "3", ".", "0t", "!"};
    QTest::newRow("english") << QString("The QUICK brown-fox") << true << false
                             << QStringList{"the", "quick", "brown", "fox"};
    QTest::newRow("fullwidth folded") << QString("ＳＵＶ售价１５万") << true << false
                                      << QStringList{"suv", "售", "价", "15", "万"};
    QTest::newRow("ideographic space") << QString("宝马\u3000X5") << true << false
                                       << QStringList{"宝", "马", "x5"};
    QTest::newRow("empty") << QString() << true << false << QStringList{};
    QTest::newRow("only separators") << QString(" ，。 \t\n") << true << false << QStringList{};
    QTest::newRow("emoji is a word char") << QString("好车🚗") << true << false << QStringList{"好", "车", "🚗"};
}

void TokenizerTest::charTokenizer()
{
    QFETCH(QString, text);
    QFETCH(bool, lowercase);
    QFETCH(bool, keepPunctuation);
    QFETCH(QStringList, expected);
    const CharTokenizer tokenizer(lowercase, keepPunctuation);
    QCOMPARE(tokenizer.kind(), TokenizerKind::Char);
    QCOMPARE(run(tokenizer, text), expected);
}

void TokenizerTest::wordTokenizer_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("lowercase");
    QTest::addColumn<bool>("keepPunctuation");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("english") << QString("GNU Emacs: the extensible, self-documenting editor.") << true << false
                             << QStringList{"gnu", "emacs", "the", "extensible", "self", "documenting", "editor"};
    QTest::newRow("english kept punctuation") << QString("C++ (v2.0)") << false << true
                                              << QStringList{"C", "+", "+", "(", "v2", ".", "0", ")"};
    QTest::newRow("chinese runs split from latin") << QString("2024款Model 3售价公布") << true << false
                                                   << QStringList{"2024", "款", "model", "3", "售价公布"};
    QTest::newRow("chinese punctuation splits") << QString("新车上市，谍照曝光") << true << false
                                                << QStringList{"新车上市", "谍照曝光"};
    QTest::newRow("tabs and newlines") << QString("a\tb\nc  d") << true << false
                                       << QStringList{"a", "b", "c", "d"};
    QTest::newRow("case kept") << QString("Qt Widgets") << false << false << QStringList{"Qt", "Widgets"};
}

void TokenizerTest::wordTokenizer()
{
    QFETCH(QString, text);
    QFETCH(bool, lowercase);
    QFETCH(bool, keepPunctuation);
    QFETCH(QStringList, expected);
    const WordTokenizer tokenizer(lowercase, keepPunctuation);
    QCOMPARE(tokenizer.kind(), TokenizerKind::Word);
    QCOMPARE(run(tokenizer, text), expected);
}

void TokenizerTest::pretokenizedIsPassThrough_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("lowercase");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("segmented chinese") << QString("新车 上市 ， 售价 15.98 万") << false
                                       << QStringList{"新车", "上市", "，", "售价", "15.98", "万"};
    QTest::newRow("tokens with punctuation") << QString("c++ node.js e-mail") << false
                                             << QStringList{"c++", "node.js", "e-mail"};
    QTest::newRow("lowercased") << QString("Model Y") << true << QStringList{"model", "y"};
    QTest::newRow("repeated spaces") << QString("  a   b  ") << false << QStringList{"a", "b"};
}

void TokenizerTest::pretokenizedIsPassThrough()
{
    QFETCH(QString, text);
    QFETCH(bool, lowercase);
    QFETCH(QStringList, expected);
    // keepPunctuation=false must not matter: pretokenized tokens are taken as written.
    const WordTokenizer tokenizer(lowercase, false, true);
    QCOMPARE(run(tokenizer, text), expected);
}

void TokenizerTest::invalidUtf8NeverBecomesAToken()
{
    const std::string text = std::string("ab\xFF") + "cd \xE6\x96 汽车";
    const CharTokenizer chars(true, true);
    const auto tokens = chars.tokens(text);
    QCOMPARE(toList(tokens), (QStringList{"ab", "cd", "汽", "车"}));
}

void TokenizerTest::factoryParsesKinds_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("kind");  // -1: rejected
    QTest::newRow("char") << "char" << int(TokenizerKind::Char);
    QTest::newRow("word") << "word" << int(TokenizerKind::Word);
    QTest::newRow("sentencepiece") << "sentencepiece" << int(TokenizerKind::SentencePiece);
    QTest::newRow("spm") << "spm" << int(TokenizerKind::SentencePiece);
    QTest::newRow("unknown") << "bpe" << -1;
    QTest::newRow("case sensitive") << "Char" << -1;
}

void TokenizerTest::factoryParsesKinds()
{
    QFETCH(QString, name);
    QFETCH(int, kind);
    const auto parsed = parseTokenizerKind(name.toStdString());
    QCOMPARE(parsed.ok(), kind >= 0);
    if (kind >= 0) {
        QCOMPARE(int(*parsed), kind);
        QVERIFY(tokenizerKindName(*parsed) == (kind == int(TokenizerKind::SentencePiece) ? "sentencepiece"
                                                                                        : name.toStdString()));
    } else {
        QVERIFY(parsed.message().find(name.toStdString()) != std::string::npos);
    }
}

void TokenizerTest::factoryBuildsConfiguredTokenizer()
{
    TokenizerConfig config;
    config.kind = TokenizerKind::Char;
    config.lowercase = false;
    config.keepPunctuation = true;
    auto tokenizer = makeTokenizer(config);
    QVERIFY2(tokenizer.ok(), tokenizer.ok() ? "" : tokenizer.message().c_str());
    QCOMPARE((*tokenizer)->kind(), TokenizerKind::Char);
    QCOMPARE(run(**tokenizer, "A车!"), (QStringList{"A", "车", "!"}));

    config.kind = TokenizerKind::Word;
    config.pretokenized = true;
    tokenizer = makeTokenizer(config);
    QVERIFY(tokenizer.ok());
    QCOMPARE(run(**tokenizer, "A车! b"), (QStringList{"A车!", "b"}));
}

void TokenizerTest::factoryRejectsSentencePieceWithoutModel()
{
    TokenizerConfig config;
    config.kind = TokenizerKind::SentencePiece;
    const auto tokenizer = makeTokenizer(config);
    QVERIFY(!tokenizer.ok());
    QVERIFY(tokenizer.message().find("model") != std::string::npos);
}

QTEST_APPLESS_MAIN(TokenizerTest)
#include "TokenizerTest.moc"
