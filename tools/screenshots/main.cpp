// tagbench-screenshots: opens the files in the real main window, saves a PNG of every page into
// a folder, then quits (see make-screenshots.sh).
#include "tools/screenshots/ScreenshotRunner.h"
#include "ui/LanguageManager.h"
#include "ui/MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>

#include <cstdio>

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Tagbench"));
    QApplication::setApplicationName(QStringLiteral("Tagbench"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Saves a PNG of every Tagbench page with the given files loaded."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("dir"), QStringLiteral("Folder for the PNG files."));
    parser.addPositionalArgument(QStringLiteral("files"), QStringLiteral("Project, dataset and run files to open."),
                                 QStringLiteral("[files...]"));
    const QCommandLineOption languageOption(QStringLiteral("language"), QStringLiteral("en or zh_CN."), QStringLiteral("code"));
    const QCommandLineOption sizeOption(QStringLiteral("window-size"), QStringLiteral("WIDTHxHEIGHT."), QStringLiteral("size"));
    parser.addOptions({languageOption, sizeOption});
    parser.process(app);
    QStringList arguments = parser.positionalArguments();
    if (arguments.isEmpty()) {
        std::fprintf(stderr, "tagbench-screenshots: name the output folder\n");
        return 2;
    }
    const QString directory = arguments.takeFirst();

    tagbench::ui::LanguageManager languages;
    languages.applyLanguage(parser.isSet(languageOption) ? parser.value(languageOption) : QStringLiteral("en"));
    tagbench::ui::MainWindow window(&languages);
    const QStringList size = parser.value(sizeOption).split(QLatin1Char('x'));
    window.resize(size.value(0, QStringLiteral("1400")).toInt(), size.value(1, QStringLiteral("900")).toInt());
    window.show();
    window.setAskAboutBadRecords(false);
    for (const QString& file : arguments)
        window.openPath(file);
    auto* runner = new tagbench::ui::ScreenshotRunner(&window, directory, &window);
    QObject::connect(runner, &tagbench::ui::ScreenshotRunner::finished, &app, &QCoreApplication::exit);
    runner->start();
    return app.exec();
}
