#include "ui/widgets/GuideDialog.h"

#include "ui/widgets/PageGuide.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace tagbench::ui {

GuideDialog::GuideDialog(QWidget* parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("GuideDialog"));
    auto* layout = new QVBoxLayout(this);
    m_text = new QTextBrowser(this);
    m_text->setObjectName(QStringLiteral("guideText"));
    m_text->setOpenExternalLinks(false);
    layout->addWidget(m_text, 1);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
    layout->addWidget(buttons);
    resize(460, 420);
}

void GuideDialog::showPage(const QString& pageId)
{
    m_pageId = pageId;
    retranslateUi();
}

void GuideDialog::retranslateUi()
{
    setWindowTitle(tr("Guide: %1").arg(PageGuide::title(m_pageId)));
    m_text->setHtml(PageGuide::html(m_pageId));
}

void GuideDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

} // namespace tagbench::ui
