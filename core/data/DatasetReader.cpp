#include "core/data/DatasetReader.h"

#include "core/data/ChunkMerger.h"
#include "core/data/ChunkSource.h"
#include "core/data/CsvRecordParser.h"
#include "core/data/FastTextRecordParser.h"
#include "core/data/FormatSniffer.h"
#include "core/data/JsonRecordParser.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <deque>
#include <future>
#include <memory>
#include <new>
#include <thread>

namespace tagbench {

namespace {

constexpr std::size_t kSniffBytes = std::size_t(64) << 10;

struct FileCloser {
    void operator()(std::FILE* file) const { std::fclose(file); }
};
using File = std::unique_ptr<std::FILE, FileCloser>;

std::string lowerExtension(const std::string& path)
{
    const std::size_t slash = path.find_last_of('/');
    const std::size_t dot = path.find_last_of('.');
    if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return {};
    std::string ext = path.substr(dot + 1);
    for (auto& c : ext) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return ext;
}

bool hasBom(std::string_view bytes) { return bytes.size() >= 3 && bytes.compare(0, 3, "\xEF\xBB\xBF") == 0; }

// One chunk on its way through a worker; recycled with its buffers.
struct Work {
    ChunkBuffer buffer;
    ParsedChunk parsed;
    std::future<void> done;
};

// Drops the ids of the removed documents (ascending indices) from a CSR token list.
void removeTokens(ImportedTokens& out, const std::vector<std::size_t>& removed)
{
    if (removed.empty()) return;
    std::size_t next = 0;
    std::uint64_t write = 0;
    std::size_t kept = 0;
    const std::size_t n = out.offsets.size() - 1;
    for (std::size_t i = 0; i < n; ++i) {
        const std::uint64_t begin = out.offsets[i];
        const std::uint64_t end = out.offsets[i + 1];
        if (next < removed.size() && removed[next] == i) {
            ++next;
            continue;
        }
        // Moves only leftwards, as in Dataset::removeDocuments.
        std::copy(out.tokens.begin() + static_cast<std::ptrdiff_t>(begin),
                  out.tokens.begin() + static_cast<std::ptrdiff_t>(end),
                  out.tokens.begin() + static_cast<std::ptrdiff_t>(write));
        write += end - begin;
        out.offsets[++kept] = write;
    }
    out.tokens.resize(write);
    out.offsets.resize(kept + 1);
}

Result<std::unique_ptr<RecordParser>> makeParser(DatasetFormat format, const ImportOptions& options,
                                                 std::string& head, std::uint64_t& headerLines)
{
    switch (format) {
    case DatasetFormat::JsonLines:
    case DatasetFormat::NeuralClassifier:
        return std::unique_ptr<RecordParser>(std::make_unique<JsonRecordParser>(format, options));
    case DatasetFormat::FastText:
        return std::unique_ptr<RecordParser>(std::make_unique<FastTextRecordParser>(options));
    case DatasetFormat::Csv:
    case DatasetFormat::Tsv: {
        const char delimiter = format == DatasetFormat::Csv ? ',' : '\t';
        std::vector<std::string> header;
        if (options.csvHeader) {
            // The header is the first non-blank record of the head.
            std::string_view rest(head);
            CsvRecord record;
            std::string reason;
            while (!rest.empty()) {
                const std::string_view before = rest;
                const std::uint64_t lineNumber = headerLines + 1;
                if (!CsvRecordParser::readRecord(rest, delimiter, record, headerLines, reason))
                    return Error{std::to_string(lineNumber) + ": header: " + reason};
                if (!detail::isBlank(before.substr(0, before.size() - rest.size()))) break;
            }
            if (rest.empty() && !head.empty() && head.back() != '\n') ++headerLines;
            header = record.fields();
            head.erase(0, head.size() - rest.size());
        }
        auto columns = CsvRecordParser::resolveColumns(header, options);
        if (!columns) return columns.error();
        return std::unique_ptr<RecordParser>(std::make_unique<CsvRecordParser>(delimiter, *columns, options));
    }
    case DatasetFormat::Unknown: break;
    }
    return Error{"no format given"};
}

struct OpenedFile {
    File file;
    std::uint64_t size = 0;
    std::string head;  // first bytes, BOM removed
    std::size_t headBytes = 0;  // bytes read into head, BOM included
    bool complete = false;
};

Result<OpenedFile> openDataset(const std::string& path)
{
    OpenedFile opened;
    opened.file.reset(std::fopen(path.c_str(), "rb"));
    if (!opened.file) return Error{"cannot open '" + path + "': " + std::strerror(errno)};
    if (std::fseek(opened.file.get(), 0, SEEK_END) == 0) {
        const long size = std::ftell(opened.file.get());
        opened.size = size > 0 ? static_cast<std::uint64_t>(size) : 0;
        std::rewind(opened.file.get());
    }
    opened.head.resize(kSniffBytes);
    const std::size_t got = std::fread(opened.head.data(), 1, kSniffBytes, opened.file.get());
    if (got < kSniffBytes && std::ferror(opened.file.get()))
        return Error{"cannot read '" + path + "': " + std::strerror(errno)};
    opened.head.resize(got);
    opened.headBytes = got;
    opened.complete = got < kSniffBytes;
    if (hasBom(opened.head)) opened.head.erase(0, 3);
    return opened;
}

std::string cancelledMessage(const std::string& path, std::size_t documents)
{
    return "Import of " + path + " cancelled after " + std::to_string(documents)
        + (documents == 1 ? " document" : " documents");
}

Result<Dataset> readOpened(const std::string& path, OpenedFile& opened, const ImportOptions& options,
                           ImportReport& report, const DocumentEncoder* encode, ImportedTokens* tokens,
                           std::chrono::steady_clock::time_point start)
{
    if (auto text = FormatSniffer::checkText(opened.head, opened.complete); !text) return Error{path + ": " + text.message()};
    DatasetFormat format = options.format;
    if (format == DatasetFormat::Unknown) {
        auto detected = FormatSniffer(options).detect(opened.head, opened.complete, lowerExtension(path));
        if (!detected) return Error{path + ": " + detected.message()};
        format = *detected;
        report.formatDetected = true;
    }
    report.format = format;

    std::uint64_t lines = 0;
    auto parser = makeParser(format, options, opened.head, lines);
    if (!parser) {
        const auto& message = parser.message();
        return Error{path + (std::isdigit(static_cast<unsigned char>(message.front())) ? ":" : ": ") + message};
    }
    report.lines = lines;
    // The BOM and the CSV header never reach a chunk; count them as read for progress.
    const std::uint64_t skippedHead = opened.headBytes - opened.head.size();

    Dataset dataset;
    dataset.setSourcePath(path);
    dataset.setFormat(format);
    dataset.setPretokenized(format == DatasetFormat::NeuralClassifier);

    ChunkMerger merger(dataset, report, options, path);
    ChunkSource source(opened.file.get(), format == DatasetFormat::Csv || format == DatasetFormat::Tsv,
                       options.chunkBytes);
    source.prime(std::move(opened.head));
    const unsigned hardware = std::max(1u, std::thread::hardware_concurrency());
    const unsigned threads = options.threads ? options.threads : std::min(hardware, 4u);
    std::deque<std::unique_ptr<Work>> pending;
    std::vector<std::unique_ptr<Work>> spare;
    const RecordParser& recordParser = **parser;
    std::uint64_t done = 0;  // bytes merged, for progress

    const auto mergeOldest = [&]() -> Status {
        std::unique_ptr<Work> work = std::move(pending.front());
        pending.pop_front();
        work->done.get();
        const std::size_t before = dataset.size();
        auto status = merger.merge(work->parsed);
        if (tokens) {
            // Under ErrorPolicy::Stop the merger may take only a prefix of the chunk.
            const std::size_t merged = dataset.size() - before;
            const ParsedChunk& parsed = work->parsed;
            if (tokens->offsets.size() == 1 && work->buffer.size > 0) {
                // Size the output once from the first chunk's density, as the merger does for the
                // dataset: growing a corpus-sized array by doubling copies it about twice.
                const double scale = double(report.bytes) / double(work->buffer.size) * 1.05;
                tokens->tokens.reserve(static_cast<std::size_t>(double(parsed.tokens().size()) * scale) + 16);
                tokens->offsets.reserve(static_cast<std::size_t>(double(parsed.size()) * scale) + 16);
            }
            std::uint64_t used = 0;
            for (std::size_t i = 0; i < merged; ++i) {
                used += parsed.tokenCountOf(i);
                tokens->offsets.push_back(tokens->offsets.back() + parsed.tokenCountOf(i));
            }
            tokens->tokens.insert(tokens->tokens.end(), parsed.tokens().begin(),
                                  parsed.tokens().begin() + static_cast<std::ptrdiff_t>(used));
        }
        done += work->buffer.size;
        spare.push_back(std::move(work));
        if (status && options.progress) {
            ImportProgress progress;
            progress.bytesRead = skippedHead + done;
            progress.bytesTotal = report.bytes;
            progress.documents = dataset.size();
            progress.problems = report.skipped;
            progress.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
            if (!options.progress(progress)) {
                // Nothing of a cancelled import is kept, not even the problems found so far.
                // Returning drops the chunks still in flight: their futures wait for the workers.
                ImportReport cancelled;
                cancelled.format = report.format;
                cancelled.formatDetected = report.formatDetected;
                cancelled.bytes = report.bytes;
                cancelled.cancelled = true;
                report = std::move(cancelled);
                return Error{cancelledMessage(path, dataset.size())};
            }
        }
        return status;
    };
    while (true) {
        std::unique_ptr<Work> work;
        if (spare.empty()) {
            work = std::make_unique<Work>();
        } else {
            work = std::move(spare.back());
            spare.pop_back();
        }
        if (auto status = source.next(work->buffer); !status) {
            while (!pending.empty()) {
                if (auto merged = mergeOldest(); !merged) return merged.error();
            }
            return Error{path + ":" + std::to_string(report.lines + 1) + ": " + status.message()};
        }
        if (work->buffer.size == 0) break;
        work->parsed.clear();
        work->parsed.setEncoder(encode);
        Work* const raw = work.get();
        const auto task = [&recordParser, raw]() {
            recordParser.parse(ChunkView{raw->buffer.data.get(), raw->buffer.size}, raw->parsed);
        };
        if (threads <= 1) {
            std::promise<void> done;
            task();
            done.set_value();
            work->done = done.get_future();
        } else {
            work->done = std::async(std::launch::async, task);
        }
        pending.push_back(std::move(work));
        while (pending.size() > (threads <= 1 ? 0 : threads)) {
            if (auto status = mergeOldest(); !status) return status.error();
        }
    }
    while (!pending.empty()) {
        if (auto status = mergeOldest(); !status) return status.error();
    }
    if (auto status = merger.finish(); !status) return status.error();
    if (tokens) removeTokens(*tokens, merger.removedDocuments());
    report.documents = dataset.size();
    if (dataset.size() == 0) {
        if (!report.issues.empty())
            return Error{path + ": no document could be imported; first problem: " + report.issues.front().toString()};
        return Error{path + ": contains no documents"};
    }
    return dataset;
}

} // namespace

double ImportProgress::fraction() const
{
    if (bytesTotal == 0) return 0.0;
    return std::min(1.0, double(bytesRead) / double(bytesTotal));
}

std::uint64_t ImportReport::issueCount() const
{
    std::uint64_t total = 0;
    for (const auto count : issueCounts) total += count;
    return total;
}

std::string ImportReport::summary() const
{
    std::string text;
    for (std::size_t kind = 0; kind < kIssueKindCount; ++kind) {
        if (issueCounts[kind] == 0) continue;
        if (!text.empty()) text += ", ";
        text += std::to_string(issueCounts[kind]) + ' ' + std::string(issueKindName(static_cast<IssueKind>(kind)));
    }
    return text;
}

namespace {

Result<Dataset> readFile(const std::string& path, const ImportOptions& options, ImportReport* report,
                         const DocumentEncoder* encode, ImportedTokens* tokens)
{
    ImportReport local;
    ImportReport& target = report ? *report : local;
    target = ImportReport{};
    const auto start = std::chrono::steady_clock::now();
    try {
        auto opened = openDataset(path);
        if (!opened) return opened.error();
        target.bytes = opened->size;
        auto result = readOpened(path, *opened, options, target, encode, tokens, start);
        target.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        return result;
    } catch (const std::bad_alloc&) {
        return Error{path + ": out of memory while importing"};
    } catch (const std::exception& e) {
        return Error{path + ": " + e.what()};
    }
}

} // namespace

Result<Dataset> readDataset(const std::string& path, const ImportOptions& options, ImportReport* report)
{
    return readFile(path, options, report, nullptr, nullptr);
}

Result<Dataset> readDataset(const std::string& path, const ImportOptions& options, ImportReport* report,
                            const DocumentEncoder& encode, ImportedTokens& tokens)
{
    tokens = ImportedTokens{};
    // Without an encoder every document still gets its (empty) entry, keeping tokens aligned.
    static const DocumentEncoder none = [](std::string_view, std::vector<std::int32_t>&) { return std::size_t(0); };
    auto result = readFile(path, options, report, encode ? &encode : &none, &tokens);
    if (!result) tokens = ImportedTokens{};
    return result;
}

Result<DatasetFormat> detectFormat(const std::string& path, const ImportOptions& options)
{
    auto opened = openDataset(path);
    if (!opened) return opened.error();
    if (auto text = FormatSniffer::checkText(opened->head, opened->complete); !text) return Error{path + ": " + text.message()};
    auto detected = FormatSniffer(options).detect(opened->head, opened->complete, lowerExtension(path));
    if (!detected) return Error{path + ": " + detected.message()};
    return *detected;
}

} // namespace tagbench
