#include "core/util/ConfigReader.h"

#include <algorithm>
#include <filesystem>
#include <sstream>

namespace tagbench {

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

std::size_t editDistance(const std::string& a, const std::string& b)
{
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = up;
        }
    }
    return row[b.size()];
}

std::string range(std::int64_t min, std::int64_t max)
{
    if (max == std::numeric_limits<std::int64_t>::max()) return ">= " + std::to_string(min);
    return "in [" + std::to_string(min) + ", " + std::to_string(max) + "]";
}

} // namespace

ConfigReader::ConfigReader(std::string text, std::string origin, std::string baseDir)
    : m_text(std::move(text)), m_origin(std::move(origin)), m_baseDir(std::move(baseDir))
{
}

std::string ConfigReader::join(const std::string& path, const std::string& key)
{
    return path.empty() ? key : path + "." + key;
}

std::string ConfigReader::describe(const json& value)
{
    if (value.is_number_integer()) return "integer " + value.dump();
    if (value.is_number()) return "number " + value.dump();
    if (value.is_string()) return "string " + value.dump();
    if (value.is_boolean()) return value.dump();
    if (value.is_null()) return "null";
    return value.is_array() ? "an array" : "an object";
}

void ConfigReader::fail(const std::string& path, const std::string& message)
{
    const std::string where = m_text.empty() ? m_origin : m_origin + ":" + std::to_string(lineOf(path));
    m_errors.push_back(where + ": " + path + ": " + message);
}

std::string ConfigReader::message() const
{
    std::string text;
    for (const auto& e : m_errors) text += (text.empty() ? "" : "\n") + e;
    return text;
}

const json* ConfigReader::section(const json& parent, const std::string& parentPath, const std::string& key)
{
    markKnown(parentPath, key);
    const auto it = parent.find(key);
    if (it == parent.end()) return nullptr;
    if (!it->is_object()) {
        fail(join(parentPath, key), "expected an object, got " + describe(*it));
        return nullptr;
    }
    return &*it;
}

const json* ConfigReader::value(const json& parent, const std::string& parentPath, const std::string& key)
{
    markKnown(parentPath, key);
    const auto it = parent.find(key);
    return it == parent.end() ? nullptr : &*it;
}

void ConfigReader::readInt(const json& obj, const std::string& path, const std::string& key, std::int64_t& out,
                           std::int64_t min, std::int64_t max)
{
    const json* v = value(obj, path, key);
    if (!v) return;
    if (!v->is_number_integer() || v->get<std::int64_t>() < min || v->get<std::int64_t>() > max
        || (v->is_number_unsigned() && v->get<std::uint64_t>() > static_cast<std::uint64_t>(max))) {
        fail(join(path, key), "expected an integer " + range(min, max) + ", got " + describe(*v));
        return;
    }
    out = v->get<std::int64_t>();
}

void ConfigReader::readDouble(const json& obj, const std::string& path, const std::string& key, double& out,
                              double min, double max, bool exclusiveMin)
{
    const json* v = value(obj, path, key);
    if (!v) return;
    if (!v->is_number() || v->get<double>() > max || v->get<double>() < min || (exclusiveMin && v->get<double>() <= min)) {
        std::ostringstream bounds;
        bounds << (exclusiveMin ? "> " : ">= ") << min << (max < 1e300 ? " and <= " : "");
        if (max < 1e300) bounds << max;
        fail(join(path, key), "expected a number " + bounds.str() + ", got " + describe(*v));
        return;
    }
    out = v->get<double>();
}

void ConfigReader::readBool(const json& obj, const std::string& path, const std::string& key, bool& out)
{
    const json* v = value(obj, path, key);
    if (!v) return;
    if (!v->is_boolean()) {
        fail(join(path, key), "expected true or false, got " + describe(*v));
        return;
    }
    out = v->get<bool>();
}

void ConfigReader::readString(const json& obj, const std::string& path, const std::string& key, std::string& out)
{
    const json* v = value(obj, path, key);
    if (!v) return;
    if (!v->is_string()) {
        fail(join(path, key), "expected a string, got " + describe(*v));
        return;
    }
    out = v->get<std::string>();
}

void ConfigReader::readChoice(const json& obj, const std::string& path, const std::string& key, std::string& out,
                              const std::vector<std::string>& choices)
{
    const json* v = value(obj, path, key);
    if (!v) return;
    std::string list;
    for (const auto& c : choices) list += (list.empty() ? "" : ", ") + c;
    if (!v->is_string() || std::find(choices.begin(), choices.end(), v->get<std::string>()) == choices.end()) {
        fail(join(path, key), "expected one of " + list + ", got " + describe(*v));
        return;
    }
    out = v->get<std::string>();
}

void ConfigReader::readIntArray(const json& obj, const std::string& path, const std::string& key,
                                std::vector<std::int64_t>& out, std::int64_t min, std::int64_t max, std::size_t maxCount)
{
    const json* v = value(obj, path, key);
    if (!v) return;
    bool good = v->is_array() && !v->empty() && v->size() <= maxCount;
    std::vector<std::int64_t> values;
    for (const auto& e : good ? *v : json::array()) {
        if (!e.is_number_integer() || e.get<std::int64_t>() < min || e.get<std::int64_t>() > max) good = false;
        else values.push_back(e.get<std::int64_t>());
    }
    if (!good) {
        fail(join(path, key), "expected a non-empty array of integers in [" + std::to_string(min) + ", " + std::to_string(max)
                                  + "], got " + v->dump());
        return;
    }
    out = std::move(values);
}

void ConfigReader::readStringArray(const json& obj, const std::string& path, const std::string& key,
                                   std::vector<std::string>& out, const std::vector<std::string>& choices)
{
    const json* v = value(obj, path, key);
    if (!v) return;
    std::vector<std::string> values;
    bool good = v->is_array();
    for (const auto& e : good ? *v : json::array()) {
        if (!e.is_string() || (!choices.empty() && std::find(choices.begin(), choices.end(), e.get<std::string>()) == choices.end()))
            good = false;
        else values.push_back(e.get<std::string>());
    }
    if (!good) {
        std::string list;
        for (const auto& c : choices) list += (list.empty() ? "" : ", ") + c;
        fail(join(path, key), (choices.empty() ? std::string("expected an array of strings")
                                               : "expected an array of strings out of " + list) + ", got " + v->dump());
        return;
    }
    out = std::move(values);
}

void ConfigReader::readPath(const json& obj, const std::string& path, const std::string& key, std::string& out,
                            bool required, bool directory)
{
    const json* v = value(obj, path, key);
    if (!v) {
        if (required) fail(join(path, key), directory ? "missing (the path of a folder)" : "missing (the path of a dataset file)");
        return;
    }
    if (!required && v->is_string() && v->get<std::string>().empty()) return;  // an optional path left empty is unset
    if (!v->is_string() || v->get<std::string>().empty()) {
        fail(join(path, key), std::string(directory ? "expected a folder path" : "expected a file path") + ", got " + describe(*v));
        return;
    }
    fs::path file = v->get<std::string>();
    if (file.is_relative()) file = fs::path(m_baseDir) / file;
    std::error_code ec;
    file = fs::weakly_canonical(file, ec);
    if (m_checkFiles && (directory ? !fs::is_directory(file, ec) : !fs::is_regular_file(file, ec))) {
        fail(join(path, key), std::string(directory ? "folder not found: " : "file not found: ") + file.string());
        return;
    }
    out = file.string();
}

void ConfigReader::reportUnknown(const json& obj, const std::string& path)
{
    const auto& known = m_known[path];
    for (auto it = obj.begin(); it != obj.end(); ++it) {
        if (known.count(it.key())) continue;
        std::string hint;
        std::size_t best = 3;
        for (const auto& k : known) {
            const std::size_t d = editDistance(it.key(), k);
            if (d < best) {
                best = d;
                hint = " (did you mean '" + k + "'?)";
            }
        }
        fail(join(path, it.key()), "unknown key" + hint);
    }
}

std::size_t ConfigReader::lineOf(const std::string& path) const
{
    // Each component's quoted key is searched after the previous one, which finds the right key
    // for any config a person writes.
    std::size_t pos = 0;
    std::size_t start = 0;
    while (start <= path.size()) {
        const std::size_t dot = path.find('.', start);
        const std::string key = path.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
        const std::size_t found = m_text.find("\"" + key + "\"", pos);
        if (found == std::string::npos) break;
        pos = found;
        if (dot == std::string::npos) break;
        start = dot + 1;
    }
    return 1 + static_cast<std::size_t>(std::count(m_text.begin(), m_text.begin() + static_cast<std::ptrdiff_t>(pos), '\n'));
}

} // namespace tagbench
