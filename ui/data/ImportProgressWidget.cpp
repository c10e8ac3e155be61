#include "ui/data/ImportProgressWidget.h"

#include <QDir>
#include <QEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QStyle>

#include <algorithm>
#include <limits>

namespace tagbench::ui {

namespace {
constexpr int barSteps = 1000;   // per mille: the bar moves smoothly on multi-gigabyte files
} // namespace

ImportProgressWidget::ImportProgressWidget(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("importProgress"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 4, 0);
    m_file = new QLabel(this);
    m_file->setObjectName(QStringLiteral("importFile"));
    m_bar = new QProgressBar(this);
    m_bar->setObjectName(QStringLiteral("importBar"));
    m_bar->setRange(0, barSteps);
    m_bar->setFixedWidth(180);
    m_bar->setTextVisible(true);
    m_bar->setAlignment(Qt::AlignCenter);
    m_documents = new QLabel(this);
    m_documents->setObjectName(QStringLiteral("importDocuments"));
    // Wide enough for "1,234,567 documents": the cancel button must not move as the count grows.
    m_documents->setMinimumWidth(m_documents->fontMetrics().horizontalAdvance(QStringLiteral("0,000,000 documents")));
    m_cancel = new QPushButton(style()->standardIcon(QStyle::SP_DialogCancelButton), QString(), this);
    m_cancel->setObjectName(QStringLiteral("importCancel"));
    m_cancel->setFocusPolicy(Qt::NoFocus);   // Esc cancels; keyboard focus stays on the page
    layout->addWidget(m_file);
    layout->addWidget(m_bar);
    layout->addWidget(m_documents);
    layout->addWidget(m_cancel);
    connect(m_cancel, &QPushButton::clicked, this, &ImportProgressWidget::cancelRequested);
    retranslateUi();
    hide();
}

void ImportProgressWidget::start(const QString& path, int queued)
{
    if (path != m_path) {
        m_bytesRead = 0;
        m_bytesTotal = QFileInfo(path).size();
        m_documentCount = 0;
    }
    m_path = path;
    m_queued = queued;
    retranslateUi();
    show();
}

void ImportProgressWidget::setProgress(qint64 bytesRead, qint64 bytesTotal, qint64 documents)
{
    m_bytesRead = bytesRead;
    m_bytesTotal = bytesTotal;
    m_documentCount = documents;
    retranslateUi();
}

void ImportProgressWidget::finish()
{
    m_path.clear();
    m_queued = 0;
    hide();
}

int ImportProgressWidget::percent() const
{
    if (m_bytesTotal <= 0)
        return -1;
    return static_cast<int>(std::min<qint64>(100, m_bytesRead * 100 / m_bytesTotal));
}

QString ImportProgressWidget::fileText() const
{
    return m_file->text();
}

QString ImportProgressWidget::documentsText() const
{
    return m_documents->text();
}

void ImportProgressWidget::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void ImportProgressWidget::retranslateUi()
{
    const QString name = QFileInfo(m_path).fileName();
    m_file->setText(m_queued > 0 ? tr("Importing %1 (%n more queued)", nullptr, m_queued).arg(name)
                                 : tr("Importing %1").arg(name));
    m_file->setToolTip(QDir::toNativeSeparators(m_path));
    if (m_bytesTotal > 0) {
        m_bar->setRange(0, barSteps);
        const double fraction = std::min(1.0, double(m_bytesRead) / double(m_bytesTotal));
        m_bar->setValue(static_cast<int>(fraction * barSteps));
        m_bar->setFormat(tr("%1 %").arg(percent()));
        m_bar->setToolTip(tr("%1 of %2 read").arg(QLocale().formattedDataSize(m_bytesRead),
                                                 QLocale().formattedDataSize(m_bytesTotal)));
    } else {
        m_bar->setRange(0, 0);   // size unknown: a busy indicator
        m_bar->setToolTip(tr("%1 read").arg(QLocale().formattedDataSize(m_bytesRead)));
    }
    const int shown = static_cast<int>(std::min<qint64>(m_documentCount, std::numeric_limits<int>::max()));
    m_documents->setText(tr("%Ln document(s)", nullptr, shown));
    m_cancel->setText(tr("Cancel"));
    m_cancel->setToolTip(tr("Stop importing and keep the datasets already open (Esc)"));
}

} // namespace tagbench::ui
