#pragma once

#include <QStandardItemModel>

namespace tagbench {
class LabelHierarchy;
}

namespace tagbench::ui {

/// The label tree (`facet::tag`, `A--B`, `a/b`) with the documents under each node.
class HierarchyModel final : public QStandardItemModel {
    Q_OBJECT
public:
    enum Column { NameColumn, DocumentsColumn, DirectColumn, ShareColumn, ColumnCount };
    /// Numeric value of a cell, for sorting.
    static constexpr int SortRole = Qt::UserRole + 1;

    explicit HierarchyModel(QObject* parent = nullptr);

    /// Rebuilds the tree; documents is the dataset size (for shares).
    void setHierarchy(const LabelHierarchy& hierarchy, qint64 documents);

    /// Re-sets the header texts after a language change.
    void retranslate();
};

} // namespace tagbench::ui
