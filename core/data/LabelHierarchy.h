#pragma once

#include "core/data/Dataset.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace tagbench {

/// Labels whose names are paths (`parent::child`, NeuralClassifier `A--B`, `a/b`) seen as a tree.
/// A node stands for a path prefix; its count is the number of documents carrying it or any
/// label below it, so level 1 of debtags (`facet::tag`) gives the facet distribution.
class LabelHierarchy final {
public:
    struct Node {
        std::string name;             ///< last path segment ("strategy")
        std::string path;             ///< full path with the separator ("game::strategy")
        std::int32_t parent = -1;     ///< node index, -1 for a root
        std::vector<std::int32_t> children;
        int level = 1;                ///< 1 for roots
        std::uint64_t count = 0;      ///< documents with this node or a descendant
        std::uint64_t directCount = 0;///< documents labelled exactly this path
        std::int32_t labelId = -1;    ///< dataset label id when the path itself is a label
    };

    /// Separators tried by detection, in order of preference.
    static const std::vector<std::string>& candidateSeparators();

    /// The separator found in the most label names, provided at least a quarter of them contain
    /// it; empty when the labels look flat.
    static std::string detectSeparator(const std::vector<std::string>& labelNames);

    /// Builds the tree of dataset's labels; separator nullopt detects it, "" means flat.
    static LabelHierarchy build(const Dataset& dataset, std::optional<std::string> separator = std::nullopt);

    /// The separator in use; empty for flat labels.
    const std::string& separator() const { return m_separator; }
    /// Number of levels (1 for flat labels, 0 when there are no labels).
    int depth() const { return m_depth; }
    const std::vector<Node>& nodes() const { return m_nodes; }
    const std::vector<std::int32_t>& roots() const { return m_roots; }
    /// Node indices of one level (1-based), in first-seen order.
    std::vector<std::int32_t> level(int level) const;
    /// Node of a dataset label id, -1 when out of range.
    std::int32_t nodeOfLabel(std::int32_t labelId) const;
    /// Node with this full path, -1 when absent.
    std::int32_t find(std::string_view path) const;

private:
    std::int32_t child(std::int32_t parent, std::string_view name, std::string_view path, int level);

    std::string m_separator;
    std::vector<Node> m_nodes;
    std::vector<std::int32_t> m_roots;
    std::vector<std::int32_t> m_labelNodes;
    std::unordered_map<std::string, std::int32_t> m_pathIndex;
    int m_depth = 0;
};

} // namespace tagbench
