// SPDX-License-Identifier: MIT
#pragma once

#include "core/replaydriver.h"
#include "core/stepgate.h"
#include "core/trace.h"

#include <QWidget>

class QAction;
class QComboBox;
class QLabel;
class QListView;

namespace weft::ui {

class PendingActionModel;

// Live stepping: the threads waiting at their gates, what each will do next,
// and buttons to let one of them go. Double-clicking a thread steps it.
class StepPanel : public QWidget
{
    Q_OBJECT
public:
    explicit StepPanel(QWidget *parent = nullptr);

    void setActions(QAction *stepSelected, QAction *stepAny, QAction *runFreely);
    // A second row: "Run until [kind]" and "Replay schedule".
    void setScheduleActions(QAction *runUntil, QAction *replaySchedule);
    // The kind of action "Run until" stops at.
    EventKind runUntilKind() const;
    void setRunUntilKind(EventKind kind);
    // The kinds a thread can be parked at (what the traced primitives gate), with their names.
    static QList<QPair<EventKind, QString>> runUntilKinds();
    // "Replaying schedule: step 3 of 12", or a divergence; empty hides it.
    void setReplayStatus(const QString &text, bool problem = false);
    // States a replay's progress as its driver reports it. A divergence is
    // left to setReplayStatus(…, true), whose text stays up until the next run.
    void showReplayProgress(const weft::ReplayProgress &progress);
    QString replayStatus() const;
    bool replayStatusIsProblem() const { return m_replayProblem; }
    void setPending(const QList<PendingAction> &actions, const Trace &trace);
    // The thread chosen in the list (0 if none); keeps the choice across updates.
    quint32 selectedActor() const { return m_selectedActor; }
    void selectActor(quint32 actor);
    PendingActionModel *model() const { return m_model; }

Q_SIGNALS:
    void stepRequested(quint32 actor);
    // The site of the selected (or only) pending action, for the code panel.
    void actionHighlighted(quint16 site);

private:
    void onCurrentChanged();

    PendingActionModel *m_model;
    QListView *m_list;
    QLabel *m_hint;
    QWidget *m_buttons;
    QWidget *m_scheduleRow;
    QComboBox *m_runUntilKind;
    QLabel *m_replayStatus;
    quint32 m_selectedActor = 0;
    bool m_replayProblem = false;
};

} // namespace weft::ui
