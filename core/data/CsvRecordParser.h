#pragma once

#include "core/data/RecordParser.h"
#include "core/util/Result.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tagbench {

struct ImportOptions;

/// One CSV/TSV record: the unquoted fields.
class CsvRecord final {
public:
    std::size_t size() const { return m_spans.size(); }
    std::string_view operator[](std::size_t i) const
    {
        return std::string_view(m_storage).substr(m_spans[i].first, m_spans[i].second);
    }
    /// All fields as strings (for headers and messages).
    std::vector<std::string> fields() const;

private:
    friend class CsvRecordParser;
    std::string m_storage;
    std::vector<std::pair<std::size_t, std::size_t>> m_spans;
};

/// Which columns hold the text, the labels and (optionally, -1 when absent) the id.
struct CsvColumns {
    int text = -1;
    int labels = -1;            ///< -1: no label column (only when labels are optional)
    int id = -1;
    bool labelsOptional = false;  ///< records may end before the label column
    int needed() const;  ///< fields a record must have
};

/// RFC 4180 records (quoted fields with "" escapes, line breaks inside quotes, CRLF) separated by
/// ',' (CSV) or '\t' (TSV); the label cell is split by ImportOptions::labelSeparator.
class CsvRecordParser final : public RecordParser {
public:
    CsvRecordParser(char delimiter, CsvColumns columns, const ImportOptions& options);

    void parse(ChunkView chunk, ParsedChunk& out) const override;

    /// Reads one record from the front of input, advancing it and counting the line breaks it
    /// consumed; false with reason on bad quoting (input then starts after the bad line).
    static bool readRecord(std::string_view& input, char delimiter, CsvRecord& record, std::uint64_t& lines,
                           std::string& reason);

    /// Offset just past the last line break outside quotes in buffer (which starts at a record
    /// boundary), or npos when there is none.
    static std::size_t lastRecordEnd(std::string_view buffer);

    /// Maps the column options (header names or 0-based indices) to indices; header may be empty
    /// when the file has none, which then requires indices. With ImportOptions::requireLabels false
    /// a label column the header lacks (or a named one without a header) is no label column.
    static Result<CsvColumns> resolveColumns(const std::vector<std::string>& header, const ImportOptions& options);

private:
    char m_delimiter;
    CsvColumns m_columns;
    std::string m_labelSeparator;
    bool m_allowEmptyLabels;
};

} // namespace tagbench
