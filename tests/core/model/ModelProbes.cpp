#include "tests/core/model/ModelProbes.h"

#include "core/model/fasttext/FastTextOptions.h"
#include "core/model/fasttext/torch/FastText.h"
#include "core/model/textcnn/TextCnnOptions.h"
#include "core/model/textcnn/torch/TextCnn.h"
#include "core/model/torch/Loss.h"
#include "core/train/torch/Optimizer.h"

#include <torch/torch.h>

namespace tagbench::probe {

namespace {

torch::Tensor matrix(const std::vector<float>& values, std::int64_t rows)
{
    return torch::tensor(values).view({rows, -1});
}

std::vector<float> toVector(const torch::Tensor& t)
{
    const torch::Tensor c = t.contiguous().to(torch::kFloat32);
    return std::vector<float>(c.data_ptr<float>(), c.data_ptr<float>() + c.numel());
}

ModelSpec textCnnSpec(std::int64_t classes, const std::vector<std::int64_t>& kernelSizes, std::int64_t kernels,
                      std::int64_t topK, std::int64_t hidden)
{
    auto options = std::make_shared<TextCnnOptions>();
    options->kernelSizes = kernelSizes;
    options->numKernels = kernels;
    options->topKMaxPooling = topK;
    options->hidden = hidden;
    ModelSpec spec;
    spec.kind = "TextCNN";
    spec.vocabularySize = 50;
    spec.embeddingDim = 8;
    spec.labels = classes;
    spec.options = options;
    return spec;
}

ModelSpec fastTextSpec(std::int64_t vocabulary, std::int64_t dimension, std::int64_t classes, std::int64_t buckets)
{
    auto options = std::make_shared<FastTextOptions>();
    options->buckets = buckets;
    ModelSpec spec;
    spec.kind = "FastText";
    spec.vocabularySize = vocabulary;
    spec.embeddingDim = dimension;
    spec.labels = classes;
    spec.options = options;
    return spec;
}

} // namespace

std::vector<float> kMaxPooling(const std::vector<float>& values, std::int64_t rows, std::int64_t k)
{
    return toVector(tagbench::kMaxPooling(matrix(values, rows), k));
}

std::vector<std::int64_t> textCnnLogitShape(std::int64_t batch, std::int64_t length,
                                            const std::vector<std::int64_t>& kernelSizes, std::int64_t topK,
                                            std::int64_t hidden, std::int64_t classes)
{
    torch::manual_seed(1);
    TextCnn model(textCnnSpec(classes, kernelSizes, 4, topK, hidden));
    ModelBatch batchData;
    batchData.tokens = torch::randint(2, 50, {batch, length}, torch::kInt64);
    batchData.lengths = torch::full({batch}, length, torch::kInt64);
    const torch::Tensor logits = model->forward(batchData);
    return logits.sizes().vec();
}

double textCnnPaddingInfluence()
{
    torch::manual_seed(2);
    TextCnn model(textCnnSpec(3, {2, 3}, 6, 2, 0));
    model->eval();
    torch::NoGradGuard noGrad;
    const torch::Tensor shortDoc = torch::tensor({5, 9, 17, 4}, torch::kInt64);
    ModelBatch alone;
    alone.tokens = shortDoc.view({1, -1});
    alone.lengths = torch::tensor({4}, torch::kInt64);
    ModelBatch mixed;
    mixed.tokens = torch::zeros({2, 30}, torch::kInt64);
    mixed.tokens[0].narrow(0, 0, 4).copy_(shortDoc);
    mixed.tokens[1].copy_(torch::randint(2, 50, {30}, torch::kInt64));
    mixed.lengths = torch::tensor({4, 30}, torch::kInt64);
    return (model->forward(alone)[0] - model->forward(mixed)[0]).abs().max().item<double>();
}

std::vector<std::int64_t> fastTextLogitShape(std::int64_t batch, std::int64_t buckets, std::int64_t classes)
{
    FastText model(fastTextSpec(30, 10, classes, buckets));
    ModelBatch data;
    data.tokens = torch::randint(0, 30 + buckets, {batch * 5}, torch::kInt64);
    data.offsets = torch::arange(0, batch * 5, 5, torch::kInt64);
    return model->forward(data).sizes().vec();
}

bool fastTextGradientIsSparseOverUsedRows()
{
    FastText model(fastTextSpec(30, 4, 2, 1000));
    {
        torch::NoGradGuard noGrad;
        model->named_parameters()["output.weight"].fill_(0.1f);  // a zero output layer has zero input gradients
    }
    ModelBatch data;
    data.tokens = torch::tensor({3, 7, 512, 7, 900}, torch::kInt64);
    data.offsets = torch::tensor({0, 3}, torch::kInt64);
    model->forward(data).sum().backward();
    const torch::Tensor grad = model->named_parameters()["bag.weight"].grad();
    if (!grad.defined() || !grad.is_sparse()) return false;
    const torch::Tensor rows = std::get<0>(torch::_unique(grad.coalesce().indices()[0]));
    return rows.equal(torch::tensor({3, 7, 512, 900}, torch::kInt64));
}

double fastTextFusedGradientMatchesAutograd()
{
    // One SGD step (lr 1) through autograd's sparse gradient and one through the fused row update
    // (trainingForward + finishStep) from the same weights must leave the same bag table.
    const auto model = [] {
        torch::manual_seed(4);
        FastText built(fastTextSpec(20, 5, 3, 50));
        torch::NoGradGuard noGrad;
        built->named_parameters()["output.weight"].normal_();
        return built;
    };
    ModelBatch batch;
    batch.tokens = torch::tensor({3, 7, 3, 60, 7, 7, 2}, torch::kInt64);
    batch.offsets = torch::tensor({0, 4, 4, 6}, torch::kInt64);  // third document is empty
    const torch::Tensor target = torch::randn({4, 3});
    OptimizerOptions sgd;
    sgd.kind = "sgd";
    sgd.learningRate = 1.0;

    FastText autograd = model();
    Optimizer plain(autograd->parameterGroups(), sgd);
    (autograd->forward(batch) * target).sum().backward();
    plain.step();

    FastText fused = model();
    Optimizer rows(fused->parameterGroups(), sgd);
    (fused->trainingForward(batch) * target).sum().backward();
    if (fused->named_parameters()["bag.weight"].grad().defined()) return -1.0;  // the fused path must not use autograd
    rows.step();
    fused->finishStep(batch, rows);
    return (autograd->named_parameters()["bag.weight"] - fused->named_parameters()["bag.weight"]).abs().max().item<double>()
           + (autograd->named_parameters()["output.weight"] - fused->named_parameters()["output.weight"]).abs().max().item<double>();
}

double multiLabelLoss(const std::vector<float>& logits, const std::vector<float>& targets, std::int64_t rows,
                      const std::vector<float>& posWeight, double gamma)
{
    const torch::Tensor weight = posWeight.empty() ? torch::Tensor() : torch::tensor(posWeight);
    return tagbench::multiLabelLoss(matrix(logits, rows), matrix(targets, rows), weight, gamma).item<double>();
}

double singleLabelLoss(const std::vector<float>& logits, const std::vector<std::int64_t>& targets, std::int64_t rows)
{
    return tagbench::singleLabelLoss(matrix(logits, rows), torch::tensor(targets, torch::kInt64)).item<double>();
}

std::vector<float> automaticPosWeight(const std::vector<std::int64_t>& counts, std::int64_t documents, double cap)
{
    return toVector(tagbench::automaticPosWeight(counts, documents, cap));
}

double sparseAdamMatchesDenseOnTouchedRows(int steps)
{
    torch::manual_seed(3);
    const torch::Tensor start = torch::randn({6, 3});
    torch::Tensor sparseParam = start.clone().requires_grad_(true);
    torch::Tensor denseParam = start.clone().requires_grad_(true);
    Optimizer sparse({{"w", sparseParam}}, OptimizerOptions{});
    Optimizer dense({{"w", denseParam}}, OptimizerOptions{});
    const torch::Tensor rows = torch::tensor({1, 4}, torch::kInt64);
    for (int s = 0; s < steps; ++s) {
        const torch::Tensor values = torch::randn({2, 3});
        sparse.zeroGrad();
        dense.zeroGrad();
        sparseParam.mutable_grad() = torch::sparse_coo_tensor(rows.view({1, -1}), values, {6, 3});
        denseParam.mutable_grad() = torch::zeros({6, 3}).index_copy_(0, rows, values);
        sparse.step();
        dense.step();
    }
    const double touched = (sparseParam - denseParam).index_select(0, rows).abs().max().item<double>();
    // Rows no gradient named must not move at all under the lazy update.
    const double untouched = (sparseParam - start).index_select(0, torch::tensor({0, 2, 3, 5})).abs().max().item<double>();
    return std::max(touched, untouched);
}

} // namespace tagbench::probe
