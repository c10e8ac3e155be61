// Train/Demo/Export pages: second GUI engineer
#pragma once

#include "core/train/TrainConfig.h"
#include "core/util/Result.h"

#include <QStringList>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QGroupBox;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace tagbench::ui {

/// The training configuration as a form: model, data splits, tokenizer, network and
/// optimisation settings, with sensible defaults per model. config() runs the values through
/// core's validating parser, so the form accepts exactly what tagbench-cli accepts.
class TrainConfigForm final : public QWidget {
    Q_OBJECT
public:
    explicit TrainConfigForm(QWidget* parent = nullptr);

    /// The validated config, or the parser's message naming the offending field.
    Result<TrainConfig> config() const;
    /// Fills every field from config (e.g. a saved config.json).
    void setConfig(const TrainConfig& config);
    /// Resets the model-dependent fields to the defaults of model.
    void applyDefaults(ModelKind model);
    /// Dataset files offered in the train/dev/test lists; a file whose name says its split
    /// ("news-dev.jsonl") is preselected for that split when the split is still empty.
    void setDatasetChoices(const QStringList& paths, const QStringList& splits);
    /// auto, cpu or cuda.
    QString device() const;
    /// The run folder typed by the user, or empty for an automatic one.
    QString runFolder() const;
    void setRunFolder(const QString& folder);

    QComboBox* modelBox() const { return m_model; }

signals:
    /// The user asked to load a config file's values into the form.
    void loadConfigRequested();

protected:
    void changeEvent(QEvent* event) override;

private:
    QGroupBox* group(QFormLayout*& form);
    QWidget* fileRow(QComboBox* box, bool optional);
    void updateModelRows();
    void retranslateUi();

    // Model
    QGroupBox* m_modelGroup = nullptr;
    QFormLayout* m_modelForm = nullptr;
    QComboBox* m_model = nullptr;
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
    QCheckBox* m_lowercase = nullptr;
    QSpinBox* m_minCount = nullptr;
    QSpinBox* m_maxVocab = nullptr;
    // Network
    QGroupBox* m_networkGroup = nullptr;
    QFormLayout* m_networkForm = nullptr;
    QSpinBox* m_dimension = nullptr;
    QLineEdit* m_kernelSizes = nullptr;
    QSpinBox* m_numKernels = nullptr;
    QDoubleSpinBox* m_dropout = nullptr;
    QSpinBox* m_maxLength = nullptr;
    QSpinBox* m_wordNgrams = nullptr;
    QSpinBox* m_buckets = nullptr;
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
    // Output
    QGroupBox* m_outputGroup = nullptr;
    QFormLayout* m_outputForm = nullptr;
    QLineEdit* m_runFolder = nullptr;
    QPushButton* m_browseRunFolder = nullptr;
    QPushButton* m_loadConfig = nullptr;
    QPushButton* m_defaults = nullptr;
};

} // namespace tagbench::ui
