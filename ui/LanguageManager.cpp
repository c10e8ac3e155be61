#include "ui/LanguageManager.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>

namespace tagbench::ui {

namespace {
constexpr const char* settingsKey = "ui/language";
const QString englishCode = QStringLiteral("en");
const QString chineseCode = QStringLiteral("zh_CN");
} // namespace

LanguageManager::LanguageManager(QObject* parent)
    : QObject(parent)
{
}

QStringList LanguageManager::availableLanguages()
{
    return {englishCode, chineseCode};
}

QString LanguageManager::nativeName(const QString& code)
{
    if (code == chineseCode)
        return QStringLiteral("简体中文");
    if (code == englishCode)
        return QStringLiteral("English");
    return code;
}

QString LanguageManager::preferredLanguage() const
{
    return QSettings().value(settingsKey, QString::fromLatin1(systemLanguage)).toString();
}

void LanguageManager::applySavedPreference()
{
    install(resolve(preferredLanguage()));
}

void LanguageManager::applyLanguage(const QString& code)
{
    install(resolve(code));
}

void LanguageManager::setPreferredLanguage(const QString& code)
{
    QSettings().setValue(settingsKey, code);
    install(resolve(code));
}

QString LanguageManager::resolve(const QString& code) const
{
    if (availableLanguages().contains(code))
        return code;
    // Any Chinese locale gets the Simplified Chinese UI: it is the only Chinese translation and
    // far more useful to a zh_TW/zh_HK user than English.
    const QLocale system;
    if (system.language() == QLocale::Chinese)
        return chineseCode;
    return englishCode;
}

void LanguageManager::install(const QString& effective)
{
    if (effective == m_effective)
        return;
    QCoreApplication::removeTranslator(&m_appTranslator);
    QCoreApplication::removeTranslator(&m_qtTranslator);
    // Embedded by the translations build step; a missing file leaves the source (English) texts.
    // English has a catalogue too: it carries the plural forms of the %n messages.
    if (m_appTranslator.load(QStringLiteral(":/i18n/tagbench_%1.qm").arg(effective)))
        QCoreApplication::installTranslator(&m_appTranslator);
    // Standard dialogs and buttons (QDialogButtonBox, QFileDialog) come from Qt's own catalogue.
    if (effective != englishCode
        && m_qtTranslator.load(QStringLiteral("qtbase_%1").arg(effective),
                               QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(&m_qtTranslator);
    m_effective = effective;
    QLocale::setDefault(QLocale(effective));
    emit languageChanged(effective);
}

} // namespace tagbench::ui
