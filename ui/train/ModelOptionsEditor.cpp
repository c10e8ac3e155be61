#include "ui/train/ModelOptionsEditor.h"

#include "ui/widgets/WheelGuard.h"

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>

#include <limits>

namespace tagbench::ui {

namespace {

bool isIntegerList(const nlohmann::json& value)
{
    if (!value.is_array() || value.empty()) return false;
    for (const auto& item : value)
        if (!item.is_number_integer()) return false;
    return true;
}

QString listText(const nlohmann::json& value)
{
    QStringList parts;
    for (const auto& item : value) parts << QString::number(item.get<qlonglong>());
    return parts.join(QStringLiteral(", "));
}

} // namespace

ModelOptionsEditor::ModelOptionsEditor(QWidget* parent)
    : QWidget(parent)
{
    m_form = new QFormLayout(this);
    m_form->setContentsMargins(0, 0, 0, 0);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
}

QString ModelOptionsEditor::name(const std::string& key)
{
    // The keys of the bundled model kinds; a kind added later shows its key in words until
    // its translations are added here.
    static const struct {
        const char* key;
        const char* text;
    } known[] = {
        {"kernel_sizes", QT_TRANSLATE_NOOP("tagbench::ui::ModelOptionsEditor", "Kernel sizes")},
        {"num_kernels", QT_TRANSLATE_NOOP("tagbench::ui::ModelOptionsEditor", "Kernels per size")},
        {"top_k_max_pooling", QT_TRANSLATE_NOOP("tagbench::ui::ModelOptionsEditor", "k-max pooling")},
        {"hidden", QT_TRANSLATE_NOOP("tagbench::ui::ModelOptionsEditor", "Hidden layer width")},
        {"dropout", QT_TRANSLATE_NOOP("tagbench::ui::ModelOptionsEditor", "Dropout")},
        {"max_length", QT_TRANSLATE_NOOP("tagbench::ui::ModelOptionsEditor", "Maximum length (tokens)")},
        {"word_ngrams", QT_TRANSLATE_NOOP("tagbench::ui::ModelOptionsEditor", "Word n-grams")},
        {"buckets", QT_TRANSLATE_NOOP("tagbench::ui::ModelOptionsEditor", "Hash buckets")},
    };
    for (const auto& entry : known)
        if (key == entry.key) return tr(entry.text);
    QString words = QString::fromStdString(key).replace(QLatin1Char('_'), QLatin1Char(' '));
    if (!words.isEmpty()) words[0] = words[0].toUpper();
    return words;
}

QString ModelOptionsEditor::label(const std::string& key)
{
    return tr("%1:", "a form label").arg(name(key));
}

void ModelOptionsEditor::setSection(const QString& kind, const nlohmann::json& section)
{
    while (m_form->rowCount() > 0) m_form->removeRow(0);
    m_rows.clear();
    m_kind = kind;
    m_section = section;
    for (auto it = section.begin(); it != section.end(); ++it) {
        const nlohmann::json& value = it.value();
        Row row;
        row.key = it.key();
        const std::size_t index = m_rows.size();
        const auto touch = [this, index] {
            m_rows[index].touched = true;
            emit edited();
        };
        if (value.is_boolean()) {
            auto* box = new QCheckBox(this);
            box->setChecked(value.get<bool>());
            connect(box, &QCheckBox::toggled, this, touch);
            row.editor = box;
        } else if (value.is_number_integer() && value.get<std::int64_t>() <= std::numeric_limits<int>::max()) {
            auto* box = new QSpinBox(this);
            box->setRange(std::numeric_limits<int>::min(), std::numeric_limits<int>::max());
            box->setGroupSeparatorShown(true);
            box->setValue(value.get<int>());
            connect(box, &QSpinBox::valueChanged, this, touch);
            row.editor = box;
        } else if (value.is_number_float()) {
            auto* box = new QDoubleSpinBox(this);
            box->setDecimals(6);
            box->setRange(-1e9, 1e9);
            box->setSingleStep(0.05);
            box->setValue(value.get<double>());
            connect(box, &QDoubleSpinBox::valueChanged, this, touch);
            row.editor = box;
        } else {
            // Text, lists of numbers and anything else as text (lists of numbers as "2, 3, 4").
            auto* edit = new QLineEdit(this);
            edit->setText(value.is_string() ? QString::fromStdString(value.get<std::string>())
                                            : isIntegerList(value) ? listText(value) : QString::fromStdString(value.dump()));
            connect(edit, &QLineEdit::textEdited, this, touch);
            row.editor = edit;
        }
        row.editor->setObjectName(QString::fromStdString(row.key));
        row.editor->setToolTip(tr("%1 (%2.%3 in the training config)").arg(name(row.key), kind, QString::fromStdString(row.key)));
        m_form->addRow(new QLabel(label(row.key), this), row.editor);
        m_rows.push_back(row);
    }
    WheelGuard::install(this);
}

nlohmann::json ModelOptionsEditor::values() const
{
    nlohmann::json section = m_section;
    for (const Row& row : m_rows) {
        if (!row.touched) continue;
        const nlohmann::json& original = m_section[row.key];
        if (auto* box = qobject_cast<QCheckBox*>(row.editor)) {
            section[row.key] = box->isChecked();
        } else if (auto* spin = qobject_cast<QSpinBox*>(row.editor)) {
            section[row.key] = spin->value();
        } else if (auto* spin = qobject_cast<QDoubleSpinBox*>(row.editor)) {
            section[row.key] = spin->value();
        } else if (auto* edit = qobject_cast<QLineEdit*>(row.editor)) {
            const QString text = edit->text().trimmed();
            if (original.is_string()) {
                section[row.key] = text.toStdString();
            } else if (isIntegerList(original)) {
                nlohmann::json list = nlohmann::json::array();
                for (const QString& part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
                    bool ok = false;
                    const qlonglong number = part.trimmed().toLongLong(&ok);
                    // Core rejects a string with the key's path, which names the problem.
                    list.push_back(ok ? nlohmann::json(number) : nlohmann::json(part.trimmed().toStdString()));
                }
                section[row.key] = list;
            } else {
                section[row.key] = nlohmann::json::parse(text.toStdString(), nullptr, false);
            }
        }
    }
    return section;
}

QString ModelOptionsEditor::problem() const
{
    const nlohmann::json section = values();
    for (const Row& row : m_rows)
        if (section[row.key].is_discarded())
            return tr("%1 %2 is not valid JSON").arg(label(row.key), qobject_cast<QLineEdit*>(row.editor)->text());
    return {};
}

void ModelOptionsEditor::retranslateUi()
{
    for (int i = 0; i < static_cast<int>(m_rows.size()); ++i) {
        const Row& row = m_rows[static_cast<std::size_t>(i)];
        if (auto* text = qobject_cast<QLabel*>(m_form->itemAt(i, QFormLayout::LabelRole)->widget()))
            text->setText(label(row.key));
        row.editor->setToolTip(tr("%1 (%2.%3 in the training config)").arg(name(row.key), m_kind, QString::fromStdString(row.key)));
    }
}

void ModelOptionsEditor::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

} // namespace tagbench::ui
