#include "core/eval/DecisionRule.h"
#include "tests/core/eval/ReferenceEvaluator.h"

#include <QtTest>

#include <cmath>
#include <fstream>
#include <limits>
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
    void calibrationRoundTrip_data();
    void calibrationRoundTrip();
    void calibratedThresholdsAreProbabilities();
    void calibratedRuleFollowsEdits();
    void ruleWithoutCalibrationLoads();
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
        DecisionRule rule = reference::randomRule(rng, labels);
        if (trial % 3 == 0) rule.setCalibration(reference::randomCalibration(rng, labels));
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

void DecisionRuleTest::calibrationRoundTrip_data()
{
    QTest::addColumn<bool>("platt");
    QTest::newRow("platt") << true;
    QTest::newRow("isotonic") << false;
}

void DecisionRuleTest::calibrationRoundTrip()
{
    QFETCH(bool, platt);
    std::vector<LabelCalibration> maps;
    for (int l = 0; l < 4; ++l) {
        if (platt)
            maps.push_back(LabelCalibration::platt(1.0 / 3.0 + l, -0.1 * l - 1e-9));  // doubles survive exactly
        else
            maps.push_back(LabelCalibration::isotonic({0.1f * l, 0.45f, 0.9f + 1e-7f}, {0.0f, 0.3f + 1e-7f, 0.95f}));
    }
    DecisionRule rule(0.4f);
    rule.setLabelThreshold(2, 0.7f);
    rule.setCalibration(Calibration(platt ? Calibration::Method::Platt : Calibration::Method::Isotonic, maps));
    const std::string json = rule.toJson(kLabels);
    QVERIFY2(json.find(platt ? "\"method\": \"platt\"" : "\"method\": \"isotonic\"") != std::string::npos, json.c_str());
    QVERIFY2(json.find("\"试驾\": {") != std::string::npos, json.c_str());  // maps keyed by label name
    const auto parsed = DecisionRule::fromJson(json, kLabels, "rule.json");
    QVERIFY2(parsed.ok(), parsed.ok() ? "" : parsed.message().c_str());
    QVERIFY(*parsed == rule);
    QVERIFY(parsed->calibration() == rule.calibration());
    // Writing it again gives the same text.
    QCOMPARE(parsed->toJson(kLabels), json);
}

void DecisionRuleTest::calibratedThresholdsAreProbabilities()
{
    // Label 0's scores are calibrated by p = 1/(1+exp(-(10 s - 5))): p >= 0.5 exactly when
    // s >= 0.5, p >= 0.9 when s >= 0.5 + ln(9)/10 = 0.7197. Label 1 is isotonic: 0 below 0.3,
    // 0.6 from 0.3, 0.8 from 0.6.
    DecisionRule rule(0.5f);
    rule.setCalibration(Calibration(Calibration::Method::Platt, {LabelCalibration::platt(10.0, -5.0), LabelCalibration::platt(0, 0)}));
    const float s0 = 0.5f + float(std::log(9.0) / 10.0);
    rule.setLabelThreshold(0, 0.9f);
    const std::vector<float> below = {std::nextafter(s0, 0.0f) - 1e-6f, 0.0f}, above = {s0 + 1e-6f, 0.0f};
    QCOMPARE(rule.apply(below.data(), 2), (std::vector<std::uint32_t>{1}));  // label 1: constant 0.5 >= 0.5
    QCOMPARE(rule.apply(above.data(), 2), (std::vector<std::uint32_t>{0, 1}));
    QVERIFY(std::abs(rule.effectiveThresholds(2)[0] - s0) < 1e-6f);

    DecisionRule isotonic(0.7f);
    isotonic.setCalibration(Calibration(Calibration::Method::Isotonic,
                                        {LabelCalibration::isotonic({0.3f, 0.6f}, {0.6f, 0.8f}),
                                         LabelCalibration::isotonic({0.0f}, {0.0f})}));
    QCOMPARE(isotonic.effectiveThresholds(2)[0], 0.6f);   // first step reaching 0.7
    QCOMPARE(isotonic.effectiveThresholds(2)[1], std::numeric_limits<float>::max());  // never reached
    isotonic.setDisabled(1, true);
    QVERIFY(std::isinf(isotonic.effectiveThresholds(2)[1]));
    // A calibration that does not cover the labels is rejected.
    QVERIFY(!isotonic.validate(3).ok());
    QVERIFY(isotonic.validate(2).ok());
}

void DecisionRuleTest::calibratedRuleFollowsEdits()
{
    // Threshold edits after the calibration is set must move the raw-score thresholds too.
    std::mt19937 rng(77);
    const std::size_t labels = 6;
    const ScoreMatrix m = reference::randomMatrix(rng, 40, labels, true);
    DecisionRule rule(0.5f);
    rule.setCalibration(reference::randomCalibration(rng, labels));
    for (int step = 0; step < 300; ++step) {
        const auto label = static_cast<std::uint32_t>(rng() % labels);
        switch (rng() % 6) {
        case 0: rule.setGlobalThreshold(reference::randomThreshold(rng)); break;
        case 1: rule.setLabelThreshold(label, reference::randomThreshold(rng)); break;
        case 2: rule.clearLabelThreshold(label); break;
        case 3: rule.clearLabelThresholds(); break;
        case 4: rule.setCalibration(reference::randomCalibration(rng, labels)); break;
        default: rule = *DecisionRule::fromJson(rule.toJson({"a", "b", "c", "d", "e", "f"}), {"a", "b", "c", "d", "e", "f"}, "x"); break;
        }
        for (std::size_t d = 0; d < m.documentCount(); ++d) {
            auto fast = rule.apply(m.row(d), labels);
            std::sort(fast.begin(), fast.end());
            const auto slow = reference::predict(m.row(d), labels, rule);
            QCOMPARE(fast, std::vector<std::uint32_t>(slow.begin(), slow.end()));
        }
    }
}

void DecisionRuleTest::ruleWithoutCalibrationLoads()
{
    // A rule.json as written before calibration existed, byte for byte.
    const std::string old = "{\n  \"format\": \"tagbench-rule\",\n  \"version\": 1,\n  \"threshold\": 0.35,\n"
                            "  \"top_k\": 2,\n  \"at_least_one\": false,\n  \"label_thresholds\": {\n    \"谍照\": 0.2\n  },\n"
                            "  \"disabled\": []\n}\n";
    const auto parsed = DecisionRule::fromJson(old, kLabels, "rule.json");
    QVERIFY2(parsed.ok(), parsed.ok() ? "" : parsed.message().c_str());
    QVERIFY(parsed->calibration().empty());
    QCOMPARE(parsed->globalThreshold(), 0.35f);
    // And an uncalibrated rule is still written exactly that way.
    QCOMPARE(parsed->toJson(kLabels), old);
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
    const QString head = R"({"format": "tagbench-rule", "version": 1, "calibration": )";
    const QString platt = R"({"a": 1, "b": 0})";
    const QString all = "\"谍照\": " + platt + ", \"新车报价\": " + platt + ", \"试驾\": " + platt;
    QTest::newRow("calibration: unknown method") << head + R"({"method": "beta", "labels": {}}})" << "\"method\" must be";
    QTest::newRow("calibration: missing label")
        << head + "{\"method\": \"platt\", \"labels\": {" + all + "}}}" << "no map for label '新车上市'";
    QTest::newRow("calibration: unknown label")
        << head + "{\"method\": \"platt\", \"labels\": {\"x\": " + platt + "}}}" << "unknown label 'x'";
    QTest::newRow("calibration: negative slope")
        << head + "{\"method\": \"platt\", \"labels\": {\"新车上市\": {\"a\": -1, \"b\": 0}, " + all + "}}}" << "a < 0";
    QTest::newRow("calibration: isotonic not ascending")
        << head + R"({"method": "isotonic", "labels": {"谍照": {"scores": [0.5, 0.2], "values": [0.1, 0.2]}}}})"
        << "ascending";
    QTest::newRow("calibration: isotonic lengths differ")
        << head + R"({"method": "isotonic", "labels": {"谍照": {"scores": [0.5], "values": [0.1, 0.2]}}}})"
        << "same length";
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
