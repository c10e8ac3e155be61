#include "app/cli/Commands.h"

namespace tagbench::cli {

// Each subcommand lives in its own <Name>Command.cpp and registers here.

const std::vector<Command>& commands()
{
    static const std::vector<Command> table = {
        {"stats", "label statistics of dataset files (distribution, cardinality, pairs)", runStats},
        {"train", "train a model (TextCNN, FastText, Linear, BERT) from a JSON config", runTrain},
        {"tune", "choose thresholds/top-k of a run on dev, write rule.json", runTune},
        {"autotune", "search model kinds and settings on dev within a time budget", runAutotune},
        {"compare", "compare two runs label by label (F1 gains and losses)", runCompare},
        {"ensemble", "combine runs: mean scores, intersection/union, two-stage", runEnsemble},
        {"export", "pack a training run into one .tagbench bundle (or describe one with --info)", runExport},
        {"predict", "apply a .tagbench bundle to documents, write JSONL or CSV predictions", runPredict},
        {"eval", "score a labelled dataset with a .tagbench bundle and print its metrics", runEval},
        {"bert-parity", "check a Hugging Face BERT folder against transformers' reference outputs", runBertParity},
        {"doctor", "LibTorch, CUDA and GPUs of this machine, and checks that GPU training equals CPU training", runDoctor},
    };
    return table;
}

} // namespace tagbench::cli
