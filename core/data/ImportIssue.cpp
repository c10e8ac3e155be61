#include "core/data/ImportIssue.h"

namespace tagbench {

std::string_view issueKindName(IssueKind kind)
{
    switch (kind) {
    case IssueKind::InvalidUtf8: return "invalid UTF-8";
    case IssueKind::Malformed: return "malformed record";
    case IssueKind::MissingField: return "missing field";
    case IssueKind::WrongType: return "wrong type";
    case IssueKind::EmptyText: return "empty text";
    case IssueKind::EmptyLabels: return "no labels";
    case IssueKind::DuplicateId: return "duplicate id";
    }
    return "issue";
}

std::string ImportIssue::toString() const
{
    return file + ':' + std::to_string(line) + ": " + reason;
}

} // namespace tagbench
