// tagbench-cli export: packs a training run into one .tagbench bundle, or describes a bundle.
#include "app/cli/CliArgs.h"
#include "app/cli/CommandLine.h"
#include "app/cli/Commands.h"
#include "core/export/Bundle.h"
#include "core/export/BundleExporter.h"

#include <iostream>

namespace tagbench::cli {

namespace {

constexpr const char* kUsage =
    "Usage: tagbench-cli export --run RUN_DIR --out MODEL.tagbench\n"
    "       tagbench-cli export --info MODEL.tagbench\n\n"
    "Writes one self-contained, checksummed bundle (weights in safetensors, tokenizer, vocabulary,\n"
    "labels, decision rule (RUN_DIR/rule.json, else the run's threshold/top_k) and the dev/test\n"
    "metrics card) for 'tagbench-cli predict' and 'eval'. --info verifies a bundle and describes it.\n";

} // namespace

int runExport(const std::vector<std::string>& args, std::ostream& out, std::ostream& err)
{
    const CommandLine commandLine = parseCommandLine(args, "export", kUsage, {"run", "out", "info"}, {}, out, err);
    if (!commandLine.args) return commandLine.exitCode;
    const CliArgs& a = *commandLine.args;
    if (a.has("info")) {
        if (a.has("run") || a.has("out") || !a.positionals().empty())
            return usageError(err, "export", "--info takes a bundle and no other option", kUsage);
        auto bundle = Bundle::open(a.value("info"));
        if (!bundle) {
            err << "tagbench-cli export: " << bundle.message() << '\n';
            return 1;
        }
        out << bundle->describe();
        return 0;
    }
    if (!a.has("run") || !a.has("out") || !a.positionals().empty()) {
        return usageError(err, "export", "--run and --out are required", kUsage);
    }
    auto summary = exportBundle(a.value("run"), a.value("out"));
    if (!summary) {
        err << "tagbench-cli export: " << summary.message() << '\n';
        return 1;
    }
    auto bundle = Bundle::open(summary->path);
    if (!bundle) {
        err << "tagbench-cli export: " << bundle.message() << '\n';
        return 1;
    }
    out << "Exported " << a.value("run") << " (" << summary->tensors << " tensors, " << summary->parameters
        << " parameters)\n"
        << bundle->describe();
    return 0;
}

} // namespace tagbench::cli
