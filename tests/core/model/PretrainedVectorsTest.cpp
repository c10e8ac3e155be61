#include "core/model/PretrainedVectors.h"
#include "core/text/Vocabulary.h"

#include <QtTest>

using namespace tagbench;

namespace {
const std::string kDir = TAGBENCH_TEST_DATA "/train/";

Vocabulary vocabulary()
{
    // ids 2.. by descending count: engine(6), brake(3), wheel(1)
    return Vocabulary::fromCounts({{"engine", 6}, {"brake", 3}, {"wheel", 1}}, 1, 0);
}
} // namespace

class PretrainedVectorsTest final : public QObject {
    Q_OBJECT

private slots:
    void loadsVectorsAndCoverage();
    void errorsNameFileAndLine_data();
    void errorsNameFileAndLine();
};

void PretrainedVectorsTest::loadsVectorsAndCoverage()
{
    const Vocabulary vocab = vocabulary();
    const auto vectors = loadPretrainedVectors(kDir + "vectors.txt", vocab, 3);
    QVERIFY2(vectors.ok(), vectors.ok() ? "" : vectors.message().c_str());
    QCOMPARE(vectors->vectorsInFile, std::int64_t(4));
    QCOMPARE(vectors->vocabularyTypes, std::int64_t(3));
    QCOMPARE(vectors->coveredTypes, std::int64_t(2));
    QCOMPARE(vectors->tokenCoverage, 9.0 / 10.0);
    const std::int32_t engine = vocab.id("engine");
    const std::int32_t brake = vocab.id("brake");
    QCOMPARE(vectors->rows[static_cast<std::size_t>(engine) * 3 + 2], 2.0f);
    // The exact "brake" wins over "Brake", whichever comes first in the file.
    QCOMPARE(vectors->rows[static_cast<std::size_t>(brake) * 3], 3.0f);
    QCOMPARE(vectors->found[static_cast<std::size_t>(vocab.id("wheel"))], std::uint8_t(0));
    QCOMPARE(vectors->found[0], std::uint8_t(0));  // <pad> stays zero
    QVERIFY(QString::fromStdString(vectors->coverageSummary()).startsWith("2 of 3 vocabulary entries (66.7%), 90.0%"));
}

void PretrainedVectorsTest::errorsNameFileAndLine_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("dimension");
    QTest::addColumn<QString>("expected");
    QTest::newRow("header dimension") << "vectors.txt" << 5 << "vectors.txt:1: the vectors have 3 dimensions but embedding.dimension is 5";
    QTest::newRow("short row") << "vectors_bad.txt" << 3 << "vectors_bad.txt:2: expected a word and 3 numbers, found 2 numbers";
    QTest::newRow("missing file") << "absent.txt" << 3 << "absent.txt: cannot open";
}

void PretrainedVectorsTest::errorsNameFileAndLine()
{
    QFETCH(QString, file);
    QFETCH(int, dimension);
    QFETCH(QString, expected);
    const auto vectors = loadPretrainedVectors(kDir + file.toStdString(), vocabulary(), dimension);
    QVERIFY(!vectors.ok());
    QVERIFY2(QString::fromStdString(vectors.message()).contains(expected), vectors.message().c_str());
}

QTEST_APPLESS_MAIN(PretrainedVectorsTest)
#include "PretrainedVectorsTest.moc"
