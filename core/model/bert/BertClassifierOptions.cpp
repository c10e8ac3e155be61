#include "core/model/bert/BertClassifierOptions.h"

namespace tagbench {

std::string_view bertPoolingName(BertPooling pooling)
{
    return pooling == BertPooling::Mean ? "mean" : "cls";
}

} // namespace tagbench
