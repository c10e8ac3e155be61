#include "core/model/linear/TfidfOptions.h"

#include <QtTest>

using namespace tagbench;
using namespace tagbench::linear;

class TfidfOptionsTest final : public QObject {
    Q_OBJECT

private slots:
    void documentFrequencyBoundsKeepPythonsSpelling_data();
    void documentFrequencyBoundsKeepPythonsSpelling();
    void rejectsMalformedBounds();
    void metadataRoundTrips();
    void validationNamesTheField_data();
    void validationNamesTheField();
    void metadataErrorsNameTheKey();
};

void TfidfOptionsTest::documentFrequencyBoundsKeepPythonsSpelling_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<double>("value");
    QTest::addColumn<bool>("fraction");
    QTest::addColumn<double>("documentsOf200");
    QTest::newRow("count") << "2" << 2.0 << false << 2.0;
    QTest::newRow("one document") << "1" << 1.0 << false << 1.0;
    QTest::newRow("all documents") << "1.0" << 1.0 << true << 200.0;
    QTest::newRow("fraction") << "0.05" << 0.05 << true << 10.0;
    QTest::newRow("exponent") << "2.5e-05" << 2.5e-5 << true << 0.005;
}

void TfidfOptionsTest::documentFrequencyBoundsKeepPythonsSpelling()
{
    QFETCH(QString, text);
    QFETCH(double, value);
    QFETCH(bool, fraction);
    QFETCH(double, documentsOf200);
    const auto bound = DocumentFrequencyBound::parse(text.toStdString());
    QVERIFY(bound.has_value());
    QCOMPARE(bound->value, value);
    QCOMPARE(bound->fraction, fraction);
    QCOMPARE(bound->documents(200), documentsOf200);
    QCOMPARE(QString::fromStdString(bound->toString()), text);
}

void TfidfOptionsTest::rejectsMalformedBounds()
{
    for (const char* text : {"", "two", "2x", "1.0.0", "nan", "-"})
        QVERIFY2(!DocumentFrequencyBound::parse(text).has_value(), text);
}

void TfidfOptionsTest::metadataRoundTrips()
{
    TfidfOptions options;
    options.analyzer = Analyzer::CharWb;
    options.ngramMin = 2;
    options.ngramMax = 5;
    options.lowercase = false;
    options.minDf = DocumentFrequencyBound::count(3);
    options.maxDf = DocumentFrequencyBound::share(0.25);
    options.maxFeatures = 50000;
    options.sublinearTf = true;
    options.norm = TfidfNorm::L1;
    options.useIdf = false;
    options.smoothIdf = false;
    std::map<std::string, std::string> metadata;
    options.toMetadata("char.", metadata);
    QCOMPARE(metadata.at("char.min_df"), std::string("3"));
    QCOMPARE(metadata.at("char.max_df"), std::string("0.25"));
    QCOMPARE(metadata.at("char.analyzer"), std::string("char_wb"));
    const auto back = TfidfOptions::fromMetadata(metadata, "char.", "model.safetensors");
    QVERIFY2(back.ok(), back.ok() ? "" : back.message().c_str());
    QVERIFY(*back == options);
    QVERIFY(!(TfidfOptions() == options));
}

void TfidfOptionsTest::validationNamesTheField_data()
{
    QTest::addColumn<int>("ngramMin");
    QTest::addColumn<int>("ngramMax");
    QTest::addColumn<QString>("minDf");
    QTest::addColumn<QString>("maxDf");
    QTest::addColumn<QString>("field");  // empty: valid
    QTest::newRow("defaults") << 1 << 1 << "1" << "1.0" << "";
    QTest::newRow("ngram min 0") << 0 << 2 << "1" << "1.0" << "ngram_range";
    QTest::newRow("ngram min > max") << 3 << 2 << "1" << "1.0" << "ngram_range";
    QTest::newRow("min_df count 0") << 1 << 1 << "0" << "1.0" << "min_df";
    QTest::newRow("min_df fraction 0 is fine") << 1 << 1 << "0.0" << "1.0" << "";
    QTest::newRow("max_df fraction above 1") << 1 << 1 << "1" << "1.5" << "max_df";
}

void TfidfOptionsTest::validationNamesTheField()
{
    QFETCH(int, ngramMin);
    QFETCH(int, ngramMax);
    QFETCH(QString, minDf);
    QFETCH(QString, maxDf);
    QFETCH(QString, field);
    TfidfOptions options;
    options.ngramMin = ngramMin;
    options.ngramMax = ngramMax;
    options.minDf = *DocumentFrequencyBound::parse(minDf.toStdString());
    options.maxDf = *DocumentFrequencyBound::parse(maxDf.toStdString());
    const Status status = options.validate("config.json");
    if (field.isEmpty()) {
        QVERIFY2(status.ok(), status.ok() ? "" : status.message().c_str());
        return;
    }
    QVERIFY(!status.ok());
    QVERIFY2(QString::fromStdString(status.message()).startsWith("config.json: " + field), status.message().c_str());
}

void TfidfOptionsTest::metadataErrorsNameTheKey()
{
    std::map<std::string, std::string> metadata;
    TfidfOptions().toMetadata("", metadata);
    metadata["norm"] = "l3";
    auto options = TfidfOptions::fromMetadata(metadata, "", "bundle/model.safetensors");
    QVERIFY(!options.ok());
    QCOMPARE(QString::fromStdString(options.message()),
             QStringLiteral("bundle/model.safetensors: metadata 'norm' has the unreadable value 'l3'"));
    metadata.erase("norm");
    options = TfidfOptions::fromMetadata(metadata, "", "bundle/model.safetensors");
    QVERIFY(!options.ok());
    QCOMPARE(QString::fromStdString(options.message()), QStringLiteral("bundle/model.safetensors: metadata 'norm' is missing"));
}

QTEST_APPLESS_MAIN(TfidfOptionsTest)
#include "TfidfOptionsTest.moc"
