#include "ui/evaluate/RunFacts.h"

#include "core/train/TrainConfig.h"
#include "ui/train/ModelOptionsEditor.h"
#include "ui/widgets/CoreNames.h"

#include <nlohmann/json.hpp>

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QStringList>

#include <cmath>

namespace tagbench::ui {

namespace {

const QString separator = QStringLiteral(" · ");

QByteArray readSmallFile(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.read(1 << 20) : QByteArray();
}

QString number(double value)
{
    return QLocale().toString(value, 'g', 6);
}

QString jsonValueText(const nlohmann::json& value)
{
    if (value.is_boolean())
        return value.get<bool>() ? RunFacts::tr("yes") : RunFacts::tr("no");
    if (value.is_number_integer())
        return QLocale().toString(qlonglong(value.get<std::int64_t>()));
    if (value.is_number())
        return number(value.get<double>());
    if (value.is_string())
        return QString::fromStdString(value.get<std::string>());
    if (value.is_array()) {
        QStringList items;
        for (const auto& item : value)
            items << jsonValueText(item);
        return items.join(QStringLiteral(", "));
    }
    return QString::fromStdString(value.dump());
}

QString lossName(const TrainConfig& c)
{
    if (c.model.task == TaskKind::SingleLabel)
        return RunFacts::tr("cross-entropy loss");
    return c.train.loss == "focal" ? RunFacts::tr("focal loss") : RunFacts::tr("binary cross-entropy loss");
}

QString runStatusText(const QString& status)
{
    if (status == QLatin1String("completed"))
        return RunFacts::tr("completed");
    if (status == QLatin1String("early_stopped"))
        return RunFacts::tr("stopped early");
    if (status == QLatin1String("cancelled"))
        return RunFacts::tr("cancelled");
    if (status == QLatin1String("diverged"))
        return RunFacts::tr("diverged (best epoch kept)");
    if (status == QLatin1String("running"))
        return RunFacts::tr("running");
    if (status == QLatin1String("failed"))
        return RunFacts::tr("failed");
    return status;
}

} // namespace

QVector<RunFact> RunFacts::fromConfig(const QByteArray& configJson)
{
    if (configJson.trimmed().isEmpty())
        return {};
    const Result<TrainConfig> parsed = TrainConfig::parse(configJson.toStdString(), "config.json", QDir::rootPath().toStdString(),
                                                          TrainConfig::Files::MayBeMissing);
    if (!parsed.ok())
        return {};
    const TrainConfig& c = *parsed;
    const QLocale locale;
    QVector<RunFact> facts;
    facts.push_back({tr("Model"), CoreNames::model(QString::fromStdString(c.model.kind), QString::fromStdString(taskKindName(c.model.task)))});

    QStringList network;
    if (c.model.embeddingDim > 0)
        network << tr("embedding dimension %1").arg(locale.toString(qlonglong(c.model.embeddingDim)));
    if (c.model.options) {
        const nlohmann::json section = c.model.options->toJson();
        for (auto it = section.begin(); it != section.end(); ++it)
            network << tr("%1 %2").arg(ModelOptionsEditor::name(it.key()).toLower(), jsonValueText(it.value()));
    }
    if (!network.isEmpty())
        facts.push_back({tr("Network"), network.join(separator)});

    QStringList tokenizer{CoreNames::tokenizer(QString::fromStdString(c.tokenizer.kind))};
    if (c.tokenizer.lowercase)
        tokenizer << tr("lowercase");
    if (c.tokenizer.minCount > 1)
        tokenizer << tr("tokens seen at least %n times", nullptr, int(c.tokenizer.minCount));
    if (c.tokenizer.maxSize > 0)
        tokenizer << tr("at most %1 tokens").arg(locale.toString(qlonglong(c.tokenizer.maxSize)));
    facts.push_back({tr("Tokenizer"), tokenizer.join(separator)});

    QStringList training{tr("%n epoch(s)", nullptr, int(c.train.epochs)),
                         tr("batch size %1").arg(locale.toString(qlonglong(c.train.batchSize))),
                         tr("learning rate %1 (%2)").arg(number(c.train.learningRate), QString::fromStdString(c.train.optimizer)),
                         lossName(c)};
    training << (c.train.earlyStoppingPatience > 0
                     ? tr("early stopping after %n epoch(s) without improvement", nullptr, int(c.train.earlyStoppingPatience))
                     : tr("no early stopping"));
    training << tr("seed %1").arg(c.train.seed);
    facts.push_back({tr("Training"), training.join(separator)});
    facts.push_back({tr("Threshold"), c.eval.thresholdFromDev ? tr("global threshold chosen on dev")
                                                              : tr("global threshold %1").arg(number(c.eval.threshold))});
    return facts;
}

QVector<RunFact> RunFacts::fromSummary(const QByteArray& runJson)
{
    const QJsonObject run = QJsonDocument::fromJson(runJson).object();
    if (run.isEmpty())
        return {};
    const QLocale locale;
    QVector<RunFact> facts;
    facts.push_back({tr("Status"), runStatusText(run.value(QLatin1String("status")).toString())});
    const int epochs = run.value(QLatin1String("epochs_done")).toInt();
    facts.push_back({tr("Trained"), tr("%n epoch(s), best epoch %1", nullptr, epochs)
                                        .arg(run.value(QLatin1String("best_epoch")).toInt())});
    facts.push_back({tr("Best dev micro-F1"), locale.toString(run.value(QLatin1String("best_dev_micro_f1")).toDouble(), 'f', 4)});
    if (!run.value(QLatin1String("test_performance")).toString().isEmpty())
        facts.push_back({tr("Test"), tr("micro-F1 %1, macro-F1 %2")
                                         .arg(locale.toString(run.value(QLatin1String("test_micro_f1")).toDouble(), 'f', 4),
                                              locale.toString(run.value(QLatin1String("test_macro_f1")).toDouble(), 'f', 4))});
    QString device = CoreNames::device(run.value(QLatin1String("device")).toString().section(QLatin1Char(' '), 0, 0));
    if (run.value(QLatin1String("device")).toString().startsWith(QLatin1String("cpu")) && run.contains(QLatin1String("threads")))
        device = tr("%1, %n thread(s)", nullptr, run.value(QLatin1String("threads")).toInt()).arg(device);
    const double seconds = run.value(QLatin1String("seconds")).toObject().value(QLatin1String("total")).toDouble();
    facts.push_back({tr("Trained on"), seconds > 0 ? tr("%1 in %2").arg(device, duration(seconds)) : device});
    return facts;
}

QVector<RunFact> RunFacts::ofRunFolder(const QString& runDir)
{
    const QDir dir(runDir);
    QVector<RunFact> facts = fromConfig(readSmallFile(dir.filePath(QStringLiteral("config.json"))));
    facts += fromSummary(readSmallFile(dir.filePath(QStringLiteral("run.json"))));
    return facts;
}

QString RunFacts::summaryLine(const QByteArray& runJson)
{
    const QJsonObject run = QJsonDocument::fromJson(runJson).object();
    if (run.isEmpty())
        return {};
    QStringList parts;
    if (run.contains(QLatin1String("best_epoch")))
        parts << tr("best epoch %1").arg(run.value(QLatin1String("best_epoch")).toInt());
    if (run.contains(QLatin1String("best_dev_micro_f1")))
        parts << tr("best dev micro-F1 %1").arg(QLocale().toString(run.value(QLatin1String("best_dev_micro_f1")).toDouble(), 'f', 4));
    if (!run.value(QLatin1String("test_performance")).toString().isEmpty())
        parts << tr("test micro-F1 %1").arg(QLocale().toString(run.value(QLatin1String("test_micro_f1")).toDouble(), 'f', 4));
    if (run.contains(QLatin1String("device")))
        parts << CoreNames::device(run.value(QLatin1String("device")).toString().section(QLatin1Char(' '), 0, 0));
    return parts.join(separator);
}

QString RunFacts::duration(double seconds)
{
    const qint64 s = qint64(std::llround(std::max(0.0, seconds)));
    if (s < 60)
        return tr("%1 s").arg(s);
    if (s < 3600)
        return tr("%1 min %2 s").arg(s / 60).arg(s % 60);
    return tr("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60);
}

} // namespace tagbench::ui
