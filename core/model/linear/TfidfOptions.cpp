#include "core/model/linear/TfidfOptions.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace tagbench::linear {

namespace {

std::optional<std::int64_t> parseInteger(std::string_view text)
{
    std::int64_t value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
    return value;
}

std::optional<bool> parseBool(std::string_view text)
{
    if (text == "true") return true;
    if (text == "false") return false;
    return std::nullopt;
}

const char* boolText(bool value) { return value ? "true" : "false"; }

Status boundError(const std::string& origin, const char* field, const DocumentFrequencyBound& bound)
{
    return Error{origin + ": " + field + " " + bound.toString() +
                 (bound.fraction ? " must be a fraction in [0.0, 1.0]" : " must be a document count >= 1")};
}

} // namespace

std::string DocumentFrequencyBound::toString() const
{
    if (!fraction) return std::to_string(static_cast<std::int64_t>(value));
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.17g", value);
    std::string text = buffer;
    // Shortest spelling that reads back exactly, with a '.' so that it stays a fraction.
    for (int precision = 1; precision <= 17; ++precision) {
        std::snprintf(buffer, sizeof buffer, "%.*g", precision, value);
        if (std::strtod(buffer, nullptr) == value) {
            text = buffer;
            break;
        }
    }
    if (text.find_first_of(".eEn") == std::string::npos) text += ".0";
    return text;
}

std::optional<DocumentFrequencyBound> DocumentFrequencyBound::parse(std::string_view text)
{
    if (text.find_first_of(".eE") == std::string_view::npos) {
        const auto count = parseInteger(text);
        if (!count) return std::nullopt;
        return DocumentFrequencyBound::count(*count);
    }
    const std::string copy(text);
    char* end = nullptr;
    const double value = std::strtod(copy.c_str(), &end);
    if (end != copy.c_str() + copy.size() || !std::isfinite(value)) return std::nullopt;
    return DocumentFrequencyBound::share(value);
}

std::string_view analyzerName(Analyzer analyzer)
{
    switch (analyzer) {
    case Analyzer::Word: return "word";
    case Analyzer::Char: return "char";
    case Analyzer::CharWb: return "char_wb";
    }
    return "word";
}

std::optional<Analyzer> parseAnalyzer(std::string_view name)
{
    if (name == "word") return Analyzer::Word;
    if (name == "char") return Analyzer::Char;
    if (name == "char_wb") return Analyzer::CharWb;
    return std::nullopt;
}

std::string_view normName(TfidfNorm norm)
{
    switch (norm) {
    case TfidfNorm::L2: return "l2";
    case TfidfNorm::L1: return "l1";
    case TfidfNorm::None: return "none";
    }
    return "l2";
}

std::optional<TfidfNorm> parseNorm(std::string_view name)
{
    if (name == "l2") return TfidfNorm::L2;
    if (name == "l1") return TfidfNorm::L1;
    if (name == "none") return TfidfNorm::None;
    return std::nullopt;
}

Status TfidfOptions::validate(const std::string& origin) const
{
    if (ngramMin < 1 || ngramMax < ngramMin)
        return Error{origin + ": ngram_range (" + std::to_string(ngramMin) + ", " + std::to_string(ngramMax) +
                     ") must satisfy 1 <= min <= max"};
    for (const auto& [field, bound] : {std::pair{"min_df", minDf}, std::pair{"max_df", maxDf}}) {
        if (bound.fraction ? !(bound.value >= 0.0 && bound.value <= 1.0) : bound.value < 1.0)
            return boundError(origin, field, bound);
    }
    return {};
}

void TfidfOptions::toMetadata(const std::string& prefix, std::map<std::string, std::string>& metadata) const
{
    metadata[prefix + "analyzer"] = std::string(analyzerName(analyzer));
    metadata[prefix + "ngram_range"] = std::to_string(ngramMin) + "," + std::to_string(ngramMax);
    metadata[prefix + "lowercase"] = boolText(lowercase);
    metadata[prefix + "min_df"] = minDf.toString();
    metadata[prefix + "max_df"] = maxDf.toString();
    metadata[prefix + "max_features"] = std::to_string(maxFeatures);
    metadata[prefix + "sublinear_tf"] = boolText(sublinearTf);
    metadata[prefix + "norm"] = std::string(normName(norm));
    metadata[prefix + "use_idf"] = boolText(useIdf);
    metadata[prefix + "smooth_idf"] = boolText(smoothIdf);
}

Result<TfidfOptions> TfidfOptions::fromMetadata(const std::map<std::string, std::string>& metadata,
                                                const std::string& prefix, const std::string& origin)
{
    const auto field = [&](const char* name) -> const std::string* {
        const auto it = metadata.find(prefix + name);
        return it == metadata.end() ? nullptr : &it->second;
    };
    const auto bad = [&](const char* name) {
        const std::string* value = field(name);
        return Error{origin + ": metadata '" + prefix + name + "' " +
                     (value ? "has the unreadable value '" + *value + "'" : std::string("is missing"))};
    };
    TfidfOptions options;
    const std::string* text = field("analyzer");
    const auto analyzer = text ? parseAnalyzer(*text) : std::nullopt;
    if (!analyzer) return bad("analyzer");
    options.analyzer = *analyzer;

    text = field("ngram_range");
    const std::size_t comma = text ? text->find(',') : std::string::npos;
    if (comma == std::string::npos) return bad("ngram_range");
    const auto low = parseInteger(std::string_view(*text).substr(0, comma));
    const auto high = parseInteger(std::string_view(*text).substr(comma + 1));
    if (!low || !high) return bad("ngram_range");
    options.ngramMin = static_cast<int>(*low);
    options.ngramMax = static_cast<int>(*high);

    for (const auto& [name, target] : {std::pair{"lowercase", &options.lowercase},
                                       std::pair{"sublinear_tf", &options.sublinearTf},
                                       std::pair{"use_idf", &options.useIdf},
                                       std::pair{"smooth_idf", &options.smoothIdf}}) {
        text = field(name);
        const auto value = text ? parseBool(*text) : std::nullopt;
        if (!value) return bad(name);
        *target = *value;
    }
    for (const auto& [name, target] : {std::pair{"min_df", &options.minDf}, std::pair{"max_df", &options.maxDf}}) {
        text = field(name);
        const auto value = text ? DocumentFrequencyBound::parse(*text) : std::nullopt;
        if (!value) return bad(name);
        *target = *value;
    }
    text = field("max_features");
    const auto maxFeatures = text ? parseInteger(*text) : std::nullopt;
    if (!maxFeatures || *maxFeatures < 0) return bad("max_features");
    options.maxFeatures = static_cast<std::size_t>(*maxFeatures);

    text = field("norm");
    const auto norm = text ? parseNorm(*text) : std::nullopt;
    if (!norm) return bad("norm");
    options.norm = *norm;

    if (Status valid = options.validate(origin); !valid) return valid.error();
    return options;
}

bool TfidfOptions::operator==(const TfidfOptions& other) const
{
    return analyzer == other.analyzer && ngramMin == other.ngramMin && ngramMax == other.ngramMax &&
           lowercase == other.lowercase && minDf == other.minDf && maxDf == other.maxDf &&
           maxFeatures == other.maxFeatures && sublinearTf == other.sublinearTf && norm == other.norm &&
           useIdf == other.useIdf && smoothIdf == other.smoothIdf;
}

} // namespace tagbench::linear
