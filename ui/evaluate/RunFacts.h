#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QVector>

namespace tagbench::ui {

/// One line of a run's description: what (translated) and its value.
struct RunFact {
    QString name;
    QString value;
};

/// What a training run is, in the user's language: the model, its settings, the tokenizer and
/// the training settings from the run's config.json (or a bundle's copy of it), and how
/// training went from run.json. Core writes keys and enum names in English; they are turned
/// into words here, piece by piece, so that the report, the Demo and Project pages and the
/// Train page say the same thing in both languages.
class RunFacts final {
    Q_DECLARE_TR_FUNCTIONS(tagbench::ui::RunFacts)
public:
    /// Model, network, tokenizer and training settings of a config.json text (empty when it
    /// cannot be read).
    static QVector<RunFact> fromConfig(const QByteArray& configJson);
    /// Best epoch, dev and test scores, device and time of a run.json text.
    static QVector<RunFact> fromSummary(const QByteArray& runJson);
    /// Both, read from RUN_DIR/config.json and RUN_DIR/run.json.
    static QVector<RunFact> ofRunFolder(const QString& runDir);
    /// run.json in one line for tables ("best epoch 12 · best dev micro-F1 0.9312 · the CPU").
    static QString summaryLine(const QByteArray& runJson);

    /// "45 s", "3 min 12 s", "2 h 5 min".
    static QString duration(double seconds);
};

} // namespace tagbench::ui
