#include "core/data/FastTextRecordParser.h"

#include "core/data/DatasetReader.h"

namespace tagbench {

namespace {

bool isSeparator(char c) { return c == ' ' || c == '\t' || c == '\v' || c == '\f' || c == '\r'; }

} // namespace

FastTextRecordParser::FastTextRecordParser(const ImportOptions& options)
    : m_prefix(options.labelPrefix)
    , m_allowEmptyLabels(options.allowEmptyLabels || !options.requireLabels)
{
}

void FastTextRecordParser::parse(ChunkView chunk, ParsedChunk& out) const
{
    out.lineCount = detail::forEachLine(chunk, [&](std::string_view line, std::uint64_t lineNumber) {
        if (detail::isBlank(line)) return;
        if (auto reason = detail::invalidUtf8Reason(line); !reason.empty()) {
            out.addIssue(lineNumber, IssueKind::InvalidUtf8, std::move(reason));
            return;
        }
        out.begin();
        std::size_t pos = 0;
        while (true) {
            while (pos < line.size() && isSeparator(line[pos])) ++pos;
            if (pos >= line.size() || line.compare(pos, m_prefix.size(), m_prefix) != 0) break;
            std::size_t end = pos;
            while (end < line.size() && !isSeparator(line[end])) ++end;
            out.addLabel(line.substr(pos + m_prefix.size(), end - pos - m_prefix.size()));
            pos = end;
        }
        std::string_view text = line.substr(pos);
        while (!text.empty() && isSeparator(text.back())) text.remove_suffix(1);
        if (detail::isBlank(text)) {
            out.discard();
            out.addIssue(lineNumber, IssueKind::EmptyText, "empty text after the labels");
            return;
        }
        if (!m_allowEmptyLabels && out.currentLabelCount() == 0) {
            out.discard();
            out.addIssue(lineNumber, IssueKind::EmptyLabels, "no " + m_prefix + " labels");
            return;
        }
        out.text().append(text);
        out.commit(lineNumber, {});
    });
}

} // namespace tagbench
