// Train/Demo/Export pages: second GUI engineer
#include "ui/TrainConfigForm.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

#include <limits>

namespace tagbench::ui {

namespace {

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
    return box->currentText().trimmed();
}

void setPath(QComboBox* box, const std::string& path)
{
    box->setEditText(QString::fromStdString(path));
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
    m_model->addItem(QStringLiteral("TextCNN"), QStringLiteral("TextCNN"));
    m_model->addItem(QStringLiteral("FastText"), QStringLiteral("FastText"));
    m_task = new QComboBox(this);
    m_task->addItem(QString(), QStringLiteral("multi_label"));
    m_task->addItem(QString(), QStringLiteral("single_label"));
    m_device = new QComboBox(this);
    m_device->addItem(QString(), QStringLiteral("auto"));
    m_device->addItem(QString(), QStringLiteral("cpu"));
    m_device->addItem(QString(), QStringLiteral("cuda"));
    m_modelForm->addRow(new QLabel(this), m_model);
    m_modelForm->addRow(new QLabel(this), m_task);
    m_modelForm->addRow(new QLabel(this), m_device);

    m_dataGroup = group(m_dataForm);
    m_train = new QComboBox(this);
    m_dev = new QComboBox(this);
    m_test = new QComboBox(this);
    m_dataForm->addRow(new QLabel(this), fileRow(m_train, false));
    m_dataForm->addRow(new QLabel(this), fileRow(m_dev, false));
    m_dataForm->addRow(new QLabel(this), fileRow(m_test, true));

    m_tokenizerGroup = group(m_tokenizerForm);
    m_tokenizer = new QComboBox(this);
    m_tokenizer->addItem(QString(), QStringLiteral("word"));
    m_tokenizer->addItem(QString(), QStringLiteral("char"));
    m_tokenizer->addItem(QString(), QStringLiteral("sentencepiece"));
    m_lowercase = new QCheckBox(this);
    m_minCount = spinBox(1, 1000000, this);
    m_maxVocab = spinBox(0, 100000000, this);
    m_tokenizerForm->addRow(new QLabel(this), m_tokenizer);
    m_tokenizerForm->addRow(QString(), m_lowercase);
    m_tokenizerForm->addRow(new QLabel(this), m_minCount);
    m_tokenizerForm->addRow(new QLabel(this), m_maxVocab);

    m_networkGroup = group(m_networkForm);
    m_dimension = spinBox(1, 4096, this);
    m_kernelSizes = new QLineEdit(this);
    m_numKernels = spinBox(1, 65536, this);
    m_dropout = new QDoubleSpinBox(this);
    m_dropout->setRange(0.0, 0.95);
    m_dropout->setSingleStep(0.05);
    m_maxLength = spinBox(1, 100000, this);
    m_wordNgrams = spinBox(1, 6, this);
    m_buckets = spinBox(0, 100000000, this);
    m_buckets->setSingleStep(100000);
    for (QWidget* field : std::initializer_list<QWidget*>{m_dimension, m_kernelSizes, m_numKernels, m_dropout,
                                                          m_maxLength, m_wordNgrams, m_buckets})
        m_networkForm->addRow(new QLabel(this), field);

    m_trainGroup = group(m_trainForm);
    m_epochs = spinBox(1, 100000, this);
    m_epochs->setObjectName(QStringLiteral("epochs"));
    m_batchSize = spinBox(1, 1 << 20, this);
    m_learningRate = new QDoubleSpinBox(this);
    m_learningRate->setDecimals(5);
    m_learningRate->setRange(0.00001, 10.0);
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
    m_patience = spinBox(0, 1000, this);
    m_seed = spinBox(0, std::numeric_limits<int>::max(), this);
    m_seed->setGroupSeparatorShown(false);
    m_thresholdFromDev = new QCheckBox(this);
    for (QWidget* field : std::initializer_list<QWidget*>{m_epochs, m_batchSize, m_learningRate, m_optimizer, m_loss,
                                                          m_posWeight, m_patience, m_seed})
        m_trainForm->addRow(new QLabel(this), field);
    m_trainForm->addRow(QString(), m_thresholdFromDev);

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
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Folder for the New Run"), m_runFolder->text());
        if (!dir.isEmpty())
            m_runFolder->setText(QDir::toNativeSeparators(dir));
    });

    auto* buttons = new QHBoxLayout;
    m_loadConfig = new QPushButton(this);
    m_defaults = new QPushButton(this);
    buttons->addWidget(m_loadConfig);
    buttons->addWidget(m_defaults);
    buttons->addStretch(1);
    connect(m_loadConfig, &QPushButton::clicked, this, &TrainConfigForm::loadConfigRequested);
    connect(m_defaults, &QPushButton::clicked, this, [this] {
        applyDefaults(m_model->currentData().toString() == QLatin1String("FastText") ? ModelKind::FastText
                                                                                      : ModelKind::TextCnn);
    });

    for (QGroupBox* box : {m_modelGroup, m_dataGroup, m_tokenizerGroup, m_networkGroup, m_trainGroup, m_outputGroup})
        layout->addWidget(box);
    layout->addLayout(buttons);
    layout->addStretch(1);

    connect(m_model, &QComboBox::currentIndexChanged, this, [this] {
        const ModelKind kind = m_model->currentData().toString() == QLatin1String("FastText") ? ModelKind::FastText
                                                                                             : ModelKind::TextCnn;
        applyDefaults(kind);
    });
    connect(m_task, &QComboBox::currentIndexChanged, this, [this] {
        // Single-label trains with softmax cross-entropy: BCE options do not apply.
        const bool multi = m_task->currentData().toString() == QLatin1String("multi_label");
        m_loss->setEnabled(multi);
        m_posWeight->setEnabled(multi);
        m_thresholdFromDev->setEnabled(multi);
    });
    applyDefaults(ModelKind::TextCnn);
    retranslateUi();
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
    browse->setText(QStringLiteral("…"));
    layout->addWidget(box, 1);
    layout->addWidget(browse);
    connect(browse, &QToolButton::clicked, this, [this, box] {
        const QString file = QFileDialog::getOpenFileName(
            this, tr("Choose Dataset File"), QFileInfo(box->currentText()).absolutePath(),
            tr("Datasets (*.jsonl *.json *.txt *.csv *.tsv);;All files (*)"));
        if (!file.isEmpty())
            box->setEditText(QDir::toNativeSeparators(file));
    });
    return row;
}

void TrainConfigForm::applyDefaults(ModelKind model)
{
    // The defaults of the bundled sample configs (resources/samples): they train well on a
    // few thousand documents and stay fast on a laptop CPU.
    const QSignalBlocker blocker(m_model);
    selectData(m_model, QString::fromStdString(modelKindName(model)));
    TrainConfig c;
    c.model = model;
    c.tokenizer.kind = "word";
    if (model == ModelKind::TextCnn) {
        c.embedding.dimension = 128;
        c.train.epochs = 15;
        c.train.learningRate = 0.001;
    } else {
        c.embedding.dimension = 64;
        c.fastText.buckets = 200000;
        c.train.epochs = 20;
        c.train.learningRate = 0.01;
    }
    c.train.batchSize = 32;
    c.eval.thresholdFromDev = true;
    // Keep what is not model-specific: the data and the task.
    c.data.train = pathOf(m_train).toStdString();
    c.data.dev = pathOf(m_dev).toStdString();
    c.data.test = pathOf(m_test).toStdString();
    c.task = m_task->currentData().toString() == QLatin1String("single_label") ? TaskKind::SingleLabel
                                                                               : TaskKind::MultiLabel;
    c.tokenizer.kind = m_tokenizer->currentData().toString().isEmpty()
                           ? std::string("word")
                           : m_tokenizer->currentData().toString().toStdString();
    setConfig(c);
}

void TrainConfigForm::setConfig(const TrainConfig& c)
{
    {
        const QSignalBlocker blocker(m_model);
        selectData(m_model, QString::fromStdString(modelKindName(c.model)));
    }
    selectData(m_task, QString::fromStdString(taskKindName(c.task)));
    setPath(m_train, c.data.train);
    setPath(m_dev, c.data.dev);
    setPath(m_test, c.data.test);
    selectData(m_tokenizer, QString::fromStdString(c.tokenizer.kind));
    m_lowercase->setChecked(c.tokenizer.lowercase);
    m_minCount->setValue(int(c.tokenizer.minCount));
    m_maxVocab->setValue(int(c.tokenizer.maxSize));
    m_dimension->setValue(int(c.embedding.dimension));
    QStringList kernels;
    for (std::int64_t k : c.textCnn.kernelSizes)
        kernels << QString::number(k);
    m_kernelSizes->setText(kernels.join(QStringLiteral(", ")));
    m_numKernels->setValue(int(c.textCnn.numKernels));
    m_dropout->setValue(c.textCnn.dropout);
    m_maxLength->setValue(int(c.textCnn.maxLength));
    m_wordNgrams->setValue(int(c.fastText.wordNgrams));
    m_buckets->setValue(int(c.fastText.buckets));
    m_epochs->setValue(int(c.train.epochs));
    m_batchSize->setValue(int(c.train.batchSize));
    m_learningRate->setValue(c.train.learningRate);
    selectData(m_optimizer, QString::fromStdString(c.train.optimizer));
    selectData(m_loss, QString::fromStdString(c.train.loss));
    selectData(m_posWeight, QString::fromStdString(c.train.posWeight == "auto" ? "auto" : "none"));
    m_patience->setValue(int(c.train.earlyStoppingPatience));
    m_seed->setValue(int(c.train.seed));
    m_thresholdFromDev->setChecked(c.eval.thresholdFromDev);
    updateModelRows();
}

Result<TrainConfig> TrainConfigForm::config() const
{
    const bool textCnn = m_model->currentData().toString() == QLatin1String("TextCNN");
    const bool multi = m_task->currentData().toString() == QLatin1String("multi_label");
    QJsonObject root;
    root[QLatin1String("model")] = m_model->currentData().toString();
    root[QLatin1String("task")] = m_task->currentData().toString();

    QJsonObject data;
    data[QLatin1String("train")] = QDir::fromNativeSeparators(pathOf(m_train));
    data[QLatin1String("dev")] = QDir::fromNativeSeparators(pathOf(m_dev));
    if (!pathOf(m_test).isEmpty())
        data[QLatin1String("test")] = QDir::fromNativeSeparators(pathOf(m_test));
    root[QLatin1String("data")] = data;

    QJsonObject tokenizer;
    tokenizer[QLatin1String("kind")] = m_tokenizer->currentData().toString();
    tokenizer[QLatin1String("lowercase")] = m_lowercase->isChecked();
    tokenizer[QLatin1String("vocab")] = QJsonObject{{QLatin1String("min_count"), m_minCount->value()},
                                                    {QLatin1String("max_size"), m_maxVocab->value()}};
    root[QLatin1String("tokenizer")] = tokenizer;

    if (textCnn) {
        QJsonArray kernels;
        const QStringList parts = m_kernelSizes->text().split(QLatin1Char(','), Qt::SkipEmptyParts);
        for (const QString& part : parts) {
            bool ok = false;
            const int k = part.trimmed().toInt(&ok);
            if (!ok || k < 1)
                return Error{tr("Kernel sizes: \"%1\" is not a positive whole number; write sizes like 2, 3, 4.")
                                 .arg(part.trimmed()).toStdString()};
            kernels.append(k);
        }
        root[QLatin1String("TextCNN")] = QJsonObject{{QLatin1String("kernel_sizes"), kernels},
                                                     {QLatin1String("num_kernels"), m_numKernels->value()},
                                                     {QLatin1String("dropout"), m_dropout->value()},
                                                     {QLatin1String("max_length"), m_maxLength->value()}};
    } else {
        root[QLatin1String("FastText")] = QJsonObject{{QLatin1String("word_ngrams"), m_wordNgrams->value()},
                                                      {QLatin1String("buckets"), m_buckets->value()}};
    }
    root[QLatin1String("embedding")] = QJsonObject{{QLatin1String("dimension"), m_dimension->value()}};

    QJsonObject train;
    train[QLatin1String("epochs")] = m_epochs->value();
    train[QLatin1String("batch_size")] = m_batchSize->value();
    train[QLatin1String("learning_rate")] = m_learningRate->value();
    train[QLatin1String("optimizer")] = m_optimizer->currentData().toString();
    if (multi) {
        train[QLatin1String("loss")] = m_loss->currentData().toString();
        train[QLatin1String("pos_weight")] = m_posWeight->currentData().toString();
    }
    train[QLatin1String("early_stopping_patience")] = m_patience->value();
    train[QLatin1String("seed")] = m_seed->value();
    root[QLatin1String("train")] = train;
    if (multi && m_thresholdFromDev->isChecked())
        root[QLatin1String("eval")] = QJsonObject{{QLatin1String("threshold"), QStringLiteral("dev")}};

    const QByteArray json = QJsonDocument(root).toJson(QJsonDocument::Compact);
    return TrainConfig::parse(json.toStdString(), tr("Training settings").toStdString(),
                              QFile::encodeName(QDir::currentPath()).toStdString());
}

void TrainConfigForm::setDatasetChoices(const QStringList& paths, const QStringList& splits)
{
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
    const QString train = QDir::fromNativeSeparators(m_train->currentText());
    if (m_dev->currentText().isEmpty())
        m_dev->setEditText(QDir::toNativeSeparators(pick(QStringLiteral("dev"), train)));
    if (m_test->currentText().isEmpty())
        m_test->setEditText(QDir::toNativeSeparators(pick(QStringLiteral("test"), train)));
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

void TrainConfigForm::updateModelRows()
{
    const bool textCnn = m_model->currentData().toString() == QLatin1String("TextCNN");
    for (QWidget* field : std::initializer_list<QWidget*>{m_kernelSizes, m_numKernels, m_dropout, m_maxLength})
        m_networkForm->setRowVisible(field, textCnn);
    for (QWidget* field : std::initializer_list<QWidget*>{m_wordNgrams, m_buckets})
        m_networkForm->setRowVisible(field, !textCnn);
}

void TrainConfigForm::retranslateUi()
{
    m_modelGroup->setTitle(tr("Model"));
    setRowLabel(m_modelForm, m_model, tr("Network:"));
    setRowLabel(m_modelForm, m_task, tr("Task:"));
    m_task->setItemText(0, tr("Multi-label (any number of labels)"));
    m_task->setItemText(1, tr("Single-label (exactly one label)"));
    setRowLabel(m_modelForm, m_device, tr("Device:"));
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

    m_tokenizerGroup->setTitle(tr("Tokenizer"));
    setRowLabel(m_tokenizerForm, m_tokenizer, tr("Split text into:"));
    m_tokenizer->setItemText(0, tr("Words"));
    m_tokenizer->setItemText(1, tr("Characters (Chinese, Japanese)"));
    m_tokenizer->setItemText(2, tr("SentencePiece pieces"));
    m_lowercase->setText(tr("Lowercase"));
    setRowLabel(m_tokenizerForm, m_minCount, tr("Minimum count:"));
    m_minCount->setToolTip(tr("Tokens seen fewer times in the training data are dropped"));
    setRowLabel(m_tokenizerForm, m_maxVocab, tr("Vocabulary limit:"));
    m_maxVocab->setSpecialValueText(tr("Unlimited"));

    m_networkGroup->setTitle(tr("Network"));
    setRowLabel(m_networkForm, m_dimension, tr("Embedding dimension:"));
    setRowLabel(m_networkForm, m_kernelSizes, tr("Kernel sizes:"));
    m_kernelSizes->setToolTip(tr("Widths of the convolution windows in tokens, separated by commas"));
    setRowLabel(m_networkForm, m_numKernels, tr("Kernels per size:"));
    setRowLabel(m_networkForm, m_dropout, tr("Dropout:"));
    setRowLabel(m_networkForm, m_maxLength, tr("Maximum length:"));
    m_maxLength->setSuffix(tr(" tokens"));
    setRowLabel(m_networkForm, m_wordNgrams, tr("Word n-grams:"));
    setRowLabel(m_networkForm, m_buckets, tr("Hash buckets:"));

    m_trainGroup->setTitle(tr("Training"));
    setRowLabel(m_trainForm, m_epochs, tr("Epochs:"));
    setRowLabel(m_trainForm, m_batchSize, tr("Batch size:"));
    setRowLabel(m_trainForm, m_learningRate, tr("Learning rate:"));
    setRowLabel(m_trainForm, m_optimizer, tr("Optimizer:"));
    setRowLabel(m_trainForm, m_loss, tr("Loss:"));
    m_loss->setItemText(0, tr("Binary cross-entropy"));
    m_loss->setItemText(1, tr("Focal loss (rare labels)"));
    setRowLabel(m_trainForm, m_posWeight, tr("Positive weight:"));
    m_posWeight->setItemText(0, tr("None"));
    m_posWeight->setItemText(1, tr("Automatic (from label frequency)"));
    setRowLabel(m_trainForm, m_patience, tr("Early stopping:"));
    m_patience->setSpecialValueText(tr("Never"));
    m_patience->setSuffix(tr(" epochs without improvement"));
    setRowLabel(m_trainForm, m_seed, tr("Random seed:"));
    m_thresholdFromDev->setText(tr("Pick the global threshold on dev"));

    m_outputGroup->setTitle(tr("Output"));
    setRowLabel(m_outputForm, m_runFolder->parentWidget(), tr("Run folder:"));
    m_runFolder->setPlaceholderText(tr("Automatic (a new folder per run)"));
    m_browseRunFolder->setText(tr("Browse…"));
    m_loadConfig->setText(tr("Load Config…"));
    m_loadConfig->setToolTip(tr("Fill the form from a config.json (e.g. of an earlier run)"));
    m_defaults->setText(tr("Restore Defaults"));
}

void TrainConfigForm::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

} // namespace tagbench::ui
