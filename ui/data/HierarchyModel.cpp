#include "ui/data/HierarchyModel.h"

#include "core/data/LabelHierarchy.h"

#include <QLocale>

namespace tagbench::ui {

HierarchyModel::HierarchyModel(QObject* parent)
    : QStandardItemModel(parent)
{
    setColumnCount(ColumnCount);
    setSortRole(SortRole);
    retranslate();
}

void HierarchyModel::setHierarchy(const LabelHierarchy& hierarchy, qint64 documents)
{
    removeRows(0, rowCount());
    const QLocale locale;
    const auto& nodes = hierarchy.nodes();
    // Iterative depth-first build: deep hierarchies must not exhaust the stack.
    std::vector<std::pair<std::int32_t, QStandardItem*>> stack;
    for (auto it = hierarchy.roots().rbegin(); it != hierarchy.roots().rend(); ++it)
        stack.emplace_back(*it, invisibleRootItem());
    while (!stack.empty()) {
        const auto [index, parent] = stack.back();
        stack.pop_back();
        const LabelHierarchy::Node& node = nodes[static_cast<std::size_t>(index)];
        const double share = documents > 0 ? double(node.count) / double(documents) : 0.0;
        auto* name = new QStandardItem(QString::fromStdString(node.name));
        name->setData(QString::fromStdString(node.name), SortRole);
        name->setToolTip(QString::fromStdString(node.path));
        auto* count = new QStandardItem(locale.toString(static_cast<qint64>(node.count)));
        count->setData(static_cast<qint64>(node.count), SortRole);
        auto* direct = new QStandardItem(locale.toString(static_cast<qint64>(node.directCount)));
        direct->setData(static_cast<qint64>(node.directCount), SortRole);
        auto* ratio = new QStandardItem(QStringLiteral("%1 %").arg(locale.toString(100.0 * share, 'f', 2)));
        ratio->setData(share, SortRole);
        for (QStandardItem* item : {count, direct, ratio})
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        for (QStandardItem* item : {name, count, direct, ratio})
            item->setEditable(false);
        parent->appendRow({name, count, direct, ratio});
        for (auto child = node.children.rbegin(); child != node.children.rend(); ++child)
            stack.emplace_back(*child, name);
    }
    sort(DocumentsColumn, Qt::DescendingOrder);
}

void HierarchyModel::retranslate()
{
    setHorizontalHeaderLabels({tr("Label"), tr("Documents"), tr("Exactly this label"), tr("Share of documents")});
}

} // namespace tagbench::ui
