#include "ui/data/DatasetSession.h"
#include "ui/data/LoadedDataset.h"
#include "ui/data/Workspace.h"
#include "ui/project/ProjectSession.h"

#include <QDir>
#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using tagbench::ui::DatasetSession;
using tagbench::ui::LoadedDataset;
using tagbench::ui::ProjectSession;
using tagbench::ui::Workspace;

namespace {
QString fixture(const char* name)
{
    return QStringLiteral(TAGBENCH_TEST_DATA "/ui/") + QLatin1String(name);
}

QStringList projectFiles(const ProjectSession& project)
{
    QStringList files;
    for (const auto& record : project.datasets())
        files << QFileInfo(QString::fromStdString(record.path)).fileName();
    files.sort();
    return files;
}
} // namespace

class DatasetSessionTest final : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void datasetsOpenBeforeTheProjectJoinIt();
    void filesOpenedTogetherShowTheirTrainSplit();
    void backgroundLoadsShowNothing();

private:
    QTemporaryDir m_dir;
    QString m_train, m_dev, m_test;
};

void DatasetSessionTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("TagbenchTest"));
    QVERIFY(m_dir.isValid());
    // One corpus in three splits (the same documents; only the names matter here).
    QDir().mkpath(m_dir.filePath(QStringLiteral("corpus")));
    m_train = m_dir.filePath(QStringLiteral("corpus/train.jsonl"));
    m_dev = m_dir.filePath(QStringLiteral("corpus/dev.jsonl"));
    m_test = m_dir.filePath(QStringLiteral("corpus/test.jsonl"));
    for (const QString& path : {m_train, m_dev, m_test})
        QVERIFY(QFile::copy(fixture("labels-zh.jsonl"), path));
}

void DatasetSessionTest::init()
{
    QSettings().clear();
}

// Issue 11 item 9: a valid train file opened first, then a project, then a broken file kept with
// "Skip": the project holds both, not only the later one.
void DatasetSessionTest::datasetsOpenBeforeTheProjectJoinIt()
{
    Workspace workspace;
    ProjectSession project;
    DatasetSession session(&workspace, &project);
    QSignalSpy review(&session, &DatasetSession::reviewRequested);
    session.open(m_train);
    QTRY_COMPARE(workspace.datasets().size(), 1);
    QVERIFY(project.datasets().empty());

    QVERIFY(project.open(m_dir.filePath(QStringLiteral("cars.tagbench-project"))).ok());
    QCOMPARE(projectFiles(project), QStringList{QStringLiteral("train.jsonl")});

    session.open(fixture("bad-lines.jsonl"));
    QTRY_COMPARE(review.count(), 1);
    QCOMPARE(workspace.datasets().size(), 1);   // nothing is kept before the user decides
    session.accept(review.first().at(0).value<std::shared_ptr<const LoadedDataset>>());   // "Skip Bad Lines"
    QCOMPARE(workspace.datasets().size(), 2);
    QCOMPARE(projectFiles(project), (QStringList{QStringLiteral("bad-lines.jsonl"), QStringLiteral("train.jsonl")}));
}

// Issue 11 item 10: opening a corpus' splits together shows train, not the last one read.
void DatasetSessionTest::filesOpenedTogetherShowTheirTrainSplit()
{
    Workspace workspace;
    ProjectSession project;
    DatasetSession session(&workspace, &project);
    QSignalSpy shown(&session, &DatasetSession::showRequested);
    for (const QString& path : {m_test, m_dev, m_train})
        session.open(path);
    QTRY_COMPARE(workspace.datasets().size(), 3);
    QTRY_COMPARE(shown.count(), 1);
    QCOMPARE(shown.first().at(0).toString(), QFileInfo(m_train).absoluteFilePath());
    // One file alone is shown as it is.
    workspace.remove(workspace.indexOfPath(m_test));
    session.open(m_test);
    QTRY_COMPARE(shown.count(), 2);
    QCOMPARE(shown.last().at(0).toString(), QFileInfo(m_test).absoluteFilePath());
}

void DatasetSessionTest::backgroundLoadsShowNothing()
{
    Workspace workspace;
    ProjectSession project;
    DatasetSession session(&workspace, &project);
    QSignalSpy shown(&session, &DatasetSession::showRequested);
    workspace.load(m_dev);   // what the Review page does to get a split's texts
    QTRY_COMPARE(workspace.datasets().size(), 1);
    QTest::qWait(50);
    QCOMPARE(shown.count(), 0);
}

QTEST_MAIN(DatasetSessionTest)
#include "DatasetSessionTest.moc"
