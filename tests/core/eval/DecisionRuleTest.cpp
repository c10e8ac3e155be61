#include "core/eval/DecisionRule.h"
#include "tests/core/eval/ReferenceEvaluator.h"

#include <QtTest>

#include <fstream>
#include <random>

using namespace tagbench::eval;

Q_DECLARE_METATYPE(std::vector<float>)
Q_DECLARE_METATYPE(std::vector<std::uint32_t>)

class DecisionRuleTest final : public QObject {
    Q_OBJECT

private slots:
    void apply_data();
    void apply();
    void applyAgreesWithReference();
    void jsonRoundTrip();
    void fromJsonRejects_data();
    void fromJsonRejects();
    void saveAndLoad();
    void validate();

private:
    QTemporaryDir m_dir;
};

namespace {

const std::vector<std::string> kLabels = {"新车上市", "谍照", "新车报价", "试驾"};

// Rule description for the table: "t=0.5 k=2 one dis=3 o1=0.2".
DecisionRule ruleFrom(const QString& spec)
{
    DecisionRule rule;
    for (const QString& part : spec.split(' ', Qt::SkipEmptyParts)) {
        if (part.startsWith("t=")) rule.setGlobalThreshold(part.mid(2).toFloat());
        if (part.startsWith("k=")) rule.setTopK(part.mid(2).toInt());
        if (part == "one") rule.setAtLeastOne(true);
        if (part.startsWith("dis=")) rule.setDisabled(part.mid(4).toUInt(), true);
        if (part.startsWith('o') && part != "one") {
            const QStringList kv = part.mid(1).split('=');
            rule.setLabelThreshold(kv[0].toUInt(), kv[1].toFloat());
        }
    }
    return rule;
}

} // namespace

void DecisionRuleTest::apply_data()
{
    QTest::addColumn<std::vector<float>>("scores");
    QTest::addColumn<QString>("rule");
    QTest::addColumn<std::vector<std::uint32_t>>("expected");  // best rank first
    using S = std::vector<float>;
    using L = std::vector<std::uint32_t>;
    QTest::newRow("score equal to threshold is positive") << S{0.5f, 0.49f, 0.7f, 0.0f} << "t=0.5" << L{2, 0};
    QTest::newRow("nothing passes") << S{0.1f, 0.2f, 0.3f, 0.4f} << "t=0.5" << L{};
    QTest::newRow("at least one takes the best") << S{0.1f, 0.2f, 0.4f, 0.3f} << "t=0.5 one" << L{2};
    QTest::newRow("at least one, tie goes to lower index") << S{0.3f, 0.3f, 0.1f, 0.3f} << "t=0.5 one" << L{0};
    QTest::newRow("at least one skips disabled") << S{0.1f, 0.2f, 0.4f, 0.3f} << "t=0.5 one dis=2" << L{3};
    QTest::newRow("all disabled stays empty") << S{0.9f, 0.9f, 0.9f, 0.9f} << "t=0.1 one dis=0 dis=1 dis=2 dis=3" << L{};
    QTest::newRow("top-1 with tie: lower index wins") << S{0.8f, 0.8f, 0.2f, 0.8f} << "t=0.5 k=1" << L{0};
    QTest::newRow("top-2 with three tied") << S{0.8f, 0.8f, 0.2f, 0.8f} << "t=0.5 k=2" << L{0, 1};
    QTest::newRow("top-k counts below-threshold ranks") << S{0.9f, 0.6f, 0.4f, 0.7f} << "t=0.5 k=2 o3=0.8" << L{0};
    QTest::newRow("disabled label keeps its rank") << S{0.9f, 0.6f, 0.4f, 0.7f} << "t=0.5 k=2 dis=0" << L{3};
    QTest::newRow("override lower than global") << S{0.3f, 0.6f, 0.2f, 0.1f} << "t=0.5 o0=0.25" << L{1, 0};
    QTest::newRow("override higher than global") << S{0.3f, 0.6f, 0.2f, 0.1f} << "t=0.1 o1=0.7" << L{0, 2, 3};
    QTest::newRow("top-k larger than labels") << S{0.3f, 0.6f, 0.2f, 0.1f} << "t=0.15 k=9" << L{1, 0, 2};
    QTest::newRow("negative scores and threshold") << S{-1.0f, -0.5f, -2.0f, 0.0f} << "t=-0.5" << L{3, 1};
    QTest::newRow("top-k with at least one outside k") << S{0.9f, 0.6f, 0.4f, 0.7f} << "t=0.95 k=1 one dis=0" << L{3};
}

void DecisionRuleTest::apply()
{
    QFETCH(std::vector<float>, scores);
    QFETCH(QString, rule);
    QFETCH(std::vector<std::uint32_t>, expected);
    const DecisionRule r = ruleFrom(rule);
    QCOMPARE(r.apply(scores.data(), scores.size()), expected);
    const auto reference = reference::predict(scores.data(), scores.size(), r);
    QCOMPARE(std::vector<std::uint32_t>(reference.begin(), reference.end()),
             [&] { auto sorted = expected; std::sort(sorted.begin(), sorted.end()); return sorted; }());
}

void DecisionRuleTest::applyAgreesWithReference()
{
    std::mt19937 rng(5);
    for (int trial = 0; trial < 400; ++trial) {
        const std::size_t labels = 1 + rng() % 12;
        const ScoreMatrix m = reference::randomMatrix(rng, 5, labels, trial % 2 == 0);
        const DecisionRule rule = reference::randomRule(rng, labels);
        for (std::size_t d = 0; d < m.documentCount(); ++d) {
            auto fast = rule.apply(m.row(d), labels);
            const auto slow = reference::predict(m.row(d), labels, rule);
            std::sort(fast.begin(), fast.end());
            QCOMPARE(fast, std::vector<std::uint32_t>(slow.begin(), slow.end()));
        }
    }
}

void DecisionRuleTest::jsonRoundTrip()
{
    DecisionRule rule(0.4321f);
    rule.setLabelThreshold(1, 0.1f + 1e-7f);
    rule.setLabelThreshold(3, 0.9f);
    rule.setDisabled(2, true);
    rule.setTopK(3);
    rule.setAtLeastOne(true);
    const std::string json = rule.toJson(kLabels);
    QVERIFY(json.find("\"谍照\"") != std::string::npos);
    QVERIFY2(json.find("\"threshold\": 0.4321,") != std::string::npos, json.c_str());  // readable, not 0.43209999799728394
    auto parsed = DecisionRule::fromJson(json, kLabels, "rule.json");
    QVERIFY2(parsed.ok(), parsed.ok() ? "" : parsed.message().c_str());
    QVERIFY(*parsed == rule);  // float thresholds survive exactly
    QVERIFY(*DecisionRule::fromJson(DecisionRule().toJson(kLabels), kLabels, "x") == DecisionRule());
}

void DecisionRuleTest::fromJsonRejects_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<QString>("expected");
    QTest::newRow("syntax error names the line")
        << "{\n \"format\": \"tagbench-rule\",\n \"version\": 1,\n \"threshold\": 0.5,,\n}" << "rule.json:4: invalid JSON";
    QTest::newRow("not an object") << "[1, 2]" << "must be a JSON object";
    QTest::newRow("wrong format") << R"({"format": "other", "version": 1})" << "\"format\"";
    QTest::newRow("future version") << R"({"format": "tagbench-rule", "version": 2})" << "version";
    QTest::newRow("unknown label")
        << R"({"format": "tagbench-rule", "version": 1, "label_thresholds": {"新能源": 0.3}})" << "unknown label '新能源'";
    QTest::newRow("unknown disabled label")
        << R"({"format": "tagbench-rule", "version": 1, "disabled": ["x"]})" << "unknown label 'x'";
    QTest::newRow("threshold not a number")
        << R"({"format": "tagbench-rule", "version": 1, "threshold": "high"})" << "\"threshold\" must be a number";
    QTest::newRow("negative top-k") << R"({"format": "tagbench-rule", "version": 1, "top_k": -1})" << "top_k";
    QTest::newRow("unknown key") << R"({"format": "tagbench-rule", "version": 1, "treshold": 0.3})" << "unknown key \"treshold\"";
    QTest::newRow("label threshold not a number")
        << R"({"format": "tagbench-rule", "version": 1, "label_thresholds": {"谍照": null}})" << "threshold of '谍照'";
}

void DecisionRuleTest::fromJsonRejects()
{
    QFETCH(QString, json);
    QFETCH(QString, expected);
    const auto parsed = DecisionRule::fromJson(json.toStdString(), kLabels, "rule.json");
    QVERIFY(!parsed.ok());
    QVERIFY2(parsed.message().find("rule.json") == 0, parsed.message().c_str());
    QVERIFY2(parsed.message().find(expected.toStdString()) != std::string::npos, parsed.message().c_str());
}

void DecisionRuleTest::saveAndLoad()
{
    const std::string path = m_dir.filePath("rule.json").toStdString();
    DecisionRule rule(0.3f);
    rule.setLabelThreshold(0, 0.6f);
    QVERIFY(rule.save(path, kLabels).ok());
    auto loaded = DecisionRule::load(path, kLabels);
    QVERIFY(loaded.ok());
    QVERIFY(*loaded == rule);
    // Overwriting replaces the file whole and leaves no temporary behind.
    rule.setTopK(2);
    QVERIFY(rule.save(path, kLabels).ok());
    QVERIFY(*DecisionRule::load(path, kLabels) == rule);
    QCOMPARE(QDir(m_dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 1);
    // A rule that does not fit the labels is not written.
    DecisionRule bad;
    bad.setLabelThreshold(9, 0.1f);
    const auto saved = bad.save(path, kLabels);
    QVERIFY(!saved.ok());
    QVERIFY(*DecisionRule::load(path, kLabels) == rule);
    QVERIFY(!DecisionRule::load(m_dir.filePath("missing.json").toStdString(), kLabels).ok());
}

void DecisionRuleTest::validate()
{
    DecisionRule rule;
    QVERIFY(rule.validate(1).ok());
    rule.setDisabled(4, true);
    QVERIFY(!rule.validate(4).ok());
    QVERIFY(rule.validate(5).ok());
    rule.setGlobalThreshold(std::numeric_limits<float>::infinity());
    QVERIFY(!rule.validate(5).ok());
}

QTEST_GUILESS_MAIN(DecisionRuleTest)
#include "DecisionRuleTest.moc"
