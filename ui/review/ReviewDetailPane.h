#pragma once

#include <QStringList>
#include <QWidget>

#include <optional>

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QTextBrowser;

namespace tagbench::eval {
class ScoreMatrix;
}

namespace tagbench::ui {

struct ReviewItem;

/// One document under review: its text, its gold and predicted labels with their scores, and
/// the correction being prepared: the likely labels to tick, and a type-ahead box that adds
/// any other label of the run. The buttons ask the page to record a decision.
class ReviewDetailPane final : public QWidget {
    Q_OBJECT
public:
    explicit ReviewDetailPane(QWidget* parent = nullptr);

    /// The run's labels, offered by the type-ahead box.
    void setLabelNames(const QStringList& names);
    /// Shows a document; correction is its stored corrected set, if any.
    void showDocument(const eval::ScoreMatrix& scores, const ReviewItem& item, const QString& text,
                      const std::optional<QStringList>& correction);
    void clear();
    /// The labels ticked in the correction list.
    QStringList checkedLabels() const;

signals:
    void acceptRequested();
    void correctRequested();
    void skipRequested();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void addTypedLabel();
    void addCandidate(const QString& label, float score, bool checked);

    const eval::ScoreMatrix* m_scores = nullptr;
    std::size_t m_row = 0;
    QStringList m_names;
    QTextBrowser* m_text = nullptr;
    QLabel* m_goldLabel = nullptr;
    QListWidget* m_gold = nullptr;
    QLabel* m_predictedLabel = nullptr;
    QListWidget* m_predicted = nullptr;
    QLabel* m_correctionLabel = nullptr;
    QListWidget* m_correction = nullptr;
    QLineEdit* m_addLabel = nullptr;
    QPushButton* m_accept = nullptr;
    QPushButton* m_correct = nullptr;
    QPushButton* m_skip = nullptr;
};

} // namespace tagbench::ui
