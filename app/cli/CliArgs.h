#pragma once

#include "core/util/Result.h"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace tagbench::cli {

/// Parsed command line of one subcommand: --flags (with or without values) and positionals.
class CliArgs final {
public:
    /// Parses args; valueFlags take a value (--name VALUE or --name=VALUE), switchFlags take none.
    static Result<CliArgs> parse(const std::vector<std::string>& args, const std::set<std::string>& valueFlags,
                                 const std::set<std::string>& switchFlags);

    /// True when the switch or value flag was given.
    bool has(const std::string& flag) const;
    /// Value of a value flag, or fallback when absent.
    std::string value(const std::string& flag, const std::string& fallback = {}) const;
    /// Positional arguments in order.
    const std::vector<std::string>& positionals() const { return m_positionals; }

private:
    std::map<std::string, std::string> m_values;
    std::set<std::string> m_switches;
    std::vector<std::string> m_positionals;
};

} // namespace tagbench::cli
