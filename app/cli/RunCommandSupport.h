#pragma once

#include "app/cli/CliArgs.h"
#include "core/util/Result.h"

#include <iosfwd>
#include <string>
#include <vector>

// Helpers shared by the subcommands that read several run directories (compare, ensemble).
namespace tagbench::cli {

/// Removes every `--run DIR` / `--run=DIR` from args and returns the directories in order
/// (CliArgs keeps one value per flag, and these commands take the flag repeatedly).
std::vector<std::string> takeRuns(std::vector<std::string>& args);

/// value printed with a fixed number of decimals, with an explicit + when sign is set.
std::string fixed(double value, int decimals, bool sign = false);

/// The --split value ("dev" or "test", default "test"), or an error naming the bad value.
Result<std::string> splitName(const CliArgs& args);

} // namespace tagbench::cli
