#include "core/model/TextClassifier.h"

namespace tagbench {

ModelBatch ModelBatch::to(const torch::Device& device, bool nonBlocking) const
{
    const auto move = [&](const torch::Tensor& t) { return t.defined() ? t.to(device, nonBlocking) : t; };
    ModelBatch moved;
    moved.tokens = move(tokens);
    moved.lengths = move(lengths);
    moved.targets = move(targets);
    moved.rows = rows;  // bookkeeping stays on the host
    return moved;
}

} // namespace tagbench
