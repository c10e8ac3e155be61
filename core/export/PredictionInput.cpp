#include "core/export/PredictionInput.h"

#include "core/util/Utf8.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <fstream>

namespace tagbench {
namespace {

using json = nlohmann::json;

// True when the first non-empty line is a JSON object without the labels field.
bool unlabelledJsonLines(const std::string& path, const ImportOptions& options)
{
    std::ifstream in(path, std::ios::binary);
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        const json record = json::parse(line, nullptr, false);
        return record.is_object() && !record.contains(options.labelsField);
    }
    return false;
}

std::string jsonTypeName(const json& value) { return value.type_name(); }

Result<Dataset> readUnlabelledJsonLines(const std::string& path, const ImportOptions& options, ImportReport& report)
{
    const auto started = std::chrono::steady_clock::now();
    std::ifstream in(path, std::ios::binary);
    if (!in) return Error{path + ": cannot open"};
    Dataset dataset;
    dataset.setSourcePath(path);
    dataset.setFormat(DatasetFormat::JsonLines);
    report.format = DatasetFormat::JsonLines;

    std::string line;
    std::uint64_t lineNumber = 0;
    const auto issue = [&](IssueKind kind, std::string reason) -> Status {
        ImportIssue found{path, lineNumber, kind, std::move(reason)};
        if (options.policy == ErrorPolicy::Stop) return Error{found.toString()};
        ++report.skipped;
        ++report.issueCounts[static_cast<std::size_t>(kind)];
        if (report.issues.size() < options.maxIssues) report.issues.push_back(std::move(found));
        return {};
    };
    while (std::getline(in, line)) {
        ++lineNumber;
        report.bytes += line.size() + 1;
        if (lineNumber == 1 && line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.find_first_not_of(" \t") == std::string::npos) continue;
        Status status;
        if (const std::size_t bad = utf8::findInvalid(line); bad != std::string::npos) {
            status = issue(IssueKind::InvalidUtf8, "invalid UTF-8 at byte " + std::to_string(bad + 1));
        } else {
            const json record = json::parse(line, nullptr, false);
            const auto text = record.is_object() ? record.find(options.textField) : record.end();
            if (!record.is_object()) {
                status = issue(IssueKind::Malformed, "invalid JSON: expected one object per line");
            } else if (text == record.end()) {
                status = issue(IssueKind::MissingField, "missing field '" + options.textField + "'");
            } else if (!text->is_string()) {
                status = issue(IssueKind::WrongType, "field '" + options.textField + "' is " + jsonTypeName(*text) + ", expected a string");
            } else if (text->get_ref<const std::string&>().find_first_not_of(" \t\r\n") == std::string::npos) {
                status = issue(IssueKind::EmptyText, "empty text in field '" + options.textField + "'");
            } else {
                std::string id;
                if (const auto it = record.find(options.idField); !options.idField.empty() && it != record.end()) {
                    if (it->is_string()) id = it->get<std::string>();
                    else if (it->is_number_integer()) id = it->dump();
                }
                dataset.addDocument(id, text->get_ref<const std::string&>(), {});
                dataset.setSourceLine(dataset.size() - 1, lineNumber);
                ++report.documentsWithoutLabels;
            }
        }
        if (!status) return status.error();
    }
    if (in.bad()) return Error{path + ": read error"};
    report.lines = lineNumber;
    report.documents = dataset.size();
    report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    if (dataset.size() == 0) return Error{path + ": no document could be read"};
    return dataset;
}

} // namespace

Result<Dataset> readPredictionInput(const std::string& path, const ImportOptions& options, ImportReport* report)
{
    ImportReport local;
    ImportReport& out = report ? *report : local;
    out = {};
    DatasetFormat format = options.format;
    if (format == DatasetFormat::Unknown) {
        auto detected = detectFormat(path, options);
        if (!detected) return detected.error();
        format = *detected;
        out.formatDetected = true;
    }
    if (format == DatasetFormat::JsonLines && unlabelledJsonLines(path, options))
        return readUnlabelledJsonLines(path, options, out);
    ImportOptions withLabelsOptional = options;
    withLabelsOptional.format = format;
    withLabelsOptional.allowEmptyLabels = true;
    const bool detected = out.formatDetected;
    auto dataset = readDataset(path, withLabelsOptional, &out);
    out.formatDetected = detected;
    return dataset;
}

} // namespace tagbench
