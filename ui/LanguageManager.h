#pragma once

#include <QObject>
#include <QString>
#include <QStringList>
#include <QTranslator>

namespace tagbench::ui {

/// Owns the application's translators and switches the UI language at runtime.
/// Installing a translator makes Qt post QEvent::LanguageChange to every widget, which is
/// where widgets re-set their texts (see the retranslateUi() methods).
class LanguageManager final : public QObject {
    Q_OBJECT
public:
    /// The setting value meaning "follow the system locale".
    static constexpr const char* systemLanguage = "system";

    explicit LanguageManager(QObject* parent = nullptr);

    /// Locale names the application ships translations for, English (the source language) first.
    static QStringList availableLanguages();

    /// Human-readable name of a language code, written in that language ("English", "简体中文").
    static QString nativeName(const QString& code);

    /// The saved choice: a language code or systemLanguage.
    QString preferredLanguage() const;

    /// The language in effect after resolving systemLanguage ("en" or "zh_CN").
    QString effectiveLanguage() const { return m_effective; }

    /// Applies the saved preference (or the system locale); call once after QApplication exists.
    void applySavedPreference();

    /// Switches the UI to code (or the system locale for systemLanguage) for this run only.
    void applyLanguage(const QString& code);

    /// Switches the UI to code (or the system locale for systemLanguage) and saves the choice.
    void setPreferredLanguage(const QString& code);

signals:
    void languageChanged(const QString& effectiveLanguage);

private:
    QString resolve(const QString& code) const;
    void install(const QString& effective);

    QTranslator m_appTranslator;
    QTranslator m_qtTranslator;
    QString m_effective;
};

} // namespace tagbench::ui
