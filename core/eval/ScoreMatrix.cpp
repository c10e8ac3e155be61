#include "core/eval/ScoreMatrix.h"

#include "core/util/AtomicFile.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <fstream>

namespace tagbench::eval {

namespace {

constexpr char kMagic[8] = {'T', 'B', 'S', 'C', 'O', 'R', 'E', 'S'};
constexpr std::uint32_t kVersion = 1;
constexpr std::uint64_t kMaxStringBytes = 1u << 20;

template <typename T>
void appendPod(std::string& out, const T& value)
{
    out.append(reinterpret_cast<const char*>(&value), sizeof(T));
}

template <typename T>
void appendArray(std::string& out, const std::vector<T>& values)
{
    out.append(reinterpret_cast<const char*>(values.data()), values.size() * sizeof(T));
}

void appendString(std::string& out, const std::string& text)
{
    appendPod(out, static_cast<std::uint32_t>(text.size()));
    out.append(text);
}

// Reads the file sequentially; every failure is reported with the file name and byte offset.
class Reader final {
public:
    Reader(std::ifstream& in, std::string path, std::uint64_t size, std::uint64_t offset)
        : m_in(in), m_path(std::move(path)), m_size(size), m_offset(offset)
    {
    }

    std::uint64_t remaining() const { return m_size - m_offset; }

    Status bytes(void* data, std::uint64_t count, const char* what)
    {
        if (count > remaining())
            return fail(std::string("truncated while reading ") + what + " (needs " + std::to_string(count)
                        + " bytes, " + std::to_string(remaining()) + " left)");
        if (count > 0 && !m_in.read(static_cast<char*>(data), static_cast<std::streamsize>(count)))
            return fail(std::string("read error in ") + what);
        m_offset += count;
        return {};
    }

    template <typename T>
    Status pod(T& value, const char* what)
    {
        return bytes(&value, sizeof(T), what);
    }

    template <typename T>
    Status array(std::vector<T>& values, std::uint64_t count, const char* what)
    {
        if (count > remaining() / sizeof(T))
            return fail(std::string("truncated: ") + what + " declares " + std::to_string(count)
                        + " entries but only " + std::to_string(remaining()) + " bytes are left");
        values.resize(static_cast<std::size_t>(count));
        return bytes(values.data(), count * sizeof(T), what);
    }

    Status string(std::string& text, const char* what)
    {
        std::uint32_t length = 0;
        if (auto s = pod(length, what); !s) return s;
        if (length > kMaxStringBytes || length > remaining())
            return fail(std::string("bad length ") + std::to_string(length) + " of " + what);
        text.resize(length);
        return bytes(text.data(), length, what);
    }

    Error fail(const std::string& why) const
    {
        return Error{m_path + ": byte " + std::to_string(m_offset) + ": " + why};
    }

private:
    std::ifstream& m_in;
    std::string m_path;
    std::uint64_t m_size;
    std::uint64_t m_offset;
};

} // namespace

ScoreMatrix::ScoreMatrix(std::vector<std::string> labelNames) : m_labelNames(std::move(labelNames)) {}

void ScoreMatrix::reserve(std::size_t documents, std::size_t goldPerDocument)
{
    m_documentIds.reserve(documents);
    m_scores.reserve(documents * labelCount());
    m_goldOffsets.reserve(documents + 1);
    m_goldLabels.reserve(documents * goldPerDocument);
}

Status ScoreMatrix::addDocument(std::string id, const float* scores, std::vector<std::uint32_t> gold)
{
    const std::size_t labels = labelCount();
    for (std::size_t j = 0; j < labels; ++j) {
        if (!std::isfinite(scores[j]))
            return Error{"document '" + id + "': score of label '" + m_labelNames[j] + "' is not finite"};
    }
    std::sort(gold.begin(), gold.end());
    gold.erase(std::unique(gold.begin(), gold.end()), gold.end());
    if (!gold.empty() && gold.back() >= labels)
        return Error{"document '" + id + "': gold label index " + std::to_string(gold.back()) + " is out of range (" +
                     std::to_string(labels) + " labels)"};
    m_documentIds.push_back(std::move(id));
    m_scores.insert(m_scores.end(), scores, scores + labels);
    m_goldLabels.insert(m_goldLabels.end(), gold.begin(), gold.end());
    m_goldOffsets.push_back(m_goldLabels.size());
    return {};
}

Status ScoreMatrix::addDocument(std::string id, const std::vector<float>& scores, std::vector<std::uint32_t> gold)
{
    if (scores.size() != labelCount())
        return Error{"document '" + id + "': " + std::to_string(scores.size()) + " scores for " +
                     std::to_string(labelCount()) + " labels"};
    return addDocument(std::move(id), scores.data(), std::move(gold));
}

GoldSpan ScoreMatrix::gold(std::size_t document) const
{
    const std::uint32_t* base = m_goldLabels.data();
    return {base + m_goldOffsets[document], base + m_goldOffsets[document + 1]};
}

bool ScoreMatrix::isGold(std::size_t document, std::uint32_t label) const
{
    const GoldSpan span = gold(document);
    return std::binary_search(span.begin(), span.end(), label);
}

ScoreMatrix ScoreMatrix::subset(const std::vector<std::uint32_t>& documents) const
{
    // Copies rows directly: they were validated when they were added.
    ScoreMatrix out(m_labelNames);
    const std::size_t labels = labelCount();
    out.m_scores.reserve(documents.size() * labels);
    out.m_documentIds.reserve(documents.size());
    out.m_goldOffsets.reserve(documents.size() + 1);
    for (const std::uint32_t d : documents) {
        out.m_documentIds.push_back(m_documentIds[d]);
        out.m_scores.insert(out.m_scores.end(), row(d), row(d) + labels);
        const GoldSpan g = gold(d);
        out.m_goldLabels.insert(out.m_goldLabels.end(), g.begin(), g.end());
        out.m_goldOffsets.push_back(out.m_goldLabels.size());
    }
    return out;
}

Status ScoreMatrix::save(const std::string& path) const
{
    std::string header;
    header.append(kMagic, sizeof(kMagic));
    appendPod(header, kVersion);
    appendPod(header, std::uint32_t{0});
    appendPod(header, static_cast<std::uint64_t>(documentCount()));
    appendPod(header, static_cast<std::uint64_t>(labelCount()));
    appendPod(header, static_cast<std::uint64_t>(m_goldLabels.size()));
    for (const auto& name : m_labelNames) appendString(header, name);
    for (const auto& id : m_documentIds) appendString(header, id);
    appendArray(header, m_goldOffsets);
    appendArray(header, m_goldLabels);

    AtomicFile file(path);
    if (auto s = file.open(); !s) return s;
    file.write(header);
    // The score block can be hundreds of MB: hand it over in slices instead of copying it whole.
    const char* data = reinterpret_cast<const char*>(m_scores.data());
    const std::size_t total = m_scores.size() * sizeof(float);
    constexpr std::size_t kSlice = 8u << 20;
    for (std::size_t at = 0; at < total; at += kSlice)
        file.write(std::string_view(data + at, std::min(kSlice, total - at)));
    return file.commit();
}

Result<ScoreMatrix> ScoreMatrix::load(const std::string& path)
{
    std::ifstream in(path, std::ios::binary | std::ios::ate);
    if (!in) return Error{path + ": cannot open score file: " + std::strerror(errno)};
    const auto size = static_cast<std::uint64_t>(in.tellg());
    in.seekg(0);

    char magic[sizeof(kMagic)] = {};
    if (size < sizeof(kMagic) || !in.read(magic, sizeof(magic)) || std::memcmp(magic, kMagic, sizeof(kMagic)) != 0)
        return Error{path + ": not a Tagbench score file (bad magic)"};
    Reader body(in, path, size, sizeof(kMagic));
    std::uint32_t version = 0, flags = 0;
    std::uint64_t documents = 0, labels = 0, goldCount = 0;
    if (auto s = body.pod(version, "version"); !s) return s.error();
    if (version != kVersion)
        return Error{path + ": unsupported score file version " + std::to_string(version) + " (expected " +
                     std::to_string(kVersion) + ")"};
    if (auto s = body.pod(flags, "flags"); !s) return s.error();
    if (auto s = body.pod(documents, "document count"); !s) return s.error();
    if (auto s = body.pod(labels, "label count"); !s) return s.error();
    if (auto s = body.pod(goldCount, "gold count"); !s) return s.error();
    // Each string needs at least its 4-byte length: reject absurd counts before allocating.
    if (labels > body.remaining() / 4 || documents > body.remaining() / 4 || goldCount > body.remaining() / 4)
        return Error{path + ": header declares " + std::to_string(documents) + " documents, " + std::to_string(labels) +
                     " labels, " + std::to_string(goldCount) + " gold entries but the file is only " +
                     std::to_string(size) + " bytes"};

    ScoreMatrix matrix;
    matrix.m_labelNames.resize(labels);
    for (auto& name : matrix.m_labelNames)
        if (auto s = body.string(name, "label name"); !s) return s.error();
    matrix.m_documentIds.resize(documents);
    for (auto& id : matrix.m_documentIds)
        if (auto s = body.string(id, "document id"); !s) return s.error();
    if (auto s = body.array(matrix.m_goldOffsets, documents + 1, "gold offsets"); !s) return s.error();
    if (auto s = body.array(matrix.m_goldLabels, goldCount, "gold labels"); !s) return s.error();
    const std::uint64_t scoreCount = documents * labels;
    if (labels != 0 && scoreCount / labels != documents) return Error{path + ": score block size overflows"};
    if (body.remaining() != scoreCount * sizeof(float))
        return Error{path + ": score block has " + std::to_string(body.remaining()) + " bytes, expected " +
                     std::to_string(scoreCount * sizeof(float)) + " (" + std::to_string(documents) + " x " +
                     std::to_string(labels) + " float32)"};
    if (auto s = body.array(matrix.m_scores, scoreCount, "scores"); !s) return s.error();

    if (matrix.m_goldOffsets.front() != 0 || matrix.m_goldOffsets.back() != goldCount)
        return Error{path + ": gold offsets do not span the gold labels"};
    for (std::uint64_t d = 0; d < documents; ++d) {
        const auto from = matrix.m_goldOffsets[d], to = matrix.m_goldOffsets[d + 1];
        if (to < from || to > goldCount)
            return Error{path + ": document " + std::to_string(d) + " ('" + matrix.m_documentIds[d] +
                         "'): gold offsets are not increasing"};
        for (auto i = from; i < to; ++i) {
            const std::uint32_t label = matrix.m_goldLabels[i];
            if (label >= labels || (i > from && label <= matrix.m_goldLabels[i - 1]))
                return Error{path + ": document " + std::to_string(d) + " ('" + matrix.m_documentIds[d] +
                             "'): gold label index " + std::to_string(label) +
                             " is out of range or not sorted/unique"};
        }
    }
    for (std::uint64_t i = 0; i < scoreCount; ++i) {
        if (!std::isfinite(matrix.m_scores[i]))
            return Error{path + ": document " + std::to_string(i / labels) + " ('" + matrix.m_documentIds[i / labels] +
                         "'), label '" + matrix.m_labelNames[i % labels] + "': score is not finite"};
    }
    return matrix;
}

} // namespace tagbench::eval
