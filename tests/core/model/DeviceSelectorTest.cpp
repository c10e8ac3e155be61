// Device requests: spelling errors, a GPU index that does not exist, and CUDA requested on a
// build or machine without it, each with a message that says what to do.
#include "core/model/DeviceSelector.h"
#include "core/model/GpuDevices.h"

#include <QtTest>

using namespace tagbench;

class DeviceSelectorTest final : public QObject {
    Q_OBJECT

private slots:
    void cpuAndAuto()
    {
        auto cpu = selectDevice("cpu");
        QVERIFY(cpu.ok());
        QVERIFY(!cpu->cuda);
        QVERIFY(cpu->description.rfind("cpu (", 0) == 0);
        auto automatic = selectDevice("auto");
        QVERIFY(automatic.ok());
        QCOMPARE(automatic->cuda, cudaAvailable());
    }

    void badSpellings_data()
    {
        QTest::addColumn<QString>("request");
        QTest::addColumn<QString>("message");
        QTest::newRow("gpu") << "gpu" << "expected auto, cpu, cuda or cuda:N";
        QTest::newRow("colon only") << "cuda:" << "expected cuda or cuda:N";
        QTest::newRow("no colon") << "cuda1" << "expected cuda or cuda:N";
        QTest::newRow("letters") << "cuda:x" << "expected cuda:N with N a GPU index";
        QTest::newRow("trailing") << "cuda:1x" << "expected cuda:N with N a GPU index";
        QTest::newRow("negative") << "cuda:-1" << "expected cuda:N with N a GPU index";
    }

    void badSpellings()
    {
        QFETCH(QString, request);
        QFETCH(QString, message);
        auto choice = selectDevice(request.toStdString());
        QVERIFY(!choice.ok());
        QVERIFY2(choice.message().find(message.toStdString()) != std::string::npos, choice.message().c_str());
        QVERIFY(choice.message().find("'" + request.toStdString() + "'") != std::string::npos);
    }

    void indexThatDoesNotExist()
    {
        auto choice = selectDevice("cuda:9");
        QVERIFY(!choice.ok());
        if (cudaAvailable()) {
            QVERIFY2(choice.message().find("device 'cuda:9' does not exist: this machine has") != std::string::npos, choice.message().c_str());
        } else {
            QVERIFY2(choice.message().find("device 'cuda:9' requested, but") != std::string::npos, choice.message().c_str());
            const bool compiled = torchBuildInfo().cudaCompiled;
            QVERIFY(choice.message().find(compiled ? "no GPU is visible" : "this LibTorch has no CUDA support") != std::string::npos);
        }
    }

    void chosenGpuIsDescribed()
    {
        if (!cudaAvailable()) QSKIP("no GPU on this machine");
        const auto gpus = listGpus();
        const int last = static_cast<int>(gpus.size()) - 1;
        auto choice = selectDevice("cuda:" + std::to_string(last));
        QVERIFY(choice.ok());
        QCOMPARE(choice->index, last);
        QVERIFY(choice->description.find(gpus.back().name) != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(DeviceSelectorTest)
#include "DeviceSelectorTest.moc"
