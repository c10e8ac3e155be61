#include "TorchProbe.h"

#include "core/data/Dataset.h"
#include "core/text/SentencePiecePlugin.h"
#include "core/text/SentencePieceTokenizer.h"
#include "core/text/SentencePieceTrainer.h"
#include "core/text/TextEncoder.h"
#include "core/text/Vocabulary.h"
#include "core/text/TokenizerFactory.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <fstream>

using namespace tagbench;

namespace {

// The fixture lines, each repeated with a variation so the trainer sees enough sentences.
Dataset loadCorpus()
{
    Dataset dataset;
    std::ifstream in(std::string(TAGBENCH_TEST_DATA) + "/text/spm_corpus.txt");
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);)
        if (!line.empty()) lines.push_back(line);
    for (int copy = 0; copy < 4; ++copy)
        for (std::size_t i = 0; i < lines.size(); ++i)
            dataset.addDocument(std::to_string(copy) + "-" + std::to_string(i),
                                copy % 2 ? lines[i] : lines[(i + copy) % lines.size()] + " " + lines[i], {});
    return dataset;
}

bool anyPathContains(const std::vector<std::string>& paths, const std::string& needle)
{
    for (const auto& p : paths)
        if (p.find(needle) != std::string::npos) return true;
    return false;
}

// Pieces joined back into text: sentencepiece marks word starts with U+2581.
std::string detokenize(const std::vector<std::string>& pieces)
{
    std::string out;
    for (const auto& piece : pieces) out += piece;
    const std::string marker = "\xE2\x96\x81";
    for (std::size_t pos; (pos = out.find(marker)) != std::string::npos;) out.replace(pos, marker.size(), " ");
    return out.size() && out[0] == ' ' ? out.substr(1) : out;
}

} // namespace

// Trains and encodes through the isolated plugin in a process that links (and has initialised)
// LibTorch: the protobuf inside libsentencepiece and LibTorch's libprotobuf must coexist.
class SentencePiecePluginTest final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void searchOrder();
    void trainAndEncode_data();
    void trainAndEncode();
    void modelBytesRoundTrip();
    void parallelEncodingMatchesSequential();
    void corruptModelIsAnError();
    void emptyTrainingSetIsAnError();
    void missingPluginIsAnError();
    void childWithoutPlugin();

private:
    Dataset m_corpus;
};

void SentencePiecePluginTest::initTestCase()
{
    QCOMPARE(test::torchProbeSum(), 36.0);
    const auto libs = test::loadedLibraries();
    QVERIFY(anyPathContains(libs, "libtorch_cpu.so"));
    QVERIFY(anyPathContains(libs, "libprotobuf.so"));
    m_corpus = loadCorpus();
}

void SentencePiecePluginTest::searchOrder()
{
    const QByteArray saved = qgetenv("TAGBENCH_PLUGIN_DIR");
    qputenv("TAGBENCH_PLUGIN_DIR", "/opt/elsewhere");
    const auto dirs = SentencePiecePlugin::searchDirectories();
    qputenv("TAGBENCH_PLUGIN_DIR", saved);
    QCOMPARE(dirs.size(), std::size_t(3));
    QCOMPARE(dirs[0], std::string("/opt/elsewhere"));
    QCOMPARE(dirs[1], QCoreApplication::applicationDirPath().toStdString() + "/../lib/tagbench");
    QVERIFY(dirs[2].size() > 1 && dirs[2][0] == '/');
    QVERIFY(dirs[2].find("tagbench") != std::string::npos);
}

void SentencePiecePluginTest::trainAndEncode_data()
{
    QTest::addColumn<int>("modelType");
    QTest::addColumn<QString>("text");
    QTest::newRow("unigram english") << int(SentencePieceModelType::Unigram) << "the new electric suv goes on sale";
    QTest::newRow("unigram chinese") << int(SentencePieceModelType::Unigram) << "新车上市售价公布";
    QTest::newRow("bpe english") << int(SentencePieceModelType::Bpe) << "the new electric suv goes on sale";
    QTest::newRow("bpe chinese") << int(SentencePieceModelType::Bpe) << "新车上市售价公布";
}

void SentencePiecePluginTest::trainAndEncode()
{
    QFETCH(int, modelType);
    QFETCH(QString, text);
    SentencePieceTrainOptions options;
    options.modelType = static_cast<SentencePieceModelType>(modelType);
    options.vocabSize = 300;
    options.threads = 1;
    const auto model = trainSentencePiece(m_corpus, options);
    QVERIFY2(model.ok(), model.ok() ? "" : model.message().c_str());
    QVERIFY(model->size() > 1000);

    TokenizerConfig config;
    config.kind = TokenizerKind::SentencePiece;
    config.sentencepieceModel = *model;
    const auto tokenizer = makeTokenizer(config);
    QVERIFY2(tokenizer.ok(), tokenizer.ok() ? "" : tokenizer.message().c_str());
    QCOMPARE((*tokenizer)->kind(), TokenizerKind::SentencePiece);
    const auto& spm = static_cast<const SentencePieceTokenizer&>(**tokenizer);
    QVERIFY(spm.pieceCount() > 100 && spm.pieceCount() <= 300);

    const auto pieces = (*tokenizer)->tokens(text.toStdString());
    QVERIFY(pieces.size() >= 2);
    QCOMPARE(QString::fromStdString(detokenize(pieces)), text);
    // A frequent word of the corpus is learnt as a piece of its own.
    QVERIFY(!(*tokenizer)->tokens("the").empty());
    // Lowercasing is applied before encoding, as in training.
    QCOMPARE((*tokenizer)->tokens("THE NEW SUV"), (*tokenizer)->tokens("the new suv"));

    QVERIFY(anyPathContains(test::loadedLibraries(), "libtagbench_spm.so"));
    QCOMPARE(test::torchProbeSum(), 36.0);  // LibTorch still works with sentencepiece loaded
}

void SentencePiecePluginTest::modelBytesRoundTrip()
{
    SentencePieceTrainOptions options;
    options.vocabSize = 200;
    options.threads = 2;
    const auto model = trainSentencePiece(m_corpus, options);
    QVERIFY2(model.ok(), model.ok() ? "" : model.message().c_str());
    // Bytes copied elsewhere (as a bundle would) load into an identical tokenizer.
    const std::string copy(model->begin(), model->end());
    const auto a = SentencePieceTokenizer::create(*model, true);
    const auto b = SentencePieceTokenizer::create(copy, true);
    QVERIFY(a.ok() && b.ok());
    QCOMPARE((*a)->modelBytes(), copy);
    for (const char* text : {"谍照曝光", "json library for c++", "全新一代宝马X5"})
        QCOMPARE((*a)->tokens(text), (*b)->tokens(text));
}

void SentencePiecePluginTest::parallelEncodingMatchesSequential()
{
    SentencePieceTrainOptions options;
    options.vocabSize = 250;
    const auto model = trainSentencePiece(m_corpus, options);
    QVERIFY2(model.ok(), model.ok() ? "" : model.message().c_str());
    auto tokenizer = SentencePieceTokenizer::create(*model, true);
    QVERIFY(tokenizer.ok());
    std::shared_ptr<const Tokenizer> shared(std::move(*tokenizer));
    auto vocabulary = std::make_shared<const Vocabulary>(Vocabulary::build(m_corpus, *shared, 1, 0, 2));
    QVERIFY(vocabulary->size() > 50);
    const TextEncoder encoder(shared, vocabulary);
    const EncodedCorpus one = encodeDataset(m_corpus, encoder, 1);
    const EncodedCorpus three = encodeDataset(m_corpus, encoder, 3);
    QCOMPARE(three.offsets, one.offsets);
    QCOMPARE(three.tokens, one.tokens);
    QVERIFY(one.tokens.size() > m_corpus.size());
    // Every piece of the training texts is in the vocabulary built from them.
    QVERIFY(std::find(one.tokens.begin(), one.tokens.end(), Vocabulary::kUnk) == one.tokens.end());
}

void SentencePiecePluginTest::corruptModelIsAnError()
{
    const auto tokenizer = SentencePieceTokenizer::create("this is not a sentencepiece model", true);
    QVERIFY(!tokenizer.ok());
    QVERIFY2(tokenizer.message().find("sentencepiece model") != std::string::npos, tokenizer.message().c_str());
}

void SentencePiecePluginTest::emptyTrainingSetIsAnError()
{
    Dataset empty;
    empty.addDocument("a", "   ", {});
    const auto model = trainSentencePiece(empty, SentencePieceTrainOptions());
    QVERIFY(!model.ok());
    QVERIFY(model.message().find("no text") != std::string::npos);
}

void SentencePiecePluginTest::missingPluginIsAnError()
{
    // A copy of this executable in a tree without lib/tagbench, pointed at an empty plugin
    // directory, must fail with a message naming the searched paths instead of crashing.
    QTemporaryDir root;
    QVERIFY(root.isValid());
    QVERIFY(QDir(root.path()).mkpath("bin"));
    QVERIFY(QDir(root.path()).mkpath("empty"));
    const QString exe = root.filePath("bin/SentencePiecePluginTest");
    QVERIFY(QFile::copy(QCoreApplication::applicationFilePath(), exe));
    QProcess child;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("TAGBENCH_PLUGIN_DIR", root.filePath("empty"));
    env.insert("TAGBENCH_EXPECT_NO_PLUGIN", "1");
    child.setProcessEnvironment(env);
    child.start(exe, {"childWithoutPlugin"});
    QVERIFY(child.waitForFinished(120000));
    const QString output = QString::fromUtf8(child.readAllStandardOutput() + child.readAllStandardError());
    QVERIFY2(child.exitStatus() == QProcess::NormalExit && child.exitCode() == 0, qPrintable(output));
    QVERIFY2(output.contains("PASS   : SentencePiecePluginTest::childWithoutPlugin()"), qPrintable(output));
}

void SentencePiecePluginTest::childWithoutPlugin()
{
    if (qgetenv("TAGBENCH_EXPECT_NO_PLUGIN") != "1") QSKIP("runs only as the child of missingPluginIsAnError");
    if (QFile::exists(QString::fromStdString(SentencePiecePlugin::searchDirectories().back() + "/"
                                             + SentencePiecePlugin::fileName())))
        QSKIP("the plugin is installed system-wide");
    TokenizerConfig config;
    config.kind = TokenizerKind::SentencePiece;
    config.sentencepieceModel = "x";
    const auto tokenizer = makeTokenizer(config);
    QVERIFY(!tokenizer.ok());
    const QString message = QString::fromStdString(tokenizer.message());
    QVERIFY2(message.contains("libtagbench_spm.so"), qPrintable(message));
    QVERIFY2(message.contains("TAGBENCH_PLUGIN_DIR"), qPrintable(message));
    QVERIFY2(message.contains(qgetenv("TAGBENCH_PLUGIN_DIR")), qPrintable(message));
    const auto model = trainSentencePiece(m_corpus.size() ? m_corpus : loadCorpus(), SentencePieceTrainOptions());
    QVERIFY(!model.ok());
    QVERIFY(QString::fromStdString(model.message()).contains("not found"));
}

QTEST_GUILESS_MAIN(SentencePiecePluginTest)
#include "SentencePiecePluginTest.moc"
