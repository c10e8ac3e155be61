#include "app/cli/RunCommandSupport.h"

#include <cstdio>
#include <ostream>

namespace tagbench::cli {

std::vector<std::string> takeRuns(std::vector<std::string>& args)
{
    std::vector<std::string> runs, rest;
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--run" && i + 1 < args.size()) {
            runs.push_back(args[++i]);
        } else if (args[i].rfind("--run=", 0) == 0) {
            runs.push_back(args[i].substr(6));
        } else {
            rest.push_back(args[i]);
        }
    }
    args.swap(rest);
    return runs;
}

std::string fixed(double value, int decimals, bool sign)
{
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, sign ? "%+.*f" : "%.*f", decimals, value);
    return buffer;
}

Result<std::string> splitName(const CliArgs& args)
{
    const std::string split = args.value("split", "test");
    if (split != "dev" && split != "test") return Error{"--split must be dev or test, got '" + split + "'"};
    return split;
}

} // namespace tagbench::cli
