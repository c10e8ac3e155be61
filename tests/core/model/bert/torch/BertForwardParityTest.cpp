// The forward pass and the tokenizer against transformers 4.30.2 on the bert-tiny fixture:
// every text's tokens and ids exactly, hidden states / pooler output / logits within 1e-5, for
// single texts and the padded batch. Also shows the check can fail.
#include "core/model/bert/torch/BertForwardParity.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace tagbench;

namespace {

const QString kFixture = QStringLiteral(TAGBENCH_TEST_DATA "/bert-tiny");

const BertParityCheck* find(const BertParityReport& report, const std::string& name)
{
    for (const auto& check : report.checks)
        if (check.name == name) return &check;
    return nullptr;
}

// A copy of the fixture with one file's text replaced.
QString copyWith(const QTemporaryDir& dir, const QString& file, const QByteArray& from, const QByteArray& to)
{
    for (const auto& name : QDir(kFixture).entryList(QDir::Files)) QFile::copy(kFixture + "/" + name, dir.filePath(name));
    QFile f(dir.filePath(file));
    f.setPermissions(f.permissions() | QFileDevice::WriteOwner);
    f.open(QIODevice::ReadOnly);
    QByteArray content = f.readAll();
    f.close();
    content.replace(from, to);
    f.open(QIODevice::WriteOnly | QIODevice::Truncate);
    f.write(content);
    return dir.path();
}

} // namespace

class BertForwardParityTest final : public QObject {
    Q_OBJECT

private slots:
    void fixtureMatchesHuggingFace_data();
    void fixtureMatchesHuggingFace();
    void tanhGeluIsCaught();
    void tokenMismatchIsListed();
    void badInputsAreErrors();
};

void BertForwardParityTest::fixtureMatchesHuggingFace_data()
{
    QTest::addColumn<QString>("check");
    QTest::addColumn<int>("compared");
    QTest::newRow("basic tokens") << "basic tokens" << 25;
    QTest::newRow("tokens") << "tokens" << 25;
    QTest::newRow("ids") << "input ids, masks, token types" << 75;
    // 25 texts x ([CLS] + last token + 3 per-layer [CLS] states) x 32 values.
    QTest::newRow("hidden states") << "hidden states (per layer, [CLS], last)" << 25 * 5 * 32;
    QTest::newRow("pooler") << "pooler output" << 25 * 32;
    QTest::newRow("logits") << "logits" << 25 * 5;
    QTest::newRow("batch ids") << "padded batch ids and mask" << 2;
    QTest::newRow("batch logits") << "padded batch logits" << 4 * 5;
}

void BertForwardParityTest::fixtureMatchesHuggingFace()
{
    QFETCH(QString, check);
    QFETCH(int, compared);
    static const auto report = BertForwardParity::run(kFixture.toStdString(), (kFixture + "/cases.json").toStdString());
    QVERIFY2(report, report ? "" : report.message().c_str());
    const BertParityCheck* c = find(*report, check.toStdString());
    QVERIFY(c != nullptr);
    QCOMPARE(c->compared, std::size_t(compared));
    QVERIFY2(c->passed(), report->format().c_str());
    if (!c->exact) {
        QVERIFY(c->maxDiff <= 1e-5);
        qInfo("%s: max |diff| %.3g", c->name.c_str(), c->maxDiff);
    }
    QVERIFY(report->passed());
    QVERIFY(report->notes.empty());
}

void BertForwardParityTest::tanhGeluIsCaught()
{
    // The fixture's README: the tanh approximation moves the logits by up to 2.57e-4.
    QTemporaryDir dir;
    const QString folder = copyWith(dir, "config.json", "\"gelu\"", "\"gelu_new\"");
    const auto report = BertForwardParity::run(folder.toStdString(), (folder + "/cases.json").toStdString());
    QVERIFY(report);
    QVERIFY(!report->passed());
    const BertParityCheck* logits = find(*report, "logits");
    QVERIFY(logits && !logits->passed());
    QVERIFY(logits->maxDiff > 2e-4 && logits->maxDiff < 3e-4);
    QVERIFY(find(*report, "tokens")->passed());
}

void BertForwardParityTest::tokenMismatchIsListed()
{
    QTemporaryDir dir;
    // The reference now claims "w ##ow" for "Wow" in punct_runs: one token mismatch, one ids case unaffected.
    const QString folder = copyWith(dir, "cases.json", "\"tokens\": [\"w\", \"##ow\"", "\"tokens\": [\"wo\", \"##w\"");
    const auto report = BertForwardParity::run(folder.toStdString(), (folder + "/cases.json").toStdString());
    QVERIFY(report);
    const BertParityCheck* tokens = find(*report, "tokens");
    QVERIFY(tokens && !tokens->passed());
    QCOMPARE(tokens->mismatches.size(), std::size_t(1));
    QVERIFY2(QString::fromStdString(tokens->mismatches[0]).startsWith("punct_runs: differs at position 0: ours [w ##ow !"),
             tokens->mismatches[0].c_str());
    QVERIFY(QString::fromStdString(report->format()).contains("tokens"));
    QVERIFY(!report->passed());
}

void BertForwardParityTest::badInputsAreErrors()
{
    const auto missing = BertForwardParity::run(kFixture.toStdString(), "/nonexistent/cases.json");
    QVERIFY(!missing);
    QCOMPARE(QString::fromStdString(missing.message()), QStringLiteral("/nonexistent/cases.json: cannot open the file"));
    const auto notCases = BertForwardParity::run(kFixture.toStdString(), (kFixture + "/config.json").toStdString());
    QVERIFY(!notCases);
    QVERIFY(QString::fromStdString(notCases.message()).startsWith(kFixture + "/config.json: not a cases file"));
    const auto noCheckpoint = BertForwardParity::run("/nonexistent", (kFixture + "/cases.json").toStdString());
    QVERIFY(!noCheckpoint);
    QVERIFY(QString::fromStdString(noCheckpoint.message()).startsWith("/nonexistent: "));
}

QTEST_APPLESS_MAIN(BertForwardParityTest)
#include "BertForwardParityTest.moc"
