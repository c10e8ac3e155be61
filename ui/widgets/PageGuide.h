#pragma once

#include <QCoreApplication>
#include <QString>

namespace tagbench::ui {

/// The short built-in guide of each page (F1): what the page is for, the steps, the keys.
/// Written for a new user, translated like every other text.
class PageGuide final {
    Q_DECLARE_TR_FUNCTIONS(tagbench::ui::PageGuide)
public:
    PageGuide() = delete;

    /// The guide of a page by its id ("project", "data", "evaluate", "review", "train", "demo",
    /// "export") as rich text; empty for an unknown id.
    static QString html(const QString& pageId);
    /// The page's name as the page list shows it.
    static QString title(const QString& pageId);
};

} // namespace tagbench::ui
