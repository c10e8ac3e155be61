#include "ui/widgets/WheelGuard.h"

#include <QAbstractSlider>
#include <QAbstractSpinBox>
#include <QComboBox>
#include <QEvent>
#include <QScrollBar>
#include <QWidget>

namespace tagbench::ui {

namespace {

bool takesWheel(const QObject* object)
{
    // Scroll bars are what the wheel is for; sliders, spin boxes and combo boxes hold values.
    if (qobject_cast<const QScrollBar*>(object))
        return false;
    return qobject_cast<const QAbstractSpinBox*>(object) || qobject_cast<const QComboBox*>(object)
           || qobject_cast<const QAbstractSlider*>(object);
}

} // namespace

void WheelGuard::install(QWidget* root)
{
    // One guard per root; installing again (after rows were added) only covers the new widgets.
    auto* guard = root->findChild<WheelGuard*>(QString(), Qt::FindDirectChildrenOnly);
    if (!guard) guard = new WheelGuard(root);
    for (QWidget* child : root->findChildren<QWidget*>()) {
        if (!takesWheel(child) || child->property("tagbenchWheelGuard").toBool()) continue;
        child->setProperty("tagbenchWheelGuard", true);
        child->setFocusPolicy(Qt::StrongFocus);
        child->installEventFilter(guard);
    }
}

bool WheelGuard::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::Wheel && !static_cast<QWidget*>(watched)->hasFocus()) {
        event->ignore();  // the scroll area behind it scrolls instead
        return true;
    }
    return false;
}

} // namespace tagbench::ui
