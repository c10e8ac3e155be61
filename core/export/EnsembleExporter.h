#pragma once

#include "core/export/BundleExporter.h"

namespace tagbench {

/// exportBundle() for an ensemble run (eval::createEnsembleRun): each member run is exported
/// and the member bundles are held, byte for byte, in the ensemble bundle's weights, so one
/// file predicts with the tuned rule on the combined, calibrated scores.
Result<ExportSummary> exportEnsembleBundle(const std::string& runDir, const std::string& outPath);

} // namespace tagbench
