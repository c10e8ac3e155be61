#pragma once

#include <nlohmann/json.hpp>

#include <QWidget>

#include <vector>

class QFormLayout;

namespace tagbench::ui {

/// The settings of one model kind (its section of the training config, e.g. "TextCNN"), as a
/// form built from the section itself: a row per key, the editor chosen by the value's JSON type
/// (whole numbers, numbers, true/false, text, lists of numbers). A new model kind therefore
/// shows all of its settings without any code here. Values are validated by core when the
/// config is parsed; values() returns the section with the rows the user changed.
class ModelOptionsEditor final : public QWidget {
    Q_OBJECT
public:
    explicit ModelOptionsEditor(QWidget* parent = nullptr);

    /// Shows section (the kind's options, every key present) for kind.
    void setSection(const QString& kind, const nlohmann::json& section);
    /// The kind whose section is shown (empty before setSection()).
    const QString& kind() const { return m_kind; }
    /// The section with the edited rows overlaid; untouched rows keep their exact values.
    nlohmann::json values() const;
    /// A row's value could not be read (e.g. "2, x" in a list of numbers): the message, else empty.
    QString problem() const;
    /// A setting's key ("kernel_sizes") in words ("Kernel sizes").
    static QString name(const std::string& key);

signals:
    void edited();

protected:
    void changeEvent(QEvent* event) override;

private:
    struct Row {
        std::string key;
        QWidget* editor = nullptr;
        bool touched = false;
    };
    void retranslateUi();
    /// name() as a form label ("Kernel sizes:").
    static QString label(const std::string& key);

    QFormLayout* m_form = nullptr;
    QString m_kind;
    nlohmann::json m_section;
    std::vector<Row> m_rows;
};

} // namespace tagbench::ui
