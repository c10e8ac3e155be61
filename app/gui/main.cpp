// Tagbench desktop workbench.
#include "ui/LanguageManager.h"
#include "ui/MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QSize>
#include <QTimer>

#include <cstdio>

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Tagbench"));
    QApplication::setApplicationName(QStringLiteral("Tagbench"));
    QApplication::setApplicationVersion(QStringLiteral(TAGBENCH_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("tagbench"));
    QApplication::setWindowIcon(QIcon::fromTheme(QStringLiteral("tagbench"), QIcon(QStringLiteral(":/icons/tagbench.svg"))));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Workbench for multi-label text classification."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("files"),
                                 QStringLiteral("Dataset files to open (JSON lines, NeuralClassifier, fastText, CSV, TSV)."),
                                 QStringLiteral("[files...]"));
    const QCommandLineOption languageOption(
        QStringLiteral("language"),
        QStringLiteral("UI language for this run: en, zh_CN or system (the saved choice is kept)."),
        QStringLiteral("code"));
    const QCommandLineOption sizeOption(QStringLiteral("window-size"),
                                        QStringLiteral("Window size as WIDTHxHEIGHT."),
                                        QStringLiteral("size"));
    parser.addOptions({languageOption, sizeOption});
    parser.process(app);

    tagbench::ui::LanguageManager languages;
    if (parser.isSet(languageOption)) {
        const QString code = parser.value(languageOption);
        if (code != QLatin1String(tagbench::ui::LanguageManager::systemLanguage)
            && !tagbench::ui::LanguageManager::availableLanguages().contains(code)) {
            std::fprintf(stderr, "tagbench: unknown language '%s' (use en, zh_CN or system)\n", qPrintable(code));
            return 2;
        }
        languages.applyLanguage(code);
    } else {
        languages.applySavedPreference();
    }

    tagbench::ui::MainWindow window(&languages);
    if (parser.isSet(sizeOption)) {
        const QStringList parts = parser.value(sizeOption).split(QLatin1Char('x'));
        const int width = parts.value(0).toInt();
        const int height = parts.size() == 2 ? parts.value(1).toInt() : 0;
        if (width < 200 || height < 200) {
            std::fprintf(stderr, "tagbench: --window-size wants WIDTHxHEIGHT, e.g. 1400x860\n");
            return 2;
        }
        window.resize(width, height);
    }
    window.show();

    const QStringList files = parser.positionalArguments();
    // Open after the event loop starts so the window paints before the first load.
    QTimer::singleShot(0, &window, [&window, files] {
        for (const QString& file : files)
            window.openPath(file);
    });
    return app.exec();
}
