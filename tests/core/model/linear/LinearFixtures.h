#pragma once

// Readers for the scikit-learn reference files in tests/data/linear (written by
// make_fixtures.py there): the corpus, TF-IDF options from sklearn parameter dicts, CSR matrices.

#include "core/model/linear/SparseMatrix.h"
#include "core/model/linear/TfidfOptions.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

#include <string>
#include <string_view>
#include <vector>

namespace tagbench::test {

inline QString linearFixturePath(const QString& name) { return QStringLiteral(TAGBENCH_TEST_DATA "/linear/") + name; }

/// The parsed JSON object of a fixture file; empty when it cannot be read (the test then fails
/// on the missing keys).
inline QJsonObject loadLinearFixture(const QString& name)
{
    QFile file(linearFixturePath(name));
    if (!file.open(QIODevice::ReadOnly)) return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

/// One corpus document.
struct FixtureDocument {
    std::string text;
    std::vector<std::string> labels;
};

/// corpus.jsonl, in file order.
inline std::vector<FixtureDocument> loadLinearCorpus()
{
    std::vector<FixtureDocument> documents;
    QFile file(linearFixturePath(QStringLiteral("corpus.jsonl")));
    if (!file.open(QIODevice::ReadOnly)) return documents;
    for (const QByteArray& line : file.readAll().split('\n')) {
        if (line.trimmed().isEmpty()) continue;
        const QJsonObject object = QJsonDocument::fromJson(line).object();
        FixtureDocument document;
        document.text = object.value("text").toString().toStdString();
        for (const auto label : object.value("labels").toArray()) document.labels.push_back(label.toString().toStdString());
        documents.push_back(std::move(document));
    }
    return documents;
}

/// Views of texts[begin, end).
inline std::vector<std::string_view> textViews(const std::vector<FixtureDocument>& documents, std::size_t begin,
                                               std::size_t end)
{
    std::vector<std::string_view> views;
    for (std::size_t i = begin; i < end && i < documents.size(); ++i) views.emplace_back(documents[i].text);
    return views;
}

/// TfidfOptions of a sklearn TfidfVectorizer parameter dict (missing keys: sklearn's defaults).
/// make_fixtures.py writes min_df/max_df as Python spells them ("2" a count, "0.5" a fraction).
inline linear::TfidfOptions tfidfOptionsFromJson(const QJsonObject& params)
{
    linear::TfidfOptions options;
    if (params.contains("analyzer"))
        options.analyzer = *linear::parseAnalyzer(params.value("analyzer").toString().toStdString());
    if (params.contains("ngram_range")) {
        options.ngramMin = params.value("ngram_range").toArray().at(0).toInt();
        options.ngramMax = params.value("ngram_range").toArray().at(1).toInt();
    }
    const auto bound = [&](const char* key, linear::DocumentFrequencyBound fallback) {
        if (!params.contains(key)) return fallback;
        return *linear::DocumentFrequencyBound::parse(params.value(key).toString().toStdString());
    };
    options.minDf = bound("min_df", options.minDf);
    options.maxDf = bound("max_df", options.maxDf);
    if (params.contains("max_features") && !params.value("max_features").isNull())
        options.maxFeatures = static_cast<std::size_t>(params.value("max_features").toInt());
    if (params.contains("sublinear_tf")) options.sublinearTf = params.value("sublinear_tf").toBool();
    if (params.contains("norm"))
        options.norm = params.value("norm").isNull() ? linear::TfidfNorm::None
                                                     : *linear::parseNorm(params.value("norm").toString().toStdString());
    if (params.contains("use_idf")) options.useIdf = params.value("use_idf").toBool();
    if (params.contains("smooth_idf")) options.smoothIdf = params.value("smooth_idf").toBool();
    if (params.contains("lowercase")) options.lowercase = params.value("lowercase").toBool();
    return options;
}

/// A CSR matrix {"indptr", "indices", "data"} with columns columns.
inline linear::SparseMatrix sparseFromJson(const QJsonObject& object, std::size_t columns)
{
    linear::SparseMatrix matrix(columns);
    const QJsonArray indptr = object.value("indptr").toArray();
    const QJsonArray indices = object.value("indices").toArray();
    const QJsonArray data = object.value("data").toArray();
    for (int r = 0; r + 1 < indptr.size(); ++r) {
        std::vector<std::uint32_t> ids;
        std::vector<float> values;
        for (int i = indptr.at(r).toInt(); i < indptr.at(r + 1).toInt(); ++i) {
            ids.push_back(static_cast<std::uint32_t>(indices.at(i).toInt()));
            values.push_back(static_cast<float>(data.at(i).toDouble()));
        }
        matrix.appendRow(ids.data(), values.data(), ids.size());
    }
    return matrix;
}

} // namespace tagbench::test
