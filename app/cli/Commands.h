#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace tagbench::cli {

/// Signature of a subcommand: arguments after the subcommand name; returns the exit code.
using CommandFn = int (*)(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

/// One entry of the subcommand table shown by --help.
struct Command {
    const char* name;
    const char* summary;
    CommandFn run;
};

/// All subcommands, in the order --help lists them.
const std::vector<Command>& commands();

} // namespace tagbench::cli
