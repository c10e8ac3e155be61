#pragma once

#include "core/model/bert/BertParityReport.h"
#include "core/util/Result.h"

#include <string>

namespace tagbench {

/// Replays a Hugging Face reference file of tokenizer and forward outputs (the cases.json format
/// of tests/data/bert-tiny: per case the text, basic_tokens, tokens, input_ids, masks, hidden
/// states, pooler output and logits; and a padded batch) against this project's WordPiece
/// tokenizer and BertClassifier loaded from a checkpoint folder. Torch-free interface.
class BertForwardParity final {
public:
    /// Checks: basic tokens, tokens, input ids/masks (exact); hidden states, pooler output and
    /// logits per text, and the padded batch's ids (exact) and logits (within tolerance).
    /// Errors (unreadable files, a bad checkpoint) start with the file's path.
    static Result<BertParityReport> run(const std::string& checkpointFolder, const std::string& casesPath,
                                        double tolerance = 1e-5);
};

} // namespace tagbench
