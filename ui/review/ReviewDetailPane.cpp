#include "ui/review/ReviewDetailPane.h"

#include "core/eval/ScoreMatrix.h"
#include "ui/review/ReviewItemModel.h"

#include <QCompleter>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QStringListModel>
#include <QTextBrowser>
#include <QToolTip>

#include <algorithm>

namespace tagbench::ui {

namespace {
constexpr int labelRole = Qt::UserRole + 1;
constexpr std::size_t candidateLabels = 5;   // best-scored labels offered for a correction

QString withScore(const QString& label, float score)
{
    return QStringLiteral("%1  (%2)").arg(label, QLocale().toString(double(score), 'f', 3));
}
} // namespace

ReviewDetailPane::ReviewDetailPane(QWidget* parent)
    : QWidget(parent)
{
    auto* grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    m_text = new QTextBrowser(this);
    m_text->setObjectName(QStringLiteral("reviewText"));
    m_goldLabel = new QLabel(this);
    m_gold = new QListWidget(this);
    m_gold->setObjectName(QStringLiteral("goldLabels"));
    m_predictedLabel = new QLabel(this);
    m_predicted = new QListWidget(this);
    m_predicted->setObjectName(QStringLiteral("predictedLabels"));
    m_correctionLabel = new QLabel(this);
    m_correction = new QListWidget(this);
    m_correction->setObjectName(QStringLiteral("correctionLabels"));
    m_addLabel = new QLineEdit(this);
    m_addLabel->setObjectName(QStringLiteral("addLabel"));
    m_addLabel->setClearButtonEnabled(true);
    auto* completer = new QCompleter(new QStringListModel(this), m_addLabel);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    m_addLabel->setCompleter(completer);
    m_accept = new QPushButton(this);
    m_accept->setObjectName(QStringLiteral("acceptGold"));
    m_correct = new QPushButton(this);
    m_correct->setObjectName(QStringLiteral("saveCorrection"));
    m_skip = new QPushButton(this);
    m_skip->setObjectName(QStringLiteral("skipDocument"));
    grid->addWidget(m_text, 0, 0, 1, 3);
    grid->addWidget(m_goldLabel, 1, 0);
    grid->addWidget(m_predictedLabel, 1, 1);
    grid->addWidget(m_correctionLabel, 1, 2);
    grid->addWidget(m_gold, 2, 0, 2, 1);
    grid->addWidget(m_predicted, 2, 1, 2, 1);
    grid->addWidget(m_correction, 2, 2);
    grid->addWidget(m_addLabel, 3, 2);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_accept);
    buttons->addWidget(m_correct);
    buttons->addWidget(m_skip);
    grid->addLayout(buttons, 4, 0, 1, 3);
    grid->setRowStretch(0, 1);
    grid->setRowStretch(2, 1);

    connect(m_accept, &QPushButton::clicked, this, &ReviewDetailPane::acceptRequested);
    connect(m_correct, &QPushButton::clicked, this, &ReviewDetailPane::correctRequested);
    connect(m_skip, &QPushButton::clicked, this, &ReviewDetailPane::skipRequested);
    connect(m_addLabel, &QLineEdit::returnPressed, this, &ReviewDetailPane::addTypedLabel);
    connect(completer, qOverload<const QString&>(&QCompleter::activated), this, [this](const QString& label) {
        m_addLabel->setText(label);
        addTypedLabel();
    });
    retranslateUi();
    clear();
}

void ReviewDetailPane::setLabelNames(const QStringList& names)
{
    m_names = names;
    static_cast<QStringListModel*>(m_addLabel->completer()->model())->setStringList(names);
}

void ReviewDetailPane::clear()
{
    m_scores = nullptr;
    m_text->clear();
    m_gold->clear();
    m_predicted->clear();
    m_correction->clear();
    for (QWidget* widget : std::initializer_list<QWidget*>{m_accept, m_correct, m_skip, m_addLabel})
        widget->setEnabled(false);
}

void ReviewDetailPane::showDocument(const eval::ScoreMatrix& scores, const ReviewItem& item, const QString& text,
                                    const std::optional<QStringList>& correction)
{
    clear();
    m_scores = &scores;
    m_row = item.row;
    for (QWidget* widget : std::initializer_list<QWidget*>{m_accept, m_correct, m_skip, m_addLabel})
        widget->setEnabled(true);
    m_text->setPlainText(text);
    const auto name = [&scores](std::uint32_t label) { return QString::fromStdString(scores.labelNames()[label]); };
    for (const std::uint32_t label : item.gold)
        m_gold->addItem(withScore(name(label), scores.score(item.row, label)));
    for (const std::uint32_t label : item.predicted)
        m_predicted->addItem(withScore(name(label), scores.score(item.row, label)));

    // Offer gold, predicted and the best-scored labels, and those a stored correction added;
    // checked = the current best guess.
    std::vector<std::uint32_t> candidates(item.gold);
    candidates.insert(candidates.end(), item.predicted.begin(), item.predicted.end());
    std::vector<std::uint32_t> order(scores.labelCount());
    for (std::uint32_t i = 0; i < order.size(); ++i)
        order[i] = i;
    const std::size_t top = std::min(candidateLabels, order.size());
    std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(top), order.end(),
                      [&](std::uint32_t a, std::uint32_t b) { return scores.score(item.row, a) > scores.score(item.row, b); });
    candidates.insert(candidates.end(), order.begin(), order.begin() + static_cast<std::ptrdiff_t>(top));
    if (correction) {
        for (const QString& label : *correction) {
            const auto found = std::find(scores.labelNames().begin(), scores.labelNames().end(), label.toStdString());
            if (found != scores.labelNames().end())
                candidates.push_back(std::uint32_t(found - scores.labelNames().begin()));
        }
    }
    std::sort(candidates.begin(), candidates.end(),
              [&](std::uint32_t a, std::uint32_t b) { return scores.score(item.row, a) > scores.score(item.row, b); });
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    for (const std::uint32_t label : candidates) {
        const bool checked = correction ? correction->contains(name(label))
                                        : std::binary_search(item.gold.begin(), item.gold.end(), label);
        addCandidate(name(label), scores.score(item.row, label), checked);
    }
}

void ReviewDetailPane::addCandidate(const QString& label, float score, bool checked)
{
    auto* entry = new QListWidgetItem(withScore(label, score), m_correction);
    entry->setData(labelRole, label);
    entry->setFlags(entry->flags() | Qt::ItemIsUserCheckable);
    entry->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
}

void ReviewDetailPane::addTypedLabel()
{
    const QString typed = m_addLabel->text().trimmed();
    if (typed.isEmpty() || !m_scores)
        return;
    const auto found = std::find_if(m_names.begin(), m_names.end(),
                                    [&typed](const QString& name) { return name.compare(typed, Qt::CaseInsensitive) == 0; });
    if (found == m_names.end()) {
        QToolTip::showText(m_addLabel->mapToGlobal(QPoint(0, m_addLabel->height())),
                           tr("\"%1\" is not one of the run's labels.").arg(typed), m_addLabel);
        m_addLabel->selectAll();
        return;
    }
    m_addLabel->clear();
    for (int i = 0; i < m_correction->count(); ++i) {
        if (m_correction->item(i)->data(labelRole).toString() == *found) {
            m_correction->item(i)->setCheckState(Qt::Checked);
            return;
        }
    }
    addCandidate(*found, m_scores->score(m_row, std::uint32_t(found - m_names.begin())), true);
}

QStringList ReviewDetailPane::checkedLabels() const
{
    QStringList labels;
    for (int i = 0; i < m_correction->count(); ++i) {
        if (m_correction->item(i)->checkState() == Qt::Checked)
            labels << m_correction->item(i)->data(labelRole).toString();
    }
    return labels;
}

void ReviewDetailPane::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void ReviewDetailPane::retranslateUi()
{
    m_goldLabel->setText(tr("Gold labels"));
    m_predictedLabel->setText(tr("Predicted labels"));
    m_correctionLabel->setText(tr("Corrected labels"));
    m_addLabel->setPlaceholderText(tr("Add label…"));
    m_addLabel->setToolTip(tr("Type any label of the run and press Enter to add it to the correction"));
    m_correction->setToolTip(tr("Tick the labels this document should have, then Save correction (C)"));
    m_accept->setText(tr("Accept gold (A)"));
    m_accept->setToolTip(tr("The gold labels are right"));
    m_correct->setText(tr("Save correction (C)"));
    m_correct->setToolTip(tr("Store the checked labels as this document's labels"));
    m_skip->setText(tr("Skip (S)"));
    m_skip->setToolTip(tr("Decide later; the document is marked as skipped"));
}

} // namespace tagbench::ui
