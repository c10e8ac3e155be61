#include "core/model/ModelRegistry.h"

#include "core/model/bert/BertKind.h"
#include "core/model/fasttext/FastTextKind.h"
#include "core/model/linear/LinearKind.h"
#include "core/model/textcnn/TextCnnKind.h"

namespace tagbench {

const ModelRegistry& ModelRegistry::instance()
{
    static const ModelRegistry registry = [] {
        ModelRegistry kinds;
        // One line per model kind; the order is the order the Train page offers them.
        kinds.add(std::make_unique<TextCnnKind>());
        kinds.add(std::make_unique<FastTextKind>());
        kinds.add(std::make_unique<LinearKind>());
        kinds.add(std::make_unique<BertKind>());
        return kinds;
    }();
    return registry;
}

void ModelRegistry::add(std::unique_ptr<ModelKind> kind)
{
    m_kinds.push_back(std::move(kind));
}

const ModelKind* ModelRegistry::find(const std::string& name) const
{
    for (const auto& kind : m_kinds)
        if (kind->name() == name) return kind.get();
    return nullptr;
}

std::vector<std::string> ModelRegistry::names() const
{
    std::vector<std::string> out;
    for (const auto& kind : m_kinds) out.push_back(kind->name());
    return out;
}

} // namespace tagbench

namespace tagbench {

std::string ModelRegistry::namesText() const
{
    std::string text;
    for (const auto& kind : m_kinds) text += (text.empty() ? "" : ", ") + kind->name();
    return text;
}

} // namespace tagbench
