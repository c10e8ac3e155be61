#pragma once

#include "core/util/Result.h"

#include <cstdint>
#include <string>
#include <vector>

namespace tagbench {

class Vocabulary;

/// Word vectors looked up for a vocabulary, plus how much of the vocabulary they cover.
struct PretrainedVectors {
    std::int64_t dimension = 0;
    std::vector<float> rows;          // vocabulary.size() x dimension; zeros where not found
    std::vector<std::uint8_t> found;  // per vocabulary id: 1 when a vector was found
    std::int64_t vectorsInFile = 0;
    std::int64_t coveredTypes = 0;    // vocabulary entries with a vector (specials excluded)
    std::int64_t vocabularyTypes = 0; // vocabulary entries excluding <pad> and <unk>
    double tokenCoverage = 0.0;       // share of training-corpus tokens (by count) with a vector

    /// "12345 of 20000 vocabulary entries (61.7%), 93.2% of training tokens".
    std::string coverageSummary() const;
};

/// Reads word2vec/GloVe text vectors ("word v1 v2 ... vD" per line; an optional first line
/// "N D" as word2vec writes it) and keeps those of vocabulary's tokens; a token without an exact
/// match takes the vector of its lowercase form. Every vector must have expectedDimension values.
/// Errors name the file and line.
Result<PretrainedVectors> loadPretrainedVectors(const std::string& path, const Vocabulary& vocabulary,
                                                std::int64_t expectedDimension);

} // namespace tagbench
