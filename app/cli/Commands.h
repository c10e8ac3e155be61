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

/// tagbench-cli stats (app/cli/StatsCommand.cpp).
int runStats(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

/// tagbench-cli train (app/cli/TrainCommand.cpp).
int runTrain(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

/// tagbench-cli tune (app/cli/TuneCommand.cpp).
int runTune(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

/// tagbench-cli autotune (app/cli/AutotuneCommand.cpp).
int runAutotune(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

/// tagbench-cli compare (app/cli/CompareCommand.cpp).
int runCompare(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

/// tagbench-cli ensemble (app/cli/EnsembleCommand.cpp).
int runEnsemble(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

/// tagbench-cli export (app/cli/ExportCommand.cpp).
int runExport(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

/// tagbench-cli predict (app/cli/PredictCommand.cpp).
int runPredict(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

/// tagbench-cli eval (app/cli/EvalCommand.cpp).
int runEval(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

/// tagbench-cli bert-parity (app/cli/BertParityCommand.cpp).
int runBertParity(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

/// tagbench-cli doctor (app/cli/DoctorCommand.cpp).
int runDoctor(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

} // namespace tagbench::cli
