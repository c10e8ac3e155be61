#include "core/model/torch/PretrainedEmbedding.h"

#include "core/model/PretrainedVectors.h"

namespace tagbench {

Status loadPretrainedEmbedding(torch::Tensor table, const TrainingPreparation& preparation)
{
    if (preparation.pretrainedVectors.empty()) return {};
    const Vocabulary* vocabulary = preparation.input ? preparation.input->tokenVocabulary() : nullptr;
    if (!vocabulary) return Error{preparation.pretrainedVectors + ": pretrained vectors need a token vocabulary"};
    auto vectors = loadPretrainedVectors(preparation.pretrainedVectors, *vocabulary, table.size(1));
    if (!vectors) return vectors.error();
    torch::NoGradGuard noGrad;
    const auto rows = static_cast<std::int64_t>(vectors->found.size());
    if (table.size(0) < rows) return Error{preparation.pretrainedVectors + ": the embedding table is smaller than the vocabulary"};
    const torch::Tensor values =
        torch::from_blob(vectors->rows.data(), {rows, vectors->dimension}, torch::kFloat32);
    const torch::Tensor found =
        torch::from_blob(vectors->found.data(), {rows}, torch::kUInt8).to(torch::kBool).nonzero().squeeze(1);
    table.index_copy_(0, found.to(table.device()), values.index_select(0, found).to(table.device()));
    if (!preparation.trainableEmbedding) table.requires_grad_(false);
    if (preparation.log)
        preparation.log("pretrained vectors: " + vectors->coverageSummary()
                        + (preparation.trainableEmbedding ? ", fine-tuned" : ", static"));
    return {};
}

} // namespace tagbench
