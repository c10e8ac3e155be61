#include "core/data/LabelHierarchy.h"

#include <QtTest>

using namespace tagbench;

class LabelHierarchyTest final : public QObject {
    Q_OBJECT

private slots:
    void detectsSeparator_data();
    void detectsSeparator();
    void buildsTreeWithDocumentCounts();
    void neuralClassifierParentsAndChildren();
    void explicitSeparatorAndFlat();
};

void LabelHierarchyTest::detectsSeparator_data()
{
    QTest::addColumn<QStringList>("labels");
    QTest::addColumn<QString>("separator");
    QTest::newRow("debtags") << QStringList{"game::strategy", "role::program", "interface::x11"} << "::";
    QTest::newRow("neuralclassifier") << QStringList{"汽车", "汽车--新车", "汽车--谍照", "体育"} << "--";
    QTest::newRow("slash paths") << QStringList{"news/cars", "news/sports", "ads"} << "/";
    QTest::newRow("flat chinese") << QStringList{"新车上市", "谍照", "新车报价"} << "";
    QTest::newRow("one slash among many flat") << QStringList{"a", "b", "c", "d", "e", "n/a"} << "";
    QTest::newRow("separator at the ends only") << QStringList{"/usr", "c--", "x"} << "";
    QTest::newRow("no labels") << QStringList{} << "";
}

void LabelHierarchyTest::detectsSeparator()
{
    QFETCH(QStringList, labels);
    QFETCH(QString, separator);
    std::vector<std::string> names;
    for (const auto& label : labels) names.push_back(label.toStdString());
    QCOMPARE(QString::fromStdString(LabelHierarchy::detectSeparator(names)), separator);
}

void LabelHierarchyTest::buildsTreeWithDocumentCounts()
{
    Dataset dataset;
    dataset.addDocument("", "d1", {"汽车::新车::上市", "汽车::新车::谍照"});
    dataset.addDocument("", "d2", {"汽车::报价"});
    dataset.addDocument("", "d3", {"体育::足球", "汽车::新车::上市"});
    dataset.addDocument("", "d4", {});
    const auto tree = LabelHierarchy::build(dataset);
    QCOMPARE(QString::fromStdString(tree.separator()), QStringLiteral("::"));
    QCOMPARE(tree.depth(), 3);
    QCOMPARE(tree.roots().size(), std::size_t(2));

    const auto car = tree.find("汽车");
    QVERIFY(car >= 0);
    const auto& carNode = tree.nodes()[std::size_t(car)];
    QCOMPARE(carNode.level, 1);
    QCOMPARE(carNode.count, std::uint64_t(3));  // d1 counts once despite two descendants
    QCOMPARE(carNode.directCount, std::uint64_t(0));
    QCOMPARE(carNode.children.size(), std::size_t(2));
    QCOMPARE(carNode.labelId, -1);

    const auto fresh = tree.find("汽车::新车");
    QCOMPARE(tree.nodes()[std::size_t(fresh)].count, std::uint64_t(2));
    QCOMPARE(tree.nodes()[std::size_t(fresh)].parent, car);
    const auto launch = tree.find("汽车::新车::上市");
    QCOMPARE(tree.nodes()[std::size_t(launch)].name, std::string("上市"));
    QCOMPARE(tree.nodes()[std::size_t(launch)].level, 3);
    QCOMPARE(tree.nodes()[std::size_t(launch)].directCount, std::uint64_t(2));
    QCOMPARE(tree.nodeOfLabel(dataset.labelId("汽车::新车::上市")), launch);
    QCOMPARE(tree.nodes()[std::size_t(tree.find("体育"))].count, std::uint64_t(1));

    QCOMPARE(tree.level(1).size(), std::size_t(2));
    QCOMPARE(tree.level(2).size(), std::size_t(3));  // 新车, 报价, 足球
    QCOMPARE(tree.level(3).size(), std::size_t(2));
    QCOMPARE(tree.find("汽车::不存在"), -1);
    QCOMPARE(tree.nodeOfLabel(99), -1);
}

void LabelHierarchyTest::neuralClassifierParentsAndChildren()
{
    // NeuralClassifier lists the parent label next to the child: both map onto one path.
    Dataset dataset;
    dataset.addDocument("", "d1", {"汽车", "汽车--新车"});
    dataset.addDocument("", "d2", {"汽车"});
    const auto tree = LabelHierarchy::build(dataset);
    QCOMPARE(QString::fromStdString(tree.separator()), QStringLiteral("--"));
    const auto& parent = tree.nodes()[std::size_t(tree.find("汽车"))];
    QCOMPARE(parent.count, std::uint64_t(2));
    QCOMPARE(parent.directCount, std::uint64_t(2));
    QCOMPARE(parent.labelId, dataset.labelId("汽车"));
    QCOMPARE(tree.nodes()[std::size_t(tree.find("汽车--新车"))].count, std::uint64_t(1));
}

void LabelHierarchyTest::explicitSeparatorAndFlat()
{
    Dataset dataset;
    dataset.addDocument("", "d1", {"a/b", "c"});
    const auto slash = LabelHierarchy::build(dataset, std::string("/"));
    QCOMPARE(slash.depth(), 2);
    const auto flat = LabelHierarchy::build(dataset, std::string());
    QCOMPARE(flat.depth(), 1);
    QCOMPARE(flat.nodes().size(), std::size_t(2));
    QVERIFY(flat.find("a/b") >= 0);
    QCOMPARE(LabelHierarchy::build(Dataset()).depth(), 0);
}

QTEST_APPLESS_MAIN(LabelHierarchyTest)
#include "LabelHierarchyTest.moc"
