// Tagbench desktop workbench.
#include "ui/LanguageManager.h"
#include "ui/MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QSize>
#include <QTimer>

#include <cstdio>
#include <cstring>

namespace {

void setApplicationNames()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Tagbench"));
    QCoreApplication::setApplicationName(QStringLiteral("Tagbench"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TAGBENCH_VERSION));
}

/// The command line; the same for the --help answer and for a real start.
struct Options {
    QCommandLineOption language{QStringLiteral("language"),
                                QStringLiteral("UI language for this run: en, zh_CN or system (the saved choice is kept)."),
                                QStringLiteral("code")};
    QCommandLineOption size{QStringLiteral("window-size"), QStringLiteral("Window size as WIDTHxHEIGHT."),
                            QStringLiteral("size")};
    QCommandLineOption fresh{QStringLiteral("fresh"),
                             QStringLiteral("Start empty instead of reopening the project, files and run of the last session.")};

    void addTo(QCommandLineParser& parser) const
    {
        parser.setApplicationDescription(QStringLiteral("Workbench for multi-label text classification."));
        parser.addHelpOption();
        parser.addVersionOption();
        parser.addPositionalArgument(
            QStringLiteral("files"),
            QStringLiteral("Project, dataset files (JSON lines, NeuralClassifier, fastText, CSV, TSV) or run folders to open."),
            QStringLiteral("[files...]"));
        parser.addOptions({language, size, fresh});
    }
};

/// --help and --version need no window: they are answered before a GUI application exists,
/// which would abort on a machine without a display.
bool onlyAsksForText(int argc, char* argv[])
{
    for (int i = 1; i < argc; ++i) {
        for (const char* flag : {"-h", "--help", "-?", "--help-all", "-v", "--version"}) {
            if (std::strcmp(argv[i], flag) == 0)
                return true;
        }
    }
    return false;
}

} // namespace

int main(int argc, char* argv[])
{
    const Options options;
    if (onlyAsksForText(argc, argv)) {
        QCoreApplication app(argc, argv);
        setApplicationNames();
        QCommandLineParser parser;
        options.addTo(parser);
        parser.process(app);   // prints the text and exits
        return 0;
    }

    QApplication app(argc, argv);
    setApplicationNames();
    QApplication::setDesktopFileName(QStringLiteral("tagbench"));
    QApplication::setWindowIcon(QIcon::fromTheme(QStringLiteral("tagbench"), QIcon(QStringLiteral(":/icons/tagbench.svg"))));
    QCommandLineParser parser;
    options.addTo(parser);
    parser.process(app);

    tagbench::ui::LanguageManager languages;
    if (parser.isSet(options.language)) {
        const QString code = parser.value(options.language);
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
    if (parser.isSet(options.size)) {
        const QStringList parts = parser.value(options.size).split(QLatin1Char('x'));
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
    const bool restore = files.isEmpty() && !parser.isSet(options.fresh);
    // Open after the event loop starts so the window paints before the first load.
    QTimer::singleShot(0, &window, [&window, files, restore] {
        if (restore)
            window.restoreLastSession();
        for (const QString& file : files)
            window.openPath(file);
    });
    return app.exec();
}
