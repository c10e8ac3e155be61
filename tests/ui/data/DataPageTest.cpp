#include "tests/ui/support/Typing.h"
#include "ui/LanguageManager.h"
#include "ui/data/DataPage.h"
#include "ui/data/DatasetSession.h"
#include "ui/data/Workspace.h"
#include "ui/project/ProjectSession.h"

#include <QAbstractItemModel>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>

using tagbench::ui::DataPage;
using tagbench::ui::DatasetSession;
using tagbench::ui::LanguageManager;
using tagbench::ui::ProjectSession;
using tagbench::ui::Workspace;

namespace {
bool writeFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

template <typename T>
T* child(const QObject* parent, const char* name)
{
    T* widget = parent->findChild<T*>(QLatin1String(name));
    if (!widget)
        qFatal("no %s named %s", T::staticMetaObject.className(), name);
    return widget;
}
} // namespace

/// The Data page as issue 11 found it: which tabs the log scale applies to, plurals, labels
/// missing from train, reading a whole document, searching the texts.
class DataPageTest final : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void logScaleShowsOnlyWhereItApplies();
    void oneSkippedLineIsOneLine();
    void labelsMissingFromTrainAreMarkedInTheTable();
    void documentsCanBeSearchedAndReadInFull();

private:
    void open(const QStringList& paths);

    LanguageManager m_languages;
    QTemporaryDir m_dir;
    std::unique_ptr<Workspace> m_workspace;
    std::unique_ptr<ProjectSession> m_project;
    std::unique_ptr<DatasetSession> m_session;
    std::unique_ptr<DataPage> m_page;
};

void DataPageTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_languages.applyLanguage(QStringLiteral("en"));
    QVERIFY(m_dir.isValid());
    QVERIFY(writeFile(m_dir.filePath(QStringLiteral("train.jsonl")),
                      "{\"id\": \"t1\", \"text\": \"new SUV launched with a big battery\", \"labels\": [\"launch\", \"battery\"]}\n"
                      "{\"id\": \"t2\", \"text\": \"the price list of the sedan\", \"labels\": [\"price\"]}\n"));
    QVERIFY(writeFile(m_dir.filePath(QStringLiteral("dev.jsonl")),
                      "{\"id\": \"d1\", \"text\": \"recall of 2000 cars\", \"labels\": [\"recall\"]}\n"
                      "{\"id\": \"d2\", \"text\": \"launch event\", \"labels\": [\"launch\"]}\n"
                      "{\"id\": \"d3\", \"text\": broken}\n"));
}

void DataPageTest::init()
{
    m_workspace = std::make_unique<Workspace>();
    m_project = std::make_unique<ProjectSession>();
    m_session = std::make_unique<DatasetSession>(m_workspace.get(), m_project.get());
    m_session->setIssuePolicy(DatasetSession::IssuePolicy::AlwaysSkip);
    m_page = std::make_unique<DataPage>(m_workspace.get());
    connect(m_session.get(), &DatasetSession::showRequested, m_page.get(),
            [this](const QString& path) { m_page->showDataset(m_workspace->indexOfPath(path)); });
    m_page->resize(1000, 700);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
}

void DataPageTest::cleanup()
{
    m_page.reset();
    m_session.reset();
    m_project.reset();
    m_workspace.reset();
}

void DataPageTest::open(const QStringList& paths)
{
    for (const QString& path : paths)
        m_session->open(m_dir.filePath(path));
    QTRY_COMPARE(m_workspace->datasets().size(), int(paths.size()));
    QTRY_VERIFY(!m_workspace->isLoading());
}

void DataPageTest::logScaleShowsOnlyWhereItApplies()
{
    open({QStringLiteral("train.jsonl")});
    auto* tabs = child<QTabWidget>(m_page.get(), "dataTabs");
    auto* logScale = child<QCheckBox>(m_page.get(), "logScale");
    QVERIFY(logScale->isVisible());
    for (int tab = DataPage::CardinalityTab; tab < DataPage::TabCount; ++tab) {
        tabs->setCurrentIndex(tab);
        QVERIFY2(!logScale->isVisible(), qPrintable(tabs->tabText(tab)));
    }
    tabs->setCurrentIndex(DataPage::DistributionTab);
    QVERIFY(logScale->isVisible());
}

void DataPageTest::oneSkippedLineIsOneLine()
{
    open({QStringLiteral("dev.jsonl")});
    const QString summary = child<QLabel>(m_page.get(), "dataSummary")->text();
    QVERIFY2(summary.contains(QStringLiteral("1 line skipped")), qPrintable(summary));
    QVERIFY2(summary.contains(QStringLiteral("2 documents")), qPrintable(summary));
    QVERIFY2(!summary.contains(QStringLiteral("(s)")), qPrintable(summary));
}

void DataPageTest::labelsMissingFromTrainAreMarkedInTheTable()
{
    open({QStringLiteral("dev.jsonl"), QStringLiteral("train.jsonl")});
    auto* combo = child<QComboBox>(m_page.get(), "datasetCombo");
    combo->setCurrentIndex(m_workspace->indexOfPath(m_dir.filePath(QStringLiteral("dev.jsonl"))));
    const QAbstractItemModel* table = child<QTableView>(m_page.get(), "labelTable")->model();
    bool marked = false;
    for (int row = 0; row < table->rowCount(); ++row) {
        const QModelIndex label = table->index(row, 0);
        const bool missing = label.data().toString() == QStringLiteral("recall");
        // A sign beside the name, not only a colour, and words for it.
        QCOMPARE(!label.data(Qt::DecorationRole).isNull(), missing);
        if (missing) {
            QVERIFY(label.data(Qt::ToolTipRole).toString().contains(QStringLiteral("Missing from train")));
            marked = true;
        }
    }
    QVERIFY(marked);
    QVERIFY(child<QLabel>(m_page.get(), "dataSummary")->text().contains(QStringLiteral("1 label missing from train")));
}

void DataPageTest::documentsCanBeSearchedAndReadInFull()
{
    open({QStringLiteral("train.jsonl")});
    child<QTabWidget>(m_page.get(), "dataTabs")->setCurrentIndex(DataPage::DocumentsTab);
    auto* search = child<QLineEdit>(m_page.get(), "documentSearch");
    auto* table = child<QTableView>(m_page.get(), "documentTable");
    QCOMPARE(table->model()->rowCount(), 2);
    search->setFocus();
    tagbench::test::typeText(search, QStringLiteral("BATTERY"));   // any case
    QCOMPARE(table->model()->rowCount(), 1);
    QCOMPARE(child<QLabel>(m_page.get(), "documentCount")->text(), QStringLiteral("1 document"));
    const QRect row = table->visualRect(table->model()->index(0, 3));
    QTest::mouseClick(table->viewport(), Qt::LeftButton, Qt::NoModifier, row.center());
    const QString shown = child<QTextBrowser>(m_page.get(), "documentText")->toPlainText();
    QVERIFY2(shown.contains(QStringLiteral("new SUV launched with a big battery")) && shown.contains(QStringLiteral("t1"))
                 && shown.contains(QStringLiteral("launch, battery")),
             qPrintable(shown));
    QTest::keyClick(search, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(search, Qt::Key_Delete);
    QCOMPARE(table->model()->rowCount(), 2);
}

QTEST_MAIN(DataPageTest)
#include "DataPageTest.moc"
