#pragma once

#include <QObject>
#include <QString>

namespace tagbench::ui {

class MainWindow;

/// Waits until the window's datasets are loaded, then saves a PNG of every page into a folder
/// (`tagbench --screenshot-all DIR`) and reports the exit code. Used for the documentation and
/// to eyeball every page with real data in one go.
class ScreenshotRunner final : public QObject {
    Q_OBJECT
public:
    ScreenshotRunner(MainWindow* window, QString directory, QObject* parent = nullptr);

    /// Starts once loading is idle; finished() follows.
    void start();

signals:
    void finished(int exitCode);

private:
    void captureAll();
    void save(const QString& name);

    MainWindow* m_window;
    QString m_directory;
    int m_failures = 0;
    bool m_started = false;
};

} // namespace tagbench::ui
