#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace tagbench {

/// Why a record of a dataset file was rejected.
enum class IssueKind {
    InvalidUtf8,   ///< bytes that are not UTF-8
    Malformed,     ///< bad JSON, bad CSV quoting, a line with no text ...
    MissingField,  ///< a required field or column is absent
    WrongType,     ///< a field has the wrong JSON type (labels not an array of strings ...)
    EmptyText,     ///< the text is empty or only whitespace
    EmptyLabels,   ///< no labels while ImportOptions::allowEmptyLabels is false
    DuplicateId,   ///< an id already used by an earlier document of the file
};

inline constexpr std::size_t kIssueKindCount = 7;

/// Short English name of a kind ("invalid UTF-8", "duplicate id", ...).
std::string_view issueKindName(IssueKind kind);

/// One problem found while importing: where (file, 1-based line) and why.
struct ImportIssue {
    std::string file;        ///< file name as given by the caller
    std::uint64_t line = 0;  ///< 1-based line where the record starts
    IssueKind kind = IssueKind::Malformed;
    std::string reason;      ///< e.g. "invalid UTF-8 at byte 12" (bytes counted from 1 within the line)

    /// "file:line: reason", the form used in errors and on stderr.
    std::string toString() const;
};

} // namespace tagbench
