#pragma once

#include "core/data/DatasetReader.h"
#include "core/util/Result.h"

#include <string>

namespace tagbench {

/// Reads documents to predict: every format readDataset() imports, with labels optional
/// (ImportOptions::requireLabels off), so unlabelled JSON lines, CSV/TSV with a text column only,
/// NeuralClassifier without doc_label and plain text lines are read with the same field names,
/// policy and issue reporting as training data.
Result<Dataset> readPredictionInput(const std::string& path, const ImportOptions& options = {},
                                    ImportReport* report = nullptr);

} // namespace tagbench
