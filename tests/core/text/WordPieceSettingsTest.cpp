// WordPieceSettings: how tokenizer_config.json and special_tokens_map.json combine, and errors
// that name the file and the field.
#include "core/text/WordPieceSettings.h"

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

using namespace tagbench;

namespace {

void writeFile(const QTemporaryDir& dir, const char* name, const std::string& content)
{
    std::ofstream(dir.filePath(name).toStdString(), std::ios::binary) << content;
}

} // namespace

class WordPieceSettingsTest final : public QObject {
    Q_OBJECT

private slots:
    void missingFilesGiveBertTokenizerDefaults();
    void fixtureSettings();
    void specialTokensMapWinsAndAddedTokensAreObjects();
    void stripAccentsAndUnlimitedLength_data();
    void stripAccentsAndUnlimitedLength();
    void errorsNameFileAndField_data();
    void errorsNameFileAndField();
};

void WordPieceSettingsTest::missingFilesGiveBertTokenizerDefaults()
{
    QTemporaryDir dir;
    const auto settings = WordPieceSettings::fromFolder(dir.path().toStdString());
    QVERIFY(settings);
    QVERIFY(settings->basic.lowercase);
    QVERIFY(settings->basic.tokenizeChineseChars);
    QVERIFY(!settings->basic.stripAccents.has_value());
    QVERIFY(settings->doBasicTokenize);
    QCOMPARE(settings->modelMaxLength, std::int64_t(0));
    QCOMPARE(settings->specialTokens(), (std::vector<std::string>{"[UNK]", "[SEP]", "[PAD]", "[CLS]", "[MASK]"}));
}

void WordPieceSettingsTest::fixtureSettings()
{
    const auto settings = WordPieceSettings::fromFolder(TAGBENCH_TEST_DATA "/bert-tiny");
    QVERIFY2(settings, settings ? "" : settings.message().c_str());
    QVERIFY(settings->basic.lowercase);
    QVERIFY(!settings->basic.stripAccents.has_value());
    QCOMPARE(settings->modelMaxLength, std::int64_t(32));
    QCOMPARE(settings->clsToken, std::string("[CLS]"));
}

void WordPieceSettingsTest::specialTokensMapWinsAndAddedTokensAreObjects()
{
    QTemporaryDir dir;
    writeFile(dir, "tokenizer_config.json",
              R"({"do_lower_case": false, "unk_token": "<unk>", "cls_token": {"content": "<s>", "lstrip": false},
                  "tokenize_chinese_chars": false, "do_basic_tokenize": false})");
    writeFile(dir, "special_tokens_map.json",
              R"({"unk_token": {"__type": "AddedToken", "content": "<UNK>"}, "additional_special_tokens": ["<e1>", {"content": "<e2>"}]})");
    const auto settings = WordPieceSettings::fromFolder(dir.path().toStdString());
    QVERIFY2(settings, settings ? "" : settings.message().c_str());
    QVERIFY(!settings->basic.lowercase);
    QVERIFY(!settings->basic.tokenizeChineseChars);
    QVERIFY(!settings->doBasicTokenize);
    QCOMPARE(settings->unkToken, std::string("<UNK>"));
    QCOMPARE(settings->clsToken, std::string("<s>"));
    QCOMPARE(settings->specialTokens(), (std::vector<std::string>{"<UNK>", "[SEP]", "[PAD]", "<s>", "[MASK]", "<e1>", "<e2>"}));
}

void WordPieceSettingsTest::stripAccentsAndUnlimitedLength_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<int>("stripAccents");  // -1 = unset
    QTest::addColumn<qint64>("maxLength");
    QTest::newRow("null") << R"({"strip_accents": null, "model_max_length": 512})" << -1 << qint64(512);
    QTest::newRow("true") << R"({"strip_accents": true})" << 1 << qint64(0);
    QTest::newRow("false") << R"({"strip_accents": false})" << 0 << qint64(0);
    QTest::newRow("transformers' 1e30 is unlimited") << R"({"model_max_length": 1000000000000000019884624838656})" << -1 << qint64(0);
}

void WordPieceSettingsTest::stripAccentsAndUnlimitedLength()
{
    QFETCH(QString, json);
    QFETCH(int, stripAccents);
    QFETCH(qint64, maxLength);
    QTemporaryDir dir;
    writeFile(dir, "tokenizer_config.json", json.toStdString());
    const auto settings = WordPieceSettings::fromFolder(dir.path().toStdString());
    QVERIFY2(settings, settings ? "" : settings.message().c_str());
    QCOMPARE(settings->basic.stripAccents.has_value(), stripAccents >= 0);
    if (stripAccents >= 0) QCOMPARE(*settings->basic.stripAccents, stripAccents == 1);
    QCOMPARE(settings->modelMaxLength, maxLength);
}

void WordPieceSettingsTest::errorsNameFileAndField_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("json");
    QTest::addColumn<QString>("expected");
    QTest::newRow("not json") << "tokenizer_config.json" << "{oops" << "tokenizer_config.json: not a JSON object";
    QTest::newRow("lower case type") << "tokenizer_config.json" << R"({"do_lower_case": "yes"})"
                                     << R"(tokenizer_config.json: field "do_lower_case" must be true or false)";
    QTest::newRow("strip accents type") << "tokenizer_config.json" << R"({"strip_accents": 1})"
                                        << R"(tokenizer_config.json: field "strip_accents" must be null, true or false)";
    QTest::newRow("other tokenizer") << "tokenizer_config.json" << R"({"tokenizer_class": "XLMRobertaTokenizer"})"
                                     << R"(tokenizer_config.json: field "tokenizer_class" is "XLMRobertaTokenizer"; only BertTokenizer (WordPiece with vocab.txt) is supported)";
    QTest::newRow("token type") << "special_tokens_map.json" << R"({"sep_token": 3})"
                                << R"(special_tokens_map.json: field "sep_token" must be a string or an object with a string "content")";
    QTest::newRow("additional not a list") << "special_tokens_map.json" << R"({"additional_special_tokens": "<x>"})"
                                           << R"(special_tokens_map.json: field "additional_special_tokens" must be a list)";
}

void WordPieceSettingsTest::errorsNameFileAndField()
{
    QFETCH(QString, file);
    QFETCH(QString, json);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    writeFile(dir, file.toUtf8().constData(), json.toStdString());
    const auto settings = WordPieceSettings::fromFolder(dir.path().toStdString());
    QVERIFY(!settings);
    QCOMPARE(QString::fromStdString(settings.message()), dir.path() + "/" + expected);
}

QTEST_APPLESS_MAIN(WordPieceSettingsTest)
#include "WordPieceSettingsTest.moc"
