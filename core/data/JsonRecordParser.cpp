#include "core/data/JsonRecordParser.h"

#include "core/data/DatasetReader.h"

#include <simdjson.h>

namespace tagbench {

namespace {

using namespace simdjson;

static_assert(kChunkPadding >= SIMDJSON_PADDING, "chunks must carry simdjson's padding");

struct Problem {
    IssueKind kind;
    std::string reason;
};

std::string jsonReason(error_code code)
{
    switch (code) {
    case TAPE_ERROR:
    case INCOMPLETE_ARRAY_OR_OBJECT: return "invalid JSON: unbalanced or missing brackets, braces or commas";
    case UNCLOSED_STRING: return "invalid JSON: unterminated string";
    case STRING_ERROR: return "invalid JSON: bad escape sequence in a string";
    case T_ATOM_ERROR:
    case F_ATOM_ERROR:
    case N_ATOM_ERROR: return "invalid JSON: misspelled true/false/null";
    case NUMBER_ERROR: return "invalid JSON: bad number";
    case UNESCAPED_CHARS: return "invalid JSON: control character inside a string";
    case EMPTY: return "invalid JSON: empty document";
    case DEPTH_ERROR: return "invalid JSON: nested too deeply";
    default: break;
    }
    return std::string("invalid JSON: ") + error_message(code);
}

// Appends the strings of an array field: joined by spaces into the text, or as labels.
bool readStringArray(dom::element value, std::string_view field, bool asText, ParsedChunk& out, Problem& problem)
{
    dom::array array;
    if (value.get_array().get(array)) {
        problem = {IssueKind::WrongType, "field '" + std::string(field) + "' must be an array of strings"};
        return false;
    }
    bool first = true;
    for (const dom::element element : array) {
        std::string_view item;
        if (element.get_string().get(item)) {
            problem = {IssueKind::WrongType, "field '" + std::string(field) + "' must be an array of strings"};
            return false;
        }
        if (!asText) {
            out.addLabel(item);
        } else if (!item.empty()) {
            if (!first) out.text().push_back(' ');
            out.text().append(item);
            first = false;
        }
    }
    return true;
}

bool readString(dom::element value, std::string_view field, std::string& target, Problem& problem)
{
    std::string_view text;
    if (value.get_string().get(text)) {
        problem = {IssueKind::WrongType, "field '" + std::string(field) + "' must be a string"};
        return false;
    }
    target.append(text);
    return true;
}

bool readId(dom::element value, std::string_view field, std::string& id, Problem& problem)
{
    if (value.is_string()) return readString(value, field, id, problem);
    if (value.is_number()) {
        id = minify(value);
        return true;
    }
    problem = {IssueKind::WrongType, "field '" + std::string(field) + "' must be a string or a number"};
    return false;
}

} // namespace

JsonRecordParser::JsonRecordParser(DatasetFormat format, const ImportOptions& options)
    : m_neuralClassifier(format == DatasetFormat::NeuralClassifier)
    , m_allowEmptyLabels(options.allowEmptyLabels || !options.requireLabels)
    , m_requireLabels(options.requireLabels)
    , m_textField(m_neuralClassifier ? "doc_token" : options.textField)
    , m_labelsField(m_neuralClassifier ? "doc_label" : options.labelsField)
    , m_idField(m_neuralClassifier ? std::string() : options.idField)
{
}

void JsonRecordParser::parse(ChunkView chunk, ParsedChunk& out) const
{
    // The DOM parser dispatches at run time to the best SIMD kernel of the CPU (On Demand would be
    // bound to the compile-time target, i.e. the scalar fallback in a portable build).
    dom::parser parser;
    std::string id;
    out.lineCount = detail::forEachLine(chunk, [&](std::string_view line, std::uint64_t lineNumber) {
        if (detail::isBlank(line)) return;
        out.begin();
        id.clear();
        Problem problem{IssueKind::Malformed, {}};
        bool ok = true;
        bool seenText = false;
        bool seenLabels = false;
        dom::element doc;
        dom::object object;
        // The chunk guarantees kChunkPadding readable bytes past every line, so no copy is needed.
        auto error = parser.parse(line.data(), line.size(), false).get(doc);
        if (!error && doc.get_object().get(object)) {
            problem = {IssueKind::Malformed, "not a JSON object: " + detail::excerpt(line)};
            ok = false;
        } else if (error) {
            ok = false;
            problem = error == UTF8_ERROR ? Problem{IssueKind::InvalidUtf8, detail::invalidUtf8Reason(line)}
                                          : Problem{IssueKind::Malformed, jsonReason(error)};
        }
        if (ok) {
            for (const dom::key_value_pair field : object) {
                const std::string_view key = field.key;
                if (key == m_textField || key == m_labelsField) {
                    const bool isText = key == m_textField;
                    bool& seen = isText ? seenText : seenLabels;
                    if (seen) {
                        problem = {IssueKind::Malformed, "field '" + std::string(key) + "' appears twice"};
                        ok = false;
                        break;
                    }
                    seen = true;
                    if (isText && !m_neuralClassifier)
                        ok = readString(field.value, key, out.text(), problem);
                    else
                        ok = readStringArray(field.value, key, isText, out, problem);
                } else if (!m_idField.empty() && key == m_idField) {
                    ok = readId(field.value, key, id, problem);
                }
                if (!ok) break;
            }
        }
        if (ok && !seenText) {
            problem = {IssueKind::MissingField, "missing field '" + m_textField + "'"};
            ok = false;
        }
        if (ok && !seenLabels && m_requireLabels) {
            problem = {IssueKind::MissingField, "missing field '" + m_labelsField + "'"};
            ok = false;
        }
        if (ok && detail::isBlank(out.currentText())) {
            problem = {IssueKind::EmptyText, "empty text in field '" + m_textField + "'"};
            ok = false;
        }
        if (ok && !m_allowEmptyLabels && out.currentLabelCount() == 0) {
            problem = {IssueKind::EmptyLabels, "no labels in field '" + m_labelsField + "'"};
            ok = false;
        }
        if (ok) {
            out.commit(lineNumber, id);
        } else {
            out.discard();
            out.addIssue(lineNumber, problem.kind, std::move(problem.reason));
        }
    });
}

} // namespace tagbench
