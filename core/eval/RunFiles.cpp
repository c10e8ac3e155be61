#include "core/eval/RunFiles.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <sys/stat.h>

namespace tagbench::eval {

namespace {

bool fileExists(const std::string& path)
{
    struct stat info {};
    return ::stat(path.c_str(), &info) == 0 && S_ISREG(info.st_mode);
}

std::string join(const std::string& dir, const std::string& name)
{
    return dir.empty() || dir.back() == '/' ? dir + name : dir + "/" + name;
}

Result<nlohmann::json> readJson(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) return Error{path + ": cannot open"};
    std::ostringstream text;
    text << in.rdbuf();
    const std::string content = text.str();
    try {
        return nlohmann::json::parse(content);
    } catch (const nlohmann::json::parse_error& e) {
        const std::size_t byte = std::min<std::size_t>(e.byte > 0 ? e.byte - 1 : 0, content.size());
        const auto line = 1 + std::count(content.begin(), content.begin() + static_cast<std::ptrdiff_t>(byte), '\n');
        return Error{path + ":" + std::to_string(line) + ": invalid JSON: " + e.what()};
    }
}

} // namespace

Result<std::vector<std::string>> readLabelsFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) return Error{path + ": cannot open the label list"};
    std::vector<std::string> labels;
    std::string line;
    std::size_t number = 0;
    while (std::getline(in, line)) {
        ++number;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty()) {
            // A trailing newline is fine; an empty line in the middle would shift every column.
            if (in.peek() == std::char_traits<char>::eof()) break;
            return Error{path + ":" + std::to_string(number) + ": empty label name"};
        }
        labels.push_back(line);
    }
    if (labels.empty()) return Error{path + ": no labels"};
    return labels;
}

std::string runScoresPath(const std::string& runDir, const std::string& split)
{
    return join(join(runDir, "scores"), split + ".scores");
}

Result<RunSplit> loadRunSplit(const std::string& runDir, const std::string& split)
{
    const std::string labelsPath = join(runDir, "labels.txt");
    auto labels = readLabelsFile(labelsPath);
    if (!labels) return labels.error();
    const std::string scoresPath = runScoresPath(runDir, split);
    auto scores = ScoreMatrix::load(scoresPath);
    if (!scores) return scores.error();
    const auto& columns = scores->labelNames();
    for (std::size_t i = 0; i < std::max(columns.size(), labels->size()); ++i) {
        if (i >= columns.size() || i >= labels->size() || columns[i] != (*labels)[i])
            return Error{labelsPath + ":" + std::to_string(i + 1) + ": label '" +
                         (i < labels->size() ? (*labels)[i] : std::string("<none>")) + "' but column " +
                         std::to_string(i) + " of " + scoresPath + " is '" +
                         (i < columns.size() ? columns[i] : std::string("<none>")) + "'"};
    }
    return RunSplit{std::move(*labels), std::move(*scores)};
}

Result<RunRule> trainingRule(const std::string& runDir, const std::vector<std::string>& labels)
{
    RunRule result{DecisionRule(0.5f), "default threshold 0.5"};
    const std::string configPath = join(runDir, "config.json");
    if (!fileExists(configPath)) return result;
    auto config = readJson(configPath);
    if (!config) return config.error();
    const auto eval = config->find("eval");
    if (eval == config->end() || !eval->is_object()) return result;
    result.source = "config.json eval";
    if (const auto topK = eval->find("top_k"); topK != eval->end()) {
        if (!topK->is_number_integer() || topK->get<long long>() < 0)
            return Error{configPath + ": eval.top_k must be an integer >= 0"};
        result.rule.setTopK(topK->get<int>());
    }
    if (const auto threshold = eval->find("threshold"); threshold != eval->end()) {
        if (threshold->is_number()) {
            result.rule.setGlobalThreshold(threshold->get<float>());
        } else if (threshold->is_string() && *threshold == "dev") {
            // Chosen on dev during training; the summary keeps the value when the trainer wrote it.
            const std::string runPath = join(runDir, "run.json");
            result.source = "config.json eval (threshold \"dev\": 0.5, run.json has no threshold)";
            if (fileExists(runPath)) {
                auto run = readJson(runPath);
                if (!run) return run.error();
                const auto picked = run->find("threshold");
                if (picked != run->end() && picked->is_number()) {
                    result.rule.setGlobalThreshold(picked->get<float>());
                    result.source = "config.json eval (threshold picked on dev, run.json)";
                }
            }
        } else {
            return Error{configPath + ": eval.threshold must be a number or \"dev\""};
        }
    }
    if (auto s = result.rule.validate(labels.size()); !s) return Error{configPath + ": " + s.message()};
    return result;
}

Result<RunRule> currentRule(const std::string& runDir, const std::vector<std::string>& labels)
{
    const std::string rulePath = join(runDir, "rule.json");
    if (!fileExists(rulePath)) return trainingRule(runDir, labels);
    auto rule = DecisionRule::load(rulePath, labels);
    if (!rule) return rule.error();
    return RunRule{std::move(*rule), "rule.json"};
}

Result<RunUnderRule> loadRunUnderRule(const std::string& runDir, const std::string& split)
{
    auto loaded = loadRunSplit(runDir, split);
    if (!loaded) return loaded.error();
    auto rule = currentRule(runDir, loaded->labels);
    if (!rule) return rule.error();
    return RunUnderRule{runDir, std::move(*loaded), std::move(*rule)};
}

} // namespace tagbench::eval
