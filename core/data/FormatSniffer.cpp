#include "core/data/FormatSniffer.h"

#include "core/data/CsvRecordParser.h"
#include "core/data/DatasetReader.h"
#include "core/util/Utf8.h"

#include <vector>

namespace tagbench {

namespace {

constexpr std::size_t kSniffLines = 20;

// The first non-blank complete lines of head, leading whitespace removed.
std::vector<std::string_view> sampleLines(std::string_view head, bool complete)
{
    std::vector<std::string_view> lines;
    if (!complete) {
        // Drop the cut-off last line, unless the first line is longer than the whole head (a
        // long document): its beginning still tells the format.
        const std::size_t lastBreak = head.rfind('\n');
        if (lastBreak != std::string_view::npos && !detail::isBlank(head.substr(0, lastBreak)))
            head = head.substr(0, lastBreak + 1);
    }
    ChunkView view{head.data(), head.size()};
    detail::forEachLine(view, [&](std::string_view line, std::uint64_t) {
        if (lines.size() >= kSniffLines || detail::isBlank(line)) return;
        while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
        lines.push_back(line);
    });
    return lines;
}

} // namespace

FormatSniffer::FormatSniffer(const ImportOptions& options)
    : m_labelPrefix(options.labelPrefix)
    , m_textColumn(options.textColumn)
    , m_requireLabels(options.requireLabels)
{
}

Status FormatSniffer::checkText(std::string_view head, bool complete)
{
    if (head.find('\0') != std::string_view::npos) return Error{"not a dataset: binary data (NUL bytes)"};
    std::size_t control = 0;
    for (const char c : head) {
        const auto b = static_cast<unsigned char>(c);
        if ((b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') || b == 0x7F) ++control;
    }
    if (control * 100 > head.size()) return Error{"not a dataset: binary data (control characters)"};
    // One bad line is an import issue; a file where most lines are not UTF-8 is another encoding.
    const auto lines = sampleLines(head, complete);
    std::size_t invalid = 0;
    for (const auto line : lines) invalid += utf8::isValid(line) ? 0 : 1;
    if (!lines.empty() && invalid * 2 > lines.size())
        return Error{"not UTF-8 text (GBK/GB18030? convert it with: iconv -f GB18030 -t UTF-8)"};
    return {};
}

bool FormatSniffer::looksDelimited(std::string_view head, bool complete, char delimiter) const
{
    if (!complete) {
        const std::size_t lastEnd = CsvRecordParser::lastRecordEnd(head);
        if (lastEnd == std::string_view::npos) return false;
        head = head.substr(0, lastEnd);
    }
    CsvRecord record;
    std::string reason;
    std::uint64_t lines = 0;
    std::size_t records = 0;
    std::size_t fields = 0;
    while (!head.empty() && records < kSniffLines) {
        const std::string_view before = head;
        if (!CsvRecordParser::readRecord(head, delimiter, record, lines, reason)) return false;
        if (detail::isBlank(before.substr(0, before.size() - head.size()))) continue;
        if (record.size() < 2) return false;
        if (records == 0) fields = record.size();
        else if (record.size() != fields) return false;
        ++records;
    }
    return records >= 2;
}

bool FormatSniffer::isTextColumnHeader(std::string_view line) const
{
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
    if (line.size() >= 2 && line.front() == '"' && line.back() == '"') line = line.substr(1, line.size() - 2);
    if (line == m_textColumn) return true;
    // The same aliases CsvRecordParser::resolveColumns accepts for the default name.
    return m_textColumn == "text" && (line == "content" || line == "sentence" || line == "document");
}

Result<DatasetFormat> FormatSniffer::detect(std::string_view head, bool complete, std::string_view extension) const
{
    const auto lines = sampleLines(head, complete);
    if (lines.empty()) return Error{"contains no documents (empty file)"};
    std::size_t objects = 0;
    std::size_t neuralClassifier = 0;
    std::size_t fastText = 0;
    for (const auto line : lines) {
        if (line.front() == '{') {
            ++objects;
            if (line.find("\"doc_label\"") != std::string_view::npos || line.find("\"doc_token\"") != std::string_view::npos)
                ++neuralClassifier;
        }
        if (!m_labelPrefix.empty() && line.compare(0, m_labelPrefix.size(), m_labelPrefix) == 0) ++fastText;
    }
    if (lines.front().front() == '[')
        return Error{"not a supported dataset: a JSON array; expected one JSON object per line"};
    if (objects * 2 >= lines.size())
        return neuralClassifier * 2 >= objects ? DatasetFormat::NeuralClassifier : DatasetFormat::JsonLines;
    if (fastText * 2 >= lines.size()) return DatasetFormat::FastText;
    const bool preferComma = extension == "csv";
    const char first = preferComma ? ',' : '\t';
    const char second = preferComma ? '\t' : ',';
    if (looksDelimited(head, complete, first)) return first == ',' ? DatasetFormat::Csv : DatasetFormat::Tsv;
    if (looksDelimited(head, complete, second)) return second == ',' ? DatasetFormat::Csv : DatasetFormat::Tsv;
    if (!m_requireLabels) {
        // Documents to predict: a text column alone, or plain text with one document per line.
        if (isTextColumnHeader(lines.front()))
            return extension == "tsv" || extension == "tab" ? DatasetFormat::Tsv : DatasetFormat::Csv;
        return DatasetFormat::FastText;
    }
    return Error{"not a dataset: expected JSON lines, NeuralClassifier JSON, fastText (" + m_labelPrefix
                 + " labels) or CSV/TSV with a header; the first line is '" + detail::excerpt(lines.front(), 60) + "'"};
}

} // namespace tagbench
