#pragma once

#include <QObject>
#include <QTemporaryDir>

namespace tagbench::ui {

class MainWindow;

/// Puts the Train, Demo and Export pages into a state worth a screenshot: trains the sample
/// config next to the loaded train split (e.g. resources/samples/car-news-zh/fasttext.json, quick to train),
/// opens the finished run on the Evaluate page when none is open, exports it to a bundle for the
/// Demo page and types a document of the test split. ready() follows in every case.
class TrainDemoScreenshot final : public QObject {
    Q_OBJECT
public:
    explicit TrainDemoScreenshot(MainWindow* window, QObject* parent = nullptr);

    void start();

signals:
    void ready();

private:
    void onTrained(int id);
    void finish();

    MainWindow* m_window;
    QTemporaryDir m_dir;
    QString m_sampleFolder;
    QString m_runDir;
    int m_jobId = 0;
    int m_pending = 0;
    bool m_done = false;
};

} // namespace tagbench::ui
