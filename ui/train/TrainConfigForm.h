#pragma once

#include "core/train/TrainConfig.h"
#include "core/util/Result.h"

#include <nlohmann/json.hpp>

#include <QStringList>
#include <QWidget>

#include <functional>
#include <vector>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QToolButton;

namespace tagbench::ui {

class ModelOptionsEditor;

/// A view of a TrainConfig. It starts from a whole config (a model kind's recommended defaults,
/// or a loaded config.json) and overlays only what its widgets edit, so every key of the file is
/// kept, also those without a widget; the Advanced pane shows and edits the whole document.
/// The model kinds and their own settings come from core's ModelRegistry. config() runs the
/// result through core's validating parser: the form accepts exactly what tagbench-cli accepts.
class TrainConfigForm final : public QWidget {
    Q_OBJECT
public:
    explicit TrainConfigForm(QWidget* parent = nullptr);

    /// The validated config, or the parser's message naming the offending field.
    Result<TrainConfig> config() const;
    /// Shows config (e.g. a saved config.json); config() gives it back unchanged until edited.
    void setConfig(const TrainConfig& config);
    /// Starts over from the recommended defaults of a model kind, keeping data, task and tokenizer.
    void applyDefaults(const QString& modelKind);
    /// Dataset files offered in the train/dev/test lists; a file whose name says its split
    /// ("news-dev.jsonl") is preselected for that split when the split is still empty.
    void setDatasetChoices(const QStringList& paths, const QStringList& splits);
    /// auto, cpu or cuda.
    QString device() const;
    /// The run folder typed by the user, or empty for an automatic one.
    QString runFolder() const;
    void setRunFolder(const QString& folder);
    /// Why the tokenizer is what it is (picked from the training data), or empty.
    QString tokenizerNote() const;
    /// The whole document the form shows (every key, edits included), to keep between sessions.
    QByteArray settingsJson() const;
    /// Shows a document settingsJson() gave; false (and nothing changed) when it is not valid.
    bool setSettingsJson(const QByteArray& json);

signals:
    /// The user asked to load a config file's values into the form.
    void loadConfigRequested();

protected:
    void changeEvent(QEvent* event) override;

private:
    /// A widget bound to one key of the config: its value overlays the base once it was edited.
    struct Field {
        std::string pointer;  // JSON pointer, e.g. "/train/epochs"
        std::function<nlohmann::json()> value;
        bool touched = false;
    };
    template <typename Widget, typename Signal>
    void bind(Widget* widget, Signal changed, std::string pointer, std::function<nlohmann::json()> value);
    nlohmann::json document() const;
    void showDocument();
    void chooseTokenizerFromData();
    void updateTaskRows();
    QGroupBox* group(QFormLayout*& form);
    QWidget* fileRow(QComboBox* box, bool optional);
    void retranslateUi();

    nlohmann::json m_base;  // the config the form started from, every key present
    std::vector<Field> m_fields;
    bool m_loading = false;  // widgets are being filled from m_base: not an edit
    bool m_tokenizerFromData = false;  // a new config (not a loaded one): pick the tokenizer from the data

    // Model
    QGroupBox* m_modelGroup = nullptr;
    QFormLayout* m_modelForm = nullptr;
    QComboBox* m_model = nullptr;
    QLabel* m_modelSummary = nullptr;
    QComboBox* m_task = nullptr;
    QComboBox* m_device = nullptr;
    // Data
    QGroupBox* m_dataGroup = nullptr;
    QFormLayout* m_dataForm = nullptr;
    QComboBox* m_train = nullptr;
    QComboBox* m_dev = nullptr;
    QComboBox* m_test = nullptr;
    // Tokenizer
    QGroupBox* m_tokenizerGroup = nullptr;
    QFormLayout* m_tokenizerForm = nullptr;
    QComboBox* m_tokenizer = nullptr;
    QLabel* m_tokenizerNote = nullptr;
    QCheckBox* m_lowercase = nullptr;
    QSpinBox* m_minCount = nullptr;
    QSpinBox* m_maxVocab = nullptr;
    // Network: the embedding and the kind's own section
    QGroupBox* m_networkGroup = nullptr;
    QFormLayout* m_networkForm = nullptr;
    QSpinBox* m_dimension = nullptr;
    ModelOptionsEditor* m_options = nullptr;
    // Training
    QGroupBox* m_trainGroup = nullptr;
    QFormLayout* m_trainForm = nullptr;
    QSpinBox* m_epochs = nullptr;
    QSpinBox* m_batchSize = nullptr;
    QDoubleSpinBox* m_learningRate = nullptr;
    QComboBox* m_optimizer = nullptr;
    QComboBox* m_loss = nullptr;
    QComboBox* m_posWeight = nullptr;
    QSpinBox* m_patience = nullptr;
    QSpinBox* m_seed = nullptr;
    QCheckBox* m_thresholdFromDev = nullptr;
    // Advanced: the whole document
    QGroupBox* m_advancedGroup = nullptr;
    QPlainTextEdit* m_json = nullptr;
    QPushButton* m_applyJson = nullptr;
    QLabel* m_jsonStatus = nullptr;
    // Output
    QGroupBox* m_outputGroup = nullptr;
    QFormLayout* m_outputForm = nullptr;
    QLineEdit* m_runFolder = nullptr;
    QPushButton* m_browseRunFolder = nullptr;
    QPushButton* m_loadConfig = nullptr;
    QPushButton* m_defaults = nullptr;
    std::vector<QToolButton*> m_browseButtons;
};

} // namespace tagbench::ui
