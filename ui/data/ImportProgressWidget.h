#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;

namespace tagbench::ui {

/// The status bar panel shown while datasets are imported: the file name, a progress bar with
/// the percentage, the documents read so far and a Cancel button.
class ImportProgressWidget final : public QWidget {
    Q_OBJECT
public:
    explicit ImportProgressWidget(QWidget* parent = nullptr);

    /// Shows the panel for a new file; queued is how many more files wait after it.
    void start(const QString& path, int queued);
    /// Updates the bar; bytesTotal 0 (size unknown) shows activity without a percentage.
    void setProgress(qint64 bytesRead, qint64 bytesTotal, qint64 documents);
    /// Hides the panel.
    void finish();

    /// The percentage shown, -1 while it is unknown (for tests).
    int percent() const;
    QString fileText() const;
    QString documentsText() const;

signals:
    void cancelRequested();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();

    QLabel* m_file = nullptr;
    QProgressBar* m_bar = nullptr;
    QLabel* m_documents = nullptr;
    QPushButton* m_cancel = nullptr;
    QString m_path;
    int m_queued = 0;
    qint64 m_bytesRead = 0;
    qint64 m_bytesTotal = 0;
    qint64 m_documentCount = 0;
};

} // namespace tagbench::ui
