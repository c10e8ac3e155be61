#pragma once

#include <QMetaType>
#include <QObject>
#include <QString>

namespace tagbench::ui {

/// What the Export page shows of a written bundle.
struct ExportedBundle {
    QString path;
    QString checksum;
    qint64 bytes = 0;
    qint64 tensors = 0;
    qint64 parameters = 0;
};

/// Lives on BundleExportService's thread and runs core's exporter, which reads the weights,
/// writes the file and verifies it again: seconds for big models.
class BundleExportWorker final : public QObject {
    Q_OBJECT
public:
    /// Blocking; runs on the service's thread. Emits exported() or failed().
    void exportRun(quint64 request, const QString& runDir, const QString& outPath);

signals:
    void exported(quint64 request, const tagbench::ui::ExportedBundle& bundle);
    void failed(quint64 request, const QString& message);
};

} // namespace tagbench::ui

Q_DECLARE_METATYPE(tagbench::ui::ExportedBundle)
