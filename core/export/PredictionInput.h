#pragma once

#include "core/data/DatasetReader.h"
#include "core/util/Result.h"

#include <string>

namespace tagbench {

/// Reads documents to predict: every format readDataset() imports, with labels optional.
/// readDataset() requires the labels field of JSON lines; unlabelled JSON lines (detected from the
/// first record) are read here instead, with the same field names, policy and issue reporting.
Result<Dataset> readPredictionInput(const std::string& path, const ImportOptions& options = {},
                                    ImportReport* report = nullptr);

} // namespace tagbench
