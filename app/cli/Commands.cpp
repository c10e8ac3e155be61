#include "app/cli/Commands.h"

namespace tagbench::cli {

// Each subcommand lives in its own <Name>Command.cpp and registers here.

const std::vector<Command>& commands()
{
    static const std::vector<Command> table = {
    };
    return table;
}

} // namespace tagbench::cli
