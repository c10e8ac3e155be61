// tagbench-cli: the headless front end (stats, train, eval, tune, predict, export).
#include "app/cli/Commands.h"

#include <cstring>
#include <exception>
#include <iostream>

namespace {

void printUsage(std::ostream& out)
{
    out << "Usage: tagbench-cli <command> [options]\n       tagbench-cli --version\n\nCommands:\n";
    for (const auto& command : tagbench::cli::commands())
        out << "  " << command.name << std::string(10 - std::strlen(command.name), ' ') << command.summary << '\n';
    out << "\nRun 'tagbench-cli <command> --help' for the options of a command.\n";
}

} // namespace

int main(int argc, char** argv)
{
    std::ios::sync_with_stdio(false);
    if (argc < 2) {
        printUsage(std::cerr);
        return 2;
    }
    const std::string name = argv[1];
    if (name == "--version" || name == "version") {
        std::cout << "tagbench-cli " << TAGBENCH_VERSION << '\n';
        return 0;
    }
    if (name == "--help" || name == "-h" || name == "help") {
        printUsage(std::cout);
        return 0;
    }
    const std::vector<std::string> args(argv + 2, argv + argc);
    for (const auto& command : tagbench::cli::commands()) {
        if (name != command.name) continue;
        try {
            return command.run(args, std::cout, std::cerr);
        } catch (const std::exception& e) {
            // Boundary: anything unexpected below becomes a message, never an abort.
            std::cerr << "tagbench-cli " << name << ": " << e.what() << '\n';
            return 1;
        }
    }
    std::cerr << "tagbench-cli: unknown command '" << name << "'\n";
    printUsage(std::cerr);
    return 2;
}
