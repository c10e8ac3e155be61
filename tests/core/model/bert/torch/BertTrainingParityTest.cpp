// Fine-tuning against transformers' traces on the bert-tiny fixture: 5 AdamW steps plain, and
// with clip_grad_norm_ 1.0 + linear warmup; losses, rates, gradient norms, gradients, logits and
// parameter slices within 1e-4. Also shows a wrong recipe is caught.
#include "core/model/bert/torch/BertTrainingParity.h"

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

QString traceWith(const QTemporaryDir& dir, const QByteArray& from, const QByteArray& to)
{
    QFile in(kFixture + "/train_trace.json");
    in.open(QIODevice::ReadOnly);
    QByteArray content = in.readAll();
    content.replace(from, to);
    QFile out(dir.filePath("train_trace.json"));
    out.open(QIODevice::WriteOnly);
    out.write(content);
    return out.fileName();
}

} // namespace

class BertTrainingParityTest final : public QObject {
    Q_OBJECT

private slots:
    void tracesMatchHuggingFace_data();
    void tracesMatchHuggingFace();
    void wrongWeightDecayIsCaught();
    void unknownScheduleIsAnError();
};

void BertTrainingParityTest::tracesMatchHuggingFace_data()
{
    QTest::addColumn<QString>("check");
    QTest::addColumn<int>("compared");
    QTest::newRow("input ids") << "trace input ids and mask" << 1;
    for (const char* trace : {"plain", "clip_and_schedule"}) {
        const QString t = trace;
        QTest::newRow((t + " rates").toUtf8()) << t + ": learning rates" << 5;
        QTest::newRow((t + " losses").toUtf8()) << t + ": losses" << 6;
        QTest::newRow((t + " norms").toUtf8()) << t + ": gradient norms" << 5;
        QTest::newRow((t + " grads").toUtf8()) << t + ": gradients at step 1" << 93;
        QTest::newRow((t + " logits").toUtf8()) << t + ": logits after the last step" << 40;
        QTest::newRow((t + " params").toUtf8()) << t + ": parameters after the last step" << 93;
    }
}

void BertTrainingParityTest::tracesMatchHuggingFace()
{
    QFETCH(QString, check);
    QFETCH(int, compared);
    static const auto report =
        BertTrainingParity::run(kFixture.toStdString(), (kFixture + "/train_trace.json").toStdString());
    QVERIFY2(report, report ? "" : report.message().c_str());
    const BertParityCheck* c = find(*report, check.toStdString());
    QVERIFY2(c != nullptr, report->format().c_str());
    QCOMPARE(c->compared, std::size_t(compared));
    QVERIFY2(c->passed(), report->format().c_str());
    if (!c->exact) {
        QVERIFY(c->maxDiff <= 1e-4);
        qInfo("%s: max |diff| %.3g", c->name.c_str(), c->maxDiff);
    }
    QVERIFY(report->passed());
}

void BertTrainingParityTest::wrongWeightDecayIsCaught()
{
    // Decay 0.1 instead of 0.01: the unused rows (row 5 of the word embeddings, token type 1)
    // shrink ten times faster, which the parameter slices see.
    QTemporaryDir dir;
    const QString trace = traceWith(dir, "weight_decay=0.01", "weight_decay=0.1");
    const auto report = BertTrainingParity::run(kFixture.toStdString(), trace.toStdString());
    QVERIFY2(report, report ? "" : report.message().c_str());
    QVERIFY(!report->passed());
    QVERIFY(!find(*report, "plain: parameters after the last step")->passed());
    QVERIFY(find(*report, "plain: gradients at step 1")->passed());
}

void BertTrainingParityTest::unknownScheduleIsAnError()
{
    QTemporaryDir dir;
    const QString trace = traceWith(dir, "get_linear_schedule_with_warmup", "get_polynomial_decay_schedule_with_warmup");
    const auto report = BertTrainingParity::run(kFixture.toStdString(), trace.toStdString());
    QVERIFY(!report);
    QVERIFY2(QString::fromStdString(report.message()).startsWith(trace + ": trace \"clip_and_schedule\": unknown learning-rate schedule"),
             report.message().c_str());
}

QTEST_APPLESS_MAIN(BertTrainingParityTest)
#include "BertTrainingParityTest.moc"
