#pragma once

#include "app/cli/CliArgs.h"

#include <iosfwd>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace tagbench::cli {

/// What every subcommand does before its own work, written once: parse its options (--help is
/// always accepted), answer --help with the usage on out (exit 0), and report a bad option as
/// "tagbench-cli NAME: problem", a blank line and the usage on err (exit 2).
struct CommandLine {
    std::optional<CliArgs> args;  ///< set when the command goes on
    int exitCode = 0;             ///< what to return at once when args is empty
};

CommandLine parseCommandLine(const std::vector<std::string>& arguments, const char* command, const char* usage,
                             const std::set<std::string>& valueFlags, std::set<std::string> switchFlags, std::ostream& out,
                             std::ostream& err);

/// A usage problem found after parsing, reported like a bad option; returns exit code 2.
int usageError(std::ostream& err, const char* command, const std::string& message, const char* usage);

} // namespace tagbench::cli
