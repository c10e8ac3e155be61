#include "core/data/CsvRecordParser.h"

#include "core/data/DatasetReader.h"

#include <algorithm>
#include <cstring>

namespace tagbench {

namespace {

bool isIndex(const std::string& column)
{
    return !column.empty() && std::all_of(column.begin(), column.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string trimmed(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return std::string(s);
}

// Resolves one column; aliases are tried when the option is the default name and it is absent.
Result<int> resolveColumn(const std::vector<std::string>& header, const std::string& column, const char* role,
                          std::vector<std::string> aliases)
{
    if (isIndex(column)) {
        const long index = std::strtol(column.c_str(), nullptr, 10);
        if (!header.empty() && index >= static_cast<long>(header.size()))
            return Error{std::string(role) + " column " + column + " is out of range: the header has "
                         + std::to_string(header.size()) + " columns"};
        return static_cast<int>(index);
    }
    if (header.empty())
        return Error{std::string(role) + " column '" + column + "' needs a header row; give a 0-based index instead"};
    aliases.insert(aliases.begin(), column);
    for (const auto& name : aliases) {
        for (std::size_t i = 0; i < header.size(); ++i) {
            if (trimmed(header[i]) == name) return static_cast<int>(i);
        }
    }
    std::string list;
    for (const auto& name : header) list += (list.empty() ? "" : ", ") + trimmed(name);
    return Error{"no " + std::string(role) + " column '" + column + "' in the header (columns: " + list + ")"};
}

} // namespace

std::vector<std::string> CsvRecord::fields() const
{
    std::vector<std::string> result;
    result.reserve(m_spans.size());
    for (std::size_t i = 0; i < m_spans.size(); ++i) result.emplace_back((*this)[i]);
    return result;
}

int CsvColumns::needed() const { return std::max({text, labelsOptional ? -1 : labels, id}) + 1; }

CsvRecordParser::CsvRecordParser(char delimiter, CsvColumns columns, const ImportOptions& options)
    : m_delimiter(delimiter)
    , m_columns(columns)
    , m_labelSeparator(options.labelSeparator)
    , m_allowEmptyLabels(options.allowEmptyLabels || !options.requireLabels)
{
}

bool CsvRecordParser::readRecord(std::string_view& input, char delimiter, CsvRecord& record, std::uint64_t& lines,
                                 std::string& reason)
{
    record.m_storage.clear();
    record.m_spans.clear();
    std::size_t pos = 0;
    const std::size_t n = input.size();
    std::size_t fieldStart = 0;
    const auto skipLine = [&](std::size_t from) {
        // Resynchronise after bad quoting: drop the rest of the physical line.
        const std::size_t nl = input.find('\n', from);
        input.remove_prefix(nl == std::string_view::npos ? n : nl + 1);
        ++lines;
    };
    while (true) {
        if (pos < n && input[pos] == '"') {
            // Quoted field: "" is a quote, anything else (delimiters, line breaks) is literal.
            ++pos;
            while (true) {
                const std::size_t q = input.find('"', pos);
                if (q == std::string_view::npos) {
                    reason = "unterminated quoted field";
                    lines += static_cast<std::uint64_t>(std::count(input.begin(), input.end(), '\n'));
                    input.remove_prefix(n);
                    return false;
                }
                record.m_storage.append(input.data() + pos, q - pos);
                lines += static_cast<std::uint64_t>(std::count(input.begin() + static_cast<std::ptrdiff_t>(pos),
                                                               input.begin() + static_cast<std::ptrdiff_t>(q), '\n'));
                if (q + 1 < n && input[q + 1] == '"') {
                    record.m_storage.push_back('"');
                    pos = q + 2;
                    continue;
                }
                pos = q + 1;
                break;
            }
            if (pos < n && input[pos] == '\r') ++pos;
            if (pos < n && input[pos] != delimiter && input[pos] != '\n') {
                reason = "unexpected character after a closing quote";
                skipLine(pos);
                return false;
            }
        } else {
            std::size_t end = pos;
            while (end < n && input[end] != delimiter && input[end] != '\n') ++end;
            std::size_t fieldEnd = end;
            if (fieldEnd > pos && input[fieldEnd - 1] == '\r' && (end == n || input[end] == '\n')) --fieldEnd;
            record.m_storage.append(input.data() + pos, fieldEnd - pos);
            pos = end;
        }
        record.m_spans.emplace_back(fieldStart, record.m_storage.size() - fieldStart);
        fieldStart = record.m_storage.size();
        if (pos >= n) {
            input.remove_prefix(n);
            return true;
        }
        if (input[pos] == '\n') {
            ++lines;
            input.remove_prefix(pos + 1);
            return true;
        }
        ++pos;  // delimiter
    }
}

std::size_t CsvRecordParser::lastRecordEnd(std::string_view buffer)
{
    bool quoted = false;
    std::size_t last = std::string_view::npos;
    const char* p = buffer.data();
    const char* const end = p + buffer.size();
    while (p < end) {
        // Jump between the only two bytes that matter; a "" escape toggles twice.
        const char* q = static_cast<const char*>(std::memchr(p, '"', static_cast<std::size_t>(end - p)));
        const char* stop = q ? q : end;
        if (!quoted) {
            for (const char* r = stop; r > p;) {
                --r;
                if (*r == '\n') {
                    last = static_cast<std::size_t>(r - buffer.data()) + 1;
                    break;
                }
            }
        }
        if (!q) break;
        quoted = !quoted;
        p = q + 1;
    }
    return last;
}

Result<CsvColumns> CsvRecordParser::resolveColumns(const std::vector<std::string>& header,
                                                   const ImportOptions& options)
{
    CsvColumns columns;
    auto text = resolveColumn(header, options.textColumn, "text",
                              options.textColumn == "text" ? std::vector<std::string>{"content", "sentence", "document"}
                                                           : std::vector<std::string>{});
    if (!text) return text.error();
    columns.text = *text;
    columns.labelsOptional = !options.requireLabels;
    auto labels = resolveColumn(header, options.labelColumn, "label",
                                options.labelColumn == "labels"
                                    ? std::vector<std::string>{"label", "tags", "categories", "category"}
                                    : std::vector<std::string>{});
    if (labels) {
        columns.labels = *labels;
        if (columns.text == columns.labels) return Error{"the text and label columns are the same column"};
    } else if (options.requireLabels) {
        return labels.error();
    }
    if (!options.idColumn.empty()) {
        auto id = resolveColumn(header, options.idColumn, "id", {});
        if (!id) return id.error();
        columns.id = *id;
    }
    return columns;
}

void CsvRecordParser::parse(ChunkView chunk, ParsedChunk& out) const
{
    std::string_view input(chunk.data, chunk.size);
    CsvRecord record;
    std::string reason;
    std::uint64_t lines = 0;
    while (!input.empty()) {
        const std::uint64_t lineNumber = lines + 1;
        const std::string_view before = input;
        const bool ok = readRecord(input, m_delimiter, record, lines, reason);
        if (!ok) {
            out.addIssue(lineNumber, IssueKind::Malformed, reason);
            continue;
        }
        if (!input.empty() || before.back() == '\n') {
            // lines already counted the record's line break
        } else {
            ++lines;  // last record without a final newline
        }
        const std::string_view raw = before.substr(0, before.size() - input.size());
        if (detail::isBlank(raw)) continue;
        if (auto bad = detail::invalidUtf8Reason(raw); !bad.empty()) {
            out.addIssue(lineNumber, IssueKind::InvalidUtf8, std::move(bad));
            continue;
        }
        if (static_cast<int>(record.size()) < m_columns.needed()) {
            out.addIssue(lineNumber, IssueKind::MissingField,
                         "expected at least " + std::to_string(m_columns.needed()) + " columns, found "
                             + std::to_string(record.size()));
            continue;
        }
        const std::string_view text = record[static_cast<std::size_t>(m_columns.text)];
        if (detail::isBlank(text)) {
            out.addIssue(lineNumber, IssueKind::EmptyText, "empty text in column " + std::to_string(m_columns.text));
            continue;
        }
        out.begin();
        std::string_view cell;
        if (m_columns.labels >= 0 && static_cast<std::size_t>(m_columns.labels) < record.size())
            cell = record[static_cast<std::size_t>(m_columns.labels)];
        if (m_labelSeparator.empty()) {
            out.addLabel(cell);
        } else {
            while (!cell.empty()) {
                const std::size_t sep = cell.find(m_labelSeparator);
                out.addLabel(cell.substr(0, sep));
                if (sep == std::string_view::npos) break;
                cell.remove_prefix(sep + m_labelSeparator.size());
            }
        }
        if (!m_allowEmptyLabels && out.currentLabelCount() == 0) {
            out.discard();
            out.addIssue(lineNumber, IssueKind::EmptyLabels, "no labels in column " + std::to_string(m_columns.labels));
            continue;
        }
        out.text().append(text);
        out.commit(lineNumber, m_columns.id >= 0 ? record[static_cast<std::size_t>(m_columns.id)] : std::string_view());
    }
    out.lineCount = lines;
}

} // namespace tagbench
