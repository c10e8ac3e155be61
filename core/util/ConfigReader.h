#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <limits>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace tagbench {

/// Reads typed, range-checked values out of a JSON document that a person wrote (training
/// configs, model sections, bundle manifests). It remembers which keys were read so unknown ones
/// can be reported with the closest known key, and collects every problem, not just the first,
/// so a user fixes a file in one round. Each message names the origin, the line of the key and
/// its JSON path: "run.json:7: train.epochs: expected an integer in [1, 100000], got \"ten\"".
class ConfigReader final {
public:
    /// text is the document's source (for line numbers; may be empty), origin its file name,
    /// baseDir the directory relative file paths are resolved against.
    ConfigReader(std::string text, std::string origin, std::string baseDir = {});

    /// With false, readPath() resolves paths without requiring the files to exist (a run folder
    /// stays exportable after its training data moved).
    void setCheckFiles(bool check) { m_checkFiles = check; }

    void fail(const std::string& path, const std::string& message);

    /// The object at parent[key], or nullptr (with an error when present but not an object).
    const nlohmann::json* section(const nlohmann::json& parent, const std::string& parentPath, const std::string& key);
    /// parent[key] or nullptr; marks the key as known either way.
    const nlohmann::json* value(const nlohmann::json& parent, const std::string& parentPath, const std::string& key);

    void readInt(const nlohmann::json& obj, const std::string& path, const std::string& key, std::int64_t& out,
                 std::int64_t min, std::int64_t max = std::numeric_limits<std::int64_t>::max());
    void readDouble(const nlohmann::json& obj, const std::string& path, const std::string& key, double& out,
                    double min, double max, bool exclusiveMin = false);
    void readBool(const nlohmann::json& obj, const std::string& path, const std::string& key, bool& out);
    void readString(const nlohmann::json& obj, const std::string& path, const std::string& key, std::string& out);
    void readChoice(const nlohmann::json& obj, const std::string& path, const std::string& key, std::string& out,
                    const std::vector<std::string>& choices);
    /// A non-empty array of integers in [min, max], at most maxCount long.
    void readIntArray(const nlohmann::json& obj, const std::string& path, const std::string& key,
                      std::vector<std::int64_t>& out, std::int64_t min, std::int64_t max, std::size_t maxCount);
    /// An array of strings, each one of choices when choices is not empty.
    void readStringArray(const nlohmann::json& obj, const std::string& path, const std::string& key,
                         std::vector<std::string>& out, const std::vector<std::string>& choices = {});
    /// A file that must exist (a directory when directory is true); relative paths are resolved
    /// against baseDir and the absolute path is stored.
    void readPath(const nlohmann::json& obj, const std::string& path, const std::string& key, std::string& out,
                  bool required, bool directory = false);

    /// Reports keys of obj that no reader asked for, with the closest known key as a hint.
    void reportUnknown(const nlohmann::json& obj, const std::string& path);

    bool ok() const { return m_errors.empty(); }
    const std::vector<std::string>& errors() const { return m_errors; }
    /// Every problem, one per line.
    std::string message() const;

    static std::string join(const std::string& path, const std::string& key);
    /// "integer 3", "string \"x\"", "an array", ... for messages.
    static std::string describe(const nlohmann::json& value);

private:
    void markKnown(const std::string& path, const std::string& key) { m_known[path].insert(key); }
    std::size_t lineOf(const std::string& path) const;

    std::string m_text;
    std::string m_origin;
    std::string m_baseDir;
    std::map<std::string, std::set<std::string>> m_known;
    std::vector<std::string> m_errors;
    bool m_checkFiles = true;
};

} // namespace tagbench
