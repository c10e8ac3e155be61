#pragma once

#include <QString>
#include <QTest>
#include <QWidget>

namespace tagbench::test {

/// Types text into widget key by key, as a user does; unlike QTest::keyClicks it also types
/// characters without a key of their own (Chinese, as an input method delivers them).
inline void typeText(QWidget* widget, const QString& text)
{
    for (const QChar c : text) {
        if (c.unicode() < 0x80)
            QTest::keyClick(widget, c.toLatin1());
        else
            QTest::sendKeyEvent(QTest::Click, widget, Qt::Key_unknown, QString(c), Qt::NoModifier);
    }
}

} // namespace tagbench::test
