#include "core/model/PretrainedVectors.h"

#include "core/text/Vocabulary.h"

#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <unordered_map>

namespace tagbench {

namespace {

std::string asciiLower(std::string_view text)
{
    std::string out(text);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::vector<std::string_view> splitSpaces(std::string_view line)
{
    std::vector<std::string_view> fields;
    std::size_t i = 0;
    while (i < line.size()) {
        while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r')) ++i;
        const std::size_t start = i;
        while (i < line.size() && line[i] != ' ' && line[i] != '\t' && line[i] != '\r') ++i;
        if (i > start) fields.push_back(line.substr(start, i - start));
    }
    return fields;
}

bool parseFloat(std::string_view text, float& value)
{
    // std::from_chars for float is missing from older libstdc++; strtof needs a terminator.
    char buffer[64];
    if (text.size() >= sizeof buffer) return false;
    text.copy(buffer, text.size());
    buffer[text.size()] = '\0';
    char* end = nullptr;
    value = std::strtof(buffer, &end);
    return end == buffer + text.size() && std::isfinite(value);
}

} // namespace

std::string PretrainedVectors::coverageSummary() const
{
    char text[160];
    const double typeShare = vocabularyTypes > 0 ? 100.0 * static_cast<double>(coveredTypes) / static_cast<double>(vocabularyTypes) : 0.0;
    std::snprintf(text, sizeof text, "%lld of %lld vocabulary entries (%.1f%%), %.1f%% of training tokens",
                  static_cast<long long>(coveredTypes), static_cast<long long>(vocabularyTypes), typeShare,
                  100.0 * tokenCoverage);
    return text;
}

Result<PretrainedVectors> loadPretrainedVectors(const std::string& path, const Vocabulary& vocabulary,
                                                std::int64_t expectedDimension)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) return Error{path + ": cannot open the pretrained vectors"};

    // Exact matches win over lowercase ones, so remember which kind filled each row.
    std::unordered_map<std::string, std::vector<std::int32_t>> lowerIds;
    for (std::size_t id = 2; id < vocabulary.size(); ++id)
        lowerIds[asciiLower(vocabulary.token(static_cast<std::int32_t>(id)))].push_back(static_cast<std::int32_t>(id));

    PretrainedVectors result;
    result.dimension = expectedDimension;
    result.rows.assign(vocabulary.size() * static_cast<std::size_t>(expectedDimension), 0.0f);
    result.found.assign(vocabulary.size(), 0);
    std::vector<std::uint8_t> exact(vocabulary.size(), 0);
    std::vector<float> values(static_cast<std::size_t>(expectedDimension));

    std::string line;
    std::uint64_t lineNumber = 0;
    while (std::getline(in, line)) {
        ++lineNumber;
        const auto fields = splitSpaces(line);
        if (fields.empty()) continue;
        if (lineNumber == 1 && fields.size() == 2) {  // word2vec header "N D"
            std::int64_t count = 0, dimension = 0;
            const bool numeric = std::from_chars(fields[0].data(), fields[0].data() + fields[0].size(), count).ec == std::errc()
                                 && std::from_chars(fields[1].data(), fields[1].data() + fields[1].size(), dimension).ec == std::errc();
            if (numeric) {
                if (dimension != expectedDimension)
                    return Error{path + ":1: the vectors have " + std::to_string(dimension)
                                 + " dimensions but embedding.dimension is " + std::to_string(expectedDimension)};
                continue;
            }
        }
        if (static_cast<std::int64_t>(fields.size()) - 1 != expectedDimension)
            return Error{path + ":" + std::to_string(lineNumber) + ": expected a word and " + std::to_string(expectedDimension)
                         + " numbers, found " + std::to_string(fields.size() - 1) + " numbers"};
        for (std::size_t k = 0; k < values.size(); ++k) {
            if (!parseFloat(fields[k + 1], values[k]))
                return Error{path + ":" + std::to_string(lineNumber) + ": '" + std::string(fields[k + 1]) + "' is not a number"};
        }
        ++result.vectorsInFile;
        const auto store = [&](std::int32_t id, bool isExact) {
            const auto row = static_cast<std::size_t>(id);
            if (exact[row] || (result.found[row] && !isExact)) return;
            std::copy(values.begin(), values.end(), result.rows.begin() + static_cast<std::ptrdiff_t>(row * values.size()));
            result.found[row] = 1;
            exact[row] = isExact ? 1 : 0;
        };
        const std::string word(fields[0]);
        if (const std::int32_t id = vocabulary.id(word); id > Vocabulary::kUnk) store(id, true);
        if (const auto it = lowerIds.find(word); it != lowerIds.end())
            for (const std::int32_t id : it->second) store(id, false);
    }
    if (result.vectorsInFile == 0) return Error{path + ": no vectors found"};

    std::int64_t tokens = 0, coveredTokens = 0;
    for (std::size_t id = 2; id < vocabulary.size(); ++id) {
        const std::int64_t count = vocabulary.count(static_cast<std::int32_t>(id));
        tokens += count;
        ++result.vocabularyTypes;
        if (result.found[id]) {
            ++result.coveredTypes;
            coveredTokens += count;
        }
    }
    result.tokenCoverage = tokens > 0 ? static_cast<double>(coveredTokens) / static_cast<double>(tokens) : 0.0;
    return result;
}

} // namespace tagbench
