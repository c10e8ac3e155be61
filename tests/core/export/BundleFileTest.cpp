#include "core/export/BundleFile.h"
#include "core/export/Safetensors.h"

#include <QCryptographicHash>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace tagbench;

namespace {

QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void writeAll(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(bytes), bytes.size());
}

// Recomputes the SHA-256 trailer, so that a test can change one header field and nothing else.
QByteArray resealed(QByteArray bytes)
{
    bytes.chop(32);
    return bytes + QCryptographicHash::hash(bytes, QCryptographicHash::Sha256);
}

void putU32(QByteArray& bytes, int offset, quint32 value)
{
    for (int i = 0; i < 4; ++i) bytes[offset + i] = static_cast<char>((value >> (8 * i)) & 0xff);
}

} // namespace

class BundleFileTest final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_good = m_dir.filePath("good.tagbench");
        const std::vector<float> weights = {0.5f, -1.0f, 2.0f, 4.0f};
        auto st = SafetensorsWriter::create({{"model.w", TensorDType::F32, {2, 2}, weights.data(), 16}});
        QVERIFY(st.ok());
        m_safetensors = QByteArray::fromStdString(st->toBytes());
        const auto checksum = writeBundleFile(m_good.toStdString(), m_manifest, *st);
        QVERIFY2(checksum.ok(), checksum.ok() ? "" : checksum.message().c_str());
        m_bytes = readAll(m_good);
        QCOMPARE(QString::fromStdString(*checksum),
                 QString::fromLatin1(QCryptographicHash::hash(m_bytes.left(m_bytes.size() - 32),
                                                              QCryptographicHash::Sha256).toHex()));
    }

    void layout()
    {
        QCOMPARE(m_bytes.left(8), QByteArray("TAGBENCH"));
        QCOMPARE(m_bytes.size(), 32 + static_cast<int>(m_manifest.size()) + m_safetensors.size() + 32);
        QCOMPARE(m_bytes.mid(32, static_cast<int>(m_manifest.size())), QByteArray::fromStdString(m_manifest));
        QCOMPARE(m_bytes.mid(32 + static_cast<int>(m_manifest.size()), m_safetensors.size()), m_safetensors);
        QCOMPARE(m_bytes.right(32), QCryptographicHash::hash(m_bytes.left(m_bytes.size() - 32), QCryptographicHash::Sha256));
        // No temporary file is left next to the target.
        QCOMPARE(QDir(m_dir.path()).entryList(QDir::Files), QStringList{"good.tagbench"});
    }

    void opensWhatWasWritten()
    {
        const auto bundle = BundleFile::open(m_good.toStdString());
        QVERIFY2(bundle.ok(), bundle.ok() ? "" : bundle.message().c_str());
        QCOMPARE(bundle->formatVersion(), kBundleFormatVersion);
        QCOMPARE(std::string(bundle->manifestJson()), m_manifest);
        QCOMPARE(QByteArray(bundle->weights().data(), static_cast<int>(bundle->weights().size())), m_safetensors);
        QCOMPARE(bundle->size(), static_cast<std::uint64_t>(m_bytes.size()));
        QVERIFY(SafetensorsReader::parse(bundle->weights()).ok());
    }

    void refuses_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("expected");
        const int manifestEnd = 32 + static_cast<int>(m_manifest.size());

        QTest::newRow("empty") << QByteArray() << "the file is empty: not a Tagbench model bundle";
        QTest::newRow("foreign text") << QByteArray("id,text,labels\n1,hello,a\n") << "not a Tagbench model bundle";
        QTest::newRow("foreign zip") << QByteArray("PK\x03\x04\x14\x00\x00\x00\x08\x00", 10) + QByteArray(100, 'x')
                                     << "not a Tagbench model bundle";
        QTest::newRow("cut in magic") << m_bytes.left(5) << "truncated: only 5 bytes of a bundle header";
        QTest::newRow("cut in header") << m_bytes.left(20) << "truncated: 20 bytes, shorter than the 32-byte header";
        QTest::newRow("cut in manifest") << m_bytes.left(40) << "truncated: the header announces";
        QTest::newRow("cut in weights") << m_bytes.left(manifestEnd + 10) << "truncated: the header announces";
        QTest::newRow("cut last byte") << m_bytes.left(m_bytes.size() - 1) << "truncated: the header announces";
        QTest::newRow("trailing bytes") << m_bytes + "junk" << "4 unexpected bytes after the end of the bundle";

        QByteArray manifestByte = m_bytes;
        manifestByte[34] = static_cast<char>(manifestByte[34] ^ 0x01);
        QTest::newRow("altered manifest") << manifestByte << "checksum mismatch";
        QByteArray weightByte = m_bytes;
        weightByte[m_bytes.size() - 40] = static_cast<char>(weightByte[m_bytes.size() - 40] ^ 0x80);
        QTest::newRow("altered weights") << weightByte << "the file was altered or damaged";
        QByteArray trailerByte = m_bytes;
        trailerByte[m_bytes.size() - 1] = static_cast<char>(trailerByte[m_bytes.size() - 1] ^ 0xff);
        QTest::newRow("altered checksum") << trailerByte << "checksum mismatch";

        QByteArray newer = m_bytes;
        putU32(newer, 8, kBundleFormatVersion + 1);
        QTest::newRow("newer version") << resealed(newer)
                                       << QString("bundle format version %1 is newer than this Tagbench").arg(kBundleFormatVersion + 1);
        QByteArray zero = m_bytes;
        putU32(zero, 8, 0);
        QTest::newRow("version zero") << resealed(zero) << "invalid bundle format version 0";
        QByteArray flags = m_bytes;
        putU32(flags, 12, 4);
        QTest::newRow("unknown flags") << resealed(flags) << "unknown header flags 4";
        QByteArray overflow = m_bytes;
        for (int i = 16; i < 24; ++i) overflow[i] = '\xff';
        QTest::newRow("length overflow") << resealed(overflow) << "section lengths overflow";
    }

    void refuses()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, expected);
        const QString path = m_dir.filePath("bad.tagbench");
        writeAll(path, bytes);
        const auto bundle = BundleFile::open(path.toStdString());
        QVERIFY(!bundle.ok());
        const QString message = QString::fromStdString(bundle.message());
        QVERIFY2(message.startsWith(path + ": "), qPrintable(message));  // the file is named
        QVERIFY2(message.contains(expected), qPrintable(message));
    }

    void missingFile()
    {
        const auto bundle = BundleFile::open(m_dir.filePath("absent.tagbench").toStdString());
        QVERIFY(!bundle.ok());
        QVERIFY2(QString::fromStdString(bundle.message()).contains("absent.tagbench: No such file"), bundle.message().c_str());
    }

    void directoryIsRefused()
    {
        const auto bundle = BundleFile::open(m_dir.path().toStdString());
        QVERIFY(!bundle.ok());
        QVERIFY2(QString::fromStdString(bundle.message()).contains("not a regular file"), bundle.message().c_str());
    }

private:
    QTemporaryDir m_dir;
    QString m_good;
    std::string m_manifest = R"({"format":"tagbench-bundle","note":"标签"})";
    QByteArray m_safetensors;
    QByteArray m_bytes;
};

QTEST_GUILESS_MAIN(BundleFileTest)
#include "BundleFileTest.moc"
