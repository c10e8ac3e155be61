#include "core/text/SentencePieceTrainer.h"

#include "core/data/Dataset.h"
#include "core/text/CaseFolding.h"
#include "core/text/SentencePiecePlugin.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>
#include <unistd.h>

namespace tagbench {

namespace {

// A temporary file that is removed on every path out of trainSentencePiece.
class TempFile final {
public:
    ~TempFile()
    {
        if (m_file) std::fclose(m_file);
        if (!m_path.empty()) ::unlink(m_path.c_str());
    }

    Status create()
    {
        const char* dir = std::getenv("TMPDIR");
        m_path = std::string(dir && *dir ? dir : "/tmp") + "/tagbench-spm-XXXXXX";
        const int fd = ::mkstemp(m_path.data());
        if (fd < 0) {
            const int err = errno;
            m_path.clear();
            return Error{std::string("cannot create a temporary file for sentencepiece training: ") + std::strerror(err)};
        }
        m_file = ::fdopen(fd, "w");
        return {};
    }

    FILE* file() const { return m_file; }
    const std::string& path() const { return m_path; }

    Status close()
    {
        const bool ok = std::fflush(m_file) == 0 && !std::ferror(m_file);
        const int err = errno;
        std::fclose(m_file);
        m_file = nullptr;
        if (!ok) return Error{"cannot write " + m_path + ": " + std::strerror(err)};
        return {};
    }

private:
    std::string m_path;
    FILE* m_file = nullptr;
};

} // namespace

Result<std::string> trainSentencePiece(const Dataset& dataset, const SentencePieceTrainOptions& options)
{
    if (options.vocabSize < 8) return Error{"sentencepiece vocabulary size must be at least 8"};
    if (options.characterCoverage <= 0.0 || options.characterCoverage > 1.0)
        return Error{"sentencepiece character coverage must be in (0, 1]"};
    auto plugin = SentencePiecePlugin::instance();
    if (!plugin) return plugin.error();

    TempFile input;
    if (auto st = input.create(); !st) return st.error();
    // One document per line: sentencepiece reads lines, so newlines inside a text become spaces.
    std::string line;
    std::string folded;
    std::size_t written = 0;
    for (std::size_t i = 0; i < dataset.size(); ++i) {
        std::string_view text = dataset.text(i);
        if (options.lowercase && mayNeedFolding(text)) {
            foldCaseInto(text, folded);
            text = folded;
        }
        line.assign(text);
        std::replace_if(line.begin(), line.end(), [](char c) { return c == '\n' || c == '\r'; }, ' ');
        if (line.find_first_not_of(' ') == std::string::npos) continue;
        line.push_back('\n');
        std::fwrite(line.data(), 1, line.size(), input.file());
        ++written;
    }
    if (auto st = input.close(); !st) return st.error();
    if (written == 0) return Error{"cannot train sentencepiece: the training split has no text"};

    const int threads = options.threads > 0 ? options.threads
                                            : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    const std::vector<std::pair<std::string, std::string>> flags = {
        {"input", input.path()},
        {"model_type", options.modelType == SentencePieceModelType::Bpe ? "bpe" : "unigram"},
        {"vocab_size", std::to_string(options.vocabSize)},
        {"character_coverage", std::to_string(options.characterCoverage)},
        {"input_sentence_size", std::to_string(options.inputSentenceSize)},
        {"shuffle_input_sentence", "true"},
        {"num_threads", std::to_string(threads)},
        // Small corpora cannot always fill vocab_size; a smaller vocabulary is better than failing.
        {"hard_vocab_limit", "false"},
        {"minloglevel", "2"},
        {"random_seed", std::to_string(options.seed)},
    };
    return (*plugin)->train(flags);
}

} // namespace tagbench
