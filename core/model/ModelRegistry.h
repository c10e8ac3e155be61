#pragma once

#include "core/model/ModelKind.h"

#include <memory>
#include <string>
#include <vector>

namespace tagbench {

/// The model kinds this build knows, by name. Adding a kind is its folder core/model/<kind>/
/// plus one line in ModelRegistry.cpp (see docs/architecture.md, "How to add a model").
class ModelRegistry final {
public:
    static const ModelRegistry& instance();

    /// The kind called name, or nullptr.
    const ModelKind* find(const std::string& name) const;
    /// Every kind, in registration order (the order the Train page offers them).
    const std::vector<std::unique_ptr<ModelKind>>& kinds() const { return m_kinds; }
    /// Every kind's name, in registration order.
    std::vector<std::string> names() const;
    /// "TextCNN, FastText, ..." for messages.
    std::string namesText() const;

private:
    ModelRegistry() = default;
    void add(std::unique_ptr<ModelKind> kind);

    std::vector<std::unique_ptr<ModelKind>> m_kinds;
};

} // namespace tagbench
