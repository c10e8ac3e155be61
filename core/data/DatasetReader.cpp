#include "core/data/DatasetReader.h"

#include "core/data/CsvRecordParser.h"
#include "core/data/FastTextRecordParser.h"
#include "core/data/FormatSniffer.h"
#include "core/data/IdIndex.h"
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
#include <unordered_map>

namespace tagbench {

namespace {

constexpr std::size_t kChunkBytes = std::size_t(8) << 20;
constexpr std::size_t kSniffBytes = std::size_t(64) << 10;
constexpr std::size_t kMaxRecordBytes = std::size_t(64) << 20;

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

// A reusable byte buffer: chunks are recycled so the kernel does not zero fresh pages each time.
struct ChunkBuffer {
    std::unique_ptr<char[]> data;
    std::size_t capacity = 0;
    std::size_t size = 0;

    void ensure(std::size_t bytes, std::size_t keep)
    {
        if (bytes <= capacity) return;
        std::unique_ptr<char[]> grown(new char[bytes]);  // uninitialised on purpose
        if (keep) std::memcpy(grown.get(), data.get(), keep);
        data = std::move(grown);
        capacity = bytes;
    }
};

// Reads the file in chunks that end on record boundaries; the tail of each read carries over.
class ChunkSource final {
public:
    ChunkSource(std::FILE* file, bool csv) : m_file(file), m_csv(csv) {}

    /// Puts bytes already read (the sniffed head, BOM removed) in front of the rest of the file.
    void prime(std::string bytes) { m_carry = std::move(bytes); }

    /// Fills buffer with the next whole records followed by kChunkPadding bytes; size 0 at end of
    /// file. Error only for read failures and records past kMaxRecordBytes.
    Status next(ChunkBuffer& buffer)
    {
        std::size_t filled = m_carry.size();
        buffer.ensure(filled + kChunkBytes + kChunkPadding, 0);
        std::memcpy(buffer.data.get(), m_carry.data(), filled);
        m_carry.clear();
        std::size_t boundary = std::string_view::npos;
        while (true) {
            if (!m_eof) {
                const std::size_t want = std::max(kChunkBytes, filled / 2);
                buffer.ensure(filled + want + kChunkPadding, filled);
                const std::size_t got = std::fread(buffer.data.get() + filled, 1, want, m_file);
                if (got < want) {
                    if (std::ferror(m_file)) return Error{std::string("read error: ") + std::strerror(errno)};
                    m_eof = true;
                }
                filled += got;
            }
            const std::string_view data(buffer.data.get(), filled);
            if (m_eof) {
                boundary = filled;
                break;
            }
            boundary = m_csv ? CsvRecordParser::lastRecordEnd(data) : data.rfind('\n');
            if (boundary != std::string_view::npos) {
                if (!m_csv) ++boundary;
                break;
            }
            if (filled > kMaxRecordBytes) {
                // For CSV an open quote that never closes would swallow the file: cut at a line
                // break and let the parser report the unterminated field.
                const std::size_t nl = m_csv ? data.find('\n') : std::string_view::npos;
                if (nl == std::string_view::npos) return Error{"a line is longer than 64 MiB; is this a dataset?"};
                boundary = nl + 1;
                break;
            }
        }
        m_carry.assign(buffer.data.get() + boundary, filled - boundary);
        buffer.size = boundary;
        std::memset(buffer.data.get() + boundary, ' ', kChunkPadding);
        return {};
    }

private:
    std::FILE* m_file;
    bool m_csv;
    bool m_eof = false;
    std::string m_carry;
};

// One chunk on its way through a worker; recycled with its buffers.
struct Work {
    ChunkBuffer buffer;
    ParsedChunk parsed;
    std::future<void> done;
};

// Appends parsed chunks to the dataset in file order and applies the error policy.
class Merger final {
public:
    Merger(Dataset& dataset, ImportReport& report, const ImportOptions& options, std::string file)
        : m_dataset(dataset), m_report(report), m_options(options), m_file(std::move(file))
    {
    }

    /// Merges one chunk; under ErrorPolicy::Stop returns the first issue as an Error.
    Status merge(const ParsedChunk& chunk)
    {
        const std::uint64_t baseLine = m_report.lines;
        if (m_dataset.size() == 0 && chunk.size() > 0 && chunk.textBytes() > 0) {
            // Size the tables once from the first chunk's density instead of rehashing as they grow.
            const double perByte = double(chunk.size()) / double(chunk.textBytes());
            const auto expected = static_cast<std::size_t>(perByte * double(m_report.bytes) * 1.05) + 16;
            m_dataset.reserve(expected, static_cast<std::size_t>(m_report.bytes));
            m_seenIds.reserve(expected);
        }
        // Interned on first use: labels seen only on skipped records must not enter the table.
        std::vector<std::int32_t> globalIds(chunk.labelNames().size(), -1);
        std::vector<ImportIssue> issues;
        const std::uint64_t firstIssueLine =
            chunk.issues().empty() ? UINT64_MAX : baseLine + chunk.issues().front().line;
        std::vector<std::int32_t> labels;
        for (std::size_t i = 0; i < chunk.size(); ++i) {
            const std::uint64_t line = baseLine + chunk.lineOf(i);
            if (m_options.policy == ErrorPolicy::Stop && line > firstIssueLine) break;
            const std::string_view id = chunk.idOf(i);
            if (!id.empty()) {
                const auto first = m_seenIds.findOrInsert(
                    std::hash<std::string_view>{}(id), static_cast<std::uint32_t>(m_dataset.size()),
                    [&](std::uint32_t document) { return m_dataset.id(document) == id; });
                if (first >= 0) {
                    issues.push_back(ImportIssue{m_file, line, IssueKind::DuplicateId,
                                                 "duplicate id '" + detail::excerpt(id) + "' (first on line "
                                                     + std::to_string(m_dataset.sourceLine(static_cast<std::size_t>(first)))
                                                     + ")"});
                    if (m_options.policy == ErrorPolicy::Stop) return Error{issues.back().toString()};
                    continue;
                }
            }
            labels.clear();
            const std::int32_t* local = chunk.labelsBegin(i);
            for (std::size_t j = 0; j < chunk.labelCount(i); ++j) {
                std::int32_t& global = globalIds[static_cast<std::size_t>(local[j])];
                if (global < 0) global = m_dataset.internLabel(chunk.labelNames()[static_cast<std::size_t>(local[j])]);
                labels.push_back(global);
            }
            m_dataset.addDocumentWithIds(id, chunk.textOf(i), labels);
            m_dataset.setSourceLine(m_dataset.size() - 1, line);
            if (labels.empty()) ++m_report.documentsWithoutLabels;
        }
        for (const auto& issue : chunk.issues()) {
            issues.push_back(ImportIssue{m_file, baseLine + issue.line, issue.kind, issue.reason});
            if (m_options.policy == ErrorPolicy::Stop) return Error{issues.back().toString()};
        }
        std::stable_sort(issues.begin(), issues.end(),
                         [](const ImportIssue& a, const ImportIssue& b) { return a.line < b.line; });
        for (auto& issue : issues) {
            ++m_report.issueCounts[static_cast<std::size_t>(issue.kind)];
            ++m_report.skipped;
            if (m_report.issues.size() < m_options.maxIssues) m_report.issues.push_back(std::move(issue));
        }
        m_report.lines += chunk.lineCount;
        return {};
    }

private:
    Dataset& m_dataset;
    ImportReport& m_report;
    const ImportOptions& m_options;
    std::string m_file;
    IdIndex m_seenIds;
};

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
    opened.complete = got < kSniffBytes;
    if (hasBom(opened.head)) opened.head.erase(0, 3);
    return opened;
}

Result<Dataset> readOpened(const std::string& path, OpenedFile& opened, const ImportOptions& options,
                           ImportReport& report)
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

    Dataset dataset;
    dataset.setSourcePath(path);
    dataset.setFormat(format);
    dataset.setPretokenized(format == DatasetFormat::NeuralClassifier);

    Merger merger(dataset, report, options, path);
    ChunkSource source(opened.file.get(), format == DatasetFormat::Csv || format == DatasetFormat::Tsv);
    source.prime(std::move(opened.head));
    const unsigned hardware = std::max(1u, std::thread::hardware_concurrency());
    const unsigned threads = options.threads ? options.threads : std::min(hardware, 2u);
    std::deque<std::unique_ptr<Work>> pending;
    std::vector<std::unique_ptr<Work>> spare;
    const RecordParser& recordParser = **parser;

    const auto mergeOldest = [&]() -> Status {
        std::unique_ptr<Work> work = std::move(pending.front());
        pending.pop_front();
        work->done.get();
        auto status = merger.merge(work->parsed);
        spare.push_back(std::move(work));
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
    report.documents = dataset.size();
    if (dataset.size() == 0) {
        if (!report.issues.empty())
            return Error{path + ": no document could be imported; first problem: " + report.issues.front().toString()};
        return Error{path + ": contains no documents"};
    }
    return dataset;
}

} // namespace

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

Result<Dataset> readDataset(const std::string& path, const ImportOptions& options, ImportReport* report)
{
    ImportReport local;
    ImportReport& target = report ? *report : local;
    target = ImportReport{};
    const auto start = std::chrono::steady_clock::now();
    try {
        auto opened = openDataset(path);
        if (!opened) return opened.error();
        target.bytes = opened->size;
        auto result = readOpened(path, *opened, options, target);
        target.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        return result;
    } catch (const std::bad_alloc&) {
        return Error{path + ": out of memory while importing"};
    } catch (const std::exception& e) {
        return Error{path + ": " + e.what()};
    }
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
