#pragma once

#include <QApplication>
#include <QDialog>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QFileInfo>
#include <QLineEdit>
#include <QTimer>

#include <functional>

namespace tagbench::test {

/// Answers the next modal dialog (a file dialog, a question box) as a user would: once it is
/// on screen, answer(dialog) runs; the test code that opened it (an exec() or a static
/// QFileDialog/QMessageBox call) then returns. Gives up after timeoutMs (the dialog stays).
inline void whenModalShown(std::function<void(QWidget* dialog)> answer, int timeoutMs = 10000)
{
    auto* poll = new QTimer(qApp);
    auto* clock = new QElapsedTimer;
    clock->start();
    QObject::connect(poll, &QTimer::timeout, poll, [poll, clock, answer = std::move(answer), timeoutMs] {
        // The active modal widget, or (when no window is active, e.g. without a window manager)
        // the modal dialog that is on screen.
        QWidget* modal = QApplication::activeModalWidget();
        for (QWidget* top : QApplication::topLevelWidgets()) {
            if (!modal && top->isVisible() && top->isModal() && qobject_cast<QDialog*>(top))
                modal = top;
        }
        if (!modal && clock->elapsed() < timeoutMs)
            return;
        poll->stop();
        poll->deleteLater();
        delete clock;
        if (modal)
            answer(modal);
    });
    poll->start(20);
}

/// Picks path in a file dialog as a user types it into the name box (a folder dialog is moved
/// into the folder), then accepts. The dialog's file list may not be read yet; the box is.
inline void pickInFileDialog(QFileDialog* dialog, const QString& path)
{
    if (QFileInfo(path).isDir()) {
        dialog->setDirectory(path);   // a folder dialog answers with the folder it is in
    } else {
        dialog->selectFile(path);
        if (auto* name = dialog->findChild<QLineEdit*>(QStringLiteral("fileNameEdit")))
            name->setText(QFileInfo(path).absoluteFilePath());
    }
    QMetaObject::invokeMethod(dialog, "accept");
}

} // namespace tagbench::test
