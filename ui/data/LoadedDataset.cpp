#include "ui/data/LoadedDataset.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

#include <unordered_set>

namespace tagbench::ui {

double LabelDistribution::share(int i) const
{
    if (documents <= 0 || i < 0 || i >= labels.size())
        return 0.0;
    return static_cast<double>(labels[i].documents) / static_cast<double>(documents);
}

int LabelDistribution::rareCount() const
{
    return static_cast<int>(std::count_if(labels.begin(), labels.end(), [](const LabelCount& l) { return l.rare; }));
}

int LabelDistribution::unseenInTrainCount() const
{
    return static_cast<int>(
        std::count_if(labels.begin(), labels.end(), [](const LabelCount& l) { return l.unseenInTrain; }));
}

LabelDistribution toDistribution(const SplitStatistics& statistics)
{
    const std::unordered_set<std::string> unseen(statistics.unseenInTrain.begin(), statistics.unseenInTrain.end());
    LabelDistribution result;
    result.documents = static_cast<qint64>(statistics.documents);
    result.labelAssignments = static_cast<qint64>(statistics.labelAssignments);
    result.labels.reserve(static_cast<int>(statistics.distribution.size()));
    for (const LabelFrequency& frequency : statistics.distribution) {
        if (frequency.count == 0)
            continue;
        result.labels.push_back({QString::fromStdString(frequency.label), static_cast<qint64>(frequency.count),
                                 frequency.rare, unseen.count(frequency.label) > 0});
    }
    return result;
}

LoadedDataset::LoadedDataset(QString path, std::shared_ptr<const Dataset> data, ImportReport report,
                             QString contentHash)
    : m_path(std::move(path))
    , m_split(guessSplit(m_path))
    , m_data(std::move(data))
    , m_report(std::move(report))
    , m_contentHash(std::move(contentHash))
    , m_statistics(computeStatistics(*m_data, {}, m_split.toStdString()))
    , m_hierarchy(LabelHierarchy::build(*m_data, m_statistics.hierarchySeparator))
    , m_distribution(toDistribution(m_statistics))
{
}

std::shared_ptr<const LoadedDataset> LoadedDataset::withTrain(const LoadedDataset& train) const
{
    auto copy = std::make_shared<LoadedDataset>(*this);
    markUnseenInTrain(copy->m_statistics, train.data());
    copy->m_distribution = toDistribution(copy->m_statistics);
    return copy;
}

QString LoadedDataset::displayName() const
{
    // Splits of different corpora share file names (train.jsonl); the folder tells them apart.
    const QFileInfo info(m_path);
    const QString folder = info.dir().dirName();
    return folder.isEmpty() || info.dir().isRoot() ? info.fileName() : folder + QLatin1Char('/') + info.fileName();
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

} // namespace tagbench::ui
