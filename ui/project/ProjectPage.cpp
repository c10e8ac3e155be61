#include "ui/project/ProjectPage.h"

#include "ui/data/LoadedDataset.h"
#include "ui/project/ProjectSession.h"
#include "ui/data/Workspace.h"
#include "ui/evaluate/RunFacts.h"
#include "ui/widgets/FileDialogs.h"
#include "ui/widgets/CoreNames.h"

#include <QDateTime>
#include <QDir>
#include <QEvent>
#include <QFileInfo>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QStackedWidget>
#include <QStyle>
#include <QTableWidget>
#include <QVBoxLayout>


namespace tagbench::ui {

namespace {
constexpr int idRole = Qt::UserRole + 1;
constexpr int pathRole = Qt::UserRole + 2;

QTableWidget* makeTable(QWidget* parent, const QString& name)
{
    auto* table = new QTableWidget(parent);
    table->setObjectName(name);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->verticalHeader()->setVisible(false);
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 10);
    table->horizontalHeader()->setStretchLastSection(true);
    table->horizontalHeader()->setMinimumSectionSize(table->fontMetrics().horizontalAdvance(QStringLiteral("0000000")));
    table->setAlternatingRowColors(true);
    table->setSortingEnabled(false);
    return table;
}

/// Columns fitted to their contents with room to breathe, the first (the name) stretching.
void fitColumns(QTableWidget* table)
{
    table->resizeColumnsToContents();
    const int padding = table->fontMetrics().horizontalAdvance(QStringLiteral("0000"));
    for (int column = 1; column + 1 < table->columnCount(); ++column)
        table->setColumnWidth(column, table->columnWidth(column) + padding);
    table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
}

QString dateText(std::int64_t seconds)
{
    return QLocale().toString(QDateTime::fromSecsSinceEpoch(seconds), QLocale::ShortFormat);
}
} // namespace

ProjectPage::ProjectPage(ProjectSession* project, Workspace* workspace, QWidget* parent)
    : QWidget(parent)
    , m_project(project)
    , m_workspace(workspace)
{
    setObjectName(QStringLiteral("ProjectPage"));
    m_stack = new QStackedWidget(this);
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(m_stack);

    // No project open: what a project is, recent projects, new/open.
    auto* start = new QWidget(m_stack);
    auto* startLayout = new QVBoxLayout(start);
    m_intro = new QLabel(start);
    m_intro->setWordWrap(true);
    m_recentLabel = new QLabel(start);
    m_recent = new QListWidget(start);
    m_recent->setObjectName(QStringLiteral("recentProjects"));
    m_newButton = new QPushButton(style()->standardIcon(QStyle::SP_FileIcon), QString(), start);
    m_newButton->setObjectName(QStringLiteral("newProject"));
    m_openButton = new QPushButton(style()->standardIcon(QStyle::SP_DialogOpenButton), QString(), start);
    m_openButton->setObjectName(QStringLiteral("openProject"));
    auto* startButtons = new QHBoxLayout;
    startButtons->addWidget(m_newButton);
    startButtons->addWidget(m_openButton);
    startButtons->addStretch(1);
    startLayout->addWidget(m_intro);
    startLayout->addLayout(startButtons);
    startLayout->addWidget(m_recentLabel);
    startLayout->addWidget(m_recent, 1);
    m_stack->addWidget(start);

    auto* content = new QWidget(m_stack);
    auto* layout = new QVBoxLayout(content);
    auto* header = new QHBoxLayout;
    m_path = new QLabel(content);
    m_path->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont bold = m_path->font();
    bold.setBold(true);
    m_path->setFont(bold);
    m_path->setObjectName(QStringLiteral("projectPath"));
    m_closeButton = new QPushButton(content);
    m_closeButton->setObjectName(QStringLiteral("closeProject"));
    header->addWidget(m_path, 1);
    header->addWidget(m_closeButton);
    layout->addLayout(header);

    m_datasetBox = new QGroupBox(content);
    auto* datasetLayout = new QVBoxLayout(m_datasetBox);
    m_datasets = makeTable(m_datasetBox, QStringLiteral("projectDatasets"));
    m_datasets->setColumnCount(6);
    m_addDatasets = new QPushButton(m_datasetBox);
    m_addDatasets->setObjectName(QStringLiteral("addOpenDatasets"));
    m_openDataset = new QPushButton(m_datasetBox);
    m_openDataset->setObjectName(QStringLiteral("openDataset"));
    m_removeDataset = new QPushButton(m_datasetBox);
    m_removeDataset->setObjectName(QStringLiteral("removeDataset"));
    auto* datasetButtons = new QHBoxLayout;
    datasetButtons->addWidget(m_addDatasets);
    datasetButtons->addStretch(1);
    datasetButtons->addWidget(m_openDataset);
    datasetButtons->addWidget(m_removeDataset);
    datasetLayout->addWidget(m_datasets, 1);
    datasetLayout->addLayout(datasetButtons);
    layout->addWidget(m_datasetBox, 1);

    m_runBox = new QGroupBox(content);
    auto* runLayout = new QVBoxLayout(m_runBox);
    m_runs = makeTable(m_runBox, QStringLiteral("projectRuns"));
    m_runs->setColumnCount(5);
    m_addRun = new QPushButton(m_runBox);
    m_addRun->setObjectName(QStringLiteral("addRun"));
    m_openRun = new QPushButton(m_runBox);
    m_openRun->setObjectName(QStringLiteral("evaluateProjectRun"));
    m_removeRun = new QPushButton(m_runBox);
    m_removeRun->setObjectName(QStringLiteral("removeRun"));
    auto* runButtons = new QHBoxLayout;
    runButtons->addWidget(m_addRun);
    runButtons->addStretch(1);
    runButtons->addWidget(m_openRun);
    runButtons->addWidget(m_removeRun);
    runLayout->addWidget(m_runs, 1);
    runLayout->addLayout(runButtons);
    layout->addWidget(m_runBox, 1);
    m_stack->addWidget(content);

    connect(m_newButton, &QPushButton::clicked, this, &ProjectPage::newProjectDialog);
    connect(m_openButton, &QPushButton::clicked, this, &ProjectPage::openProjectDialog);
    connect(m_recent, &QListWidget::itemActivated, this,
            [this](QListWidgetItem* item) { openProject(item->data(pathRole).toString()); });
    connect(m_closeButton, &QPushButton::clicked, m_project, &ProjectSession::close);
    connect(m_addDatasets, &QPushButton::clicked, this, &ProjectPage::addOpenDatasets);
    connect(m_openDataset, &QPushButton::clicked, this, [this] { openSelected(m_datasets); });
    connect(m_removeDataset, &QPushButton::clicked, this, [this] { removeSelected(m_datasets); });
    connect(m_datasets, &QTableWidget::cellDoubleClicked, this, [this] { openSelected(m_datasets); });
    connect(m_addRun, &QPushButton::clicked, this, &ProjectPage::addRunDialog);
    connect(m_openRun, &QPushButton::clicked, this, [this] { openSelected(m_runs); });
    connect(m_removeRun, &QPushButton::clicked, this, [this] { removeSelected(m_runs); });
    connect(m_runs, &QTableWidget::cellDoubleClicked, this, [this] { openSelected(m_runs); });
    connect(m_project, &ProjectSession::changed, this, &ProjectPage::refresh);
    retranslateUi();
}

void ProjectPage::newProjectDialog()
{
    QString path = FileDialogs::saveFile(this, tr("New Project"),
                                         QStringLiteral("project.%1").arg(QLatin1String(ProjectSession::suffix)),
                                         tr("Tagbench projects (*.%1)").arg(QLatin1String(ProjectSession::suffix)));
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix() != QLatin1String(ProjectSession::suffix))
        path += QLatin1Char('.') + QLatin1String(ProjectSession::suffix);
    openProject(path);
}

void ProjectPage::openProjectDialog()
{
    const QString path = FileDialogs::openFile(
        this, tr("Open Project"), tr("Tagbench projects (*.%1);;All files (*)").arg(QLatin1String(ProjectSession::suffix)));
    if (!path.isEmpty())
        openProject(path);
}

bool ProjectPage::openProject(const QString& path)
{
    const Status status = m_project->open(path);
    if (!status.ok()) {
        showError(tr("Cannot Open Project"), QString::fromStdString(status.message()));
        return false;
    }
    return true;
}

void ProjectPage::addOpenDatasets()
{
    QStringList failures;
    for (const auto& dataset : m_workspace->datasets()) {
        const Result<std::int64_t> id = m_project->addDataset(*dataset);
        if (!id.ok())
            failures << QStringLiteral("%1: %2").arg(dataset->displayName(), QString::fromStdString(id.message()));
    }
    if (!failures.isEmpty())
        showError(tr("Cannot Add Datasets"), failures.join(QLatin1Char('\n')));
}

void ProjectPage::addRunDialog()
{
    const QString dir = FileDialogs::directory(this, tr("Add Training Run"));
    if (dir.isEmpty())
        return;
    const Result<std::int64_t> id = m_project->addRun(dir);
    if (!id.ok())
        showError(tr("Cannot Add Run"), QString::fromStdString(id.message()));
}

void ProjectPage::removeSelected(QTableWidget* table)
{
    const int row = table->currentRow();
    if (row < 0)
        return;
    const auto id = table->item(row, 0)->data(idRole).toLongLong();
    // Removing forgets the record only; the files on disk stay where they are.
    const Status status = table == m_datasets ? m_project->removeDataset(id) : m_project->removeRun(id);
    if (!status.ok())
        showError(tr("Cannot Remove"), QString::fromStdString(status.message()));
}

void ProjectPage::openSelected(QTableWidget* table)
{
    const int row = table->currentRow();
    if (row < 0)
        return;
    const QString path = table->item(row, 0)->data(pathRole).toString();
    if (table == m_datasets)
        emit openDatasetRequested(path);
    else
        emit openRunRequested(path);
}

void ProjectPage::refresh()
{
    m_stack->setCurrentIndex(m_project->isOpen() ? 1 : 0);
    refreshRecent();
    if (!m_project->isOpen())
        return;
    m_path->setText(QDir::toNativeSeparators(m_project->path()));
    const QLocale locale;

    const auto datasets = m_project->datasets();
    m_datasets->setRowCount(static_cast<int>(datasets.size()));
    for (int row = 0; row < m_datasets->rowCount(); ++row) {
        const DatasetRecord& d = datasets[static_cast<std::size_t>(row)];
        const QString path = QString::fromStdString(d.path);
        auto* name = new QTableWidgetItem(QDir(QFileInfo(path).absolutePath()).dirName() + QLatin1Char('/')
                                          + QFileInfo(path).fileName());
        name->setData(idRole, static_cast<qlonglong>(d.id));
        name->setData(pathRole, path);
        name->setToolTip(path);
        m_datasets->setItem(row, 0, name);
        m_datasets->setItem(row, 1, new QTableWidgetItem(CoreNames::split(QString::fromStdString(d.split))));
        m_datasets->setItem(row, 2, new QTableWidgetItem(CoreNames::datasetFormat(QString::fromStdString(d.format))));
        m_datasets->setItem(row, 3, new QTableWidgetItem(locale.toString(static_cast<qint64>(d.documents))));
        m_datasets->setItem(row, 4, new QTableWidgetItem(locale.toString(static_cast<qint64>(d.labels))));
        m_datasets->setItem(row, 5, new QTableWidgetItem(dateText(d.addedAt)));
    }

    const auto runs = m_project->runs();
    m_runs->setRowCount(static_cast<int>(runs.size()));
    for (int row = 0; row < m_runs->rowCount(); ++row) {
        const RunRecord& r = runs[static_cast<std::size_t>(row)];
        const QString dir = QString::fromStdString(r.runDir);
        auto* name = new QTableWidgetItem(QDir(dir).dirName());
        name->setData(idRole, static_cast<qlonglong>(r.id));
        name->setData(pathRole, dir);
        name->setToolTip(dir);
        m_runs->setItem(row, 0, name);
        m_runs->setItem(row, 1, new QTableWidgetItem(QString::fromStdString(r.modelType)));
        m_runs->setItem(row, 2, new QTableWidgetItem(CoreNames::runStatus(r.status)));
        m_runs->setItem(row, 3, new QTableWidgetItem(dateText(r.createdAt)));
        auto* summary = new QTableWidgetItem(RunFacts::summaryLine(QByteArray::fromStdString(r.metricsJson)));
        QStringList facts;
        for (const RunFact& fact : RunFacts::fromConfig(QByteArray::fromStdString(r.configJson)))
            facts << QStringLiteral("%1: %2").arg(fact.name, fact.value);
        summary->setToolTip(facts.join(QLatin1Char('\n')));
        m_runs->setItem(row, 4, summary);
    }
    for (QTableWidget* table : {m_datasets, m_runs})
        fitColumns(table);
}

void ProjectPage::refreshRecent()
{
    m_recent->clear();
    for (const QString& path : ProjectSession::recentProjects()) {
        auto* item = new QListWidgetItem(style()->standardIcon(QStyle::SP_FileIcon), QDir::toNativeSeparators(path), m_recent);
        item->setData(pathRole, path);
        item->setToolTip(path);
    }
    m_recentLabel->setVisible(m_recent->count() > 0);
    m_recent->setVisible(m_recent->count() > 0);
}

void ProjectPage::showError(const QString& title, const QString& message)
{
    auto* box = new QMessageBox(QMessageBox::Warning, title, message, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void ProjectPage::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void ProjectPage::retranslateUi()
{
    m_intro->setText(tr("<h3>No project open</h3><p>A project keeps the datasets you work with, your "
                        "training runs, their metrics, decision rules and review decisions in one file, "
                        "so that you can come back to them later.</p>"));
    m_recentLabel->setText(tr("Recent projects:"));
    m_newButton->setText(tr("&New Project…"));
    m_openButton->setText(tr("&Open Project…"));
    m_closeButton->setText(tr("&Close Project"));
    m_datasetBox->setTitle(tr("Datasets"));
    m_datasets->setHorizontalHeaderLabels(
        {tr("File"), tr("Split"), tr("Format"), tr("Documents"), tr("Labels"), tr("Added")});
    m_addDatasets->setText(tr("&Add Open Datasets"));
    m_addDatasets->setToolTip(tr("Register every dataset open on the Data page in this project"));
    m_openDataset->setText(tr("Open in Data Page"));
    m_openDataset->setToolTip(tr("Open the selected dataset on the Data page"));
    m_removeDataset->setText(tr("Remove from Project"));
    m_removeDataset->setToolTip(tr("Forget the selected dataset in this project; the file stays on disk"));
    m_runBox->setTitle(tr("Training runs"));
    m_runs->setHorizontalHeaderLabels({tr("Run"), tr("Model"), tr("Status"), tr("Created"), tr("Summary")});
    m_addRun->setText(tr("Add &Run Folder…"));
    m_addRun->setToolTip(tr("Register a training run folder in this project"));
    m_openRun->setText(tr("Evaluate"));
    m_openRun->setToolTip(tr("Open the selected run on the Evaluate page"));
    m_removeRun->setText(tr("Remove from Project"));
    m_removeRun->setToolTip(tr("Forget the selected run in this project; its folder stays on disk"));
    m_newButton->setToolTip(tr("Create a project file (Ctrl+N)"));
    m_openButton->setToolTip(tr("Open an existing project file"));
    m_closeButton->setToolTip(tr("Close the project; the datasets and the run stay open"));
    m_recent->setToolTip(tr("Double-click or press Enter to open a recent project"));
    refresh();
}

} // namespace tagbench::ui
