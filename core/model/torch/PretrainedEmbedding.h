#pragma once

#include "core/model/torch/TextClassifier.h"

namespace tagbench {

/// Copies the vectors of preparation.pretrainedVectors found for the input's vocabulary into
/// the rows of table [V, D]; with trainableEmbedding false the table is frozen (static
/// embeddings, as in Kim's CNN-static). A no-op without a vectors file.
Status loadPretrainedEmbedding(torch::Tensor table, const TrainingPreparation& preparation);

} // namespace tagbench
