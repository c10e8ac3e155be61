#pragma once

#include <QObject>

class QWidget;

namespace tagbench::ui {

/// Keeps the mouse wheel for scrolling: spin boxes, combo boxes and sliders under it take the
/// wheel only once they have keyboard focus (a click or Tab), as in most desktop tools, so that
/// scrolling a long settings panel never changes a value by accident.
class WheelGuard final : public QObject {
    Q_OBJECT
public:
    /// Guards every such widget below root; call again after adding widgets to root.
    static void install(QWidget* root);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    explicit WheelGuard(QObject* parent) : QObject(parent) {}
};

} // namespace tagbench::ui
