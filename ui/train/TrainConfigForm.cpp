#include "ui/train/TrainConfigForm.h"

#include "core/model/ModelRegistry.h"
#include "core/text/ScriptMix.h"
#include "ui/train/ModelOptionsEditor.h"
#include "ui/widgets/CoreNames.h"
#include "ui/widgets/FileDialogs.h"
#include "ui/widgets/WheelGuard.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFile>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QToolButton>
#include <QVBoxLayout>

#include <limits>

namespace tagbench::ui {

namespace {

using nlohmann::json;

QSpinBox* spinBox(int minimum, int maximum, QWidget* parent)
{
    auto* box = new QSpinBox(parent);
    box->setRange(minimum, maximum);
    box->setGroupSeparatorShown(true);
    return box;
}

void setRowLabel(QFormLayout* form, QWidget* field, const QString& text)
{
    if (auto* label = qobject_cast<QLabel*>(form->labelForField(field)))
        label->setText(text);
}

void selectData(QComboBox* box, const QVariant& data)
{
    const int index = box->findData(data);
    if (index >= 0)
        box->setCurrentIndex(index);
}

QString pathOf(const QComboBox* box)
{
    return QDir::fromNativeSeparators(box->currentText().trimmed());
}

json parseConfigJson(const TrainConfig& config)
{
    return json::parse(config.toJson());
}

const json& at(const json& document, const char* pointer)
{
    static const json missing;
    const json::json_pointer path(pointer);
    return document.contains(path) ? document.at(path) : missing;
}

} // namespace

TrainConfigForm::TrainConfigForm(QWidget* parent)
    : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    m_modelGroup = group(m_modelForm);
    m_model = new QComboBox(this);
    m_model->setObjectName(QStringLiteral("model"));
    for (const auto& kind : ModelRegistry::instance().kinds()) {
        const QString name = QString::fromStdString(kind->name());
        m_model->addItem(CoreNames::modelName(name), name);
        m_model->setItemData(m_model->count() - 1, CoreNames::modelSummary(name, QString::fromStdString(kind->summary())),
                             Qt::ToolTipRole);
    }
    m_modelSummary = new QLabel(this);
    m_modelSummary->setWordWrap(true);
    m_task = new QComboBox(this);
    m_task->setObjectName(QStringLiteral("task"));
    m_task->addItem(QString(), QStringLiteral("multi_label"));
    m_task->addItem(QString(), QStringLiteral("single_label"));
    m_device = new QComboBox(this);
    m_device->setObjectName(QStringLiteral("device"));
    m_device->addItem(QString(), QStringLiteral("auto"));
    m_device->addItem(QString(), QStringLiteral("cpu"));
    m_device->addItem(QString(), QStringLiteral("cuda"));
    m_modelForm->addRow(new QLabel(this), m_model);
    m_modelForm->addRow(QString(), m_modelSummary);
    m_modelForm->addRow(new QLabel(this), m_task);
    m_modelForm->addRow(new QLabel(this), m_device);

    m_dataGroup = group(m_dataForm);
    m_train = new QComboBox(this);
    m_train->setObjectName(QStringLiteral("train"));
    m_dev = new QComboBox(this);
    m_dev->setObjectName(QStringLiteral("dev"));
    m_test = new QComboBox(this);
    m_test->setObjectName(QStringLiteral("test"));
    m_dataForm->addRow(new QLabel(this), fileRow(m_train, false));
    m_dataForm->addRow(new QLabel(this), fileRow(m_dev, false));
    m_dataForm->addRow(new QLabel(this), fileRow(m_test, true));

    m_tokenizerGroup = group(m_tokenizerForm);
    m_tokenizer = new QComboBox(this);
    m_tokenizer->setObjectName(QStringLiteral("tokenizer"));
    m_tokenizer->addItem(QString(), QStringLiteral("word"));
    m_tokenizer->addItem(QString(), QStringLiteral("char"));
    m_tokenizer->addItem(QString(), QStringLiteral("sentencepiece"));
    m_tokenizerNote = new QLabel(this);
    m_tokenizerNote->setObjectName(QStringLiteral("tokenizerNote"));
    m_tokenizerNote->setWordWrap(true);
    m_lowercase = new QCheckBox(this);
    m_minCount = spinBox(1, 1000000, this);
    m_maxVocab = spinBox(0, 100000000, this);
    m_tokenizerForm->addRow(new QLabel(this), m_tokenizer);
    m_tokenizerForm->addRow(QString(), m_tokenizerNote);
    m_tokenizerForm->addRow(QString(), m_lowercase);
    m_tokenizerForm->addRow(new QLabel(this), m_minCount);
    m_tokenizerForm->addRow(new QLabel(this), m_maxVocab);

    m_networkGroup = group(m_networkForm);
    m_dimension = spinBox(1, 4096, this);
    m_dimension->setObjectName(QStringLiteral("dimension"));
    m_options = new ModelOptionsEditor(this);
    m_options->setObjectName(QStringLiteral("modelOptions"));
    m_networkForm->addRow(new QLabel(this), m_dimension);
    m_networkForm->addRow(m_options);

    m_trainGroup = group(m_trainForm);
    m_epochs = spinBox(1, 100000, this);
    m_epochs->setObjectName(QStringLiteral("epochs"));
    m_batchSize = spinBox(1, 1 << 20, this);
    m_batchSize->setObjectName(QStringLiteral("batchSize"));
    m_learningRate = new QDoubleSpinBox(this);
    m_learningRate->setObjectName(QStringLiteral("learningRate"));
    m_learningRate->setDecimals(6);
    m_learningRate->setRange(0.000001, 100.0);
    m_learningRate->setSingleStep(0.0005);
    m_optimizer = new QComboBox(this);
    for (const char* name : {"adam", "adamw", "sgd"})
        m_optimizer->addItem(QString::fromLatin1(name), QString::fromLatin1(name));
    m_loss = new QComboBox(this);
    m_loss->addItem(QString(), QStringLiteral("bce"));
    m_loss->addItem(QString(), QStringLiteral("focal"));
    m_posWeight = new QComboBox(this);
    m_posWeight->addItem(QString(), QStringLiteral("none"));
    m_posWeight->addItem(QString(), QStringLiteral("auto"));
    m_posWeight->addItem(QString(), QStringLiteral("list"));  // the file's per-label weights
    m_patience = spinBox(0, 1000, this);
    m_seed = spinBox(0, std::numeric_limits<int>::max(), this);
    m_seed->setGroupSeparatorShown(false);
    m_thresholdFromDev = new QCheckBox(this);
    for (QWidget* field : std::initializer_list<QWidget*>{m_epochs, m_batchSize, m_learningRate, m_optimizer, m_loss,
                                                          m_posWeight, m_patience, m_seed})
        m_trainForm->addRow(new QLabel(this), field);
    m_trainForm->addRow(QString(), m_thresholdFromDev);

    m_advancedGroup = new QGroupBox(this);
    m_advancedGroup->setObjectName(QStringLiteral("advanced"));
    m_advancedGroup->setCheckable(true);
    m_advancedGroup->setChecked(false);
    auto* advanced = new QVBoxLayout(m_advancedGroup);
    m_json = new QPlainTextEdit(m_advancedGroup);
    m_json->setObjectName(QStringLiteral("configJson"));
    m_json->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_json->setMinimumHeight(220);
    QFont mono(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::TypeWriter);
    m_json->setFont(mono);
    m_applyJson = new QPushButton(m_advancedGroup);
    m_applyJson->setObjectName(QStringLiteral("applyJson"));
    m_jsonStatus = new QLabel(m_advancedGroup);
    m_jsonStatus->setWordWrap(true);
    m_jsonStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    advanced->addWidget(m_json);
    auto* applyRow = new QHBoxLayout;
    applyRow->addWidget(m_applyJson);
    applyRow->addWidget(m_jsonStatus, 1);
    advanced->addLayout(applyRow);
    const auto showAdvanced = [this](bool on) {
        m_json->setVisible(on);
        m_applyJson->setVisible(on);
        m_jsonStatus->setVisible(on);
        if (on) showDocument();
    };
    showAdvanced(false);
    connect(m_advancedGroup, &QGroupBox::toggled, this, showAdvanced);
    connect(m_applyJson, &QPushButton::clicked, this, [this] {
        const auto parsed = TrainConfig::parse(m_json->toPlainText().toStdString(), tr("Advanced settings").toStdString(),
                                               QFile::encodeName(QDir::currentPath()).toStdString(),
                                               TrainConfig::Files::MayBeMissing);
        if (!parsed) {
            m_jsonStatus->setText(QString::fromStdString(parsed.message()));
            return;
        }
        setConfig(*parsed);
        m_jsonStatus->setText(tr("Applied."));
    });

    m_outputGroup = group(m_outputForm);
    auto* folderRow = new QWidget(this);
    auto* folderLayout = new QHBoxLayout(folderRow);
    folderLayout->setContentsMargins(0, 0, 0, 0);
    m_runFolder = new QLineEdit(folderRow);
    m_runFolder->setObjectName(QStringLiteral("runFolder"));
    m_runFolder->setClearButtonEnabled(true);
    m_browseRunFolder = new QPushButton(folderRow);
    folderLayout->addWidget(m_runFolder, 1);
    folderLayout->addWidget(m_browseRunFolder);
    m_outputForm->addRow(new QLabel(this), folderRow);
    connect(m_browseRunFolder, &QPushButton::clicked, this, [this] {
        const QString dir = FileDialogs::directory(this, tr("Folder for the New Run"));
        if (!dir.isEmpty())
            m_runFolder->setText(QDir::toNativeSeparators(dir));
    });

    auto* buttons = new QHBoxLayout;
    m_loadConfig = new QPushButton(this);
    m_loadConfig->setObjectName(QStringLiteral("loadConfig"));
    m_defaults = new QPushButton(this);
    m_defaults->setObjectName(QStringLiteral("restoreDefaults"));
    buttons->addWidget(m_loadConfig);
    buttons->addWidget(m_defaults);
    buttons->addStretch(1);
    connect(m_loadConfig, &QPushButton::clicked, this, &TrainConfigForm::loadConfigRequested);
    connect(m_defaults, &QPushButton::clicked, this, [this] { applyDefaults(m_model->currentData().toString()); });

    for (QGroupBox* box : {m_modelGroup, m_dataGroup, m_tokenizerGroup, m_networkGroup, m_trainGroup, m_advancedGroup, m_outputGroup})
        layout->addWidget(box);
    layout->addLayout(buttons);
    layout->addStretch(1);

    // Every bound widget overlays its key once the user edited it.
    bind(m_task, &QComboBox::currentIndexChanged, "/task", [this] { return json(m_task->currentData().toString().toStdString()); });
    bind(m_tokenizer, &QComboBox::currentIndexChanged, "/tokenizer/kind",
         [this] { return json(m_tokenizer->currentData().toString().toStdString()); });
    bind(m_lowercase, &QCheckBox::toggled, "/tokenizer/lowercase", [this] { return json(m_lowercase->isChecked()); });
    bind(m_minCount, &QSpinBox::valueChanged, "/tokenizer/vocab/min_count", [this] { return json(m_minCount->value()); });
    bind(m_maxVocab, &QSpinBox::valueChanged, "/tokenizer/vocab/max_size", [this] { return json(m_maxVocab->value()); });
    bind(m_dimension, &QSpinBox::valueChanged, "/embedding/dimension", [this] { return json(m_dimension->value()); });
    bind(m_epochs, &QSpinBox::valueChanged, "/train/epochs", [this] { return json(m_epochs->value()); });
    bind(m_batchSize, &QSpinBox::valueChanged, "/train/batch_size", [this] { return json(m_batchSize->value()); });
    bind(m_learningRate, &QDoubleSpinBox::valueChanged, "/train/learning_rate", [this] { return json(m_learningRate->value()); });
    bind(m_optimizer, &QComboBox::currentIndexChanged, "/train/optimizer",
         [this] { return json(m_optimizer->currentData().toString().toStdString()); });
    bind(m_loss, &QComboBox::currentIndexChanged, "/train/loss", [this] { return json(m_loss->currentData().toString().toStdString()); });
    bind(m_posWeight, &QComboBox::currentIndexChanged, "/train/pos_weight", [this] {
        const QString choice = m_posWeight->currentData().toString();
        return choice == QLatin1String("list") ? at(m_base, "/train/pos_weight") : json(choice.toStdString());
    });
    bind(m_patience, &QSpinBox::valueChanged, "/train/early_stopping_patience", [this] { return json(m_patience->value()); });
    bind(m_seed, &QSpinBox::valueChanged, "/train/seed", [this] { return json(m_seed->value()); });
    bind(m_thresholdFromDev, &QCheckBox::toggled, "/eval/threshold", [this] {
        const json& base = at(m_base, "/eval/threshold");
        if (m_thresholdFromDev->isChecked()) return json("dev");
        return base.is_number() ? base : json(0.5);
    });

    connect(m_model, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_loading) applyDefaults(m_model->currentData().toString());
    });
    connect(m_task, &QComboBox::currentIndexChanged, this, &TrainConfigForm::updateTaskRows);
    connect(m_train, &QComboBox::editTextChanged, this, [this] {
        if (!m_loading) chooseTokenizerFromData();
    });
    connect(m_options, &ModelOptionsEditor::edited, this, &TrainConfigForm::showDocument);
    WheelGuard::install(this);
    applyDefaults(m_model->itemData(0).toString());
    retranslateUi();
}

template <typename Widget, typename Signal>
void TrainConfigForm::bind(Widget* widget, Signal changed, std::string pointer, std::function<json()> value)
{
    const std::size_t index = m_fields.size();
    m_fields.push_back(Field{std::move(pointer), std::move(value), false});
    connect(widget, changed, this, [this, index] {
        if (m_loading) return;
        m_fields[index].touched = true;
        if (m_fields[index].pointer == "/tokenizer/kind") chooseTokenizerFromData();
        showDocument();
    });
}

QGroupBox* TrainConfigForm::group(QFormLayout*& form)
{
    auto* box = new QGroupBox(this);
    form = new QFormLayout(box);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    return box;
}

QWidget* TrainConfigForm::fileRow(QComboBox* box, bool optional)
{
    auto* row = new QWidget(this);
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    box->setParent(row);
    box->setEditable(true);
    box->setInsertPolicy(QComboBox::NoInsert);
    box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    box->setMinimumContentsLength(12);
    if (optional)
        box->lineEdit()->setClearButtonEnabled(true);
    auto* browse = new QToolButton(row);
    browse->setObjectName(box->objectName() + QStringLiteral("Browse"));
    browse->setText(QStringLiteral("…"));
    m_browseButtons.push_back(browse);
    layout->addWidget(box, 1);
    layout->addWidget(browse);
    connect(browse, &QToolButton::clicked, this, [this, box] {
        const QString file = FileDialogs::openFile(this, tr("Choose Dataset File"),
                                                   tr("Datasets (*.jsonl *.json *.txt *.csv *.tsv);;All files (*)"));
        if (!file.isEmpty())
            box->setEditText(QDir::toNativeSeparators(file));
    });
    return row;
}

void TrainConfigForm::applyDefaults(const QString& modelKind)
{
    // The kind's recommended settings; what is not about the model stays: data, task, tokenizer.
    const json current = document();
    json base = parseConfigJson(TrainConfig::defaults(modelKind.toStdString()));
    for (const char* key : {"data", "task", "tokenizer"})
        if (current.contains(key)) base[key] = current[key];
    // Every kind's section stays too (the one switched to included), so switching back and
    // forth loses nothing.
    for (const auto& kind : ModelRegistry::instance().kinds())
        if (current.contains(kind->name())) base[kind->name()] = current[kind->name()];
    auto config = TrainConfig::parse(base.dump(), "defaults", "/", TrainConfig::Files::MayBeMissing);
    if (!config) qWarning("applyDefaults: %s", config.message().c_str());
    setConfig(config ? *config : TrainConfig::defaults(modelKind.toStdString()));
    m_tokenizerFromData = true;
    chooseTokenizerFromData();
}

void TrainConfigForm::setConfig(const TrainConfig& c)
{
    m_base = parseConfigJson(c);
    m_loading = true;
    for (Field& field : m_fields) field.touched = false;
    m_tokenizerFromData = false;  // a given config keeps its tokenizer
    const QString kind = QString::fromStdString(c.model.kind);
    selectData(m_model, kind);
    const ModelKind* modelKind = ModelRegistry::instance().find(c.model.kind);
    m_modelSummary->setText(modelKind ? CoreNames::modelSummary(kind, QString::fromStdString(modelKind->summary())) : QString());
    selectData(m_task, QString::fromStdString(taskKindName(c.model.task)));
    m_train->setEditText(QDir::toNativeSeparators(QString::fromStdString(c.data.train)));
    m_dev->setEditText(QDir::toNativeSeparators(QString::fromStdString(c.data.dev)));
    m_test->setEditText(QDir::toNativeSeparators(QString::fromStdString(c.data.test)));
    selectData(m_tokenizer, QString::fromStdString(c.tokenizer.kind));
    m_lowercase->setChecked(c.tokenizer.lowercase);
    m_minCount->setValue(int(c.tokenizer.minCount));
    m_maxVocab->setValue(int(c.tokenizer.maxSize));
    const bool embedding = !modelKind || modelKind->usesEmbedding();
    m_networkForm->setRowVisible(m_dimension, embedding);
    m_dimension->setValue(int(std::max<std::int64_t>(c.model.embeddingDim, 1)));
    for (QWidget* field : std::initializer_list<QWidget*>{m_tokenizer, m_tokenizerNote, m_lowercase, m_minCount, m_maxVocab})
        m_tokenizerForm->setRowVisible(field, !modelKind || modelKind->usesTokenizer());
    m_tokenizerGroup->setVisible(!modelKind || modelKind->usesTokenizer());
    m_options->setSection(kind, m_base[c.model.kind]);
    m_epochs->setValue(int(c.train.epochs));
    m_batchSize->setValue(int(c.train.batchSize));
    m_learningRate->setValue(c.train.learningRate);
    selectData(m_optimizer, QString::fromStdString(c.train.optimizer));
    selectData(m_loss, QString::fromStdString(c.train.loss));
    selectData(m_posWeight, QString::fromStdString(c.train.posWeight));
    // "Per label" can only keep the weights a loaded config lists; the form has no editor for them.
    if (auto* items = qobject_cast<QStandardItemModel*>(m_posWeight->model())) items->item(2)->setEnabled(c.train.posWeight == "list");
    m_patience->setValue(int(c.train.earlyStoppingPatience));
    m_seed->setValue(int(std::min<std::uint64_t>(c.train.seed, std::numeric_limits<int>::max())));
    m_thresholdFromDev->setChecked(c.eval.thresholdFromDev);
    m_loading = false;
    chooseTokenizerFromData();
    updateTaskRows();
    showDocument();
}

json TrainConfigForm::document() const
{
    json doc = m_base;
    doc["model"] = m_model->currentData().toString().toStdString();
    // The section shown, which is the chosen kind's except while switching kinds.
    if (!m_options->kind().isEmpty()) doc[m_options->kind().toStdString()] = m_options->values();
    json data = {{"train", pathOf(m_train).toStdString()}, {"dev", pathOf(m_dev).toStdString()}};
    if (!pathOf(m_test).isEmpty()) data["test"] = pathOf(m_test).toStdString();
    doc["data"] = data;
    for (const Field& field : m_fields)
        if (field.touched) doc[json::json_pointer(field.pointer)] = field.value();
    return doc;
}

Result<TrainConfig> TrainConfigForm::config() const
{
    if (const QString problem = m_options->problem(); !problem.isEmpty()) return Error{problem.toStdString()};
    return TrainConfig::parse(document().dump(), tr("Training settings").toStdString(),
                              QFile::encodeName(QDir::currentPath()).toStdString());
}

void TrainConfigForm::showDocument()
{
    if (m_advancedGroup->isChecked()) m_json->setPlainText(QString::fromStdString(document().dump(2)));
}

void TrainConfigForm::chooseTokenizerFromData()
{
    // A kind with its own tokenizer, or a tokenizer the user chose, is left alone.
    const ModelKind* kind = ModelRegistry::instance().find(m_model->currentData().toString().toStdString());
    if (kind && !kind->usesTokenizer()) return;
    const QString train = pathOf(m_train);
    const ScriptMix mix = train.isEmpty() ? ScriptMix() : sampleScriptMix(QFile::encodeName(train).toStdString());
    if (mix.cjk + mix.letters < 50) {
        m_tokenizerNote->clear();
        return;
    }
    const int share = qRound(100.0 * mix.cjkShare());
    bool touched = false;
    for (const Field& field : m_fields) touched = touched || (field.pointer == "/tokenizer/kind" && field.touched);
    const bool picked = m_tokenizerFromData && !touched;
    if (picked) {
        const QString suggested = suggestedTokenizer(mix) == TokenizerKind::Char ? QStringLiteral("char") : QStringLiteral("word");
        if (m_tokenizer->currentData().toString() != suggested) {
            m_loading = true;
            selectData(m_tokenizer, suggested);
            m_loading = false;
            m_base["tokenizer"]["kind"] = suggested.toStdString();
            showDocument();
        }
    }
    const QString now = m_tokenizer->currentData().toString();
    QString note;
    if (now == QLatin1String("word") && mix.cjkShare() > kCharTokenizerCjkShare)
        note = tr("Warning: %1% of the training text is Chinese or Japanese; without spaces a word vocabulary holds "
                  "whole phrases that new texts rarely repeat. Characters work better.").arg(share);
    else if (picked && now == QLatin1String("char"))
        note = tr("Characters, chosen from the data: %1% of the training text is Chinese or Japanese, which has no "
                  "spaces between words.").arg(share);
    else if (picked && now == QLatin1String("word"))
        note = tr("Words, chosen from the data: only %1% of the training text is Chinese or Japanese.").arg(share);
    m_tokenizerNote->setText(note);
    m_tokenizerNote->setVisible(!note.isEmpty());
}

QString TrainConfigForm::tokenizerNote() const
{
    return m_tokenizerNote->text();
}

QByteArray TrainConfigForm::settingsJson() const
{
    return QByteArray::fromStdString(document().dump());
}

bool TrainConfigForm::setSettingsJson(const QByteArray& json)
{
    const auto parsed = TrainConfig::parse(json.toStdString(), "settings", QFile::encodeName(QDir::currentPath()).toStdString(),
                                           TrainConfig::Files::MayBeMissing);
    if (!parsed)
        return false;
    setConfig(*parsed);
    return true;
}

void TrainConfigForm::updateTaskRows()
{
    // Single-label trains with softmax cross-entropy: BCE options do not apply.
    const bool multi = m_task->currentData().toString() == QLatin1String("multi_label");
    m_loss->setEnabled(multi);
    m_posWeight->setEnabled(multi);
    m_thresholdFromDev->setEnabled(multi);
}

void TrainConfigForm::setDatasetChoices(const QStringList& paths, const QStringList& splits)
{
    m_loading = true;
    for (QComboBox* box : {m_train, m_dev, m_test}) {
        const QString current = box->currentText();
        box->clear();
        for (const QString& path : paths)
            box->addItem(QDir::toNativeSeparators(path));
        box->setEditText(current);
    }
    // Splits of one corpus usually sit in one folder: prefer dev and test files next to train.
    auto pick = [&](const QString& split, const QString& nextTo) {
        int found = -1;
        for (int i = 0; i < paths.size(); ++i) {
            if (splits.value(i) != split)
                continue;
            if (found < 0)
                found = i;
            if (!nextTo.isEmpty() && QFileInfo(paths[i]).absolutePath() == QFileInfo(nextTo).absolutePath())
                return paths[i];
        }
        return found >= 0 ? paths[found] : QString();
    };
    if (m_train->currentText().isEmpty()) {
        // A train split whose folder also holds a dev split, else the first train split.
        QString train = pick(QStringLiteral("train"), QString());
        for (int i = 0; i < paths.size(); ++i) {
            if (splits.value(i) == QLatin1String("train")
                && QFileInfo(pick(QStringLiteral("dev"), paths[i])).absolutePath() == QFileInfo(paths[i]).absolutePath()) {
                train = paths[i];
                break;
            }
        }
        m_train->setEditText(QDir::toNativeSeparators(train));
    }
    const QString train = pathOf(m_train);
    if (m_dev->currentText().isEmpty())
        m_dev->setEditText(QDir::toNativeSeparators(pick(QStringLiteral("dev"), train)));
    if (m_test->currentText().isEmpty())
        m_test->setEditText(QDir::toNativeSeparators(pick(QStringLiteral("test"), train)));
    m_loading = false;
    chooseTokenizerFromData();
    showDocument();
}

QString TrainConfigForm::device() const
{
    return m_device->currentData().toString();
}

QString TrainConfigForm::runFolder() const
{
    return QDir::fromNativeSeparators(m_runFolder->text().trimmed());
}

void TrainConfigForm::setRunFolder(const QString& folder)
{
    m_runFolder->setText(QDir::toNativeSeparators(folder));
}

void TrainConfigForm::retranslateUi()
{
    for (int i = 0; i < m_model->count(); ++i) {
        const QString name = m_model->itemData(i).toString();
        const ModelKind* kind = ModelRegistry::instance().find(name.toStdString());
        m_model->setItemData(i, CoreNames::modelSummary(name, kind ? QString::fromStdString(kind->summary()) : QString()),
                             Qt::ToolTipRole);
    }
    if (const ModelKind* kind = ModelRegistry::instance().find(m_model->currentData().toString().toStdString()))
        m_modelSummary->setText(CoreNames::modelSummary(m_model->currentData().toString(), QString::fromStdString(kind->summary())));
    m_modelGroup->setTitle(tr("Model"));
    setRowLabel(m_modelForm, m_model, tr("Network:"));
    m_model->setToolTip(tr("The kind of model to train"));
    setRowLabel(m_modelForm, m_task, tr("Task:"));
    m_task->setToolTip(tr("Whether a document may have any number of labels or exactly one"));
    m_task->setItemText(0, tr("Multi-label (any number of labels)"));
    m_task->setItemText(1, tr("Single-label (exactly one label)"));
    setRowLabel(m_modelForm, m_device, tr("Device:"));
    m_device->setToolTip(tr("Where the network trains"));
    m_device->setItemText(0, tr("Automatic (GPU when available)"));
    m_device->setItemText(1, tr("CPU"));
    m_device->setItemText(2, tr("CUDA GPU"));

    m_dataGroup->setTitle(tr("Data"));
    setRowLabel(m_dataForm, m_train->parentWidget(), tr("Train:"));
    setRowLabel(m_dataForm, m_dev->parentWidget(), tr("Dev:"));
    setRowLabel(m_dataForm, m_test->parentWidget(), tr("Test:"));
    m_train->lineEdit()->setPlaceholderText(tr("Training documents"));
    m_dev->lineEdit()->setPlaceholderText(tr("Picks the best epoch and threshold"));
    m_test->lineEdit()->setPlaceholderText(tr("Optional"));
    m_train->setToolTip(tr("The documents the model learns from"));
    m_dev->setToolTip(tr("Held-out documents that choose the best epoch and the thresholds"));
    m_test->setToolTip(tr("Documents kept apart to measure the final model; never used to choose settings"));

    m_tokenizerGroup->setTitle(tr("Tokenizer"));
    setRowLabel(m_tokenizerForm, m_tokenizer, tr("Split text into:"));
    m_tokenizer->setItemText(0, tr("Words"));
    m_tokenizer->setItemText(1, tr("Characters (Chinese, Japanese)"));
    m_tokenizer->setItemText(2, tr("SentencePiece pieces"));
    m_tokenizer->setToolTip(tr("How text becomes tokens; chosen from the training data until you change it"));
    m_lowercase->setText(tr("Lowercase"));
    m_lowercase->setToolTip(tr("Fold upper case (also full-width letters) before counting tokens"));
    setRowLabel(m_tokenizerForm, m_minCount, tr("Minimum count:"));
    m_minCount->setToolTip(tr("Tokens seen fewer times in the training data are dropped"));
    setRowLabel(m_tokenizerForm, m_maxVocab, tr("Vocabulary limit:"));
    m_maxVocab->setSpecialValueText(tr("Unlimited"));
    m_maxVocab->setToolTip(tr("Keep at most this many of the most frequent tokens"));

    m_networkGroup->setTitle(tr("Network"));
    setRowLabel(m_networkForm, m_dimension, tr("Embedding dimension:"));
    m_dimension->setToolTip(tr("Width of each token's vector"));

    m_trainGroup->setTitle(tr("Training"));
    setRowLabel(m_trainForm, m_epochs, tr("Epochs:"));
    m_epochs->setToolTip(tr("Passes over the training data"));
    setRowLabel(m_trainForm, m_batchSize, tr("Batch size:"));
    m_batchSize->setToolTip(tr("Documents per training step"));
    setRowLabel(m_trainForm, m_learningRate, tr("Learning rate:"));
    m_learningRate->setToolTip(tr("Step size of the optimizer; halved automatically if training diverges"));
    setRowLabel(m_trainForm, m_optimizer, tr("Optimizer:"));
    m_optimizer->setToolTip(tr("adam suits TextCNN; sgd with a linear schedule is fastText's own"));
    setRowLabel(m_trainForm, m_loss, tr("Loss:"));
    m_loss->setToolTip(tr("Focal loss puts more weight on labels the model still gets wrong"));
    m_loss->setItemText(0, tr("Binary cross-entropy"));
    m_loss->setItemText(1, tr("Focal loss (rare labels)"));
    setRowLabel(m_trainForm, m_posWeight, tr("Positive weight:"));
    m_posWeight->setItemText(0, tr("None"));
    m_posWeight->setItemText(1, tr("Automatic (from label frequency)"));
    m_posWeight->setItemText(2, tr("Per label (from the loaded config)"));
    m_posWeight->setToolTip(tr("Weight of a label's positive documents in the loss; helps rare labels"));
    setRowLabel(m_trainForm, m_patience, tr("Early stopping:"));
    m_patience->setSpecialValueText(tr("Never"));
    m_patience->setSuffix(tr(" epochs without improvement"));
    m_patience->setToolTip(tr("Stop when dev has not improved for this many epochs"));
    setRowLabel(m_trainForm, m_seed, tr("Random seed:"));
    m_seed->setToolTip(tr("The same seed and data give the same model"));
    m_thresholdFromDev->setText(tr("Pick the global threshold on dev"));
    m_thresholdFromDev->setToolTip(tr("Otherwise labels scoring 0.5 or more are predicted"));

    m_advancedGroup->setTitle(tr("Advanced (every setting as JSON)"));
    m_advancedGroup->setToolTip(tr("The whole training config, including settings without a field above"));
    m_applyJson->setText(tr("Apply JSON"));
    m_applyJson->setToolTip(tr("Check the JSON and fill the form from it"));

    m_outputGroup->setTitle(tr("Output"));
    setRowLabel(m_outputForm, m_runFolder->parentWidget(), tr("Run folder:"));
    m_runFolder->setPlaceholderText(tr("Automatic (a new folder per run)"));
    m_runFolder->setToolTip(tr("Where the run's model, metrics and scores are written"));
    m_browseRunFolder->setText(tr("Browse…"));
    m_browseRunFolder->setToolTip(tr("Choose the folder for the new run"));
    for (QToolButton* browse : m_browseButtons)
        browse->setToolTip(tr("Choose a dataset file"));
    m_json->setToolTip(tr("Every setting of the training config; Apply JSON fills the form from it"));
    m_loadConfig->setText(tr("Load Config…"));
    m_loadConfig->setToolTip(tr("Fill the form from a config.json (e.g. of an earlier run)"));
    m_defaults->setText(tr("Restore Defaults"));
    m_defaults->setToolTip(tr("The recommended settings of the chosen network"));
    chooseTokenizerFromData();
}

void TrainConfigForm::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

} // namespace tagbench::ui
