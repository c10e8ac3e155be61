#include "core/storage/ContentHash.h"

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

using namespace tagbench;

class ContentHashTest final : public QObject {
    Q_OBJECT

private slots:
    void knownVectors_data();
    void knownVectors();
    void incrementalMatchesOneShot();
    void hashesFiles();
};

void ContentHashTest::knownVectors_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<quint64>("expected");
    // Reference values of XXH64 with seed 0 (xxhsum -H64).
    QTest::newRow("empty") << QByteArray() << Q_UINT64_C(0xEF46DB3751D8E999);
    QTest::newRow("a") << QByteArray("a") << Q_UINT64_C(0xD24EC4F1A98C6E5B);
    QTest::newRow("abc") << QByteArray("abc") << Q_UINT64_C(0x44BC2CF5AD770999);
    QTest::newRow("39 bytes") << QByteArray("Nobody inspects the spammish repetition") << Q_UINT64_C(0xFBCEA83C8A378BF1);
    QTest::newRow("100 bytes") << QByteArray("0123456789").repeated(10) << Q_UINT64_C(0xF80E7B96315AFFFA);
    QTest::newRow("64 bytes utf-8") << QString("新车上市：2024款Model 3正式上市，售价23.19万元起").toUtf8()
                                    << Q_UINT64_C(0x872809057D4D261A);
}

void ContentHashTest::knownVectors()
{
    QFETCH(QByteArray, input);
    QFETCH(quint64, expected);
    QCOMPARE(quint64(ContentHash::of(std::string_view(input.constData(), std::size_t(input.size())))), expected);
}

void ContentHashTest::incrementalMatchesOneShot()
{
    std::string data;
    for (int i = 0; i < 1000; ++i) data += "新车上市 " + std::to_string(i * 7919) + "\n";
    const std::uint64_t whole = ContentHash::of(data);
    for (std::size_t chunk : {1, 3, 31, 32, 33, 4096}) {
        ContentHash hash;
        for (std::size_t pos = 0; pos < data.size(); pos += chunk) hash.update(std::string_view(data).substr(pos, chunk));
        QCOMPARE(hash.digest(), whole);
    }
    std::string changed = data;
    changed[500] ^= 1;
    QVERIFY(ContentHash::of(changed) != whole);
}

void ContentHashTest::hashesFiles()
{
    QTemporaryDir dir;
    const std::string path = dir.filePath("data.txt").toStdString();
    std::ofstream(path, std::ios::binary) << "abc";
    const auto hash = ContentHash::ofFile(path);
    QVERIFY(hash.ok());
    QCOMPARE(*hash, std::string("xxh64:44bc2cf5ad770999"));
    const auto missing = ContentHash::ofFile(path + ".missing");
    QVERIFY(!missing.ok());
    QVERIFY(missing.message().find("data.txt.missing") != std::string::npos);
}

QTEST_APPLESS_MAIN(ContentHashTest)
#include "ContentHashTest.moc"
