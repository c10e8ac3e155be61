// LearningRateSchedule: transformers' warmup schedules step by step, and parsing them from traces.
#include "core/train/torch/LearningRateSchedule.h"

#include <QtTest>

#include <cmath>

using namespace tagbench;

class LearningRateScheduleTest final : public QObject {
    Q_OBJECT

private slots:
    void factors_data();
    void factors();
    void parse_data();
    void parse();
    void parseErrors_data();
    void parseErrors();
};

void LearningRateScheduleTest::factors_data()
{
    QTest::addColumn<int>("decay");
    QTest::addColumn<int>("warmup");
    QTest::addColumn<int>("total");
    QTest::addColumn<QList<double>>("expected");  // factor(0), factor(1), ...
    // The fixture's trace: lr 1e-3 with warmup 2 of 10 gave 0, 5e-4, 1e-3, 8.75e-4, 7.5e-4.
    QTest::newRow("linear warmup 2 of 10") << int(LearningRateDecay::Linear) << 2 << 10
                                           << QList<double>{0, 0.5, 1, 0.875, 0.75, 0.625, 0.5, 0.375, 0.25, 0.125, 0, 0};
    QTest::newRow("linear without warmup") << int(LearningRateDecay::Linear) << 0 << 4 << QList<double>{1, 0.75, 0.5, 0.25, 0};
    QTest::newRow("cosine warmup 1 of 5") << int(LearningRateDecay::Cosine) << 1 << 5
                                          << QList<double>{0, 1, 0.5 * (1 + std::cos(M_PI * 0.25)), 0.5,
                                                           0.5 * (1 + std::cos(M_PI * 0.75)), 0};
    QTest::newRow("constant warmup 3") << int(LearningRateDecay::Constant) << 3 << 0
                                       << QList<double>{0, 1.0 / 3, 2.0 / 3, 1, 1};
}

void LearningRateScheduleTest::factors()
{
    QFETCH(int, decay);
    QFETCH(int, warmup);
    QFETCH(int, total);
    QFETCH(QList<double>, expected);
    LearningRateSchedule schedule;
    schedule.decay = static_cast<LearningRateDecay>(decay);
    schedule.warmupSteps = warmup;
    schedule.totalSteps = total;
    for (int step = 0; step < expected.size(); ++step)
        QVERIFY2(std::abs(schedule.factor(step) - expected[step]) < 1e-12, QByteArray::number(step).constData());
}

void LearningRateScheduleTest::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("decay");
    QTest::addColumn<int>("warmup");
    QTest::addColumn<int>("total");
    QTest::newRow("trace form") << "transformers.get_linear_schedule_with_warmup(num_warmup_steps=2, num_training_steps=10)"
                                << int(LearningRateDecay::Linear) << 2 << 10;
    QTest::newRow("cosine") << "get_cosine_schedule_with_warmup(num_warmup_steps=0, num_training_steps=100)"
                            << int(LearningRateDecay::Cosine) << 0 << 100;
    QTest::newRow("constant") << "get_constant_schedule_with_warmup(num_warmup_steps=5)" << int(LearningRateDecay::Constant) << 5 << 0;
    QTest::newRow("none") << "" << int(LearningRateDecay::Constant) << 0 << 0;
}

void LearningRateScheduleTest::parse()
{
    QFETCH(QString, text);
    QFETCH(int, decay);
    QFETCH(int, warmup);
    QFETCH(int, total);
    const auto schedule = LearningRateSchedule::parse(text.toStdString());
    QVERIFY2(schedule, schedule ? "" : schedule.message().c_str());
    QCOMPARE(int(schedule->decay), decay);
    QCOMPARE(schedule->warmupSteps, std::int64_t(warmup));
    QCOMPARE(schedule->totalSteps, std::int64_t(total));
}

void LearningRateScheduleTest::parseErrors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("unknown") << "get_polynomial_decay_schedule_with_warmup(num_warmup_steps=1)"
                             << "unknown learning-rate schedule \"get_polynomial_decay_schedule_with_warmup(num_warmup_steps=1)\" "
                                "(expected get_constant/linear/cosine_schedule_with_warmup(...))";
    QTest::newRow("no total") << "get_linear_schedule_with_warmup(num_warmup_steps=1)"
                              << "schedule \"get_linear_schedule_with_warmup(num_warmup_steps=1)\" lacks num_training_steps";
}

void LearningRateScheduleTest::parseErrors()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    const auto schedule = LearningRateSchedule::parse(text.toStdString());
    QVERIFY(!schedule);
    QCOMPARE(QString::fromStdString(schedule.message()), expected);
}

QTEST_APPLESS_MAIN(LearningRateScheduleTest)
#include "LearningRateScheduleTest.moc"
