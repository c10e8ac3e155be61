#include "core/model/VocabularyInput.h"

#include "core/data/Dataset.h"
#include "core/model/NgramHasher.h"
#include "core/text/ParallelRanges.h"
#include "core/text/ScriptMix.h"
#include "core/text/SentencePieceTrainer.h"
#include "core/text/Tokenizer.h"
#include "core/text/Vocabulary.h"
#include "core/util/AtomicFile.h"

#include <cstdio>
#include <fstream>
#include <sstream>

namespace tagbench {

namespace {

Result<std::string> readWholeFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) return Error{path + ": cannot open"};
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

Result<std::shared_ptr<const Tokenizer>> buildTokenizer(const TokenizerConfig& config)
{
    auto tokenizer = makeTokenizer(config);
    if (!tokenizer) return tokenizer.error();
    return std::shared_ptr<const Tokenizer>(std::move(*tokenizer));
}

/// Chinese has no spaces between words, so the word tokenizer turns whole clauses into "words"
/// that a new sentence never repeats: the model then scores well on templated test data and
/// predicts nothing on new text. Say so when the vocabulary looks like that.
void warnAboutCjkWords(const Vocabulary& vocabulary, const std::function<void(const std::string&)>& log)
{
    std::int64_t cjkTokens = 0, cjkCharacters = 0, allTokens = 0;
    for (std::size_t i = 2; i < vocabulary.size(); ++i) {
        const auto id = static_cast<std::int32_t>(i);
        ScriptMix mix;
        mix.add(vocabulary.token(id));
        allTokens += vocabulary.count(id);
        if (mix.cjk == 0) continue;
        cjkTokens += vocabulary.count(id);
        cjkCharacters += mix.cjk * vocabulary.count(id);
    }
    if (cjkTokens == 0 || cjkTokens * 2 < allTokens) return;
    const double meanLength = static_cast<double>(cjkCharacters) / static_cast<double>(cjkTokens);
    if (meanLength < 4.0) return;
    char text[320];
    std::snprintf(text, sizeof text,
                  "warning: the word vocabulary is made of long CJK runs (%.1f characters on average): Chinese has no "
                  "spaces between words, so these are whole phrases a new text rarely repeats; use \"tokenizer\": "
                  "{\"kind\": \"char\"}",
                  meanLength);
    log(text);
}

} // namespace

VocabularyInput::VocabularyInput(TokenizerConfig config, std::shared_ptr<const Tokenizer> tokenizer,
                                 std::shared_ptr<const Vocabulary> vocabulary, Shape shape)
    : m_config(std::move(config)),
      m_vocabulary(vocabulary),
      m_encoder(std::move(tokenizer), std::move(vocabulary), static_cast<std::size_t>(shape.maxTokens)),
      m_shape(shape)
{
}

Result<std::shared_ptr<const VocabularyInput>> VocabularyInput::fit(const InputFitRequest& request, Shape shape)
{
    const TokenizerSettings& settings = request.tokenizer;
    TokenizerConfig config = settings.tokenizerConfig(request.train->pretokenized());
    if (config.kind == TokenizerKind::SentencePiece) {
        if (!settings.sentencepieceModel.empty()) {
            auto bytes = readWholeFile(settings.sentencepieceModel);
            if (!bytes) return bytes.error();
            config.sentencepieceModel = std::move(*bytes);
        } else {
            SentencePieceTrainOptions spm;
            spm.vocabSize = static_cast<int>(settings.sentencepieceVocabSize);
            spm.modelType = settings.sentencepieceModelType == "bpe" ? SentencePieceModelType::Bpe : SentencePieceModelType::Unigram;
            spm.characterCoverage = settings.sentencepieceCharacterCoverage;
            spm.lowercase = settings.lowercase;
            spm.threads = request.threads;
            spm.seed = static_cast<std::uint32_t>(request.seed);
            auto bytes = trainSentencePiece(*request.train, spm);
            if (!bytes) return Error{"training the sentencepiece model: " + bytes.message()};
            config.sentencepieceModel = std::move(*bytes);
            if (request.log)
                request.log("sentencepiece: trained a " + settings.sentencepieceModelType + " model of " + std::to_string(spm.vocabSize)
                            + " pieces");
        }
    }
    auto tokenizer = buildTokenizer(config);
    if (!tokenizer) return tokenizer.error();
    auto vocabulary = std::make_shared<const Vocabulary>(Vocabulary::build(
        *request.train, **tokenizer, settings.minCount, static_cast<std::size_t>(settings.maxSize), request.threads));
    if (config.kind == TokenizerKind::Word && !config.pretokenized && request.log) warnAboutCjkWords(*vocabulary, request.log);
    return std::make_shared<const VocabularyInput>(std::move(config), std::move(*tokenizer), std::move(vocabulary), shape);
}

Result<std::shared_ptr<const VocabularyInput>> VocabularyInput::load(const InputLoadRequest& request, Shape shape)
{
    TokenizerConfig config = request.tokenizer.tokenizerConfig(request.pretokenized);
    if (config.kind == TokenizerKind::SentencePiece) {
        auto bytes = readWholeFile(request.runDir + "/tokenizer.model");
        if (!bytes) return bytes.error();
        config.sentencepieceModel = std::move(*bytes);
    }
    auto tokenizer = buildTokenizer(config);
    if (!tokenizer) return tokenizer.error();
    auto vocabulary = Vocabulary::load(request.runDir + "/vocab.tsv");
    if (!vocabulary) return vocabulary.error();
    return std::make_shared<const VocabularyInput>(std::move(config), std::move(*tokenizer),
                                                   std::make_shared<const Vocabulary>(std::move(*vocabulary)), shape);
}

Result<std::shared_ptr<const VocabularyInput>> VocabularyInput::fromTokens(const TokenizerConfig& config,
                                                                           const std::vector<std::string>& tokens, Shape shape)
{
    auto tokenizer = buildTokenizer(config);
    if (!tokenizer) return Error{"tokenizer: " + tokenizer.message()};
    std::vector<std::pair<std::string, std::int64_t>> counts;
    counts.reserve(tokens.size());
    // Vocabulary::fromCounts orders by count; descending counts keep the given id order.
    for (std::size_t i = 2; i < tokens.size(); ++i) counts.emplace_back(tokens[i], static_cast<std::int64_t>(tokens.size() - i));
    auto vocabulary = std::make_shared<const Vocabulary>(Vocabulary::fromCounts(std::move(counts), 1, 0));
    for (std::size_t i = 0; i < tokens.size(); ++i)
        if (vocabulary->size() != tokens.size() || vocabulary->token(static_cast<std::int32_t>(i)) != tokens[i])
            return Error{"vocabulary: entry " + std::to_string(i) + " is a duplicate, empty or misplaced special token"};
    return std::make_shared<const VocabularyInput>(config, std::move(*tokenizer), std::move(vocabulary), shape);
}

void VocabularyInput::appendNgrams(const std::int32_t* ids, std::size_t count, std::vector<std::int64_t>& out) const
{
    if (m_shape.wordNgrams > 1)
        appendWordNgrams(ids, count, m_shape.wordNgrams, m_shape.buckets, static_cast<std::int64_t>(m_vocabulary->size()), out);
}

void VocabularyInput::encode(std::string_view text, std::vector<std::int64_t>& ids, std::vector<float>&) const
{
    std::vector<std::int32_t> tokens;
    m_encoder.append(text, tokens);
    ids.insert(ids.end(), tokens.begin(), tokens.end());
    appendNgrams(tokens.data(), tokens.size(), ids);
}

void VocabularyInput::encodeAll(const TextSource& texts, std::size_t count, int threads, EncodedSplit& out) const
{
    struct Part {
        std::vector<std::int64_t> ids;
        std::vector<std::uint64_t> lengths;
    };
    const int workers = resolveThreadCount(threads, count);
    std::vector<Part> parts(static_cast<std::size_t>(workers));
    forEachRange(count, workers, [&](std::size_t worker, std::size_t begin, std::size_t end) {
        Part& part = parts[worker];
        std::vector<std::int32_t> tokens;
        part.lengths.reserve(end - begin);
        for (std::size_t i = begin; i < end; ++i) {
            tokens.clear();
            m_encoder.append(texts(i), tokens);
            const std::size_t before = part.ids.size();
            part.ids.insert(part.ids.end(), tokens.begin(), tokens.end());
            appendNgrams(tokens.data(), tokens.size(), part.ids);
            part.lengths.push_back(part.ids.size() - before);
        }
    });
    std::size_t total = out.inputs.size();
    for (const auto& part : parts) total += part.ids.size();
    out.inputs.reserve(total);
    for (auto& part : parts) {
        out.inputs.insert(out.inputs.end(), part.ids.begin(), part.ids.end());
        for (const auto length : part.lengths) out.inputOffsets.push_back(out.inputOffsets.back() + length);
        std::vector<std::int64_t>().swap(part.ids);
    }
}

std::vector<std::string> VocabularyInput::vocabularyTokens() const
{
    std::vector<std::string> tokens;
    tokens.reserve(m_vocabulary->size());
    for (std::size_t i = 0; i < m_vocabulary->size(); ++i) tokens.push_back(m_vocabulary->token(static_cast<std::int32_t>(i)));
    return tokens;
}

std::size_t VocabularyInput::vocabularySize() const { return m_vocabulary->size(); }

Status VocabularyInput::save(const std::string& runDir) const
{
    if (auto s = m_vocabulary->save(runDir + "/vocab.tsv"); !s) return s;
    if (m_config.kind == TokenizerKind::SentencePiece)
        return writeFileAtomically(runDir + "/tokenizer.model", m_config.sentencepieceModel);
    return {};
}

} // namespace tagbench
