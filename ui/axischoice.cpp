// SPDX-License-Identifier: MIT
#include "axischoice.h"

#include "ui/timeline/timelineview.h"

#include <QAction>

namespace weft::ui {

AxisChoice::AxisChoice(QAction *timeAxis, QAction *stepAxis, TimelineView *view, QObject *parent)
    : QObject(parent)
    , m_stepAxis(stepAxis)
    , m_view(view)
{
    // triggered() is the user's act (a menu item, the toolbar, the key);
    // toggled() also follows suggestFor()'s setChecked().
    for (QAction *axis : {timeAxis, stepAxis})
        connect(axis, &QAction::triggered, this, [this] { m_userChose = true; });
    connect(stepAxis, &QAction::toggled, this,
            [this](bool steps) { m_view->setStepAxis(steps, m_selectedEvent); });
}

bool AxisChoice::stepsByDefault(const QString &scenarioId, bool stepping)
{
    return stepping || scenarioId == QLatin1String("locks.race")
        || scenarioId == QLatin1String("locks.deadlock");
}

void AxisChoice::suggestFor(const QString &scenarioId, bool stepping)
{
    if (!m_userChose)
        m_stepAxis->setChecked(stepsByDefault(scenarioId, stepping));
}

} // namespace weft::ui
