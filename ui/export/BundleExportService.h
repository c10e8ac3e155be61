#pragma once

#include "ui/export/BundleExportWorker.h"
#include "ui/services/WorkerThread.h"

#include <QObject>
#include <QString>

namespace tagbench::ui {

/// Packs training runs into .tagbench bundles on its own thread (tagbench-export, the
/// WorkerThread pattern), one after another, for the Export page.
class BundleExportService final : public QObject {
    Q_OBJECT
public:
    explicit BundleExportService(QObject* parent = nullptr);

    /// Starts packing runDir into outPath; exported() or failed() follows with the returned id.
    quint64 exportRun(const QString& runDir, const QString& outPath);
    /// True while an export is queued or running.
    bool isBusy() const { return m_pending > 0; }

signals:
    void exported(quint64 request, const tagbench::ui::ExportedBundle& bundle);
    void failed(quint64 request, const QString& message);

private:
    WorkerThread<BundleExportWorker> m_exporter{QStringLiteral("tagbench-export")};
    quint64 m_lastRequest = 0;
    int m_pending = 0;
};

} // namespace tagbench::ui
