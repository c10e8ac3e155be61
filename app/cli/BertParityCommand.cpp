// tagbench-cli bert-parity: checks a Hugging Face BERT checkpoint folder against reference
// outputs computed with transformers (tokens, forward outputs, optionally fine-tuning traces).
#include "app/cli/CliArgs.h"
#include "app/cli/CommandLine.h"
#include "app/cli/Commands.h"
#include "core/model/bert/torch/BertForwardParity.h"
#include "core/model/bert/torch/BertTrainingParity.h"

#include <cstdlib>
#include <iostream>

namespace tagbench::cli {

namespace {

constexpr const char* kUsage =
    "Usage: tagbench-cli bert-parity --checkpoint DIR --cases CASES.json [--train-trace TRACE.json]\n"
    "                                [--forward-tolerance X] [--train-tolerance X]\n\n"
    "Loads the Hugging Face BERT folder DIR (config.json, vocab.txt, tokenizer settings and\n"
    "model.safetensors or pytorch_model.bin) and compares it with outputs computed by\n"
    "transformers: CASES.json holds texts with their tokens, ids, hidden states, pooler output and\n"
    "logits (the format of tests/data/bert-tiny/cases.json); TRACE.json holds fine-tuning steps\n"
    "(losses, learning rates, gradient norms, logits and parameter slices, the format of\n"
    "train_trace.json). Prints each check's largest difference and every token mismatch; exits 1\n"
    "when a check is above its tolerance (forward 1e-5, training 1e-4 unless given).\n";

bool parseTolerance(const std::string& text, double& value)
{
    char* end = nullptr;
    value = std::strtod(text.c_str(), &end);
    return !text.empty() && end == text.c_str() + text.size() && value >= 0.0;
}

} // namespace

int runBertParity(const std::vector<std::string>& args, std::ostream& out, std::ostream& err)
{
    const CommandLine commandLine = parseCommandLine(
        args, "bert-parity", kUsage, {"checkpoint", "cases", "train-trace", "forward-tolerance", "train-tolerance"}, {}, out, err);
    if (!commandLine.args) return commandLine.exitCode;
    const CliArgs& a = *commandLine.args;
    const auto usageError = [&](const std::string& message) { return cli::usageError(err, "bert-parity", message, kUsage); };
    if (!a.has("checkpoint") || !a.has("cases")) return usageError("--checkpoint and --cases are required");
    if (!a.positionals().empty()) return usageError("unexpected argument '" + a.positionals().front() + "'");
    double forwardTolerance = 1e-5;
    double trainTolerance = 1e-4;
    if (a.has("forward-tolerance") && !parseTolerance(a.value("forward-tolerance"), forwardTolerance))
        return usageError("--forward-tolerance must be a non-negative number");
    if (a.has("train-tolerance") && !parseTolerance(a.value("train-tolerance"), trainTolerance))
        return usageError("--train-tolerance must be a non-negative number");

    bool passed = true;
    out << "Checkpoint: " << a.value("checkpoint") << "\n\n";
    out << "Forward (" << a.value("cases") << "):\n";
    auto forward = BertForwardParity::run(a.value("checkpoint"), a.value("cases"), forwardTolerance);
    if (!forward) {
        err << "tagbench-cli bert-parity: " << forward.message() << '\n';
        return 1;
    }
    out << forward->format();
    passed = passed && forward->passed();

    if (a.has("train-trace")) {
        out << "\nTraining (" << a.value("train-trace") << "):\n";
        auto training = BertTrainingParity::run(a.value("checkpoint"), a.value("train-trace"), trainTolerance);
        if (!training) {
            err << "tagbench-cli bert-parity: " << training.message() << '\n';
            return 1;
        }
        out << training->format();
        passed = passed && training->passed();
    }
    out << (passed ? "\nAll checks within tolerance.\n" : "\nSome checks are above their tolerance.\n");
    return passed ? 0 : 1;
}

} // namespace tagbench::cli
