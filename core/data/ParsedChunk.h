#pragma once

#include "core/data/DatasetReader.h"
#include "core/data/ImportIssue.h"

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

namespace tagbench {

/// Documents parsed from one chunk of a file by one worker, merged into the Dataset in file order.
/// Labels are interned locally so that workers share nothing; lines are relative to the chunk.
class ParsedChunk final {
public:
    /// Forgets every document and issue but keeps the buffers for the next chunk.
    void clear();

    /// Encodes each document at commit(), while its text is still in the L1 cache; nullptr (the
    /// default) encodes nothing. Discarded documents are never encoded.
    void setEncoder(const DocumentEncoder* encoder) { m_encoder = encoder; }

    /// Starts a document: its text is appended to text() until commit() or discard().
    void begin() { m_textMark = m_texts.size(); }
    /// The text arena; append the current document's text here after begin().
    std::string& text() { return m_texts; }
    /// The current document's text so far.
    std::string_view currentText() const { return std::string_view(m_texts).substr(m_textMark); }
    /// Adds a label name to the current document (trimmed; blank names are dropped).
    void addLabel(std::string_view name);
    /// Number of labels of the current document so far.
    std::size_t currentLabelCount() const { return m_pendingLabels.size(); }
    /// Finishes the current document starting at 1-based chunk-relative line.
    void commit(std::uint64_t line, std::string_view id);
    /// Drops the current document (after an issue).
    void discard();

    /// Records a problem at a chunk-relative line.
    void addIssue(std::uint64_t line, IssueKind kind, std::string reason);

    struct Issue {
        std::uint64_t line;
        IssueKind kind;
        std::string reason;
    };

    std::size_t size() const { return m_lines.size(); }
    std::string_view textOf(std::size_t i) const;
    std::string_view idOf(std::size_t i) const;
    /// std::hash of idOf(i), computed by the worker so the serial merge does not have to.
    std::uint64_t idHashOf(std::size_t i) const { return m_idHashes[i]; }
    const std::int32_t* labelsBegin(std::size_t i) const { return m_labelIds.data() + m_labelEnds[i] - labelCount(i); }
    std::size_t labelCount(std::size_t i) const { return m_labelEnds[i] - (i == 0 ? 0 : m_labelEnds[i - 1]); }
    std::uint64_t lineOf(std::size_t i) const { return m_lines[i]; }
    const std::deque<std::string>& labelNames() const { return m_labelNames; }
    const std::vector<Issue>& issues() const { return m_issues; }
    std::size_t textBytes() const { return m_texts.size(); }
    /// Ids from the encoder, document after document, and how many each document has.
    const std::vector<std::int32_t>& tokens() const { return m_tokens; }
    std::uint64_t tokenCountOf(std::size_t i) const { return m_tokenCounts[i]; }

    /// Physical lines in the chunk (set by the parser).
    std::uint64_t lineCount = 0;

private:
    std::string m_texts;
    std::vector<std::size_t> m_textEnds;
    std::string m_ids;
    std::vector<std::size_t> m_idEnds;
    std::vector<std::uint64_t> m_idHashes;
    std::vector<std::int32_t> m_labelIds;
    std::vector<std::size_t> m_labelEnds;
    std::vector<std::uint64_t> m_lines;
    std::vector<std::int32_t> m_pendingLabels;
    struct LabelSlot {
        std::uint64_t hash = 0;
        std::int32_t label = -1;  // -1: empty
    };
    void growLabelSlots();

    std::deque<std::string> m_labelNames;
    // Open addressing over a power-of-two table: a chunk has a few hundred distinct labels and
    // millions of lookups, which std::unordered_map's modulo and node chasing make costly.
    std::vector<LabelSlot> m_labelSlots;
    std::vector<Issue> m_issues;
    std::size_t m_textMark = 0;
    const DocumentEncoder* m_encoder = nullptr;
    std::vector<std::int32_t> m_tokens;
    std::vector<std::uint64_t> m_tokenCounts;
};

} // namespace tagbench
