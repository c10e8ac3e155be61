#include "ui/widgets/CoreNames.h"

namespace tagbench::ui {

QString CoreNames::split(const QString& split)
{
    if (split == QLatin1String("train"))
        return tr("train");
    if (split == QLatin1String("dev"))
        return tr("dev");
    if (split == QLatin1String("test"))
        return tr("test");
    return split;
}

QString CoreNames::runStatus(RunStatus status)
{
    switch (status) {
    case RunStatus::Created: return tr("created");
    case RunStatus::Running: return tr("running");
    case RunStatus::Finished: return tr("finished");
    case RunStatus::Failed: return tr("failed");
    case RunStatus::Cancelled: return tr("cancelled");
    }
    return {};
}

QString CoreNames::device(const QString& device)
{
    if (device == QLatin1String("cpu"))
        return tr("the CPU");
    if (device.startsWith(QLatin1String("cuda"))) {
        const QString index = device.section(QLatin1Char(':'), 1, 1);
        return tr("GPU %1").arg(index.isEmpty() ? QStringLiteral("0") : index);
    }
    return device;
}

QString CoreNames::tokenizer(const QString& kind)
{
    if (kind == QLatin1String("char"))
        return tr("characters");
    if (kind == QLatin1String("word"))
        return tr("words");
    if (kind == QLatin1String("sentencepiece") || kind == QLatin1String("spm"))
        return tr("SentencePiece pieces");
    return kind;
}

QString CoreNames::model(const QString& kind, const QString& task)
{
    if (task == QLatin1String("single_label"))
        return tr("%1, single-label").arg(kind);
    if (task == QLatin1String("multi_label"))
        return tr("%1, multi-label").arg(kind);
    return kind;
}

QString CoreNames::modelSummary(const QString& kind, const QString& coreSummary)
{
    if (kind == QLatin1String("TextCNN"))
        return tr("Convolutions over word or character embeddings; strong on short texts with telling phrases.");
    if (kind == QLatin1String("FastText"))
        return tr("Averaged word and n-gram embeddings with a linear layer; trains in seconds on large data.");
    if (kind == QLatin1String("Linear"))
        return tr("TF-IDF features and one logistic regression (or linear SVM) per label; a strong, fast baseline.");
    if (kind == QLatin1String("BERT"))
        return tr("Fine-tunes a pretrained Hugging Face BERT checkpoint; the most accurate, and the slowest on a CPU.");
    return coreSummary;
}

QString CoreNames::modelName(const QString& kind)
{
    // TextCNN, FastText and BERT are names; the linear model is a kind of model.
    if (kind == QLatin1String("Linear"))
        return tr("Linear (TF-IDF)");
    return kind;
}

QString CoreNames::datasetFormat(const QString& format)
{
    if (format == QLatin1String("jsonl"))
        return tr("JSON lines");
    if (format == QLatin1String("neuralclassifier"))
        return tr("NeuralClassifier JSON");
    if (format == QLatin1String("fasttext"))
        return tr("fastText");
    if (format == QLatin1String("csv"))
        return tr("CSV");
    if (format == QLatin1String("tsv"))
        return tr("TSV");
    return format;
}

QString CoreNames::ruleSource(const QString& source)
{
    if (source == QLatin1String("rule.json"))
        return tr("rule.json");
    if (source.startsWith(QLatin1String("default threshold")))
        return tr("the default threshold 0.5");
    if (source == QLatin1String("config.json eval"))
        return tr("the training config");
    if (source.startsWith(QLatin1String("config.json eval (threshold picked on dev")))
        return tr("the threshold picked on dev during training");
    if (source.startsWith(QLatin1String("config.json eval (threshold \"dev\"")))
        return tr("the training config (its dev threshold was not kept; 0.5)");
    return source;
}

} // namespace tagbench::ui
