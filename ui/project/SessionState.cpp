#include "ui/project/SessionState.h"

#include <QSettings>

namespace tagbench::ui {

namespace {
constexpr const char* group = "session";
} // namespace

SessionState SessionState::load()
{
    QSettings settings;
    settings.beginGroup(QLatin1String(group));
    SessionState state;
    state.project = settings.value(QStringLiteral("project")).toString();
    state.datasets = settings.value(QStringLiteral("datasets")).toStringList();
    state.runDir = settings.value(QStringLiteral("run")).toString();
    state.split = settings.value(QStringLiteral("split")).toString();
    state.page = settings.value(QStringLiteral("page")).toString();
    state.trainSettings = settings.value(QStringLiteral("trainSettings")).toByteArray();
    return state;
}

void SessionState::save() const
{
    QSettings settings;
    settings.beginGroup(QLatin1String(group));
    settings.setValue(QStringLiteral("project"), project);
    settings.setValue(QStringLiteral("datasets"), datasets);
    settings.setValue(QStringLiteral("run"), runDir);
    settings.setValue(QStringLiteral("split"), split);
    settings.setValue(QStringLiteral("page"), page);
    settings.setValue(QStringLiteral("trainSettings"), trainSettings);
}

void SessionState::clear()
{
    QSettings().remove(QLatin1String(group));
}

} // namespace tagbench::ui
