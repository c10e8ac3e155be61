// `tagbench-cli doctor` running the built binary: the build and device lines, the CPU checks on a
// machine without a GPU (the GPU checks skipped with the reason), and a GPU index that does not exist.
#include "tests/app/CliRunner.h"

#include <QtTest>

namespace {

using Run = tagbench::test::CliRun;

const Run& cpuRun()
{
    static const Run run = tagbench::test::runCli({"doctor", "--device", "cpu"}, 300000);
    return run;
}

} // namespace

class DoctorCommandTest final : public QObject {
    Q_OBJECT

private slots:
    void printsTheBuildAndPassesOnTheCpu()
    {
        const Run& run = cpuRun();
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
        QVERIFY2(run.out.startsWith("LibTorch "), qPrintable(run.out));
        QVERIFY(run.out.contains("cuDNN: "));
        QVERIFY(run.out.contains(QRegularExpression("CPU: \\d+ threads, matrix products: (oneDNN|BLAS)")));
        QVERIFY2(run.out.contains("no GPU checks"), qPrintable(run.out));
        QVERIFY2(run.out.contains("doctor: all checks passed"), qPrintable(run.out));
        QVERIFY(run.out.contains("no GPU checked"));
    }

    void runsEachKindsCpuStep_data()
    {
        QTest::addColumn<QString>("check");
        QTest::newRow("TextCNN") << "[ok  ] TextCNN: training step on the CPU is finite and reproducible";
        QTest::newRow("FastText") << "[ok  ] FastText: training step on the CPU is finite and reproducible";
        QTest::newRow("BERT") << "[ok  ] BERT: training step on the CPU is finite and reproducible";
        QTest::newRow("loss scaling") << "[ok  ] fp16 loss scaling (CPU, float32 math): a scaled step equals the unscaled one";
    }

    void runsEachKindsCpuStep()
    {
        QFETCH(QString, check);
        QVERIFY2(cpuRun().out.contains(check), qPrintable(cpuRun().out));
    }

    void gpuChecksOnlyWithAGpu()
    {
        // With --device cpu no check may claim a GPU comparison.
        QVERIFY(!cpuRun().out.contains("= cpu"));
    }

    void missingGpuIndexIsAClearError()
    {
        const Run run = tagbench::test::runCli({"doctor", "--device", "cuda:7"}, 120000);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("device 'cuda:7'"), qPrintable(run.err));
        QVERIFY2(run.err.contains("requested, but") || run.err.contains("does not exist: this machine has"), qPrintable(run.err));
    }

    void badArguments()
    {
        QCOMPARE(tagbench::test::runCli({"doctor", "--tolerance", "x"}).exitCode, 2);
        QCOMPARE(tagbench::test::runCli({"doctor", "extra"}).exitCode, 2);
        const Run help = tagbench::test::runCli({"doctor", "--help"});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains("--no-oom-check"));
    }
};

QTEST_GUILESS_MAIN(DoctorCommandTest)
#include "DoctorCommandTest.moc"
