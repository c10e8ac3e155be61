// Text pipeline benchmark: char and word tokenizers, parallel vocabulary building and corpus
// encoding, and sentencepiece training/encoding through the isolated plugin. References in the
// same run: Python's `re` tokenization of the same texts (CPU time of /usr/bin/python3) and
// Debian's spm_train / spm_encode command-line tools on the same file and flags.
//
//   bench_text /work/shared/datasets/debtags-en/train.jsonl [--zh tests/data/text/spm_corpus.txt]
//              [--repeat N] [--spm-vocab N] [--no-spm]
#include "core/data/DatasetReader.h"
#include "core/text/CharTokenizer.h"
#include "core/text/SentencePieceTokenizer.h"
#include "core/text/SentencePieceTrainer.h"
#include "core/text/TextEncoder.h"
#include "core/text/Vocabulary.h"
#include "core/text/WordTokenizer.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <sys/resource.h>
#include <thread>
#include <unistd.h>
#include <vector>

using namespace tagbench;

namespace {

using Clock = std::chrono::steady_clock;

double wallSince(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

// CPU seconds of this process (all threads): on a shared 2-core machine the wall clock depends
// on the neighbours, CPU time per MB much less.
double cpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const auto s = [](const timeval& t) { return double(t.tv_sec) + double(t.tv_usec) / 1e6; };
    return s(usage.ru_utime) + s(usage.ru_stime);
}

// CPU seconds used by finished children (the reference tools).
double childCpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_CHILDREN, &usage);
    const auto s = [](const timeval& t) { return double(t.tv_sec) + double(t.tv_usec) / 1e6; };
    return s(usage.ru_utime) + s(usage.ru_stime);
}

std::string runCommand(const std::string& command)
{
    std::string out;
    FILE* pipe = ::popen(command.c_str(), "r");
    if (!pipe) return out;
    char buffer[4096];
    std::size_t n;
    while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) out.append(buffer, n);
    ::pclose(pipe);
    return out;
}

// Python reference: the same kind of split with `re`, timed with process_time() inside Python.
double pythonMegabytesPerSecond(const std::string& file, const char* pattern, int repeat)
{
    const std::string script = std::string("import re,sys,time\n"
                                           "lines=open(sys.argv[1],encoding='utf-8').read().split('\\n')\n"
                                           "rx=re.compile(r'") + pattern + "')\n"
        "n=int(sys.argv[2]);b=sum(len(l.encode())+1 for l in lines)*n\n"
        "t=time.process_time();c=0\n"
        "for _ in range(n):\n"
        "  for l in lines: c+=len(rx.findall(l.lower()))\n"
        "print(b/1e6/(time.process_time()-t), c)\n";
    const std::string scriptPath = file + ".py";
    std::ofstream(scriptPath) << script;
    const std::string out = runCommand("/usr/bin/python3 " + scriptPath + " " + file + " " + std::to_string(repeat));
    ::unlink(scriptPath.c_str());
    return std::atof(out.c_str());
}

struct Corpus {
    std::string name;
    Dataset dataset;
    std::string file;  // one text per line, for the references
    double megabytes = 0;
};

Corpus writeCorpus(std::string name, Dataset dataset)
{
    Corpus corpus{std::move(name), std::move(dataset), {}, 0};
    char path[] = "/tmp/tagbench-bench-text-XXXXXX";
    const int fd = ::mkstemp(path);
    ::close(fd);
    corpus.file = path;
    std::ofstream out(corpus.file, std::ios::binary);
    std::size_t bytes = 0;
    for (std::size_t i = 0; i < corpus.dataset.size(); ++i) {
        std::string text(corpus.dataset.text(i));
        for (char& c : text)
            if (c == '\n' || c == '\r') c = ' ';
        out << text << '\n';
        bytes += text.size() + 1;
    }
    corpus.megabytes = double(bytes) / 1e6;
    return corpus;
}

void printRow(const std::string& what, double ours, double reference, const std::string& referenceName)
{
    std::printf("  %-34s %9.1f MB/s", what.c_str(), ours);
    if (reference > 0) std::printf("   %-26s %8.1f MB/s   ratio %5.1fx", referenceName.c_str(), reference, ours / reference);
    std::printf("\n");
}

// inlined: through forEachToken (the scan inlines the sink, as Vocabulary::build and encodeDataset
// use it); otherwise through the virtual Tokenizer::tokenize, one std::function call per token.
double tokenizeMegabytesPerSecond(const Tokenizer& tokenizer, const Corpus& corpus, int repeat, bool inlined,
                                  std::size_t& tokens)
{
    tokens = 0;
    const auto count = [&tokens](std::string_view) { ++tokens; };
    const double start = cpuSeconds();
    for (int r = 0; r < repeat; ++r)
        for (std::size_t i = 0; i < corpus.dataset.size(); ++i) {
            if (inlined) forEachToken(tokenizer, corpus.dataset.text(i), count);
            else tokenizer.tokenize(corpus.dataset.text(i), count);
        }
    return corpus.megabytes * repeat / (cpuSeconds() - start);
}

void benchTokenizers(const Corpus& corpus, int repeat)
{
    std::printf("\n[%s] %zu documents, %.1f MB, x%d passes (single thread, CPU time)\n", corpus.name.c_str(),
                corpus.dataset.size(), corpus.megabytes, repeat);
    std::size_t tokens = 0;
    const WordTokenizer word(true, false);
    const double wordSpeed = tokenizeMegabytesPerSecond(word, corpus, repeat, false, tokens);
    const double pyWord = pythonMegabytesPerSecond(corpus.file, "[^\\W_]+", repeat);
    printRow("word tokenizer (" + std::to_string(tokens / repeat) + " tokens)", wordSpeed, pyWord, "python re [^\\W_]+");
    printRow("word tokenizer, inlined sink", tokenizeMegabytesPerSecond(word, corpus, repeat, true, tokens), pyWord,
             "python re [^\\W_]+");
    const CharTokenizer chars(true, false);
    const double charSpeed = tokenizeMegabytesPerSecond(chars, corpus, repeat, false, tokens);
    const double pyChar = pythonMegabytesPerSecond(corpus.file, "[\\u4e00-\\u9fff]|[^\\W_\\u4e00-\\u9fff]+", repeat);
    printRow("char tokenizer (" + std::to_string(tokens / repeat) + " tokens)", charSpeed, pyChar, "python re CJK|word");
    printRow("char tokenizer, inlined sink", tokenizeMegabytesPerSecond(chars, corpus, repeat, true, tokens), pyChar,
             "python re CJK|word");
}

void benchVocabularyAndEncoding(const Corpus& corpus)
{
    // CPU MB/s is the per-core speed; wall MB/s shows the parallel gain where cores are free.
    std::printf("\n[%s] vocabulary build and corpus encoding (word tokenizer)\n", corpus.name.c_str());
    auto tokenizer = std::make_shared<const WordTokenizer>(true, false);
    std::shared_ptr<const Vocabulary> vocabulary;
    for (int threads : {1, 2}) {
        const auto start = Clock::now();
        const double cpuStart = cpuSeconds();
        vocabulary = std::make_shared<const Vocabulary>(Vocabulary::build(corpus.dataset, *tokenizer, 2, 0, threads));
        std::printf("  Vocabulary::build, %d thread(s)       %7.1f MB/s wall  %7.1f MB/s per CPU second\n", threads,
                    corpus.megabytes / wallSince(start), corpus.megabytes / (cpuSeconds() - cpuStart));
    }
    std::printf("  vocabulary: %zu entries (min count 2)\n", vocabulary->size());
    const TextEncoder encoder(tokenizer, vocabulary);
    for (int threads : {1, 2}) {
        const auto start = Clock::now();
        const double cpuStart = cpuSeconds();
        const EncodedCorpus encoded = encodeDataset(corpus.dataset, encoder, threads);
        std::printf("  encodeDataset, %d thread(s)           %7.1f MB/s wall  %7.1f MB/s per CPU second (%zu ids)\n",
                    threads, corpus.megabytes / wallSince(start), corpus.megabytes / (cpuSeconds() - cpuStart),
                    encoded.tokens.size());
    }
}

void benchSentencePiece(const Corpus& corpus, int vocabSize)
{
    std::printf("\n[%s] sentencepiece unigram, vocab %d, 1 thread (plugin vs Debian CLI, CPU time)\n",
                corpus.name.c_str(), vocabSize);
    SentencePieceTrainOptions options;
    options.vocabSize = vocabSize;
    options.threads = 1;
    options.lowercase = false;  // the CLI sees the file as it is
    double start = cpuSeconds();
    const auto model = trainSentencePiece(corpus.dataset, options);
    const double ourTrain = cpuSeconds() - start;
    if (!model) {
        std::printf("  training failed: %s\n", model.message().c_str());
        return;
    }
    const std::string prefix = corpus.file + ".spm";
    double childStart = childCpuSeconds();
    runCommand("spm_train --input=" + corpus.file + " --model_prefix=" + prefix + " --model_type=unigram --vocab_size="
               + std::to_string(vocabSize) + " --character_coverage=0.9995 --input_sentence_size=1000000 "
               + "--shuffle_input_sentence=true --num_threads=1 --hard_vocab_limit=false --minloglevel=2 2>/dev/null");
    const double cliTrain = childCpuSeconds() - childStart;
    std::printf("  %-34s %9.2f s      %-26s %8.2f s      ratio %5.2fx\n", "train (plugin)", ourTrain, "spm_train", cliTrain,
                cliTrain / ourTrain);

    const auto tokenizer = SentencePieceTokenizer::create(*model, false);
    if (!tokenizer) {
        std::printf("  load failed: %s\n", tokenizer.message().c_str());
        return;
    }
    std::size_t pieces = 0;
    start = cpuSeconds();
    for (std::size_t i = 0; i < corpus.dataset.size(); ++i)
        (*tokenizer)->tokenize(corpus.dataset.text(i), [&pieces](std::string_view) { ++pieces; });
    const double ourEncode = corpus.megabytes / (cpuSeconds() - start);
    childStart = childCpuSeconds();
    runCommand("spm_encode --model=" + prefix + ".model --output_format=piece < " + corpus.file + " > /dev/null");
    const double cliEncode = corpus.megabytes / (childCpuSeconds() - childStart);
    printRow("encode (plugin, " + std::to_string(pieces) + " pieces)", ourEncode, cliEncode, "spm_encode");
    ::unlink((prefix + ".model").c_str());
    ::unlink((prefix + ".vocab").c_str());
}

} // namespace

int main(int argc, char** argv)
{
    if (argc < 2 || std::strcmp(argv[1], "--help") == 0) {
        std::fprintf(stderr, "usage: %s TRAIN.jsonl [--zh LINES.txt] [--repeat N] [--spm-vocab N] [--no-spm]\n", argv[0]);
        return argc < 2 ? 2 : 0;
    }
    std::string zhFile;
    int repeat = 3;
    int spmVocab = 8000;
    bool spm = true;
    for (int i = 2; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--zh" && i + 1 < argc) zhFile = argv[++i];
        else if (arg == "--repeat" && i + 1 < argc) repeat = std::max(1, std::atoi(argv[++i]));
        else if (arg == "--spm-vocab" && i + 1 < argc) spmVocab = std::atoi(argv[++i]);
        else if (arg == "--no-spm") spm = false;
        else {
            std::fprintf(stderr, "unknown argument %s\n", arg.c_str());
            return 2;
        }
    }
    auto dataset = readDataset(argv[1]);
    if (!dataset) {
        std::fprintf(stderr, "%s\n", dataset.message().c_str());
        return 1;
    }
    std::vector<Corpus> corpora;
    corpora.push_back(writeCorpus("debtags-en", std::move(*dataset)));
    if (!zhFile.empty()) {
        // Mixed Chinese/Latin car-news lines, repeated to about 10 MB with a counter so lines differ.
        std::ifstream in(zhFile);
        std::vector<std::string> lines;
        for (std::string line; std::getline(in, line);)
            if (!line.empty()) lines.push_back(line);
        Dataset zh;
        std::size_t bytes = 0;
        for (std::size_t i = 0; bytes < 10'000'000 && !lines.empty(); ++i) {
            const std::string text = lines[i % lines.size()] + " 第" + std::to_string(i) + "期 "
                + lines[(i * 7 + 3) % lines.size()];
            bytes += text.size();
            zh.addDocument(std::to_string(i), text, {});
        }
        corpora.push_back(writeCorpus("car-news-zh (synthetic)", std::move(zh)));
    }
    std::printf("bench_text: %u hardware threads\n", std::thread::hardware_concurrency());
    for (const auto& corpus : corpora) {
        benchTokenizers(corpus, repeat);
        benchVocabularyAndEncoding(corpus);
        if (spm) benchSentencePiece(corpus, spmVocab);
        ::unlink(corpus.file.c_str());
    }
    return 0;
}
