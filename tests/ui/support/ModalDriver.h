#pragma once

#include <QApplication>
#include <QDialog>
#include <QElapsedTimer>
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
        QWidget* modal = QApplication::activeModalWidget();
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

} // namespace tagbench::test
