#include "core/model/InputEncoder.h"

#include "core/text/ParallelRanges.h"

namespace tagbench {

void InputEncoder::encodeAll(const TextSource& texts, std::size_t count, int threads, EncodedSplit& out) const
{
    struct Part {
        std::vector<std::int64_t> ids;
        std::vector<float> weights;
        std::vector<std::uint64_t> lengths;
    };
    const int workers = resolveThreadCount(threads, count / 64 + 1);
    std::vector<Part> parts(static_cast<std::size_t>(workers));
    forEachRange(count, workers, [&](std::size_t worker, std::size_t begin, std::size_t end) {
        Part& part = parts[worker];
        for (std::size_t i = begin; i < end; ++i) {
            const std::size_t before = part.ids.size();
            encode(texts(i), part.ids, part.weights);
            part.lengths.push_back(part.ids.size() - before);
        }
    });
    for (auto& part : parts) {
        out.inputs.insert(out.inputs.end(), part.ids.begin(), part.ids.end());
        out.inputWeights.insert(out.inputWeights.end(), part.weights.begin(), part.weights.end());
        for (const auto length : part.lengths) out.inputOffsets.push_back(out.inputOffsets.back() + length);
    }
}

} // namespace tagbench
