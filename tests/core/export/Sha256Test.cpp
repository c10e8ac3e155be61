#include "core/export/Sha256.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QTest>

using tagbench::Sha256;

class Sha256Test final : public QObject {
    Q_OBJECT

private slots:
    void knownVectors_data()
    {
        QTest::addColumn<QByteArray>("message");
        QTest::addColumn<QString>("digest");
        // FIPS 180-2 appendix B and the usual empty-string vector.
        QTest::newRow("empty") << QByteArray() << "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
        QTest::newRow("abc") << QByteArray("abc") << "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
        QTest::newRow("two blocks") << QByteArray("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                                    << "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1";
        QTest::newRow("million a") << QByteArray(1000000, 'a')
                                   << "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0";
    }

    void knownVectors()
    {
        QFETCH(QByteArray, message);
        QFETCH(QString, digest);
        const auto actual = Sha256::of(std::string_view(message.constData(), static_cast<std::size_t>(message.size())));
        QCOMPARE(QString::fromStdString(Sha256::toHex(actual)), digest);
    }

    // Every length around the 55/56/64-byte padding boundaries, fed in uneven pieces, against
    // Qt's independent implementation.
    void agreesWithQtInPieces()
    {
        QRandomGenerator random(1234);
        for (int length = 0; length < 300; ++length) {
            QByteArray data(length, Qt::Uninitialized);
            for (auto& byte : data) byte = static_cast<char>(random.bounded(256));
            Sha256 hash;
            int offset = 0;
            while (offset < length) {
                const int piece = std::min(length - offset, 1 + static_cast<int>(random.bounded(70)));
                hash.update(data.constData() + offset, static_cast<std::size_t>(piece));
                offset += piece;
            }
            const auto digest = hash.finish();
            const QByteArray expected = QCryptographicHash::hash(data, QCryptographicHash::Sha256);
            QCOMPARE(QByteArray(reinterpret_cast<const char*>(digest.data()), 32), expected);
        }
    }

    void finishResets()
    {
        Sha256 hash;
        hash.update("garbage");
        hash.finish();
        hash.update("abc");
        QCOMPARE(QString::fromStdString(Sha256::toHex(hash.finish())),
                 QStringLiteral("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    }
};

QTEST_GUILESS_MAIN(Sha256Test)
#include "Sha256Test.moc"
