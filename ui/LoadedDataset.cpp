#include "ui/LoadedDataset.h"

#include <QFileInfo>
#include <QRegularExpression>

#include <algorithm>
#include <vector>

namespace tagbench::ui {

double LabelDistribution::share(int i) const
{
    if (documents <= 0 || i < 0 || i >= labels.size())
        return 0.0;
    return static_cast<double>(labels[i].documents) / static_cast<double>(documents);
}

int LabelDistribution::rareCount() const
{
    int count = 0;
    for (int i = 0; i < labels.size(); ++i)
        count += isRare(i) ? 1 : 0;
    return count;
}

LoadedDataset::LoadedDataset(QString path, std::shared_ptr<const Dataset> data, ImportReport report)
    : m_path(std::move(path))
    , m_split(guessSplit(m_path))
    , m_data(std::move(data))
    , m_report(std::move(report))
    , m_distribution(computeLabelDistribution(*m_data))
{
}

QString LoadedDataset::displayName() const
{
    return QFileInfo(m_path).fileName();
}

QString LoadedDataset::guessSplit(const QString& path)
{
    // Split names as whole words of the base name: "train.jsonl", "news_dev.json", "test-2024.tsv".
    static const QRegularExpression splitWord(
        QStringLiteral("(?:^|[^a-z])(train|training|dev|valid|validation|val|test|testing)(?:$|[^a-z])"),
        QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = splitWord.match(QFileInfo(path).completeBaseName());
    if (!match.hasMatch())
        return {};
    const QString word = match.captured(1).toLower();
    if (word.startsWith(QLatin1String("train")))
        return QStringLiteral("train");
    if (word.startsWith(QLatin1String("test")))
        return QStringLiteral("test");
    return QStringLiteral("dev");
}

LabelDistribution computeLabelDistribution(const Dataset& data)
{
    const std::vector<std::string>& names = data.labelNames();
    std::vector<qint64> counts(names.size(), 0);
    LabelDistribution result;
    result.documents = static_cast<qint64>(data.size());
    for (std::size_t doc = 0; doc < data.size(); ++doc) {
        const Span<std::int32_t> ids = data.labels(doc);
        result.labelAssignments += static_cast<qint64>(ids.size);
        for (const std::int32_t id : ids)
            ++counts[static_cast<std::size_t>(id)];
    }
    result.labels.reserve(static_cast<int>(names.size()));
    for (std::size_t id = 0; id < names.size(); ++id)
        result.labels.push_back({QString::fromStdString(names[id]), counts[id]});
    std::sort(result.labels.begin(), result.labels.end(),
              [](const LabelFrequency& a, const LabelFrequency& b) {
                  return a.documents != b.documents ? a.documents > b.documents : a.label < b.label;
              });
    return result;
}

} // namespace tagbench::ui
