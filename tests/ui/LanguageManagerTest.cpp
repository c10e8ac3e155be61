#include "ui/data/DataPage.h"
#include "ui/LanguageManager.h"
#include "ui/MainWindow.h"

#include <QLabel>
#include <QMenuBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using tagbench::ui::LanguageManager;
using tagbench::ui::MainWindow;

namespace {
bool containsCjk(const QString& text)
{
    for (const QChar c : text) {
        if (c.unicode() >= 0x4E00 && c.unicode() <= 0x9FFF)
            return true;
    }
    return false;
}

QString fileMenuTitle(const MainWindow& window)
{
    return window.menuBar()->actions().value(0) ? window.menuBar()->actions().value(0)->text() : QString();
}
} // namespace

class LanguageManagerTest final : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void switchingLanguageRetranslatesOpenWindows();
    void preferenceIsSavedAndRestored();
    void unknownCodeFallsBackToTheSystemLocale();
};

void LanguageManagerTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("TagbenchTest"));
    QSettings().clear();
}

void LanguageManagerTest::switchingLanguageRetranslatesOpenWindows()
{
    LanguageManager languages;
    languages.applyLanguage(QStringLiteral("en"));
    MainWindow window(&languages);
    window.show();
    QCOMPARE(fileMenuTitle(window), QStringLiteral("&File"));
    auto* placeholder = window.findChild<tagbench::ui::DataPage*>()->findChild<QLabel*>();
    QVERIFY(placeholder);
    const QString englishPlaceholder = placeholder->text();
    QVERIFY(!containsCjk(englishPlaceholder));

    QSignalSpy spy(&languages, &LanguageManager::languageChanged);
    languages.applyLanguage(QStringLiteral("zh_CN"));
    QCOMPARE(spy.count(), 1);
    QCOMPARE(languages.effectiveLanguage(), QStringLiteral("zh_CN"));
    // LanguageChange events are posted; the widgets re-set their texts when they arrive.
    QTRY_VERIFY(containsCjk(fileMenuTitle(window)));
    QTRY_VERIFY(containsCjk(placeholder->text()));
    QVERIFY(containsCjk(window.windowTitle()) || window.windowTitle() == QStringLiteral("Tagbench"));

    languages.applyLanguage(QStringLiteral("en"));
    QTRY_COMPARE(fileMenuTitle(window), QStringLiteral("&File"));
    QCOMPARE(placeholder->text(), englishPlaceholder);
}

void LanguageManagerTest::preferenceIsSavedAndRestored()
{
    {
        LanguageManager languages;
        languages.setPreferredLanguage(QStringLiteral("zh_CN"));
        QCOMPARE(languages.preferredLanguage(), QStringLiteral("zh_CN"));
    }
    LanguageManager restored;
    restored.applySavedPreference();
    QCOMPARE(restored.effectiveLanguage(), QStringLiteral("zh_CN"));
    restored.setPreferredLanguage(QString::fromLatin1(LanguageManager::systemLanguage));
    QCOMPARE(restored.preferredLanguage(), QString::fromLatin1(LanguageManager::systemLanguage));
}

void LanguageManagerTest::unknownCodeFallsBackToTheSystemLocale()
{
    QLocale::setDefault(QLocale(QLocale::English));
    LanguageManager languages;
    languages.applyLanguage(QStringLiteral("xx_YY"));
    QVERIFY(LanguageManager::availableLanguages().contains(languages.effectiveLanguage()));
}

QTEST_MAIN(LanguageManagerTest)
#include "LanguageManagerTest.moc"
