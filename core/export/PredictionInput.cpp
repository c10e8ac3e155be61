#include "core/export/PredictionInput.h"

namespace tagbench {

Result<Dataset> readPredictionInput(const std::string& path, const ImportOptions& options, ImportReport* report)
{
    ImportOptions labelsOptional = options;
    labelsOptional.requireLabels = false;
    return readDataset(path, labelsOptional, report);
}

} // namespace tagbench
