#include "ui/data/ImportReportDialog.h"

#include "ui/data/LoadedDataset.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QStyle>
#include <QTableWidget>
#include <QVBoxLayout>

namespace tagbench::ui {

namespace {
enum Column { LocationColumn, KindColumn, ReasonColumn, ColumnCount };
} // namespace

ImportReportDialog::ImportReportDialog(std::shared_ptr<const LoadedDataset> dataset, QWidget* parent)
    : QDialog(parent)
    , m_dataset(std::move(dataset))
{
    auto* layout = new QVBoxLayout(this);
    auto* header = new QHBoxLayout;
    auto* icon = new QLabel(this);
    const int iconSize = style()->pixelMetric(QStyle::PM_MessageBoxIconSize, nullptr, this);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(iconSize, iconSize));
    icon->setAlignment(Qt::AlignTop);
    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    header->addWidget(icon);
    header->addWidget(m_message, 1);
    layout->addLayout(header);

    m_table = new QTableWidget(this);
    m_table->setColumnCount(ColumnCount);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setSectionResizeMode(LocationColumn, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(KindColumn, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(m_table, 1);

    auto* buttons = new QDialogButtonBox(this);
    m_skip = buttons->addButton(QString(), QDialogButtonBox::AcceptRole);
    m_stop = buttons->addButton(QString(), QDialogButtonBox::RejectRole);
    m_copy = buttons->addButton(QString(), QDialogButtonBox::ActionRole);
    m_skip->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_copy, &QPushButton::clicked, this, &ImportReportDialog::copyToClipboard);
    layout->addWidget(buttons);

    resize(760, 420);
    retranslateUi();
}

QString ImportReportDialog::issueKindText(int kind)
{
    switch (static_cast<IssueKind>(kind)) {
    case IssueKind::InvalidUtf8: return tr("Not UTF-8 text");
    case IssueKind::Malformed: return tr("Malformed record");
    case IssueKind::MissingField: return tr("Missing field");
    case IssueKind::WrongType: return tr("Wrong field type");
    case IssueKind::EmptyText: return tr("Empty text");
    case IssueKind::EmptyLabels: return tr("No labels");
    case IssueKind::DuplicateId: return tr("Duplicate id");
    }
    return tr("Other problem");
}

void ImportReportDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void ImportReportDialog::retranslateUi()
{
    const ImportReport& report = m_dataset->report();
    const QLocale locale;
    setWindowTitle(tr("Problems in %1").arg(m_dataset->displayName()));
    QString text = tr("<p><b>%1 of the records in %2 could not be read.</b></p>"
                      "<p>Skip them to open the %3 good documents, or stop to leave the file "
                      "closed and fix it first.</p>")
                       .arg(locale.toString(static_cast<qint64>(report.issueCount())),
                            m_dataset->displayName().toHtmlEscaped(),
                            locale.toString(static_cast<qint64>(report.documents)));
    if (report.issueCount() > report.issues.size())
        text += tr("<p>The first %1 problems are listed.</p>")
                    .arg(locale.toString(static_cast<qint64>(report.issues.size())));
    m_message->setText(text);
    m_table->setHorizontalHeaderLabels({tr("Where"), tr("Problem"), tr("Details")});
    m_skip->setText(tr("&Skip Bad Lines"));
    m_stop->setText(tr("S&top"));
    m_copy->setText(tr("&Copy List"));
    fillTable();
}

void ImportReportDialog::fillTable()
{
    const ImportReport& report = m_dataset->report();
    m_table->setRowCount(static_cast<int>(report.issues.size()));
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const ImportIssue& issue = report.issues[static_cast<std::size_t>(row)];
        const QString where = QStringLiteral("%1:%2")
                                  .arg(QFileInfo(QString::fromStdString(issue.file)).fileName())
                                  .arg(static_cast<qulonglong>(issue.line));
        auto* location = new QTableWidgetItem(where);
        location->setToolTip(QString::fromStdString(issue.file));
        m_table->setItem(row, LocationColumn, location);
        m_table->setItem(row, KindColumn, new QTableWidgetItem(issueKindText(static_cast<int>(issue.kind))));
        m_table->setItem(row, ReasonColumn, new QTableWidgetItem(QString::fromStdString(issue.reason)));
    }
}

void ImportReportDialog::copyToClipboard()
{
    QStringList lines;
    for (const ImportIssue& issue : m_dataset->report().issues)
        lines << QString::fromStdString(issue.toString());
    QApplication::clipboard()->setText(lines.join(QLatin1Char('\n')));
}

} // namespace tagbench::ui
