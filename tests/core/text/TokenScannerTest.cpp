#include "core/text/CharTokenizer.h"
#include "core/text/TokenScanner.h"
#include "core/text/WordTokenizer.h"

#include <QtTest>

#include <random>

using namespace tagbench;

namespace {

using Tokens = std::vector<std::string>;

// Pieces the random texts are made of: every byte class of the fast path and every branch of
// the code-point path (CJK, CJK and fullwidth punctuation, fullwidth letters/digits that fold,
// Unicode spaces, zero-width characters, U+FFFD, and malformed UTF-8 of each kind).
const std::vector<std::string>& pieces()
{
    static const std::vector<std::string> all = {
        "a", "z", "Q", "Z", "0", "9", "Model", "SUV", "x5", "iPhone", "ABCdef",
        " ", "  ", "\t", "\n", "\r\n", std::string(1, '\0'), "\x01", "\x7F",
        ".", ",", "-", "+", "_", "!", "(", ")", "@", "~", "`", "'", "\"",
        "新", "车", "上市", "谍照", "款", "售价", "ひら", "カタ", "한국", "\xF0\xA0\x80\x80" /* U+20000 */,
        "，", "。", "、", "《", "》", "「", "」", "【", "】", "“", "”", "…", "—", "·", "«", "»", "¿",
        "Ａ", "Ｚ", "ａ", "ｚ", "１", "０", "ＳＵＶ", "！", "（", "）", "［", "｛", "～", "･",
        "\u3000", "\u00A0", "\u2003", "\u200B", "\u200D", "\u2028", "\uFEFF", "\xC2\x85" /* NEL */,
        "\xEF\xBF\xBD" /* U+FFFD */, "é", "É", "ß", "Ω", "ж", "🚗", "😀",
        "\xFF", "\xFE", "\x80", "\xBF", "\xC0\xAF" /* overlong */, "\xC1\x81", "\xE6\x96" /* truncated */,
        "\xED\xA0\x80" /* surrogate */, "\xF4\x90\x80\x80" /* > U+10FFFF */, "\xF0\x9F", "\xE0\x80\xAF",
    };
    return all;
}

std::string randomText(std::mt19937& random)
{
    const auto& all = pieces();
    std::uniform_int_distribution<std::size_t> pick(0, all.size() - 1);
    std::uniform_int_distribution<int> length(0, 40);
    std::string text;
    for (int i = length(random); i > 0; --i) text += all[pick(random)];
    return text;
}

// Mostly ASCII texts of up to maxLength steps: per mille of the steps add a piece from pieces()
// (non-ASCII right after or inside a run), runPerMille add a run of up to maxRun equal letters or
// digits, the rest one ASCII byte.
std::string randomAsciiText(std::mt19937& random, int maxLength, int piecePerMille, int runPerMille, int maxRun)
{
    static const std::string ascii = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789      \t\n.,;:-_+()'\"\x7F";
    const auto& all = pieces();
    std::uniform_int_distribution<std::size_t> pickAscii(0, ascii.size() - 1);
    std::uniform_int_distribution<std::size_t> pickPiece(0, all.size() - 1);
    std::uniform_int_distribution<int> length(0, maxLength);
    std::uniform_int_distribution<int> perMille(0, 999);
    std::uniform_int_distribution<std::size_t> runLength(0, static_cast<std::size_t>(maxRun));
    std::string text;
    for (int i = length(random); i > 0; --i) {
        const int roll = perMille(random);
        if (roll < piecePerMille) text += all[pickPiece(random)];
        else if (roll < piecePerMille + runPerMille) text.append(runLength(random), ascii[pickAscii(random) % 62]);
        else text += ascii[pickAscii(random)];
    }
    return text;
}

TokenScanRules rulesFromBits(int bits)
{
    TokenScanRules rules;
    rules.splitCjk = bits & 1;
    rules.keepPunctuation = bits & 2;
    rules.whitespaceOnly = bits & 4;
    rules.lowercase = bits & 8;
    return rules;
}

Tokens reference(std::string_view text, const TokenScanRules& rules)
{
    Tokens out;
    scanTokensByCodePoint(text, rules, [&out](std::string_view token) { out.emplace_back(token); });
    return out;
}

Tokens inlined(std::string_view text, const TokenScanRules& rules)
{
    Tokens out;
    scanTokens(text, rules, [&out](std::string_view token) { out.emplace_back(token); });
    return out;
}

QByteArray printable(std::string_view text)
{
    return QByteArray(text.data(), static_cast<int>(text.size())).toHex(' ');
}

} // namespace

// The byte-table scan (templated and through TokenSink) against the code-point reference scan.
class TokenScannerTest final : public QObject {
    Q_OBJECT

private slots:
    void fastPathMatchesReference_data();
    void fastPathMatchesReference();
    void longTokensAreFolded();
    void tokenizersUseTheFastScan();
    void forEachTokenFallsBackToTokenize();
};

void TokenScannerTest::fastPathMatchesReference_data()
{
    QTest::addColumn<int>("bits");
    for (int bits = 0; bits < 16; ++bits) {
        const TokenScanRules r = rulesFromBits(bits);
        QTest::addRow("splitCjk=%d keepPunct=%d wsOnly=%d lower=%d", r.splitCjk, r.keepPunctuation, r.whitespaceOnly,
                      r.lowercase)
            << bits;
    }
}

void TokenScannerTest::fastPathMatchesReference()
{
    QFETCH(int, bits);
    const TokenScanRules rules = rulesFromBits(bits);
    std::mt19937 random(20261124u + static_cast<unsigned>(bits));
    for (int i = 0; i < 6000; ++i) {
        // Thirds: any pieces; short mostly-ASCII texts (the 16-byte run steps); long all-ASCII
        // texts with words longer than a block (the 64-byte block scan) and a rare non-ASCII piece.
        const std::string text = i % 3 == 0 ? randomText(random)
                                 : i % 3 == 1 ? randomAsciiText(random, 200, 30, 50, 40)
                                              : randomAsciiText(random, 700, 2, 8, 150);
        const Tokens expected = reference(text, rules);
        const Tokens fast = inlined(text, rules);
        Tokens erased;
        scanTokens(text, rules, TokenSink([&erased](std::string_view token) { erased.emplace_back(token); }));
        if (fast != expected || erased != expected) {
            qWarning("text bytes: %s", printable(text).constData());
            QCOMPARE(fast, expected);
            QCOMPARE(erased, expected);
        }
    }
}

void TokenScannerTest::longTokensAreFolded()
{
    // Longer than the emitter's fixed buffer, ASCII-only and with fullwidth letters.
    const std::string ascii = std::string(300, 'A') + "b" + std::string(700, 'Z');
    const std::string wide = std::string(400, 'Q') + "Ｑ";
    for (const std::string& word : {ascii, wide}) {
        const std::string text = "x " + word + " Y " + word;
        for (int bits = 8; bits < 16; ++bits) {
            const TokenScanRules rules = rulesFromBits(bits);
            QCOMPARE(inlined(text, rules), reference(text, rules));
        }
    }
    TokenScanRules lower;
    lower.lowercase = true;
    const Tokens tokens = inlined(ascii, lower);
    QCOMPARE(tokens.size(), std::size_t(1));
    QCOMPARE(tokens.front(), std::string(300, 'a') + "b" + std::string(700, 'z'));
}

void TokenScannerTest::tokenizersUseTheFastScan()
{
    const std::string text = "2024款Model 3售价：１５万，ＳＵＶ c++ node.js \xFF新车\u3000上市";
    const CharTokenizer chars(true, true);
    const WordTokenizer words(true, false);
    const WordTokenizer pretokenized(false, false, true);
    for (const Tokenizer* tokenizer : {static_cast<const Tokenizer*>(&chars), static_cast<const Tokenizer*>(&words),
                                       static_cast<const Tokenizer*>(&pretokenized)}) {
        QVERIFY(tokenizer->scanRules() != nullptr);
        const Tokens expected = reference(text, *tokenizer->scanRules());
        QCOMPARE(tokenizer->tokens(text), expected);
        Tokens viaForEach;
        forEachToken(*tokenizer, text, [&viaForEach](std::string_view token) { viaForEach.emplace_back(token); });
        QCOMPARE(viaForEach, expected);
    }
    QCOMPARE(words.tokens(text), (Tokens{"2024", "款", "model", "3", "售价", "15", "万", "suv", "c", "node", "js",
                                         "新车", "上市"}));
}

void TokenScannerTest::forEachTokenFallsBackToTokenize()
{
    // A tokenizer without scan rules (like sentencepiece) goes through its virtual tokenize().
    class Halves final : public Tokenizer {
    public:
        TokenizerKind kind() const override { return TokenizerKind::SentencePiece; }
        void tokenize(std::string_view text, const TokenSink& sink) const override
        {
            sink(text.substr(0, text.size() / 2));
            sink(text.substr(text.size() / 2));
        }
    };
    const Halves halves;
    QVERIFY(halves.scanRules() == nullptr);
    Tokens tokens;
    forEachToken(halves, "abcd", [&tokens](std::string_view token) { tokens.emplace_back(token); });
    QCOMPARE(tokens, (Tokens{"ab", "cd"}));
}

QTEST_APPLESS_MAIN(TokenScannerTest)
#include "TokenScannerTest.moc"
