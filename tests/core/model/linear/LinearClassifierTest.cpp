#include "core/model/linear/LinearClassifier.h"

#include "LinearFixtures.h"

#include <QtTest>

#include <algorithm>

using namespace tagbench;
using namespace tagbench::linear;

namespace {

/// The fixture corpus with label ids in order of first appearance.
struct Corpus {
    std::vector<test::FixtureDocument> documents = test::loadLinearCorpus();
    std::vector<std::string_view> texts;
    std::vector<std::vector<std::uint32_t>> gold;
    std::vector<std::string> labels;

    Corpus()
    {
        texts = test::textViews(documents, 0, documents.size());
        for (const auto& document : documents) {
            std::vector<std::uint32_t> ids;
            for (const auto& name : document.labels) {
                auto it = std::find(labels.begin(), labels.end(), name);
                if (it == labels.end()) it = labels.insert(labels.end(), name);
                ids.push_back(static_cast<std::uint32_t>(it - labels.begin()));
            }
            gold.push_back(ids);
        }
    }
};

LinearClassifierOptions twoBlocks()
{
    LinearClassifierOptions options;
    TfidfOptions chars;
    chars.analyzer = Analyzer::CharWb;
    chars.ngramMin = 2;
    chars.ngramMax = 4;
    chars.sublinearTf = true;
    options.features.push_back(chars);
    options.training.C = 4.0;
    return options;
}

} // namespace

class LinearClassifierTest final : public QObject {
    Q_OBJECT

private slots:
    void defaultsAreTheSklearnBaselineFeatures();
    void scoresEqualFeaturesThenModel();
    void serializationRoundTrips();
    void reportsPhasesAndCancels();
    void rejectsMismatchedTensors();
};

void LinearClassifierTest::defaultsAreTheSklearnBaselineFeatures()
{
    const LinearClassifierOptions options;
    QCOMPARE(options.features.size(), std::size_t(1));
    QVERIFY(options.features[0].analyzer == Analyzer::Word);
    QCOMPARE(options.features[0].ngramMax, 2);
    QVERIFY(options.features[0].sublinearTf);
    QVERIFY(options.features[0].minDf == DocumentFrequencyBound::count(2));
}

void LinearClassifierTest::scoresEqualFeaturesThenModel()
{
    const Corpus corpus;
    const LinearClassifierOptions options = twoBlocks();
    auto classifier = LinearClassifier::fit(corpus.texts, corpus.gold, corpus.labels.size(), options);
    QVERIFY2(classifier.ok(), classifier.ok() ? "" : classifier.message().c_str());
    QCOMPARE(classifier->labelCount(), corpus.labels.size());
    QCOMPARE(classifier->features().blocks().size(), std::size_t(2));

    auto features = TfidfFeatureUnion::fit(corpus.texts, options.features);
    QVERIFY(features.ok());
    const SparseMatrix x = features->transform(corpus.texts);
    auto model = LinearTrainer(options.training).train(x, corpus.gold, corpus.labels.size());
    QVERIFY(model.ok());
    QCOMPARE(classifier->scores(corpus.texts), model->scores(x));
    // Trained on these documents with C = 4: every gold label scores above 0.5 on its own text.
    const std::vector<float> scores = classifier->scores(corpus.texts);
    for (std::size_t d = 0; d < corpus.texts.size(); ++d)
        for (const std::uint32_t label : corpus.gold[d]) QVERIFY(scores[d * corpus.labels.size() + label] > 0.5f);
}

void LinearClassifierTest::serializationRoundTrips()
{
    const Corpus corpus;
    auto classifier = LinearClassifier::fit(corpus.texts, corpus.gold, corpus.labels.size(), twoBlocks());
    QVERIFY(classifier.ok());
    auto loaded = LinearClassifier::deserialize(classifier->serialize(), "run/linear.safetensors");
    QVERIFY2(loaded.ok(), loaded.ok() ? "" : loaded.message().c_str());
    const std::vector<std::string_view> unseen = {"a new GNU text editor", "game engine library", ""};
    QCOMPARE(loaded->scores(unseen), classifier->scores(unseen));
}

void LinearClassifierTest::reportsPhasesAndCancels()
{
    const Corpus corpus;
    std::vector<std::pair<int, std::size_t>> seen;  // (phase, done)
    auto classifier = LinearClassifier::fit(corpus.texts, corpus.gold, corpus.labels.size(), twoBlocks(), nullptr,
                                            [&](const LinearFitProgress& progress) {
                                                seen.emplace_back(static_cast<int>(progress.phase), progress.done);
                                            });
    QVERIFY(classifier.ok());
    QCOMPARE(seen.size(), 2 + corpus.labels.size());
    QCOMPARE(seen.front(), (std::pair<int, std::size_t>{0, 0}));
    QCOMPARE(seen.back(), (std::pair<int, std::size_t>{1, corpus.labels.size()}));

    const std::atomic<bool> cancel{true};
    auto cancelled = LinearClassifier::fit(corpus.texts, corpus.gold, corpus.labels.size(), twoBlocks(), &cancel);
    QVERIFY(!cancelled.ok());
    QVERIFY(QString::fromStdString(cancelled.message()).startsWith("linear training was cancelled after 0 of"));
}

void LinearClassifierTest::rejectsMismatchedTensors()
{
    const Corpus corpus;
    auto classifier = LinearClassifier::fit(corpus.texts, corpus.gold, corpus.labels.size(), twoBlocks());
    QVERIFY(classifier.ok());
    // Weights of another feature count under the classifier's features.
    const LinearModel other(3, corpus.labels.size(), LinearLoss::Logistic);
    std::vector<TensorRef> tensors;
    std::map<std::string, std::string> metadata;
    classifier->features().appendTensors("", tensors, metadata);
    other.appendTensors("linear.", tensors, metadata);
    auto writer = SafetensorsWriter::create(tensors, metadata);
    QVERIFY(writer.ok());
    auto loaded = LinearClassifier::deserialize(writer->toBytes(), "bundle.tagbench");
    QVERIFY(!loaded.ok());
    QVERIFY2(QString::fromStdString(loaded.message()).contains("tensor 'linear.weight' has 3 rows"), loaded.message().c_str());
    QVERIFY(!LinearClassifier::fit(corpus.texts, {}, 1, twoBlocks()).ok());
}

QTEST_APPLESS_MAIN(LinearClassifierTest)
#include "LinearClassifierTest.moc"
