#include "core/data/LabelHierarchy.h"

#include <unordered_map>

namespace tagbench {

namespace {

// Splits a path on sep, dropping empty segments ("a::::b" is a::b).
std::vector<std::string_view> segments(std::string_view path, const std::string& sep)
{
    std::vector<std::string_view> parts;
    if (sep.empty()) {
        parts.push_back(path);
        return parts;
    }
    while (true) {
        const std::size_t at = path.find(sep);
        const std::string_view part = path.substr(0, at);
        if (!part.empty()) parts.push_back(part);
        if (at == std::string_view::npos) break;
        path.remove_prefix(at + sep.size());
    }
    if (parts.empty()) parts.push_back(path);
    return parts;
}

} // namespace

const std::vector<std::string>& LabelHierarchy::candidateSeparators()
{
    static const std::vector<std::string> separators = {"::", "--", "/"};
    return separators;
}

std::string LabelHierarchy::detectSeparator(const std::vector<std::string>& labelNames)
{
    std::string best;
    std::size_t bestCount = 0;
    for (const auto& sep : candidateSeparators()) {
        std::size_t count = 0;
        for (const auto& name : labelNames) {
            const std::size_t at = name.find(sep);
            // A separator at either end ("/usr", "c--") does not make a path.
            if (at != std::string::npos && at > 0 && at + sep.size() < name.size()) ++count;
        }
        if (count > bestCount) {
            best = sep;
            bestCount = count;
        }
    }
    return bestCount * 4 >= labelNames.size() && bestCount > 0 ? best : std::string();
}

std::int32_t LabelHierarchy::child(std::int32_t parent, std::string_view name, std::string_view path, int level)
{
    if (const auto it = m_pathIndex.find(std::string(path)); it != m_pathIndex.end()) return it->second;
    Node node;
    node.name = std::string(name);
    node.path = std::string(path);
    node.parent = parent;
    node.level = level;
    const auto index = static_cast<std::int32_t>(m_nodes.size());
    m_nodes.push_back(std::move(node));
    m_pathIndex.emplace(std::string(path), index);
    if (parent < 0) m_roots.push_back(index);
    else m_nodes[static_cast<std::size_t>(parent)].children.push_back(index);
    if (level > m_depth) m_depth = level;
    return index;
}

LabelHierarchy LabelHierarchy::build(const Dataset& dataset, std::optional<std::string> separator)
{
    LabelHierarchy tree;
    const auto& names = dataset.labelNames();
    tree.m_separator = separator ? *separator : detectSeparator(names);
    tree.m_labelNodes.assign(names.size(), -1);
    for (std::size_t labelId = 0; labelId < names.size(); ++labelId) {
        const auto parts = segments(names[labelId], tree.m_separator);
        std::int32_t node = -1;
        std::string path;
        for (std::size_t level = 0; level < parts.size(); ++level) {
            if (level > 0) path += tree.m_separator;
            path.append(parts[level]);
            node = tree.child(node, parts[level], path, static_cast<int>(level) + 1);
        }
        tree.m_labelNodes[labelId] = node;
        // "a::b" and "a:: b" may collapse onto one node; the first label keeps it.
        auto& target = tree.m_nodes[static_cast<std::size_t>(node)];
        if (target.labelId < 0) target.labelId = static_cast<std::int32_t>(labelId);
    }
    // Count each node once per document, however many of its descendants the document carries.
    std::vector<std::uint64_t> stamp(tree.m_nodes.size(), UINT64_MAX);
    std::vector<std::uint64_t> directStamp(tree.m_nodes.size(), UINT64_MAX);
    for (std::size_t doc = 0; doc < dataset.size(); ++doc) {
        for (const auto labelId : dataset.labels(doc)) {
            std::int32_t node = tree.m_labelNodes[static_cast<std::size_t>(labelId)];
            if (directStamp[static_cast<std::size_t>(node)] != doc) {
                directStamp[static_cast<std::size_t>(node)] = doc;
                ++tree.m_nodes[static_cast<std::size_t>(node)].directCount;
            }
            while (node >= 0 && stamp[static_cast<std::size_t>(node)] != doc) {
                stamp[static_cast<std::size_t>(node)] = doc;
                ++tree.m_nodes[static_cast<std::size_t>(node)].count;
                node = tree.m_nodes[static_cast<std::size_t>(node)].parent;
            }
        }
    }
    return tree;
}

std::vector<std::int32_t> LabelHierarchy::level(int level) const
{
    std::vector<std::int32_t> result;
    for (std::size_t i = 0; i < m_nodes.size(); ++i) {
        if (m_nodes[i].level == level) result.push_back(static_cast<std::int32_t>(i));
    }
    return result;
}

std::int32_t LabelHierarchy::nodeOfLabel(std::int32_t labelId) const
{
    if (labelId < 0 || static_cast<std::size_t>(labelId) >= m_labelNodes.size()) return -1;
    return m_labelNodes[static_cast<std::size_t>(labelId)];
}

std::int32_t LabelHierarchy::find(std::string_view path) const
{
    const auto it = m_pathIndex.find(std::string(path));
    return it == m_pathIndex.end() ? -1 : it->second;
}

} // namespace tagbench
