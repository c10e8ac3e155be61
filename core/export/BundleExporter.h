#pragma once

#include "core/export/BundleManifest.h"
#include "core/util/Result.h"

#include <cstdint>
#include <string>

namespace tagbench {

/// What exportBundle() wrote.
struct ExportSummary {
    std::string path;
    std::string checksum;         // SHA-256 of the file content (hex)
    std::uint64_t bytes = 0;      // file size
    std::size_t tensors = 0;      // tensors in the weights section
    std::int64_t parameters = 0;  // network parameters (elements)
    BundleManifest manifest;      // as written
};

/// Packs a finished training run (see the run directory contract: config.json, vocab.tsv,
/// labels.txt, model.pt, [tokenizer.model], [rule.json], [run.json], [scores/*.scores]) into one
/// .tagbench file at outPath, written atomically and verified by reopening it. The decision rule
/// is RUN_DIR/rule.json when present, else the run's eval threshold (run.json) and top_k. The
/// metrics card holds dev and test metrics of that rule on the run's score files.
Result<ExportSummary> exportBundle(const std::string& runDir, const std::string& outPath);

} // namespace tagbench
