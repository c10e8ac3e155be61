#include "core/model/linear/LinearModel.h"

#include <QtTest>

#include <cmath>
#include <limits>

using namespace tagbench;
using namespace tagbench::linear;

namespace {

/// 3 features x 2 labels with hand-picked weights.
LinearModel handModel()
{
    LinearModel model(3, 2, LinearLoss::Logistic);
    model.weights() = {1.0f, -1.0f,   // feature 0
                       0.5f, 2.0f,    // feature 1
                       -3.0f, 0.0f};  // feature 2
    model.bias() = {0.25f, -0.5f};
    return model;
}

SparseMatrix oneRow(std::vector<std::uint32_t> ids, std::vector<float> values, std::size_t columns = 3)
{
    SparseMatrix x(columns);
    x.appendRow(ids.data(), values.data(), ids.size());
    return x;
}

} // namespace

class LinearModelTest final : public QObject {
    Q_OBJECT

private slots:
    void marginsAreWeightsTimesFeaturesPlusBias();
    void scoresAreSigmoidsAndStayFinite();
    void serializationRoundTrips();
    void deserializationRejectsBadTensors();
};

void LinearModelTest::marginsAreWeightsTimesFeaturesPlusBias()
{
    const LinearModel model = handModel();
    const SparseMatrix x = oneRow({0, 2}, {2.0f, 0.5f});
    float margins[2];
    model.margins(x, 0, margins);
    QCOMPARE(margins[0], 0.25f + 2.0f * 1.0f + 0.5f * -3.0f);  // 0.75
    QCOMPARE(margins[1], -0.5f + 2.0f * -1.0f);                // -2.5
    const SparseMatrix empty = oneRow({}, {});
    model.margins(empty, 0, margins);
    QCOMPARE(margins[0], 0.25f);
    QCOMPARE(margins[1], -0.5f);
}

void LinearModelTest::scoresAreSigmoidsAndStayFinite()
{
    const LinearModel model = handModel();
    SparseMatrix x = oneRow({0, 2}, {2.0f, 0.5f});
    const std::vector<std::uint32_t> ids = {1};
    const std::vector<float> huge = {1e4f};
    x.appendRow(ids.data(), huge.data(), 1);
    const std::vector<float> scores = model.scores(x, 2);
    QCOMPARE(scores.size(), std::size_t(4));
    QVERIFY(std::fabs(scores[0] - 1.0 / (1.0 + std::exp(-0.75))) < 1e-6);
    QVERIFY(std::fabs(scores[1] - 1.0 / (1.0 + std::exp(2.5))) < 1e-6);
    QCOMPARE(scores[2], 1.0f);  // margin 5000
    QCOMPARE(scores[3], 1.0f);  // margin 20000
    QCOMPARE(LinearModel::squash(-1e4f), 0.0f);
    QCOMPARE(LinearModel::squash(0.0f), 0.5f);
}

void LinearModelTest::serializationRoundTrips()
{
    LinearModel model = handModel();
    LinearModel svm(3, 2, LinearLoss::SquaredHinge);
    svm.weights() = model.weights();
    svm.bias() = model.bias();
    for (const LinearModel* original : {&model, &svm}) {
        auto loaded = LinearModel::deserialize(original->serialize(), "linear.safetensors");
        QVERIFY2(loaded.ok(), loaded.ok() ? "" : loaded.message().c_str());
        QCOMPARE(loaded->featureCount(), std::size_t(3));
        QCOMPARE(loaded->labelCount(), std::size_t(2));
        QCOMPARE(loaded->loss(), original->loss());
        QCOMPARE(loaded->weights(), original->weights());
        QCOMPARE(loaded->bias(), original->bias());
    }
}

void LinearModelTest::deserializationRejectsBadTensors()
{
    LinearModel model = handModel();
    model.weights()[4] = std::numeric_limits<float>::quiet_NaN();
    auto loaded = LinearModel::deserialize(model.serialize(), "linear.safetensors");
    QVERIFY(!loaded.ok());
    QCOMPARE(QString::fromStdString(loaded.message()),
             QStringLiteral("linear.safetensors: tensor 'weight' holds a value that is not finite"));

    const LinearModel good = handModel();
    std::vector<TensorRef> tensors;
    std::map<std::string, std::string> metadata;
    good.appendTensors("linear.", tensors, metadata);
    tensors.pop_back();  // no bias
    auto writer = SafetensorsWriter::create(tensors, metadata);
    QVERIFY(writer.ok());
    const std::string bytes = writer->toBytes();
    auto reader = SafetensorsReader::parse(bytes);
    QVERIFY(reader.ok());
    loaded = LinearModel::fromTensors(*reader, "linear.", "bundle.tagbench");
    QVERIFY(!loaded.ok());
    QVERIFY2(QString::fromStdString(loaded.message()).startsWith("bundle.tagbench: tensor 'linear.bias'"), loaded.message().c_str());
    QVERIFY(!LinearModel::deserialize("not safetensors", "x.safetensors").ok());
}

QTEST_APPLESS_MAIN(LinearModelTest)
#include "LinearModelTest.moc"
