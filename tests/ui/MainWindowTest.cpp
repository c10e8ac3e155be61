#include "ui/DataPage.h"
#include "ui/ImportReportDialog.h"
#include "ui/LabelDistributionChart.h"
#include "ui/LanguageManager.h"
#include "ui/MainWindow.h"
#include "ui/Workspace.h"

#include <QAbstractItemModel>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QUrl>

using tagbench::ui::DataPage;
using tagbench::ui::LabelDistributionChart;
using tagbench::ui::ImportReportDialog;
using tagbench::ui::LanguageManager;
using tagbench::ui::MainWindow;

namespace {
QString fixture(const char* name)
{
    return QStringLiteral(TAGBENCH_TEST_DATA "/ui/") + QLatin1String(name);
}

QPushButton* buttonWithText(QWidget* parent, const QString& text)
{
    for (QPushButton* button : parent->findChildren<QPushButton*>()) {
        if (button->text() == text)
            return button;
    }
    return nullptr;
}
} // namespace

class MainWindowTest final : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void openingAFixtureChartsItsLabelCounts();
    void reopeningAFileReplacesIt();
    void badLinesLetTheUserChoose_data();
    void badLinesLetTheUserChoose();
    void missingFileIsReportedInWords();
    void droppingAFileOpensIt();
    void closeDatasetRemovesIt();

private:
    LanguageManager m_languages;
};

void MainWindowTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);   // keep QSettings away from the user's
    QCoreApplication::setOrganizationName(QStringLiteral("TagbenchTest"));
    m_languages.applyLanguage(QStringLiteral("en"));
}

void MainWindowTest::openingAFixtureChartsItsLabelCounts()
{
    MainWindow window(&m_languages);
    window.openPath(fixture("labels-zh.jsonl"));
    QTRY_COMPARE(window.workspace()->datasets().size(), 1);
    QVERIFY(!window.workspace()->isLoading());

    // The fixture is built so that label k is carried by exactly these many documents.
    const LabelDistributionChart* chart = window.dataPage()->chart();
    QCOMPARE(chart->barValues(), (QVector<double>{80, 60, 30, 12, 1}));
    QCOMPARE(chart->barLabels(),
             (QStringList{QStringLiteral("资讯::新车上市"), QStringLiteral("资讯::新车报价"),
                          QStringLiteral("资讯::谍照"), QStringLiteral("评测::试驾"),
                          QStringLiteral("资讯::召回")}));

    // The table shows the same counts and shares of the 150 documents.
    const QAbstractItemModel* table = window.dataPage()->table()->model();
    QCOMPARE(table->rowCount(), 5);
    QCOMPARE(table->index(0, 0).data().toString(), QStringLiteral("资讯::新车上市"));
    QCOMPARE(table->index(0, 1).data().toString(), QStringLiteral("80"));
    QCOMPARE(table->index(0, 2).data().toString(), QStringLiteral("53.33 %"));
    QCOMPARE(table->index(4, 1).data().toString(), QStringLiteral("1"));
    // 1 of 150 documents is under 1%: the row is tinted, the others are not.
    QVERIFY(table->index(4, 0).data(Qt::BackgroundRole).isValid());
    QVERIFY(!table->index(3, 0).data(Qt::BackgroundRole).isValid());
}

void MainWindowTest::reopeningAFileReplacesIt()
{
    MainWindow window(&m_languages);
    window.openPath(fixture("labels-zh.jsonl"));
    QTRY_COMPARE(window.workspace()->datasets().size(), 1);
    QSignalSpy added(window.workspace(), &tagbench::ui::Workspace::datasetAdded);
    window.openPath(fixture("labels-zh.jsonl"));
    QTRY_COMPARE(added.count(), 1);
    QCOMPARE(window.workspace()->datasets().size(), 1);
}

void MainWindowTest::badLinesLetTheUserChoose_data()
{
    QTest::addColumn<QString>("button");
    QTest::addColumn<int>("datasets");
    QTest::newRow("skip") << QStringLiteral("&Skip Bad Lines") << 1;
    QTest::newRow("stop") << QStringLiteral("S&top") << 0;
}

void MainWindowTest::badLinesLetTheUserChoose()
{
    QFETCH(QString, button);
    QFETCH(int, datasets);
    MainWindow window(&m_languages);
    window.show();
    window.openPath(fixture("bad-lines.jsonl"));
    QTRY_VERIFY(window.findChild<ImportReportDialog*>() != nullptr);
    auto* dialog = window.findChild<ImportReportDialog*>();
    QTRY_VERIFY(dialog->isVisible());

    // Each bad record is listed by file and line, in plain words.
    auto* issues = dialog->findChild<QTableWidget*>();
    QVERIFY(issues);
    QCOMPARE(issues->rowCount(), 2);
    QCOMPARE(issues->item(0, 0)->text(), QStringLiteral("bad-lines.jsonl:3"));
    QCOMPARE(issues->item(0, 1)->text(), QStringLiteral("Malformed record"));
    QCOMPARE(issues->item(1, 0)->text(), QStringLiteral("bad-lines.jsonl:5"));
    QCOMPARE(issues->item(1, 1)->text(), QStringLiteral("Empty text"));
    QVERIFY(!issues->item(0, 2)->text().isEmpty());
    // Nothing is added before the user decides.
    QCOMPARE(window.workspace()->datasets().size(), 0);

    QPushButton* choice = buttonWithText(dialog, button);
    QVERIFY(choice);
    QTest::mouseClick(choice, Qt::LeftButton);
    QTRY_COMPARE(window.workspace()->datasets().size(), datasets);
    if (datasets == 1) {
        QCOMPARE(window.workspace()->datasets().first()->data().size(), std::size_t{4});
        QCOMPARE(window.dataPage()->chart()->barValues(), (QVector<double>{2, 2, 1}));
    }
}

void MainWindowTest::missingFileIsReportedInWords()
{
    MainWindow window(&m_languages);
    window.show();
    window.openPath(fixture("no-such-file.jsonl"));
    QTRY_VERIFY(window.findChild<QMessageBox*>() != nullptr);
    const auto* box = window.findChild<QMessageBox*>();
    QVERIFY(box->text().contains(QStringLiteral("no-such-file.jsonl")));
    QVERIFY(box->informativeText().contains(QStringLiteral("does not exist")));
    QCOMPARE(window.workspace()->datasets().size(), 0);
}

void MainWindowTest::droppingAFileOpensIt()
{
    MainWindow window(&m_languages);
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(fixture("labels-zh.jsonl"))});
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&window, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&window, &drop);
    QTRY_COMPARE(window.workspace()->datasets().size(), 1);
    QCOMPARE(window.workspace()->datasets().first()->displayName(), QStringLiteral("ui/labels-zh.jsonl"));
}

void MainWindowTest::closeDatasetRemovesIt()
{
    MainWindow window(&m_languages);
    window.openPath(fixture("labels-zh.jsonl"));
    QTRY_COMPARE(window.workspace()->datasets().size(), 1);
    window.workspace()->remove(window.dataPage()->currentDataset());
    QCOMPARE(window.workspace()->datasets().size(), 0);
    QVERIFY(window.dataPage()->chart()->barValues().isEmpty());
}

QTEST_MAIN(MainWindowTest)
#include "MainWindowTest.moc"
