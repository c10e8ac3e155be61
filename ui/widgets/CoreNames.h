#pragma once

#include "core/storage/ProjectRecords.h"

#include <QCoreApplication>
#include <QString>

namespace tagbench::ui {

/// Core writes its enums, keys and sources as stable English names ("dev", "finished", "cpu",
/// "config.json eval", "jsonl"); core never sees Qt, so the words a user reads are made here,
/// one function per kind of name. Unknown names are shown as they are.
class CoreNames final {
    Q_DECLARE_TR_FUNCTIONS(tagbench::ui::CoreNames)
public:
    CoreNames() = delete;

    /// "train", "dev", "test".
    static QString split(const QString& split);
    /// A project's run status.
    static QString runStatus(RunStatus status);
    /// A device as the trainer names it ("cpu", "cuda:0").
    static QString device(const QString& device);
    /// "char", "word", "sentencepiece".
    static QString tokenizer(const QString& kind);
    /// "TextCNN, multi-label" for a model kind and a task name ("multi_label").
    static QString model(const QString& kind, const QString& task);
    /// The name of a model kind as the Train page lists it.
    static QString modelName(const QString& kind);
    /// What a model kind is, for the kinds Tagbench ships; another kind's own (English) summary.
    static QString modelSummary(const QString& kind, const QString& coreSummary);
    /// A dataset format name ("jsonl", "neuralclassifier", "fasttext", "csv", "tsv").
    static QString datasetFormat(const QString& format);
    /// Where a run's decision rule came from, as core's run files say it.
    static QString ruleSource(const QString& source);
};

} // namespace tagbench::ui
