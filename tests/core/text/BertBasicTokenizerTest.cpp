// BertBasicTokenizer, the pre-WordPiece stage of Hugging Face's BertTokenizer. Expected outputs
// follow transformers 4.30.2's BasicTokenizer (Python's unicodedata); the fixture cases are in
// WordPieceTokenizerTest.
#include "core/text/BertBasicTokenizer.h"

#include <QtTest>

using namespace tagbench;

namespace {

QStringList run(const BertBasicTokenizer& tokenizer, const QString& text, const std::set<std::string>& neverSplit = {})
{
    const QByteArray bytes = text.toUtf8();
    QStringList out;
    for (const auto& t : tokenizer.tokenize(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())), neverSplit))
        out << QString::fromStdString(t);
    return out;
}

} // namespace

class BertBasicTokenizerTest final : public QObject {
    Q_OBJECT

private slots:
    void tokenize_data();
    void tokenize();
    void neverSplitWordsStayAsWritten();
    void punctuationDefinition_data();
    void punctuationDefinition();
    void chineseCharBlocks_data();
    void chineseCharBlocks();
    void lowercaseEachCodePointHasNoContext();
    void invalidUtf8IsDropped();
};

void BertBasicTokenizerTest::tokenize_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("lowercase");
    QTest::addColumn<bool>("chinese");
    QTest::addColumn<int>("stripAccents");  // -1 = null
    QTest::addColumn<QStringList>("expected");
    const QString accented = QString::fromUtf8("Héllo WÖRLD");
    QTest::newRow("uncased strips accents by default") << accented << true << true << -1 << QStringList{"hello", "world"};
    QTest::newRow("uncased, strip_accents false") << accented << true << true << 0
                                                  << QStringList{QString::fromUtf8("héllo"), QString::fromUtf8("wörld")};
    QTest::newRow("cased keeps accents by default") << accented << false << true << -1
                                                    << QStringList{QString::fromUtf8("Héllo"), QString::fromUtf8("WÖRLD")};
    QTest::newRow("cased, strip_accents true") << accented << false << true << 1 << QStringList{"Hello", "WORLD"};
    QTest::newRow("line and paragraph separators split") << QString::fromUtf8("a\u2028b\u2029c") << true << true << -1
                                                         << QStringList{"a", "b", "c"};
    QTest::newRow("Zs and ASCII blanks split") << QString::fromUtf8("a\u00a0b\u3000c\td\ne") << true << true << -1
                                               << QStringList{"a", "b", "c", "d", "e"};
    QTest::newRow("format characters are deleted") << QString::fromUtf8("zero\u200bwidth so\u00adft") << true << true << -1
                                                   << QStringList{"zerowidth", "soft"};
    QTest::newRow("control characters are deleted") << QString::fromLatin1("a\0b\x7f" "c\x1f" "d", 7) << true << true << -1
                                                    << QStringList{"abcd"};
    QTest::newRow("ASCII symbols are punctuation") << "$5+3=8^2`~|<>" << true << true << -1
                                                   << QStringList{"$", "5", "+", "3", "=", "8", "^", "2", "`", "~", "|", "<", ">"};
    QTest::newRow("Unicode punctuation") << QString::fromUtf8("¿Qué?«hola»") << true << true << -1
                                         << QStringList{QString::fromUtf8("¿"), "que", "?", QString::fromUtf8("«"), "hola",
                                                        QString::fromUtf8("»")};
    QTest::newRow("CJK ideographs one per token") << QString::fromUtf8("中文字符ok") << true << true << -1
                                                  << QString::fromUtf8("中 文 字 符 ok").split(' ');
    QTest::newRow("tokenize_chinese_chars false") << QString::fromUtf8("中文字符ok") << true << false << -1
                                                  << QStringList{QString::fromUtf8("中文字符ok")};
    QTest::newRow("dakuten is Mn, halfwidth form is not") << QString::fromUtf8("ガ ｶﾞ") << true << true << -1
                                                          << QStringList{QString::fromUtf8("カ"), QString::fromUtf8("ｶﾞ")};
    QTest::newRow("word-level final sigma") << QString::fromUtf8("ΣΑΣ ΟΔΟΣ.") << true << true << -1
                                            << QStringList{QString::fromUtf8("σας"), QString::fromUtf8("οδος"), "."};
    QTest::newRow("dotted capital I") << QString::fromUtf8("İstanbul") << true << true << -1 << QStringList{"istanbul"};
    QTest::newRow("emoji are neither punctuation nor split") << QString::fromUtf8("great🚗car ❤️") << true << true << -1
                                                             << QStringList{QString::fromUtf8("great🚗car"), QString::fromUtf8("❤")};
    QTest::newRow("no compatibility folding") << QString::fromUtf8("½ ß ﬁ Ⅻ") << true << true << -1
                                              << QString::fromUtf8("½ ß ﬁ ⅻ").split(' ');
    QTest::newRow("replacement character is deleted") << QString::fromUtf8("x\uFFFDy") << true << true << -1 << QStringList{"xy"};
    // U+2A6E0 lies between Extension B and C: unassigned (Cn), so deleted like a control.
    QTest::newRow("extension blocks and unassigned") << QString::fromUcs4(U"\U00020000\U0002A6E0\u3400") << true << true << -1
                                                     << QStringList{QString::fromUcs4(U"\U00020000"), QString::fromUtf8("\u3400")};
    QTest::newRow("empty") << QString() << true << true << -1 << QStringList{};
}

void BertBasicTokenizerTest::tokenize()
{
    QFETCH(QString, text);
    QFETCH(bool, lowercase);
    QFETCH(bool, chinese);
    QFETCH(int, stripAccents);
    QFETCH(QStringList, expected);
    BertBasicOptions options;
    options.lowercase = lowercase;
    options.tokenizeChineseChars = chinese;
    if (stripAccents >= 0) options.stripAccents = stripAccents == 1;
    QCOMPARE(run(BertBasicTokenizer(options), text), expected);
}

void BertBasicTokenizerTest::neverSplitWordsStayAsWritten()
{
    const BertBasicTokenizer tokenizer;
    QCOMPARE(run(tokenizer, "[MASK] [MASK]. Hi", {"[MASK]"}), (QStringList{"[MASK]", "[", "mask", "]", ".", "hi"}));
    QCOMPARE(run(tokenizer, "[MASK]"), (QStringList{"[", "mask", "]"}));
}

void BertBasicTokenizerTest::punctuationDefinition_data()
{
    QTest::addColumn<uint>("codePoint");
    QTest::addColumn<bool>("punctuation");
    QTest::newRow("!") << uint('!') << true;
    QTest::newRow("/") << uint('/') << true;
    QTest::newRow("0") << uint('0') << false;
    QTest::newRow("@") << uint('@') << true;
    QTest::newRow("A") << uint('A') << false;
    QTest::newRow("`") << uint('`') << true;
    QTest::newRow("~") << uint('~') << true;
    QTest::newRow("space") << uint(' ') << false;
    QTest::newRow("ideographic full stop (Po)") << 0x3002u << true;
    QTest::newRow("fullwidth comma (Po)") << 0xFF0Cu << true;
    QTest::newRow("em dash (Pd)") << 0x2014u << true;
    QTest::newRow("left quote (Pi)") << 0x201Cu << true;
    QTest::newRow("yen sign (Sc) is not") << 0x00A5u << false;
    QTest::newRow("fullwidth plus (Sm) is not") << 0xFF0Bu << false;
    QTest::newRow("emoji (So) is not") << 0x1F697u << false;
}

void BertBasicTokenizerTest::punctuationDefinition()
{
    QFETCH(uint, codePoint);
    QFETCH(bool, punctuation);
    QCOMPARE(BertBasicTokenizer::isPunctuation(static_cast<char32_t>(codePoint)), punctuation);
}

void BertBasicTokenizerTest::chineseCharBlocks_data()
{
    QTest::addColumn<uint>("codePoint");
    QTest::addColumn<bool>("chinese");
    QTest::newRow("URO first") << 0x4E00u << true;
    QTest::newRow("URO last") << 0x9FFFu << true;
    QTest::newRow("Ext A") << 0x3400u << true;
    QTest::newRow("Ext B last") << 0x2A6DFu << true;
    QTest::newRow("gap before Ext C") << 0x2A6E0u << false;
    QTest::newRow("Ext E last") << 0x2CEAFu << true;
    QTest::newRow("Ext F is not") << 0x2CEB0u << false;
    QTest::newRow("compatibility") << 0xF98Eu << true;
    QTest::newRow("compatibility supplement") << 0x2F800u << true;
    QTest::newRow("hiragana") << 0x3042u << false;
    QTest::newRow("hangul") << 0xD604u << false;
    QTest::newRow("ideographic full stop") << 0x3002u << false;
}

void BertBasicTokenizerTest::chineseCharBlocks()
{
    QFETCH(uint, codePoint);
    QFETCH(bool, chinese);
    QCOMPARE(BertBasicTokenizer::isChineseChar(static_cast<char32_t>(codePoint)), chinese);
}

void BertBasicTokenizerTest::lowercaseEachCodePointHasNoContext()
{
    QCOMPARE(QString::fromStdString(BertBasicTokenizer::lowercaseEachCodePoint("ΟΔΟΣ [MASK] İ ÀB")),
             QString::fromUtf8("οδοσ [mask] i\u0307 àb"));
}

void BertBasicTokenizerTest::invalidUtf8IsDropped()
{
    const BertBasicTokenizer tokenizer;
    const std::vector<std::string> tokens = tokenizer.tokenize("ab\xff\xfe" "cd ef");
    QCOMPARE(tokens, (std::vector<std::string>{"abcd", "ef"}));
}

QTEST_APPLESS_MAIN(BertBasicTokenizerTest)
#include "BertBasicTokenizerTest.moc"
