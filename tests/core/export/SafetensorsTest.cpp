#include "core/export/Safetensors.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <cstring>

using namespace tagbench;

namespace {

// A safetensors file made by hand: length prefix, header text as given, data bytes.
QByteArray rawFile(const QByteArray& header, const QByteArray& data)
{
    QByteArray file;
    quint64 length = static_cast<quint64>(header.size());
    for (int i = 0; i < 8; ++i) file.append(static_cast<char>((length >> (8 * i)) & 0xff));
    return file + header + data;
}

std::string_view view(const QByteArray& bytes)
{
    return {bytes.constData(), static_cast<std::size_t>(bytes.size())};
}

} // namespace

class SafetensorsTest final : public QObject {
    Q_OBJECT

private slots:
    // The layout is read back with Qt's JSON parser and plain byte arithmetic, independently of
    // SafetensorsReader, the way any other safetensors implementation would read it.
    void layoutIsStandard()
    {
        const std::vector<float> weights = {1.5f, -2.0f, 3.25f, 0.0f, 1e-7f, 42.0f};
        const std::vector<std::int64_t> ids = {7, -1, 1LL << 40};
        const std::string bytes = "\x01\x02\xff";
        auto writer = SafetensorsWriter::create(
            {{"layer.weight", TensorDType::F32, {2, 3}, weights.data(), weights.size() * sizeof(float)},
             {"ids", TensorDType::I64, {3}, ids.data(), ids.size() * sizeof(std::int64_t)},
             {"raw", TensorDType::U8, {3}, bytes.data(), bytes.size()},
             {"empty", TensorDType::F32, {0, 4}, nullptr, 0}},
            {{"format", "pt"}, {"note", "唯一"}});
        QVERIFY2(writer.ok(), writer.ok() ? "" : writer.message().c_str());
        const std::string file = writer->toBytes();
        QCOMPARE(static_cast<quint64>(file.size()), writer->size());

        quint64 headerLength = 0;
        for (int i = 0; i < 8; ++i) headerLength |= quint64(static_cast<unsigned char>(file[i])) << (8 * i);
        QCOMPARE((8 + headerLength) % 8, quint64(0));  // data section aligned like the reference writer
        const QByteArray headerText = QByteArray::fromStdString(file.substr(8, headerLength));
        QJsonParseError error;
        const QJsonObject header = QJsonDocument::fromJson(headerText, &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(header.size(), 5);
        QCOMPARE(header["__metadata__"].toObject()["format"].toString(), QStringLiteral("pt"));
        QCOMPARE(header["__metadata__"].toObject()["note"].toString(), QStringLiteral("唯一"));

        const std::string data = file.substr(8 + headerLength);
        const QJsonObject weight = header["layer.weight"].toObject();
        QCOMPARE(weight["dtype"].toString(), QStringLiteral("F32"));
        QCOMPARE(weight["shape"].toArray(), (QJsonArray{2, 3}));
        const QJsonArray offsets = weight["data_offsets"].toArray();
        QCOMPARE(offsets[1].toInteger() - offsets[0].toInteger(), qint64(24));
        std::vector<float> readBack(6);
        std::memcpy(readBack.data(), data.data() + offsets[0].toInteger(), 24);
        QCOMPARE(readBack, weights);

        const QJsonObject idEntry = header["ids"].toObject();
        QCOMPARE(idEntry["dtype"].toString(), QStringLiteral("I64"));
        std::int64_t third = 0;
        std::memcpy(&third, data.data() + idEntry["data_offsets"].toArray()[0].toInteger() + 16, 8);
        QCOMPARE(third, 1LL << 40);
        QCOMPARE(header["empty"].toObject()["shape"].toArray(), (QJsonArray{0, 4}));

        // Offsets tile the data section exactly.
        qint64 covered = 0;
        for (const char* name : {"layer.weight", "ids", "raw", "empty"}) {
            const QJsonArray o = header[name].toObject()["data_offsets"].toArray();
            covered += o[1].toInteger() - o[0].toInteger();
        }
        QCOMPARE(covered, qint64(data.size()));
    }

    void roundTrip()
    {
        const std::vector<float> weights = {0.25f, -0.5f};
        const std::vector<std::int32_t> small = {1, 2, 3, 4};
        auto writer = SafetensorsWriter::create(
            {{"b", TensorDType::I32, {2, 2}, small.data(), 16}, {"a", TensorDType::F32, {2}, weights.data(), 8}});
        QVERIFY(writer.ok());
        const std::string file = writer->toBytes();
        const auto reader = SafetensorsReader::parse(file);
        QVERIFY2(reader.ok(), reader.ok() ? "" : reader.message().c_str());
        QCOMPARE(reader->tensors().size(), std::size_t(2));
        QVERIFY(reader->metadata().empty());
        const TensorInfo* a = reader->find("a");
        QVERIFY(a);
        QCOMPARE(a->dtype, TensorDType::F32);
        QCOMPARE(a->shape, std::vector<std::int64_t>{2});
        QCOMPARE(a->elementCount(), std::int64_t(2));
        std::vector<float> readBack(2);
        std::memcpy(readBack.data(), reader->data(*a).data(), 8);
        QCOMPARE(readBack, weights);
        QCOMPARE(reader->data(*reader->find("b")).size(), std::size_t(16));
        QVERIFY(!reader->find("c"));
    }

    void writerRefuses_data()
    {
        QTest::addColumn<int>("which");
        QTest::addColumn<QString>("expected");
        QTest::newRow("duplicate") << 0 << "duplicate tensor name \"x\"";
        QTest::newRow("size mismatch") << 1 << "needs 12 bytes, got 8";
        QTest::newRow("reserved name") << 2 << "invalid tensor name \"__metadata__\"";
        QTest::newRow("negative dimension") << 3 << "invalid shape [-1]";
    }

    void writerRefuses()
    {
        QFETCH(int, which);
        QFETCH(QString, expected);
        const float data[3] = {1, 2, 3};
        std::vector<TensorRef> tensors;
        switch (which) {
        case 0: tensors = {{"x", TensorDType::F32, {1}, data, 4}, {"x", TensorDType::F32, {1}, data, 4}}; break;
        case 1: tensors = {{"x", TensorDType::F32, {3}, data, 8}}; break;
        case 2: tensors = {{"__metadata__", TensorDType::F32, {1}, data, 4}}; break;
        default: tensors = {{"x", TensorDType::F32, {-1}, data, 4}}; break;
        }
        const auto writer = SafetensorsWriter::create(tensors);
        QVERIFY(!writer.ok());
        QVERIFY2(QString::fromStdString(writer.message()).contains(expected), writer.message().c_str());
    }

    void readerRefuses_data()
    {
        QTest::addColumn<QByteArray>("file");
        QTest::addColumn<QString>("expected");
        const QByteArray eight(8, '\0');
        QTest::newRow("too short") << QByteArray("abc") << "too short for the header length";
        QTest::newRow("header past end") << rawFile("{}", {}).left(9) << "runs past the end";
        QByteArray huge = rawFile("{}", {});
        huge[7] = '\x01';
        QTest::newRow("huge header") << huge << "exceeds the limit";
        QTest::newRow("not an object") << rawFile("[1, 2]", {}) << "does not start with '{'";
        QTest::newRow("broken json") << rawFile("{\"a\": ", {}) << "not a JSON object";
        QTest::newRow("unknown dtype") << rawFile(R"({"a":{"dtype":"F128","shape":[1],"data_offsets":[0,16]}})", QByteArray(16, 0))
                                       << "unsupported dtype \"F128\"";
        QTest::newRow("shape mismatch") << rawFile(R"({"a":{"dtype":"F32","shape":[3],"data_offsets":[0,8]}})", eight)
                                        << "does not match its 8 data bytes";
        QTest::newRow("gap") << rawFile(R"({"a":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}})", eight)
                             << "starts at data offset 4, expected 0";
        QTest::newRow("overlap")
            << rawFile(R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}})", eight)
            << "expected 8 (gap or overlap)";
        QTest::newRow("trailing bytes") << rawFile(R"({"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}})", eight)
                                        << "tensors cover 4 data bytes but the file holds 8";
        QTest::newRow("missing data") << rawFile(R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}})", eight.left(6))
                                      << "tensors cover 8 data bytes but the file holds 6";
        QTest::newRow("reversed offsets") << rawFile(R"({"a":{"dtype":"F32","shape":[0],"data_offsets":[8,0]}})", {})
                                          << "end before they begin";
        QTest::newRow("negative offset") << rawFile(R"({"a":{"dtype":"F32","shape":[1],"data_offsets":[-4,0]}})", {})
                                         << "two non-negative integers";
        QTest::newRow("metadata value") << rawFile(R"({"__metadata__":{"n":1}})", {}) << "is not a string";
        QTest::newRow("missing shape") << rawFile(R"({"a":{"dtype":"F32","data_offsets":[0,0]}})", {})
                                       << "missing or non-array \"shape\"";
    }

    void readerRefuses()
    {
        QFETCH(QByteArray, file);
        QFETCH(QString, expected);
        const auto reader = SafetensorsReader::parse(view(file));
        QVERIFY(!reader.ok());
        QVERIFY2(QString::fromStdString(reader.message()).contains(expected), reader.message().c_str());
    }

    // Files from other writers: no padding, keys in any order, null metadata.
    void readsForeignLayout()
    {
        QByteArray data(12, 0);
        const float values[3] = {1.0f, 2.0f, 3.0f};
        std::memcpy(data.data(), values, 12);
        const QByteArray file = rawFile(
            R"({"z":{"dtype":"F32","shape":[2],"data_offsets":[4,12]},"__metadata__":null,"a":{"dtype":"F32","shape":[],"data_offsets":[0,4]}})",
            data);
        const auto reader = SafetensorsReader::parse(view(file));
        QVERIFY2(reader.ok(), reader.ok() ? "" : reader.message().c_str());
        QCOMPARE(reader->tensors().front().name, std::string("a"));  // data order
        QCOMPARE(reader->find("a")->elementCount(), std::int64_t(1));
        float z1 = 0;
        std::memcpy(&z1, reader->data(*reader->find("z")).data() + 4, 4);
        QCOMPARE(z1, 3.0f);
    }
};

QTEST_GUILESS_MAIN(SafetensorsTest)
#include "SafetensorsTest.moc"
