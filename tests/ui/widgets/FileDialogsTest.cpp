#include "tests/ui/support/ModalDriver.h"
#include "ui/LanguageManager.h"
#include "ui/MainWindow.h"
#include "ui/data/Workspace.h"
#include "ui/widgets/FileDialogs.h"

#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using tagbench::ui::FileDialogs;

namespace {
/// Answers the next file dialog: notes the folder it shows, then picks path (or cancels).
void answerFileDialog(QString* shownFolder, const QString& path)
{
    tagbench::test::whenModalShown([shownFolder, path](QWidget* dialog) {
        auto* files = qobject_cast<QFileDialog*>(dialog);
        QVERIFY(files);
        *shownFolder = QDir(files->directory()).absolutePath();
        if (path.isEmpty()) {
            files->reject();
            return;
        }
        tagbench::test::pickInFileDialog(files, path);
    });
}
} // namespace

/// Every file dialog starts where the user last picked something, in any of them.
class FileDialogsTest final : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void dialogsStartInTheLastFolderUsed();
    void openDatasetStartsThere();

private:
    QTemporaryDir m_dir;
};

void FileDialogsTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("TagbenchTest"));
    QSettings().clear();
    QVERIFY(m_dir.isValid());
    QVERIFY(QDir().mkpath(m_dir.filePath(QStringLiteral("corpus"))));
    QVERIFY(QDir().mkpath(m_dir.filePath(QStringLiteral("runs/first"))));
    QVERIFY(QFile::copy(QStringLiteral(TAGBENCH_TEST_DATA "/ui/labels-zh.jsonl"), m_dir.filePath(QStringLiteral("corpus/train.jsonl"))));
}

void FileDialogsTest::dialogsStartInTheLastFolderUsed()
{
    QString shown;
    answerFileDialog(&shown, m_dir.filePath(QStringLiteral("corpus/train.jsonl")));
    QCOMPARE(FileDialogs::openFile(nullptr, QStringLiteral("Open"), QStringLiteral("All files (*)")),
             m_dir.filePath(QStringLiteral("corpus/train.jsonl")));
    QCOMPARE(shown, QDir::homePath());   // the first time
    // A folder dialog elsewhere in the app starts next to that file ...
    answerFileDialog(&shown, m_dir.filePath(QStringLiteral("runs/first")));
    QCOMPARE(FileDialogs::directory(nullptr, QStringLiteral("Run")), m_dir.filePath(QStringLiteral("runs/first")));
    QCOMPARE(shown, m_dir.filePath(QStringLiteral("corpus")));
    QCOMPARE(FileDialogs::lastFolder(), m_dir.filePath(QStringLiteral("runs/first")));
    // ... and a save dialog after it starts in the folder chosen there, offering the name.
    answerFileDialog(&shown, QString());
    QVERIFY(FileDialogs::saveFile(nullptr, QStringLiteral("Save"), QStringLiteral("report.pdf"), QStringLiteral("PDF (*.pdf)")).isEmpty());
    QCOMPARE(shown, m_dir.filePath(QStringLiteral("runs/first")));
}

void FileDialogsTest::openDatasetStartsThere()
{
    tagbench::ui::LanguageManager languages;
    languages.applyLanguage(QStringLiteral("en"));
    tagbench::ui::MainWindow window(&languages);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    FileDialogs::remember(m_dir.filePath(QStringLiteral("corpus/train.jsonl")));
    QString shown;
    answerFileDialog(&shown, m_dir.filePath(QStringLiteral("corpus/train.jsonl")));
    QTest::keyClick(&window, Qt::Key_O, Qt::ControlModifier);   // File > Open Dataset…
    QCOMPARE(shown, m_dir.filePath(QStringLiteral("corpus")));
    QTRY_COMPARE(window.workspace()->datasets().size(), 1);
}

QTEST_MAIN(FileDialogsTest)
#include "FileDialogsTest.moc"
