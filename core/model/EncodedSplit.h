#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace tagbench {

/// One split as model input, ready for batching: input ids (and, for weighted inputs such as
/// TF-IDF, one weight per id) and sorted gold label indices per document, both in CSR form.
struct EncodedSplit {
    std::string name;                      // "train", "dev", "test"
    std::string path;
    std::vector<std::string> ids;          // document ids (the dataset's, else "line N")
    std::vector<std::int64_t> inputs;
    std::vector<float> inputWeights;       // empty unless the input is weighted
    std::vector<std::uint64_t> inputOffsets{0};
    std::vector<std::uint32_t> gold;
    std::vector<std::uint64_t> goldOffsets{0};
    std::int64_t unknownLabels = 0;        // gold labels absent from the training labels (dropped)

    std::size_t size() const { return ids.size(); }
    std::size_t inputLength(std::size_t i) const { return static_cast<std::size_t>(inputOffsets[i + 1] - inputOffsets[i]); }
    std::size_t inputLength(std::int64_t i) const { return inputLength(static_cast<std::size_t>(i)); }
};

} // namespace tagbench
