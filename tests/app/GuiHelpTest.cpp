#include <QProcess>
#include <QProcessEnvironment>
#include <QTest>

/// tagbench --help and --version answer on a machine without a display (a server, an ssh
/// session): no platform plugin is loaded for them.
class GuiHelpTest final : public QObject {
    Q_OBJECT
private slots:
    void answersWithoutADisplay_data();
    void answersWithoutADisplay();
};

void GuiHelpTest::answersWithoutADisplay_data()
{
    QTest::addColumn<QString>("flag");
    QTest::addColumn<QString>("expected");
    QTest::newRow("--help") << QStringLiteral("--help") << QStringLiteral("--language <code>");
    QTest::newRow("-h") << QStringLiteral("-h") << QStringLiteral("--window-size <size>");
    QTest::newRow("--version") << QStringLiteral("--version") << QStringLiteral(TAGBENCH_VERSION);
}

void GuiHelpTest::answersWithoutADisplay()
{
    QFETCH(QString, flag);
    QFETCH(QString, expected);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const char* name : {"QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORMTHEME"})
        environment.remove(QString::fromLatin1(name));
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(TAGBENCH_BINARY_DIR "/bin/tagbench"), {flag});
    QVERIFY(process.waitForFinished(30000));
    const QString output = QString::fromUtf8(process.readAllStandardOutput());
    const QString errors = QString::fromUtf8(process.readAllStandardError());
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);   // not aborted
    QVERIFY2(process.exitCode() == 0, qPrintable(errors));
    QVERIFY2(output.contains(expected), qPrintable(output + errors));
}

QTEST_GUILESS_MAIN(GuiHelpTest)
#include "GuiHelpTest.moc"
