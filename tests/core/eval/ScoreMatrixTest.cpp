#include "core/eval/ScoreMatrix.h"

#include <QtTest>

#include <cmath>
#include <fstream>
#include <limits>

using namespace tagbench::eval;

class ScoreMatrixTest final : public QObject {
    Q_OBJECT

private slots:
    void roundTrip_data();
    void roundTrip();
    void addDocumentValidates();
    void rejectsCorruptFiles_data();
    void rejectsCorruptFiles();
    void missingFileNamesIt();

private:
    static ScoreMatrix sample();
    QTemporaryDir m_dir;
};

namespace {

std::string readAll(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

void writeAll(const std::string& path, const std::string& bytes)
{
    std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
}

// Byte offsets in sample()'s file: header 40, then names and ids (uint32 length + bytes).
constexpr std::size_t kHeader = 8 + 4 + 4 + 8 + 8 + 8;

} // namespace

ScoreMatrix ScoreMatrixTest::sample()
{
    ScoreMatrix m({"新车上市", "谍照", "新车报价"});
    m.addDocument("a1", std::vector<float>{0.9f, 0.1f, 0.5f}, {2, 0, 2});
    m.addDocument("", std::vector<float>{0.0f, -0.0f, 1e-30f}, {});
    m.addDocument("c3", std::vector<float>{-2.5f, 7.0f, 0.25f}, {1});
    return m;
}

void ScoreMatrixTest::roundTrip_data()
{
    QTest::addColumn<int>("which");
    QTest::newRow("three documents, Chinese labels") << 0;
    QTest::newRow("no documents") << 1;
    QTest::newRow("no labels, two documents") << 2;
}

void ScoreMatrixTest::roundTrip()
{
    QFETCH(int, which);
    ScoreMatrix m;
    if (which == 0) m = sample();
    if (which == 1) m = ScoreMatrix({"x", "y"});
    if (which == 2) {
        m = ScoreMatrix(std::vector<std::string>{});
        QVERIFY(m.addDocument("d1", std::vector<float>{}, {}).ok());
        QVERIFY(m.addDocument("d2", std::vector<float>{}, {}).ok());
    }
    const std::string path = m_dir.filePath(QStringLiteral("rt%1.scores").arg(which)).toStdString();
    QVERIFY(m.save(path).ok());
    auto loaded = ScoreMatrix::load(path);
    QVERIFY2(loaded.ok(), loaded.ok() ? "" : loaded.message().c_str());
    QCOMPARE(loaded->labelNames(), m.labelNames());
    QCOMPARE(loaded->documentIds(), m.documentIds());
    QCOMPARE(loaded->goldOffsets(), m.goldOffsets());
    QCOMPARE(loaded->goldLabels(), m.goldLabels());
    QCOMPARE(loaded->scores().size(), m.scores().size());
    QVERIFY(std::memcmp(loaded->scores().data(), m.scores().data(), m.scores().size() * sizeof(float)) == 0);
    // No temporary file is left next to the target.
    QCOMPARE(QDir(m_dir.path()).entryList(QStringList() << QStringLiteral("rt%1*").arg(which), QDir::Files).size(), 1);
}

void ScoreMatrixTest::addDocumentValidates()
{
    ScoreMatrix m = sample();
    QCOMPARE(m.documentCount(), std::size_t{3});
    QCOMPARE(m.gold(0).size(), std::size_t{2});  // {2, 0, 2} -> {0, 2}
    QCOMPARE(*m.gold(0).begin(), 0u);
    QVERIFY(m.isGold(0, 2));
    QVERIFY(!m.isGold(0, 1));
    QVERIFY(m.gold(1).empty());
    QCOMPARE(m.score(2, 1), 7.0f);

    const auto wrongSize = m.addDocument("x", std::vector<float>{0.1f}, {});
    QVERIFY(!wrongSize.ok());
    QVERIFY(wrongSize.message().find("1 scores for 3 labels") != std::string::npos);
    const auto nan = m.addDocument("y", std::vector<float>{0.1f, std::nanf(""), 0.2f}, {});
    QVERIFY(!nan.ok());
    QVERIFY(nan.message().find("谍照") != std::string::npos);
    const auto badGold = m.addDocument("z", std::vector<float>{0.1f, 0.2f, 0.3f}, {3});
    QVERIFY(!badGold.ok());
    QVERIFY(badGold.message().find("index 3") != std::string::npos);
    QCOMPARE(m.documentCount(), std::size_t{3});  // failed adds change nothing
}

void ScoreMatrixTest::rejectsCorruptFiles_data()
{
    QTest::addColumn<QString>("damage");
    QTest::addColumn<QString>("expected");
    QTest::newRow("empty file") << "truncate:0" << "bad magic";
    QTest::newRow("bad magic") << "poke:0:X" << "bad magic";
    QTest::newRow("future version") << "poke:8:\x02" << "unsupported score file version 2";
    QTest::newRow("truncated header") << "truncate:20" << "truncated";
    QTest::newRow("truncated names") << "truncate:70" << "label name";
    QTest::newRow("names cut short") << "truncate:45" << "header declares";
    QTest::newRow("truncated scores") << "cut:4" << "score block has";
    QTest::newRow("trailing bytes") << "append:abcd" << "score block has";
    QTest::newRow("huge label count") << "poke:31:\x7f" << "header declares";
    QTest::newRow("gold label out of range") << "gold:7" << "out of range";
    QTest::newRow("non-finite score") << "nan" << "not finite";
}

void ScoreMatrixTest::rejectsCorruptFiles()
{
    QFETCH(QString, damage);
    QFETCH(QString, expected);
    const std::string path = m_dir.filePath(QStringLiteral("bad.scores")).toStdString();
    QVERIFY(sample().save(path).ok());
    std::string bytes = readAll(path);
    const QStringList parts = damage.split(':');
    const std::size_t scoreBytes = 3 * 3 * sizeof(float);
    if (parts[0] == "truncate") bytes.resize(parts[1].toULongLong());
    if (parts[0] == "cut") bytes.resize(bytes.size() - parts[1].toULongLong());
    if (parts[0] == "append") bytes += parts[1].toStdString();
    if (parts[0] == "poke") bytes[parts[1].toULongLong()] = parts[2].toLatin1().at(0);
    if (parts[0] == "gold") {
        // The gold label block sits right before the scores; its first entry is document 0's.
        const std::size_t at = bytes.size() - scoreBytes - 3 * sizeof(std::uint32_t);
        bytes[at] = static_cast<char>(parts[1].toInt());
    }
    if (parts[0] == "nan") {
        const float nan = std::numeric_limits<float>::quiet_NaN();
        std::memcpy(&bytes[bytes.size() - sizeof(float)], &nan, sizeof(float));
    }
    QVERIFY(bytes.size() >= kHeader || parts[0] == "truncate");
    writeAll(path, bytes);
    const auto loaded = ScoreMatrix::load(path);
    QVERIFY(!loaded.ok());
    QVERIFY2(loaded.message().find(path) == 0, loaded.message().c_str());
    QVERIFY2(loaded.message().find(expected.toStdString()) != std::string::npos, loaded.message().c_str());
}

void ScoreMatrixTest::missingFileNamesIt()
{
    const auto loaded = ScoreMatrix::load("/nonexistent/dir/dev.scores");
    QVERIFY(!loaded.ok());
    QVERIFY(loaded.message().find("/nonexistent/dir/dev.scores") != std::string::npos);
    QVERIFY(!sample().save("/nonexistent/dir/dev.scores").ok());
}

QTEST_GUILESS_MAIN(ScoreMatrixTest)
#include "ScoreMatrixTest.moc"
