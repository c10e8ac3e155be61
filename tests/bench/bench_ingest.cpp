// Dataset ingestion benchmark: builds a 400,000-document JSON lines file by repeating a source
// file (ids made unique), then loads AND tokenizes it with core (readDataset + WordTokenizer, two
// threads), computes the label statistics, and loads the same file with Python's json.loads per
// line in the same run. Then loads and tokenizes it again in one pass (readDataset with a
// DocumentEncoder: the import workers tokenize each document right after parsing it, writing one
// int32 per token, merged in document order). Prints both side by side with the ratio, and the
// peak memory.
//
//   bench_ingest /work/shared/datasets/debtags-en/train.jsonl [--docs N] [--keep]
#include "core/data/DatasetReader.h"
#include "core/stats/LabelStatistics.h"
#include "core/text/WordTokenizer.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <thread>
#include <sys/resource.h>
#include <unistd.h>
#include <vector>

using namespace tagbench;

namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

// CPU seconds (user + system, all threads) used by this process so far. On a shared machine the
// wall clock depends on the neighbours; CPU time per MB does not.
double cpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const auto seconds = [](const timeval& t) { return double(t.tv_sec) + double(t.tv_usec) / 1e6; };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

// Peak resident memory (VmHWM) of this process in bytes; resetPeak() restarts it (Linux >= 4.0).
std::uint64_t peakRss()
{
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind("VmHWM:", 0) == 0) return std::stoull(line.substr(6)) * 1024;
    }
    return 0;
}

std::uint64_t currentRss()
{
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind("VmRSS:", 0) == 0) return std::stoull(line.substr(6)) * 1024;
    }
    return 0;
}

void resetPeak() { std::ofstream("/proc/self/clear_refs") << "5"; }

double mb(std::uint64_t bytes) { return double(bytes) / 1e6; }

// Writes documents lines by cycling through source; "id" values get a -rN suffix per round so
// that the repeated documents stay distinct (the importer rejects duplicate ids).
Result<std::uint64_t> buildInput(const std::string& sourcePath, const std::string& target, std::size_t documents)
{
    std::ifstream source(sourcePath, std::ios::binary);
    if (!source) return Error{"cannot read " + sourcePath};
    std::vector<std::string> lines;
    for (std::string line; std::getline(source, line);) {
        if (!line.empty()) lines.push_back(std::move(line));
    }
    if (lines.empty()) return Error{sourcePath + " has no lines"};
    std::ofstream out(target, std::ios::binary | std::ios::trunc);
    if (!out) return Error{"cannot write " + target};
    const std::string idKey = "\"id\": \"";
    std::uint64_t bytes = 0;
    for (std::size_t i = 0; i < documents; ++i) {
        std::string line = lines[i % lines.size()];
        const std::size_t round = i / lines.size();
        if (const auto at = line.find(idKey); at != std::string::npos && round > 0) {
            const auto end = line.find('"', at + idKey.size());
            if (end != std::string::npos) line.insert(end, "-r" + std::to_string(round));
        }
        line.push_back('\n');
        out.write(line.data(), static_cast<std::streamsize>(line.size()));
        bytes += line.size();
    }
    out.close();
    if (!out) return Error{"cannot write " + target};
    return bytes;
}

struct TokenCount {
    std::uint64_t tokens = 0;
    std::uint64_t bytes = 0;
};

// Tokenizes every text with the word tokenizer on threads workers; returns what it saw.
TokenCount tokenizeAll(const Dataset& dataset, unsigned workers)
{
    const WordTokenizer tokenizer(/*lowercase=*/true, /*keepPunctuation=*/false, dataset.pretokenized());
    std::vector<TokenCount> counts(workers);
    std::vector<std::thread> threads;
    const std::size_t n = dataset.size();
    for (unsigned w = 0; w < workers; ++w) {
        threads.emplace_back([&, w]() {
            TokenCount local;
            for (std::size_t i = n * w / workers; i < n * (w + 1) / workers; ++i) {
                forEachToken(tokenizer, dataset.text(i), [&local](std::string_view token) {
                    ++local.tokens;
                    local.bytes += token.size();
                });
            }
            counts[w] = local;
        });
    }
    for (auto& thread : threads) thread.join();
    TokenCount total;
    for (const auto& count : counts) {
        total.tokens += count.tokens;
        total.bytes += count.bytes;
    }
    return total;
}

struct PythonRun {
    bool ok = false;
    double seconds = 0.0;
    double cpuSeconds = 0.0;
    std::uint64_t documents = 0;
    std::uint64_t peakRss = 0;
};

// The reference: json.loads per line, keeping (id, text, labels) like the importer does.
PythonRun runPython(const std::string& path)
{
    const std::string script =
        "import json, resource, sys, time\n"
        "u = resource.getrusage(resource.RUSAGE_SELF)\n"
        "c = u.ru_utime + u.ru_stime\n"
        "t = time.perf_counter()\n"
        "docs = []\n"
        "with open(sys.argv[1], \"rb\") as f:\n"
        "    for line in f:\n"
        "        if line.strip():\n"
        "            d = json.loads(line)\n"
        "            docs.append((d.get(\"id\"), d[\"text\"], d[\"labels\"]))\n"
        "s = time.perf_counter() - t\n"
        "u = resource.getrusage(resource.RUSAGE_SELF)\n"
        "print(s, u.ru_utime + u.ru_stime - c, len(docs), u.ru_maxrss * 1024)\n";
    // The script has no single quotes, so it can be quoted for the shell as is.
    const std::string command = "/usr/bin/python3 -c '" + script + "' '" + path + "'";
    PythonRun run;
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe) return run;
    char buffer[256] = {};
    const bool read = std::fgets(buffer, sizeof buffer, pipe) != nullptr;
    const int status = pclose(pipe);
    if (!read || status != 0) return run;
    std::istringstream in(buffer);
    in >> run.seconds >> run.cpuSeconds >> run.documents >> run.peakRss;
    run.ok = bool(in);
    return run;
}

} // namespace

int main(int argc, char** argv)
{
    const char* const usage =
        "usage: bench_ingest SOURCE.jsonl [--docs N] [--keep]\n"
        "  Repeats SOURCE.jsonl into an N-document file in /tmp (default 400000; --keep leaves it),\n"
        "  loads and tokenizes it with core and with Python json.loads, and prints both.\n";
    if (argc < 2 || std::string(argv[1]) == "--help") {
        std::cerr << usage;
        return argc < 2 ? 2 : 0;
    }
    const std::string sourcePath = argv[1];
    std::size_t documents = 400000;
    bool keep = false;
    for (int i = 2; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--docs" && i + 1 < argc) documents = std::strtoul(argv[++i], nullptr, 10);
        else if (arg == "--keep") keep = true;
        else {
            std::cerr << "bench_ingest: unknown argument " << arg << '\n';
            return 2;
        }
    }
    const std::string path = "/tmp/tagbench_bench_ingest_" + std::to_string(getpid()) + ".jsonl";
    const auto built = buildInput(sourcePath, path, documents);
    if (!built) {
        std::cerr << "bench_ingest: " << built.message() << '\n';
        return 1;
    }
    const std::uint64_t fileBytes = *built;
    std::cout << "Input: " << documents << " documents, " << mb(fileBytes) << " MB (" << path << ")\n";

    // Core: load, then tokenize, then statistics; memory measured from here on.
    const std::uint64_t baseline = currentRss();
    resetPeak();
    ImportReport report;
    double cpu = cpuSeconds();
    const auto loadStart = Clock::now();
    auto dataset = readDataset(path, {}, &report);
    const double loadSeconds = secondsSince(loadStart);
    const double loadCpu = cpuSeconds() - cpu;
    if (!dataset) {
        std::cerr << "bench_ingest: " << dataset.message() << '\n';
        return 1;
    }
    const unsigned workers = std::max(1u, std::min(2u, std::thread::hardware_concurrency()));
    const auto tokenizeStart = Clock::now();
    cpu = cpuSeconds();
    const TokenCount tokens = tokenizeAll(*dataset, workers);
    const double tokenizeSeconds = secondsSince(tokenizeStart);
    const double tokenizeCpu = cpuSeconds() - cpu;
    const auto statsStart = Clock::now();
    const SplitStatistics stats = computeStatistics(*dataset);
    const double statsSeconds = secondsSince(statsStart);
    const std::uint64_t corePeak = peakRss();
    const std::uint64_t coreExtra = corePeak > baseline ? corePeak - baseline : 0;
    const std::uint64_t loaded = dataset->size();
    const std::size_t labels = dataset->labelNames().size();
    const std::size_t datasetBytes = dataset->memoryBytes();
    const bool pretokenized = dataset->pretokenized();
    dataset = Error{"released"};

    // Fused: the same tokenizer on the import workers; each token's byte length stands in for its
    // id so that the output has the size of an encoded corpus and can be checked against the count.
    const WordTokenizer fusedTokenizer(/*lowercase=*/true, /*keepPunctuation=*/false, pretokenized);
    const DocumentEncoder encode = [&fusedTokenizer](std::string_view text, std::vector<std::int32_t>& out) {
        const std::size_t before = out.size();
        forEachToken(fusedTokenizer, text,
                     [&out](std::string_view token) { out.push_back(static_cast<std::int32_t>(token.size())); });
        return out.size() - before;
    };
    // Same sink as the separate phase (a counter, no output), to isolate what fusing itself buys.
    std::atomic<std::uint64_t> countedTokens{0};
    const DocumentEncoder count = [&fusedTokenizer, &countedTokens](std::string_view text, std::vector<std::int32_t>&) {
        std::uint64_t local = 0;
        forEachToken(fusedTokenizer, text, [&local](std::string_view) { ++local; });
        countedTokens.fetch_add(local, std::memory_order_relaxed);
        return std::size_t(0);
    };
    ImportedTokens fusedTokens;
    cpu = cpuSeconds();
    const auto countStart = Clock::now();
    auto counted = readDataset(path, {}, nullptr, count, fusedTokens);
    const double countSeconds = secondsSince(countStart);
    const double countCpu = cpuSeconds() - cpu;
    if (!counted || counted->size() != loaded || countedTokens.load() != tokens.tokens) {
        std::cerr << "bench_ingest: fused count differs from the separate phases\n";
        return 1;
    }
    counted = Error{"released"};
    cpu = cpuSeconds();
    const auto fusedStart = Clock::now();
    auto fused = readDataset(path, {}, nullptr, encode, fusedTokens);
    const double fusedSeconds = secondsSince(fusedStart);
    const double fusedCpu = cpuSeconds() - cpu;
    if (!fused) {
        std::cerr << "bench_ingest: fused: " << fused.message() << '\n';
        return 1;
    }
    std::uint64_t fusedBytes = 0;
    for (const auto length : fusedTokens.tokens) fusedBytes += static_cast<std::uint64_t>(length);
    const bool fusedSame = fused->size() == loaded && fusedTokens.offsets.size() == loaded + 1
        && fusedTokens.tokens.size() == tokens.tokens && fusedBytes == tokens.bytes;
    fused = Error{"released"};
    ImportedTokens().tokens.swap(fusedTokens.tokens);

    const PythonRun python = runPython(path);
    if (!keep) std::remove(path.c_str());

    const double pythonRate = python.ok ? mb(fileBytes) / python.seconds : 0.0;
    const double pythonCpuRate = python.ok ? mb(fileBytes) / python.cpuSeconds : 0.0;
    const double coreLoadRate = mb(fileBytes) / loadSeconds;
    const double coreTotalRate = mb(fileBytes) / (loadSeconds + tokenizeSeconds);
    const double coreLoadCpuRate = mb(fileBytes) / loadCpu;
    const double coreTotalCpuRate = mb(fileBytes) / (loadCpu + tokenizeCpu);
    const double fusedRate = mb(fileBytes) / fusedSeconds;
    const double fusedCpuRate = mb(fileBytes) / fusedCpu;
    const double countRate = mb(fileBytes) / countSeconds;
    const double countCpuRate = mb(fileBytes) / countCpu;
    char tokenizeLabel[64];
    std::snprintf(tokenizeLabel, sizeof tokenizeLabel, "tokenize seconds (word, %u threads)", workers);
    std::printf("\n%-36s %14s %14s %8s\n", "", "tagbench (C++)", "python json", "ratio");
    std::printf("%-36s %14llu %14llu\n", "documents", static_cast<unsigned long long>(loaded),
                static_cast<unsigned long long>(python.documents));
    std::printf("%-36s %14.3f %14.3f\n", "load seconds (wall)", loadSeconds, python.seconds);
    std::printf("%-36s %14.3f %14s\n", tokenizeLabel, tokenizeSeconds, "-");
    std::printf("%-36s %14.1f %14.1f %7.2fx\n", "load MB/s (wall)", coreLoadRate, pythonRate, coreLoadRate / pythonRate);
    std::printf("%-36s %14.1f %14.1f %7.2fx\n", "load+tokenize MB/s (wall)", coreTotalRate, pythonRate,
                coreTotalRate / pythonRate);
    std::printf("%-36s %14.1f %14.1f %7.2fx\n", "fused, counting only, MB/s (wall)", countRate, pythonRate,
                countRate / pythonRate);
    std::printf("%-36s %14.3f %14s\n", "fused (int32/token) seconds", fusedSeconds, "-");
    std::printf("%-36s %14.1f %14.1f %7.2fx\n", "fused (int32/token) MB/s (wall)", fusedRate, pythonRate,
                fusedRate / pythonRate);
    std::printf("%-36s %14.1f %14.1f %7.2fx\n", "load MB per CPU-second", coreLoadCpuRate, pythonCpuRate,
                coreLoadCpuRate / pythonCpuRate);
    std::printf("%-36s %14.1f %14.1f %7.2fx\n", "load+tokenize MB per CPU-second", coreTotalCpuRate, pythonCpuRate,
                coreTotalCpuRate / pythonCpuRate);
    std::printf("%-36s %14.1f %14.1f %7.2fx\n", "fused, counting only, MB per CPU-s", countCpuRate, pythonCpuRate,
                countCpuRate / pythonCpuRate);
    std::printf("%-36s %14.1f %14.1f %7.2fx\n", "fused (int32/token) MB per CPU-s", fusedCpuRate, pythonCpuRate,
                fusedCpuRate / pythonCpuRate);
    std::printf("%-36s %14.1f %14.1f\n", "peak RSS MB (above start)", mb(coreExtra), mb(python.peakRss));
    std::printf("%-36s %14.2f %14.2f\n", "peak RSS / file size", double(coreExtra) / double(fileBytes),
                double(python.peakRss) / double(fileBytes));
    std::printf("\nworkers: %u; tokens: %llu; labels: %zu; dataset buffers: %.1f MB; import issues: %llu\n", workers,
                static_cast<unsigned long long>(tokens.tokens), labels, mb(datasetBytes),
                static_cast<unsigned long long>(report.issueCount()));
    std::printf("label statistics (%llu docs, %zu labels, %zu pairs): %.1f ms\n",
                static_cast<unsigned long long>(stats.documents), stats.distribution.size(), stats.topPairs.size(),
                statsSeconds * 1000.0);
    std::printf("fused tokens equal the separate phases: %s\n", fusedSame ? "yes" : "NO");
    if (!fusedSame) return 1;
    if (!python.ok) {
        std::printf("python reference failed to run (/usr/bin/python3)\n");
        return 1;
    }
    // The target is on MB/s as a user waits for it (wall time, all cores, Python being
    // single-threaded); the CPU-second ratios say how much of that comes from the second core.
    std::printf("target: load+tokenize >= 5x python json MB/s (wall): separate %s, fused %s\n",
                coreTotalRate >= 5 * pythonRate ? "met" : "MISSED", fusedRate >= 5 * pythonRate ? "met" : "MISSED");
    std::printf("per CPU-second (all threads vs python's one), for information: separate %.2fx, fused %.2fx\n",
                coreTotalCpuRate / pythonCpuRate, fusedCpuRate / pythonCpuRate);
    std::printf("peak memory target (< 3x file):    %s\n", coreExtra < 3 * fileBytes ? "met" : "MISSED");
    return 0;
}
