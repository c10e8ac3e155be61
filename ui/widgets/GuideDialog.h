#pragma once

#include <QDialog>

class QTextBrowser;

namespace tagbench::ui {

/// The F1 window: the built-in guide of the page on screen. It stays open beside the window
/// and follows when another page is chosen.
class GuideDialog final : public QDialog {
    Q_OBJECT
public:
    explicit GuideDialog(QWidget* parent = nullptr);

    /// Shows the guide of a page ("data", ...).
    void showPage(const QString& pageId);
    const QString& pageId() const { return m_pageId; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();

    QTextBrowser* m_text = nullptr;
    QString m_pageId;
};

} // namespace tagbench::ui
