#include "app/cli/CommandLine.h"

#include <ostream>

namespace tagbench::cli {

CommandLine parseCommandLine(const std::vector<std::string>& arguments, const char* command, const char* usage,
                             const std::set<std::string>& valueFlags, std::set<std::string> switchFlags, std::ostream& out,
                             std::ostream& err)
{
    switchFlags.insert("help");
    Result<CliArgs> parsed = CliArgs::parse(arguments, valueFlags, switchFlags);
    if (!parsed)
        return {std::nullopt, usageError(err, command, parsed.message(), usage)};
    if (parsed->has("help")) {
        out << usage;
        return {std::nullopt, 0};
    }
    return {std::move(parsed).value(), 0};
}

int usageError(std::ostream& err, const char* command, const std::string& message, const char* usage)
{
    err << "tagbench-cli " << command << ": " << message << "\n\n" << usage;
    return 2;
}

} // namespace tagbench::cli
