#include "tests/ui/support/Typing.h"
#include "ui/LanguageManager.h"
#include "ui/MainWindow.h"
#include "ui/data/Workspace.h"
#include "ui/demo/DemoPage.h"
#include "ui/evaluate/EvaluationSession.h"

#include <qcustomplot.h>

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QComboBox>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QSlider>
#include <QStackedWidget>
#include <QListWidget>
#include <QStandardPaths>
#include <QTabBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocumentFragment>
#include <QWheelEvent>

using tagbench::ui::LanguageManager;
using tagbench::ui::MainWindow;

namespace {

bool copyTree(const QString& from, const QString& to)
{
    QDirIterator it(from, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString file = it.next();
        const QString target = to + file.mid(from.size());
        if (!QDir().mkpath(QFileInfo(target).absolutePath()) || !QFile::copy(file, target))
            return false;
    }
    return true;
}

QString plain(const QString& text)
{
    QString result = Qt::mightBeRichText(text) ? QTextDocumentFragment::fromHtml(text).toPlainText() : text;
    // A keyboard accelerator in a Chinese text is written "(&F)": a key, not a word.
    static const QRegularExpression accelerator(QStringLiteral("\\(&?[A-Za-z0-9]\\)"));
    return result.remove(accelerator).remove(QLatin1Char('&'));
}

/// The Latin words of data files (document texts, ids, labels): what the data says is not the
/// UI's to translate.
QStringList wordsOf(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    static const QRegularExpression word(QStringLiteral("[A-Za-z][A-Za-z0-9_\\-]*"));
    QStringList words;
    const QString text = QString::fromUtf8(file.readAll());
    for (auto it = word.globalMatch(text); it.hasNext();)
        words << it.next().captured();
    words.removeDuplicates();
    return words;
}

/// Everything a user can read on a page: labels, buttons, titles, items, headers, cells, chart
/// axes and legends, placeholders. Texts the user typed or that are data (documents, the
/// trainer's raw log, the JSON of the config) are not the UI's words.
QStringList visibleTexts(const QWidget* root)
{
    QStringList texts;
    for (const QWidget* w : root->findChildren<QWidget*>()) {
        if (!w->isVisible())
            continue;
        if (auto* label = qobject_cast<const QLabel*>(w))
            texts << plain(label->text());
        else if (auto* button = qobject_cast<const QAbstractButton*>(w))
            texts << plain(button->text());
        else if (auto* combo = qobject_cast<const QComboBox*>(w)) {
            for (int i = 0; i < combo->count(); ++i)
                texts << combo->itemText(i);
        } else if (auto* line = qobject_cast<const QLineEdit*>(w))
            texts << line->placeholderText();
        else if (auto* edit = qobject_cast<const QPlainTextEdit*>(w))
            texts << edit->placeholderText();
        else if (auto* bar = qobject_cast<const QProgressBar*>(w))
            texts << (bar->isTextVisible() ? bar->text() : QString());
        else if (auto* tabs = qobject_cast<const QTabBar*>(w)) {
            for (int i = 0; i < tabs->count(); ++i)
                texts << plain(tabs->tabText(i));
        }
        if (auto* box = qobject_cast<const QGroupBox*>(w))
            texts << plain(box->title());
        if (auto* view = qobject_cast<const QAbstractItemView*>(w); view && view->model()) {
            const QAbstractItemModel* model = view->model();
            for (int column = 0; column < model->columnCount(); ++column)
                texts << model->headerData(column, Qt::Horizontal).toString();
            for (int row = 0; row < std::min(model->rowCount(), 12); ++row) {
                for (int column = 0; column < model->columnCount(); ++column)
                    texts << model->index(row, column).data().toString();
            }
        }
        if (auto* plot = const_cast<QCustomPlot*>(qobject_cast<const QCustomPlot*>(w))) {
            for (QCPAxis* axis : plot->axisRect() ? plot->axisRect()->axes() : QList<QCPAxis*>())
                texts << axis->label();
            for (int i = 0; i < plot->plottableCount(); ++i) {
                if (plot->legend->visible() && plot->legend->hasItemWithPlottable(plot->plottable(i)))
                    texts << plot->plottable(i)->name();
            }
        }
    }
    return texts;
}

/// Words in Latin letters that stay as they are in Chinese: product and format names, keys.
const QStringList keptWords = {QStringLiteral("Tagbench"), QStringLiteral("TextCNN"), QStringLiteral("FastText"), QStringLiteral("BERT"), QStringLiteral("TF-IDF"),
                               QStringLiteral("F1"), QStringLiteral("CPU"), QStringLiteral("GPU"), QStringLiteral("CUDA"),
                               QStringLiteral("JSON"), QStringLiteral("CSV"), QStringLiteral("TSV"), QStringLiteral("fastText"),
                               QStringLiteral("NeuralClassifier"), QStringLiteral("PDF"), QStringLiteral("PNG"),
                               QStringLiteral("SentencePiece"), QStringLiteral("Ctrl"), QStringLiteral("Shift"),
                               QStringLiteral("Esc"), QStringLiteral("F11"), QStringLiteral("k"), QStringLiteral("adam"),
                               QStringLiteral("adamw"), QStringLiteral("sgd"), QStringLiteral("tagbench-cli"),
                               QStringLiteral("SHA-256"), QStringLiteral("P"), QStringLiteral("R"), QStringLiteral("F-beta"),
                               QStringLiteral("Top-k"), QStringLiteral("k-max"), QStringLiteral("n"),
                               // Each language is named in itself in the language menu.
                               QStringLiteral("English"), QStringLiteral("predict")};

/// The Latin words of text that are neither kept words nor names from the data (file names,
/// paths, ids with digits): what is left is English the translation missed.
QStringList untranslatedWords(const QString& text, const QStringList& dataNames)
{
    static const QRegularExpression word(QStringLiteral("[A-Za-z0-9_\\-./:]*[A-Za-z][A-Za-z0-9_\\-./:]*"));
    QStringList found;
    for (auto it = word.globalMatch(text); it.hasNext();) {
        QString token = it.next().captured();
        while (token.endsWith(QLatin1Char('.')) || token.endsWith(QLatin1Char(':')))
            token.chop(1);
        const bool fileOrPath = token.contains(QLatin1Char('/')) || token.contains(QLatin1Char('.'));
        const bool withDigits = token.contains(QRegularExpression(QStringLiteral("[0-9]")));
        if (token.isEmpty() || keptWords.contains(token) || fileOrPath || withDigits || dataNames.contains(token))
            continue;
        found << token;
    }
    return found;
}

} // namespace

/// The whole window with a project, datasets and a run open, page by page: every text a user
/// sees is translated (also those built from data and core's names at run time), every control
/// explains itself in a tooltip, and the wheel changes only the control that has the focus.
class UiTextsTest final : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanup();
    void everyVisibleTextIsTranslated();
    void everyControlHasATooltip();
    void theWheelChangesOnlyTheFocusedControl();

private:
    /// A window showing real work on every page.
    std::unique_ptr<MainWindow> openWindow();
    void showEveryPage(MainWindow& window, const std::function<void(int page)>& check);

    LanguageManager m_languages;
    QTemporaryDir m_temp;
    QString m_run;
    QStringList m_dataNames;
};

void UiTextsTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("TagbenchTest"));
    QSettings().clear();
    QVERIFY(m_temp.isValid());
    // A run folder of the 0.1 release with its data next to it, as the fixtures lay them out.
    QVERIFY(copyTree(QStringLiteral(TAGBENCH_TEST_DATA "/compat/textcnn-run"), m_temp.filePath(QStringLiteral("compat/textcnn-run"))));
    QVERIFY(copyTree(QStringLiteral(TAGBENCH_TEST_DATA "/export"), m_temp.filePath(QStringLiteral("export"))));
    m_run = m_temp.filePath(QStringLiteral("compat/textcnn-run"));
    m_dataNames = {QStringLiteral("textcnn-run"), QStringLiteral("work"), QStringLiteral("car-news-zh"), QStringLiteral("compat"),
                   QStringLiteral("export"), QDir(m_temp.path()).dirName()};
    for (const QString& file : {QStringLiteral(TAGBENCH_SOURCE_DIR "/resources/samples/car-news-zh/train.jsonl"),
                                QStringLiteral(TAGBENCH_SOURCE_DIR "/resources/samples/car-news-zh/dev.jsonl"),
                                m_temp.filePath(QStringLiteral("export/dev.jsonl")), m_temp.filePath(QStringLiteral("export/train.jsonl"))}) {
        for (const QString& word : wordsOf(file)) {
            // The JSON keys of the files are not words a page shows.
            if (word != QLatin1String("id") && word != QLatin1String("text") && word != QLatin1String("labels"))
                m_dataNames << word;
        }
    }
}

void UiTextsTest::cleanup()
{
    m_languages.applyLanguage(QStringLiteral("en"));
}

std::unique_ptr<MainWindow> UiTextsTest::openWindow()
{
    auto window = std::make_unique<MainWindow>(&m_languages);
    window->resize(1400, 900);
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()))
        return nullptr;
    window->openPath(m_temp.filePath(QStringLiteral("work.tagbench-project")));
    const QString samples = QStringLiteral(TAGBENCH_SOURCE_DIR "/resources/samples/car-news-zh/");
    window->openPath(samples + QStringLiteral("train.jsonl"));
    window->openPath(samples + QStringLiteral("dev.jsonl"));
    window->openPath(m_run);
    if (!QTest::qWaitFor([&] { return window->evaluation()->hasRun() && window->workspace()->datasets().size() >= 2; }, 60000))
        return nullptr;
    // The Demo page tries the run when it is first shown; give it a text.
    auto* demo = window->findChild<tagbench::ui::DemoPage*>();
    QSignalSpy opened(demo, &tagbench::ui::DemoPage::bundleOpened);
    window->setCurrentPage(MainWindow::DemoPageIndex);
    if (!opened.wait(60000))
        return nullptr;
    QSignalSpy shown(demo, &tagbench::ui::DemoPage::predictionShown);
    tagbench::test::typeText(demo->findChild<QPlainTextEdit*>(QStringLiteral("demoText")), QStringLiteral("新车上市，售价十万元"));
    if (!shown.wait(30000))
        return nullptr;
    return window;
}

void UiTextsTest::showEveryPage(MainWindow& window, const std::function<void(int page)>& check)
{
    for (int page = 0; page < MainWindow::PageCount; ++page) {
        window.setCurrentPage(page);
        QTest::qWait(150);   // queued layouts, replots and the report preview
        check(page);
        if (page == MainWindow::DataPageIndex) {
            auto* tabs = window.findChild<QTabWidget*>(QStringLiteral("dataTabs"));
            for (int tab = 1; tab < tabs->count(); ++tab) {
                tabs->setCurrentIndex(tab);
                QTest::qWait(50);
                check(page);
            }
            tabs->setCurrentIndex(0);
        }
    }
}

void UiTextsTest::everyVisibleTextIsTranslated()
{
    m_languages.applyLanguage(QStringLiteral("zh_CN"));
    const auto window = openWindow();
    QVERIFY(window);
    QStringList problems;
    const auto checkTexts = [&](const QString& where, const QStringList& texts) {
        for (const QString& text : texts) {
            const QStringList words = untranslatedWords(text, m_dataNames);
            if (!words.isEmpty())
                problems << QStringLiteral("%1: \"%2\" (%3)").arg(where, text.left(120), words.join(u','));
        }
    };
    showEveryPage(*window, [&](int page) {
        QWidget* current = window->findChild<QStackedWidget*>()->widget(page);
        checkTexts(window->pageId(page), visibleTexts(current));
        checkTexts(QStringLiteral("window"), {window->windowTitle()});
    });
    // The menus, all of them.
    QStringList menus;
    for (QAction* menu : window->menuBar()->actions()) {
        menus << plain(menu->text());
        if (menu->menu()) {
            for (QAction* action : menu->menu()->actions()) {
                menus << plain(action->text());
                if (action->menu()) {
                    for (QAction* item : action->menu()->actions())
                        menus << plain(item->text());
                }
            }
        }
    }
    checkTexts(QStringLiteral("menus"), menus);
    checkTexts(QStringLiteral("pages"), visibleTexts(window->findChild<QListWidget*>(QStringLiteral("pageList"))->parentWidget()));
    problems.removeDuplicates();
    QVERIFY2(problems.isEmpty(), qPrintable(QStringLiteral("\n") + problems.join(QLatin1Char('\n'))));
}

void UiTextsTest::everyControlHasATooltip()
{
    const auto window = openWindow();
    QVERIFY(window);
    QStringList missing;
    showEveryPage(*window, [&](int page) {
        QWidget* current = window->findChild<QStackedWidget*>()->widget(page);
        for (QWidget* w : current->findChildren<QWidget*>()) {
            if (!w->isVisible() || !w->isEnabled())
                continue;
            // Parts of a control (a spin box's editor, a combo's line edit, a line edit's
            // clear button, a tab bar's arrows) share the control's tooltip.
            QWidget* parent = w->parentWidget();
            if (qobject_cast<QAbstractSpinBox*>(parent) || qobject_cast<QComboBox*>(parent) || qobject_cast<QLineEdit*>(parent)
                || qobject_cast<QTabBar*>(parent))
                continue;
            const bool control = qobject_cast<QAbstractButton*>(w) || qobject_cast<QComboBox*>(w)
                                 || qobject_cast<QAbstractSpinBox*>(w) || qobject_cast<QLineEdit*>(w)
                                 || qobject_cast<QSlider*>(w)
                                 || (qobject_cast<QPlainTextEdit*>(w) && !qobject_cast<QPlainTextEdit*>(w)->isReadOnly());
            if (control && w->toolTip().isEmpty()) {
                const auto* button = qobject_cast<QAbstractButton*>(w);
                missing << QStringLiteral("%1: %2 %3 \"%4\"")
                               .arg(window->pageId(page), QString::fromLatin1(w->metaObject()->className()), w->objectName(),
                                    button ? button->text() : QString());
            }
        }
    });
    missing.removeDuplicates();
    QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("\n") + missing.join(QLatin1Char('\n'))));
}

void UiTextsTest::theWheelChangesOnlyTheFocusedControl()
{
    const auto window = openWindow();
    QVERIFY(window);
    QStringList changed;
    int checked = 0;
    showEveryPage(*window, [&](int page) {
        window->findChild<QListWidget*>(QStringLiteral("pageList"))->setFocus();   // nothing on the page has focus
        QWidget* current = window->findChild<QStackedWidget*>()->widget(page);
        for (QWidget* w : current->findChildren<QWidget*>()) {
            auto* spin = qobject_cast<QAbstractSpinBox*>(w);
            auto* combo = qobject_cast<QComboBox*>(w);
            auto* slider = qobject_cast<QSlider*>(w);
            if (!w->isVisible() || !w->isEnabled() || (!spin && !combo && !slider) || (combo && combo->count() < 2))
                continue;
            const auto value = [&] {
                return spin ? spin->text() : combo ? QString::number(combo->currentIndex()) : QString::number(slider->value());
            };
            const QString before = value();
            const QPointF at(w->width() / 2.0, w->height() / 2.0);
            QWheelEvent wheel(at, w->mapToGlobal(at), QPoint(), QPoint(0, -120), Qt::NoButton, Qt::NoModifier,
                              Qt::NoScrollPhase, false);
            QApplication::sendEvent(w, &wheel);
            ++checked;
            if (value() != before)
                changed << QStringLiteral("%1: %2 %3").arg(window->pageId(page), QString::fromLatin1(w->metaObject()->className()),
                                                             w->objectName());
        }
    });
    QVERIFY(checked > 10);
    changed.removeDuplicates();
    QVERIFY2(changed.isEmpty(), qPrintable(QStringLiteral("\n") + changed.join(QLatin1Char('\n'))));
}

QTEST_MAIN(UiTextsTest)
#include "UiTextsTest.moc"
