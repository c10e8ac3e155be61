#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace tagbench::ui {

/// The last working state of the main window: saved in the settings when it closes and
/// applied at the next start (app/gui's main), so that a user comes back to the project, the
/// datasets, the run and its split, the page and the Train settings they left.
struct SessionState {
    QString project;          ///< project file, or empty
    QStringList datasets;     ///< dataset files open in the Data page
    QString runDir;           ///< run open on the Evaluate page, or empty
    QString split;            ///< its split
    QString page;             ///< page id ("data", ...)
    QByteArray trainSettings; ///< the Train form's whole config document (JSON)

    static SessionState load();
    void save() const;
    static void clear();
};

} // namespace tagbench::ui
