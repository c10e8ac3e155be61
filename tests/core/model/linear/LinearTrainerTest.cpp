#include "core/model/linear/LinearTrainer.h"
#include "core/model/linear/TfidfVectorizer.h"

#include "LinearFixtures.h"

#include <QtTest>

#include <algorithm>
#include <cmath>

using namespace tagbench;
using namespace tagbench::linear;

namespace {

SparseMatrix denseRows(const std::vector<std::vector<float>>& rows)
{
    SparseMatrix x(rows.empty() ? 0 : rows.front().size());
    for (const auto& row : rows) {
        std::vector<std::uint32_t> ids;
        std::vector<float> values;
        for (std::size_t j = 0; j < row.size(); ++j)
            if (row[j] != 0.0f) {
                ids.push_back(static_cast<std::uint32_t>(j));
                values.push_back(row[j]);
            }
        x.appendRow(ids.data(), values.data(), ids.size());
    }
    return x;
}

LinearTrainOptions tight(LinearLoss loss, double C, double interceptScaling)
{
    LinearTrainOptions options;
    options.loss = loss;
    options.C = C;
    options.interceptScaling = interceptScaling;
    options.tolerance = 1e-10;
    return options;
}

/// Two separable clusters on two features: documents 0-2 are label 0, documents 3-5 are not.
/// Label 1 has no positive document, label 2 only positives.
struct Separable {
    SparseMatrix x = denseRows({{1.0f, 0.0f}, {0.9f, 0.1f}, {0.8f, 0.3f}, {0.0f, 1.0f}, {0.1f, 0.9f}, {0.2f, 0.7f}});
    std::vector<std::vector<std::uint32_t>> gold = {{0, 2}, {0, 2}, {0, 2}, {2}, {2}, {2}};
};

} // namespace

class LinearTrainerTest final : public QObject {
    Q_OBJECT

private slots:
    void logisticOptimumSatisfiesItsStationarityCondition();
    void squaredHingeOptimumIsTheClosedForm_data();
    void squaredHingeOptimumIsTheClosedForm();
    void separableProblemScoresEachSideRight_data();
    void separableProblemScoresEachSideRight();
    void balancedEqualsPositiveWeightWithScaledC();
    void primalResultDoesNotDependOnThreads();
    void reportsProgressInOrderAndCancels();
    void rejectsBadInput();
    void matchesSklearnLiblinear_data();
    void matchesSklearnLiblinear();
};

void LinearTrainerTest::logisticOptimumSatisfiesItsStationarityCondition()
{
    // x = +1 positive, x = -1 negative, no intercept: minimise w^2 / 2 + 2C log(1 + e^-w), so at
    // the optimum w = 2C / (1 + e^w).
    const double C = 1.5;
    const LinearTrainer trainer(tight(LinearLoss::Logistic, C, 0.0));
    const auto model = trainer.train(denseRows({{1.0f}, {-1.0f}}), {{0}, {}}, 1);
    QVERIFY2(model.ok(), model.ok() ? "" : model.message().c_str());
    const double w = model->weights()[0];
    QVERIFY(w > 0.0);
    QVERIFY2(std::fabs(w - 2.0 * C / (1.0 + std::exp(w))) < 1e-6, qPrintable(QString::number(w, 'g', 10)));
    QCOMPARE(model->bias()[0], 0.0f);
}

void LinearTrainerTest::squaredHingeOptimumIsTheClosedForm_data()
{
    QTest::addColumn<double>("C");
    QTest::addColumn<bool>("dual");
    QTest::newRow("primal C=1") << 1.0 << false;
    QTest::newRow("primal C=0.25") << 0.25 << false;
    QTest::newRow("dual C=1") << 1.0 << true;
}

void LinearTrainerTest::squaredHingeOptimumIsTheClosedForm()
{
    // Same two points: minimise w^2 / 2 + 2C (1 - w)^2 for w < 1, so w = 4C / (1 + 4C).
    QFETCH(double, C);
    QFETCH(bool, dual);
    LinearTrainOptions options = tight(LinearLoss::SquaredHinge, C, 0.0);
    options.dual = dual;
    const auto model = LinearTrainer(options).train(denseRows({{1.0f}, {-1.0f}}), {{0}, {}}, 1);
    QVERIFY(model.ok());
    QVERIFY(std::fabs(model->weights()[0] - 4.0 * C / (1.0 + 4.0 * C)) < 1e-5);
}

void LinearTrainerTest::separableProblemScoresEachSideRight_data()
{
    QTest::addColumn<int>("loss");
    QTest::addColumn<bool>("dual");
    QTest::newRow("logistic") << static_cast<int>(LinearLoss::Logistic) << false;
    QTest::newRow("logistic dual") << static_cast<int>(LinearLoss::Logistic) << true;
    QTest::newRow("svm") << static_cast<int>(LinearLoss::SquaredHinge) << false;
    QTest::newRow("svm dual") << static_cast<int>(LinearLoss::SquaredHinge) << true;
}

void LinearTrainerTest::separableProblemScoresEachSideRight()
{
    QFETCH(int, loss);
    QFETCH(bool, dual);
    LinearTrainOptions options = tight(static_cast<LinearLoss>(loss), 10.0, 1.0);
    options.dual = dual;
    const Separable data;
    const auto model = LinearTrainer(options).train(data.x, data.gold, 3);
    QVERIFY(model.ok());
    const auto& w = model->weights();  // [feature * 3 + label]
    QVERIFY(w[0 * 3 + 0] > 0.0f);      // feature 0 points to label 0
    QVERIFY(w[1 * 3 + 0] < 0.0f);
    const std::vector<float> scores = model->scores(data.x);
    for (std::size_t d = 0; d < 6; ++d) {
        const float label0 = scores[d * 3 + 0];
        QVERIFY2(d < 3 ? label0 > 0.5f : label0 < 0.5f, qPrintable(QStringLiteral("document %1: %2").arg(d).arg(label0)));
        QVERIFY(scores[d * 3 + 1] < 0.5f);  // never positive in training
        QVERIFY(scores[d * 3 + 2] > 0.5f);  // always positive in training
    }
}

void LinearTrainerTest::balancedEqualsPositiveWeightWithScaledC()
{
    // 2 positives of 6: balanced weights are 6/4 = 1.5 and 6/8 = 0.75, i.e. positive weight 2
    // at C * 0.75. Both minimise the same objective.
    const Separable data;
    const std::vector<std::vector<std::uint32_t>> gold = {{0}, {0}, {}, {}, {}, {}};
    LinearTrainOptions balanced = tight(LinearLoss::Logistic, 2.0, 1.0);
    balanced.classWeight = ClassWeighting::Balanced;
    LinearTrainOptions positive = tight(LinearLoss::Logistic, 2.0 * 0.75, 1.0);
    positive.classWeight = ClassWeighting::Positive;
    positive.positiveWeight = 2.0;
    const auto a = LinearTrainer(balanced).train(data.x, gold, 1);
    const auto b = LinearTrainer(positive).train(data.x, gold, 1);
    const auto plain = LinearTrainer(tight(LinearLoss::Logistic, 2.0, 1.0)).train(data.x, gold, 1);
    QVERIFY(a.ok() && b.ok() && plain.ok());
    for (std::size_t j = 0; j < 2; ++j) QVERIFY(std::fabs(a->weights()[j] - b->weights()[j]) < 1e-5);
    QVERIFY(std::fabs(a->bias()[0] - b->bias()[0]) < 1e-5);
    // Up-weighting the rare positives raises their intercept over the unweighted model's.
    QVERIFY(a->bias()[0] > plain->bias()[0]);
}

void LinearTrainerTest::primalResultDoesNotDependOnThreads()
{
    const Separable data;
    LinearTrainOptions options = tight(LinearLoss::Logistic, 1.0, 1.0);
    options.threads = 1;
    const auto one = LinearTrainer(options).train(data.x, data.gold, 3);
    options.threads = 3;
    const auto three = LinearTrainer(options).train(data.x, data.gold, 3);
    QVERIFY(one.ok() && three.ok());
    QCOMPARE(one->weights(), three->weights());
    QCOMPARE(one->bias(), three->bias());
}

void LinearTrainerTest::reportsProgressInOrderAndCancels()
{
    const Separable data;
    LinearTrainOptions options;
    options.threads = 3;
    std::vector<std::size_t> seen;
    const auto model = LinearTrainer(options).train(data.x, data.gold, 3, nullptr, [&](std::size_t done, std::size_t total) {
        QCOMPARE(total, std::size_t(3));
        seen.push_back(done);
    });
    QVERIFY(model.ok());
    QCOMPARE(seen, (std::vector<std::size_t>{1, 2, 3}));

    const std::atomic<bool> cancel{true};
    const auto cancelled = LinearTrainer(options).train(data.x, data.gold, 3, &cancel);
    QVERIFY(!cancelled.ok());
    QCOMPARE(QString::fromStdString(cancelled.message()),
             QStringLiteral("linear training was cancelled after 0 of 3 labels"));
}

void LinearTrainerTest::rejectsBadInput()
{
    const Separable data;
    LinearTrainOptions options;
    auto result = LinearTrainer(options).train(data.x, data.gold, 2);  // label 2 out of range
    QVERIFY(!result.ok());
    QVERIFY2(QString::fromStdString(result.message()).contains("document 0 has label id 2"), result.message().c_str());
    result = LinearTrainer(options).train(data.x, {{0}}, 3);
    QVERIFY(!result.ok());
    QVERIFY(QString::fromStdString(result.message()).contains("6 feature rows but 1 label sets"));
    options.C = 0.0;
    result = LinearTrainer(options).train(data.x, data.gold, 3);
    QVERIFY(!result.ok());
    QVERIFY(QString::fromStdString(result.message()).startsWith("linear training: C must be a positive number"));
}

void LinearTrainerTest::matchesSklearnLiblinear_data()
{
    QTest::addColumn<int>("index");
    const QJsonArray cases = test::loadLinearFixture("linear.json").value("cases").toArray();
    QVERIFY(cases.size() >= 6);
    for (int i = 0; i < cases.size(); ++i)
        QTest::newRow(cases.at(i).toObject().value("name").toString().toUtf8().constData()) << i;
}

void LinearTrainerTest::matchesSklearnLiblinear()
{
    // sklearn's decision_function of LogisticRegression(solver="liblinear") / LinearSVC, one
    // binary problem per label, on the same TF-IDF features (tests/data/linear/make_fixtures.py).
    QFETCH(int, index);
    const QJsonObject linear = test::loadLinearFixture("linear.json");
    const QJsonObject testCase = linear.value("cases").toArray().at(index).toObject();
    const QJsonObject tfidf = test::loadLinearFixture("tfidf.json");
    QJsonObject featureConfig;
    for (const auto config : tfidf.value("configs").toArray())
        if (config.toObject().value("name") == linear.value("features")) featureConfig = config.toObject();
    QVERIFY(!featureConfig.isEmpty());

    const auto corpus = test::loadLinearCorpus();
    const auto trainCount = static_cast<std::size_t>(tfidf.value("train_documents").toInt());
    auto vectorizer = TfidfVectorizer::fit(test::textViews(corpus, 0, trainCount),
                                           test::tfidfOptionsFromJson(featureConfig.value("params").toObject()));
    QVERIFY(vectorizer.ok());
    const SparseMatrix train = vectorizer->transform(test::textViews(corpus, 0, trainCount));
    const SparseMatrix all = vectorizer->transform(test::textViews(corpus, 0, corpus.size()));

    std::vector<std::string> labels;
    for (const auto label : linear.value("labels").toArray()) labels.push_back(label.toString().toStdString());
    std::vector<std::vector<std::uint32_t>> gold(trainCount);
    for (std::size_t d = 0; d < trainCount; ++d)
        for (const auto& name : corpus[d].labels)
            gold[d].push_back(static_cast<std::uint32_t>(std::find(labels.begin(), labels.end(), name) - labels.begin()));

    const QJsonObject params = testCase.value("params").toObject();
    LinearTrainOptions options;
    options.loss = testCase.value("kind").toString() == "lr" ? LinearLoss::Logistic : LinearLoss::SquaredHinge;
    options.C = params.value("C").toDouble();
    options.dual = params.value("dual").toBool(false);
    options.tolerance = 1e-8;
    if (params.value("class_weight").isString()) options.classWeight = ClassWeighting::Balanced;
    if (params.value("class_weight").isObject()) {
        options.classWeight = ClassWeighting::Positive;
        options.positiveWeight = params.value("class_weight").toObject().value("1").toDouble();
    }
    options.interceptScaling = params.value("fit_intercept").toBool(true) ? params.value("intercept_scaling").toDouble(1.0) : 0.0;
    const auto model = LinearTrainer(options).train(train, gold, labels.size());
    QVERIFY2(model.ok(), model.ok() ? "" : model.message().c_str());

    const QJsonArray decisions = testCase.value("decision").toArray();
    QCOMPARE(static_cast<std::size_t>(decisions.size()), labels.size());
    std::vector<float> margins(labels.size());
    double worst = 0.0;
    for (std::size_t d = 0; d < corpus.size(); ++d) {
        model->margins(all, d, margins.data());
        for (std::size_t l = 0; l < labels.size(); ++l) {
            const double want = decisions.at(static_cast<int>(l)).toArray().at(static_cast<int>(d)).toDouble();
            worst = std::max(worst, std::fabs(margins[l] - want));
        }
    }
    // Both sides stop at tolerance 1e-8 next to the same optimum; what remains is the float
    // rounding of features and weights (about 5e-7 here).
    QVERIFY2(worst < 1e-5, qPrintable(QStringLiteral("largest decision value difference %1").arg(worst)));
    for (std::size_t l = 0; l < labels.size(); ++l)
        QVERIFY(std::fabs(model->bias()[l] - testCase.value("intercept").toArray().at(static_cast<int>(l)).toDouble()) < 1e-5);
}

QTEST_APPLESS_MAIN(LinearTrainerTest)
#include "LinearTrainerTest.moc"
