#include "core/util/Utf8.h"

#include <QtTest>

using namespace tagbench;

class Utf8Test final : public QObject {
    Q_OBJECT

private slots:
    void findInvalid_data();
    void findInvalid();
    void decodesChineseAndAscii();
    void classifiesCharacters();
};

void Utf8Test::findInvalid_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("expected");  // -1 when valid
    QTest::newRow("empty") << QByteArray() << -1;
    QTest::newRow("ascii") << QByteArray("hello world, long enough for the fast path") << -1;
    QTest::newRow("chinese") << QByteArray("新车上市：谍照曝光") << -1;
    QTest::newRow("emoji") << QByteArray("\xF0\x9F\x9A\x97 car") << -1;
    QTest::newRow("lone continuation") << QByteArray("ab\x80" "cd") << 2;
    QTest::newRow("truncated 3-byte") << QByteArray("abc\xE6\x96") << 3;
    QTest::newRow("overlong slash") << QByteArray("\xC0\xAF") << 0;
    QTest::newRow("surrogate") << QByteArray("xx\xED\xA0\x80") << 2;
    QTest::newRow("beyond U+10FFFF") << QByteArray("\xF4\x90\x80\x80") << 0;
    QTest::newRow("invalid after 8 ascii") << QByteArray("abcdefgh\xFF") << 8;
}

void Utf8Test::findInvalid()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, expected);
    const std::size_t pos = utf8::findInvalid(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())));
    if (expected < 0)
        QCOMPARE(pos, std::string_view::npos);
    else
        QCOMPARE(pos, static_cast<std::size_t>(expected));
}

void Utf8Test::decodesChineseAndAscii()
{
    const std::string text = "A谍";
    std::size_t pos = 0;
    QCOMPARE(utf8::decode(text, pos), char32_t('A'));
    QCOMPARE(utf8::decode(text, pos), char32_t(0x8C0D));
    QCOMPARE(pos, text.size());
    std::string out;
    utf8::append(out, 0x8C0D);
    QCOMPARE(out, std::string("谍"));
    const std::string bad = "\xFF" "b";
    pos = 0;
    QCOMPARE(utf8::decode(bad, pos), char32_t(0xFFFD));
    QCOMPARE(pos, std::size_t(1));
}

void Utf8Test::classifiesCharacters()
{
    QVERIFY(utf8::isCjk(0x8F66));    // 车
    QVERIFY(!utf8::isCjk('a'));
    QVERIFY(utf8::isSpace(0x3000));  // ideographic space
    QVERIFY(utf8::isPunctuation(0x3002));  // 。
    QVERIFY(utf8::isPunctuation(0xFF0C));  // ，
    QVERIFY(!utf8::isPunctuation(0x8F66));
    QCOMPARE(utf8::foldCase(0xFF21), char32_t('a'));
    QCOMPARE(utf8::foldCase('Q'), char32_t('q'));
}

QTEST_APPLESS_MAIN(Utf8Test)
#include "Utf8Test.moc"
