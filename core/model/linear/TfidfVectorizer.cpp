#include "core/model/linear/TfidfVectorizer.h"

#include "core/model/linear/NgramCounter.h"
#include "core/text/ParallelRanges.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>

namespace tagbench::linear {

namespace {

constexpr const char* kDocumentsKey = "documents";

template <typename T>
Result<std::vector<T>> readTensor(const SafetensorsReader& reader, const std::string& name, TensorDType dtype,
                                  const std::string& origin)
{
    const TensorInfo* info = reader.find(name);
    if (!info) return Error{origin + ": tensor '" + name + "' is missing"};
    if (info->dtype != dtype || info->shape.size() != 1)
        return Error{origin + ": tensor '" + name + "' must be a 1-D " + std::string(tensorDTypeName(dtype)) + " tensor"};
    const std::string_view bytes = reader.data(*info);
    std::vector<T> values(bytes.size() / sizeof(T));
    if (!bytes.empty()) std::memcpy(values.data(), bytes.data(), values.size() * sizeof(T));
    return values;
}

} // namespace

TfidfVectorizer::TfidfVectorizer(const TfidfOptions& options)
    : m_options(options), m_analyzer(options.analyzer, options.ngramMin, options.ngramMax, options.lowercase)
{
}

Result<TfidfVectorizer> TfidfVectorizer::fit(const std::vector<std::string_view>& texts, const TfidfOptions& options,
                                             int threads)
{
    if (Status valid = options.validate("TF-IDF options"); !valid) return valid.error();
    TfidfVectorizer vectorizer(options);
    vectorizer.m_documents = texts.size();

    const double maxDocuments = options.maxDf.documents(texts.size());
    const double minDocuments = options.minDf.documents(texts.size());
    if (maxDocuments < minDocuments)
        return Error{"TF-IDF options: max_df " + options.maxDf.toString() + " corresponds to fewer documents than min_df " +
                     options.minDf.toString() + " (" + std::to_string(texts.size()) + " training documents)"};

    const NgramCounter counter = NgramCounter::count(vectorizer.m_analyzer, texts, threads);
    if (counter.size() == 0)
        return Error{"TF-IDF: empty vocabulary: the " + std::to_string(texts.size()) +
                     " training documents contain no " + std::string(analyzerName(options.analyzer)) + " n-gram"};
    std::vector<NgramCounter::Entry> kept = counter.select(minDocuments, maxDocuments);
    if (kept.empty())
        return Error{"TF-IDF: after pruning no n-gram remains; try a lower min_df (" + options.minDf.toString() +
                     ") or a higher max_df (" + options.maxDf.toString() + ")"};

    if (options.maxFeatures > 0 && kept.size() > options.maxFeatures) {
        const auto mostFrequent = [](const NgramCounter::Entry& a, const NgramCounter::Entry& b) {
            return a.occurrences != b.occurrences ? a.occurrences > b.occurrences : a.ngram < b.ngram;
        };
        std::nth_element(kept.begin(), kept.begin() + static_cast<std::ptrdiff_t>(options.maxFeatures), kept.end(),
                         mostFrequent);
        kept.resize(options.maxFeatures);
    }
    // Byte order of UTF-8 is code point order, Python's order of str, so ids match vocabulary_.
    std::sort(kept.begin(), kept.end(),
              [](const NgramCounter::Entry& a, const NgramCounter::Entry& b) { return a.ngram < b.ngram; });

    std::size_t bytes = 0;
    for (const auto& entry : kept) bytes += entry.ngram.size();
    vectorizer.m_features.reserve(kept.size(), bytes);
    vectorizer.m_df.reserve(kept.size());
    for (const auto& entry : kept) {
        vectorizer.m_features.intern(entry.ngram);
        vectorizer.m_df.push_back(entry.documents);
    }
    vectorizer.computeIdf();
    return vectorizer;
}

void TfidfVectorizer::computeIdf()
{
    m_idf.assign(m_df.size(), 1.0);
    if (!m_options.useIdf) return;
    // sklearn's TfidfTransformer.fit, in float64: smoothing acts as if one extra document
    // contained every term once, so no idf divides by zero.
    const double smooth = m_options.smoothIdf ? 1.0 : 0.0;
    const double documents = static_cast<double>(m_documents) + smooth;
    for (std::size_t j = 0; j < m_df.size(); ++j)
        m_idf[j] = std::log(documents / (static_cast<double>(m_df[j]) + smooth)) + 1.0;
}

SparseMatrix TfidfVectorizer::transform(const std::vector<std::string_view>& texts, int threads) const
{
    const int workers = resolveThreadCount(threads, texts.size());
    std::vector<SparseMatrix> parts(static_cast<std::size_t>(workers), SparseMatrix(featureCount()));
    forEachRange(texts.size(), workers, [&](std::size_t worker, std::size_t begin, std::size_t end) {
        transformRange(texts, begin, end, parts[worker]);
    });
    if (parts.size() == 1) return std::move(parts.front());
    SparseMatrix out(featureCount());
    std::size_t nonZeros = 0;
    for (const auto& part : parts) nonZeros += part.nonZeros();
    out.reserve(texts.size(), nonZeros);
    for (auto& part : parts) {
        out.appendRows(part);
        part = SparseMatrix();
    }
    return out;
}

void TfidfVectorizer::transformRange(const std::vector<std::string_view>& texts, std::size_t begin, std::size_t end,
                                     SparseMatrix& out) const
{
    Ngrams ngrams;
    std::vector<std::uint32_t> ids;
    std::vector<std::uint32_t> rowIds;
    std::vector<double> rowValues;
    std::vector<float> rowFloats;
    for (std::size_t d = begin; d < end; ++d) {
        m_analyzer.analyze(texts[d], ngrams);
        ids.clear();
        for (std::size_t i = 0; i < ngrams.size(); ++i) {
            const std::uint32_t id = m_features.find(ngrams[i]);
            if (id != NgramTable::kAbsent) ids.push_back(id);
        }
        std::sort(ids.begin(), ids.end());
        rowIds.clear();
        rowValues.clear();
        for (std::size_t i = 0; i < ids.size();) {
            std::size_t j = i + 1;
            while (j < ids.size() && ids[j] == ids[i]) ++j;
            const auto count = static_cast<double>(j - i);
            // TfidfTransformer.transform in float64: log(tf) + 1, times idf, then the row norm.
            const double tf = m_options.sublinearTf ? std::log(count) + 1.0 : count;
            rowIds.push_back(ids[i]);
            rowValues.push_back(tf * m_idf[ids[i]]);
            i = j;
        }
        double norm = 0.0;
        if (m_options.norm == TfidfNorm::L2) {
            for (const double v : rowValues) norm += v * v;
            norm = std::sqrt(norm);
        } else if (m_options.norm == TfidfNorm::L1) {
            for (const double v : rowValues) norm += std::fabs(v);
        }
        rowFloats.resize(rowValues.size());
        for (std::size_t i = 0; i < rowValues.size(); ++i)
            rowFloats[i] = static_cast<float>(norm > 0.0 ? rowValues[i] / norm : rowValues[i]);
        out.appendRow(rowIds.data(), rowFloats.data(), rowIds.size());
    }
}

void TfidfVectorizer::appendTensors(const std::string& prefix, std::vector<TensorRef>& tensors,
                                    std::map<std::string, std::string>& metadata) const
{
    const auto n = static_cast<std::int64_t>(featureCount());
    const std::string& arena = m_features.arena();
    const auto& offsets = m_features.offsets();
    tensors.push_back({prefix + "features", TensorDType::U8, {static_cast<std::int64_t>(arena.size())}, arena.data(), arena.size()});
    tensors.push_back({prefix + "feature_offsets", TensorDType::I64, {n + 1}, offsets.data(), offsets.size() * sizeof(std::uint64_t)});
    tensors.push_back({prefix + "document_frequency", TensorDType::I64, {n}, m_df.data(), m_df.size() * sizeof(std::int64_t)});
    tensors.push_back({prefix + "idf", TensorDType::F64, {n}, m_idf.data(), m_idf.size() * sizeof(double)});
    m_options.toMetadata(prefix, metadata);
    metadata[prefix + kDocumentsKey] = std::to_string(m_documents);
}

Result<TfidfVectorizer> TfidfVectorizer::fromTensors(const SafetensorsReader& reader, const std::string& prefix,
                                                     const std::string& origin)
{
    auto options = TfidfOptions::fromMetadata(reader.metadata(), prefix, origin);
    if (!options) return options.error();
    TfidfVectorizer vectorizer(*options);

    const auto documentsIt = reader.metadata().find(prefix + kDocumentsKey);
    std::uint64_t documents = 0;
    if (documentsIt == reader.metadata().end() ||
        std::from_chars(documentsIt->second.data(), documentsIt->second.data() + documentsIt->second.size(), documents).ec !=
            std::errc())
        return Error{origin + ": metadata '" + prefix + kDocumentsKey + "' is missing or not a count"};
    vectorizer.m_documents = static_cast<std::size_t>(documents);

    const TensorInfo* features = reader.find(prefix + "features");
    if (!features || features->dtype != TensorDType::U8 || features->shape.size() != 1)
        return Error{origin + ": tensor '" + prefix + "features' is missing or not a 1-D U8 tensor"};
    const std::string_view arena = reader.data(*features);
    auto offsets = readTensor<std::int64_t>(reader, prefix + "feature_offsets", TensorDType::I64, origin);
    if (!offsets) return offsets.error();
    auto df = readTensor<std::int64_t>(reader, prefix + "document_frequency", TensorDType::I64, origin);
    if (!df) return df.error();
    auto idf = readTensor<double>(reader, prefix + "idf", TensorDType::F64, origin);
    if (!idf) return idf.error();

    const std::size_t n = df->size();
    if (n == 0) return Error{origin + ": tensor '" + prefix + "document_frequency' is empty: no feature"};
    if (offsets->size() != n + 1 || idf->size() != n)
        return Error{origin + ": tensors '" + prefix + "feature_offsets', '" + prefix + "document_frequency' and '" +
                     prefix + "idf' disagree on the feature count"};
    if ((*offsets)[0] != 0 || static_cast<std::uint64_t>(offsets->back()) != arena.size())
        return Error{origin + ": tensor '" + prefix + "feature_offsets' does not span '" + prefix + "features'"};
    vectorizer.m_features.reserve(n, arena.size());
    std::string_view previous;
    for (std::size_t j = 0; j < n; ++j) {
        const std::int64_t begin = (*offsets)[j];
        const std::int64_t end = (*offsets)[j + 1];
        if (end < begin) return Error{origin + ": tensor '" + prefix + "feature_offsets' decreases at " + std::to_string(j)};
        const std::string_view ngram = arena.substr(static_cast<std::size_t>(begin), static_cast<std::size_t>(end - begin));
        if (j > 0 && !(previous < ngram))
            return Error{origin + ": feature " + std::to_string(j) + " is not after feature " + std::to_string(j - 1) +
                         " in code point order (a vocabulary is sorted and unique)"};
        if ((*df)[j] < 1 || static_cast<std::uint64_t>((*df)[j]) > documents)
            return Error{origin + ": document frequency of feature " + std::to_string(j) + " is " +
                         std::to_string((*df)[j]) + ", outside 1.." + std::to_string(documents)};
        if (!std::isfinite((*idf)[j]) || (*idf)[j] <= 0.0)
            return Error{origin + ": idf of feature " + std::to_string(j) + " is not a positive finite number"};
        vectorizer.m_features.intern(ngram);
        previous = ngram;
    }
    vectorizer.m_df = std::move(*df);
    vectorizer.m_idf = std::move(*idf);
    return vectorizer;
}

std::string TfidfVectorizer::serialize() const
{
    std::vector<TensorRef> tensors;
    std::map<std::string, std::string> metadata;
    appendTensors("", tensors, metadata);
    auto writer = SafetensorsWriter::create(std::move(tensors), std::move(metadata));
    // Names are fixed and byte counts follow from the vectors themselves: create cannot fail.
    return writer ? writer->toBytes() : std::string();
}

Result<TfidfVectorizer> TfidfVectorizer::deserialize(std::string_view bytes, const std::string& origin)
{
    auto reader = SafetensorsReader::parse(bytes);
    if (!reader) return Error{origin + ": " + reader.message()};
    return fromTensors(*reader, "", origin);
}

} // namespace tagbench::linear
