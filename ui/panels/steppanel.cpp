// SPDX-License-Identifier: MIT
#include "steppanel.h"

#include "ui/models/pendingactionmodel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QToolButton>
#include <QVBoxLayout>

namespace weft::ui {

namespace {
QString idleHint()
{
    return StepPanel::tr("No thread is waiting. Turn on Step Mode (Run menu) before pressing Run: "
                         "every thread then stops before each traced action, and you decide who "
                         "goes next.");
}
} // namespace

StepPanel::StepPanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new PendingActionModel(this))
    , m_list(new QListView(this))
    , m_hint(new QLabel(this))
    , m_buttons(new QWidget(this))
    , m_scheduleRow(new QWidget(this))
    , m_runUntilKind(new QComboBox(this))
    , m_replayStatus(new QLabel(this))
{
    m_replayStatus->setWordWrap(true);
    m_replayStatus->setVisible(false);
    m_replayStatus->setObjectName(QStringLiteral("replayStatus"));
    m_runUntilKind->setObjectName(QStringLiteral("runUntilKind"));
    m_runUntilKind->setToolTip(tr("The kind of action \"Run until\" stops at"));
    // The longest kind would make the panel, and the column it shares, too wide to share.
    m_runUntilKind->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_runUntilKind->setMinimumContentsLength(14);
    for (const auto &[kind, name] : runUntilKinds())
        m_runUntilKind->addItem(name, int(kind));
    auto *scheduleLayout = new QHBoxLayout(m_scheduleRow);
    scheduleLayout->setContentsMargins(0, 0, 0, 0);
    scheduleLayout->addWidget(m_runUntilKind);
    scheduleLayout->addStretch(1);
    m_hint->setWordWrap(true);
    m_hint->setText(idleHint());
    m_list->setModel(m_model);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    auto *buttonLayout = new QHBoxLayout(m_buttons);
    buttonLayout->setContentsMargins(0, 0, 0, 0);
    buttonLayout->addStretch(1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_replayStatus);
    layout->addWidget(m_hint);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_buttons);
    layout->addWidget(m_scheduleRow);

    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &StepPanel::onCurrentChanged);
    connect(m_list, &QListView::doubleClicked, this, [this](const QModelIndex &index) {
        // A blocked thread would only wait: it is shown, not offered.
        const PendingAction *action = m_model->actionAt(index.row());
        if (action && !m_model->isBlocked(index.row()))
            Q_EMIT stepRequested(action->actor);
    });
}

void StepPanel::setActions(QAction *stepSelected, QAction *stepAny, QAction *runFreely)
{
    auto *layout = static_cast<QHBoxLayout *>(m_buttons->layout());
    for (QAction *action : {stepSelected, stepAny, runFreely}) {
        auto *button = new QToolButton(m_buttons);
        button->setDefaultAction(action);
        layout->addWidget(button);
    }
}

void StepPanel::setScheduleActions(QAction *runUntil, QAction *replaySchedule)
{
    auto *layout = static_cast<QHBoxLayout *>(m_scheduleRow->layout());
    auto *until = new QToolButton(m_scheduleRow);
    until->setDefaultAction(runUntil);
    layout->insertWidget(0, until); // reads "Run until [lock acquire]"
    auto *replay = new QToolButton(m_scheduleRow);
    replay->setDefaultAction(replaySchedule);
    layout->addWidget(replay);
}

QList<QPair<EventKind, QString>> StepPanel::runUntilKinds()
{
    // The kinds the traced primitives pass their gates with (core: passGate).
    // A lock release is not gated (it never waits), so it is not offered.
    return {
        {EventKind::LockAcquired, tr("a lock acquire")},
        {EventKind::ThreadStart, tr("a thread start")},
        {EventKind::JoinWait, tr("a join")},
        {EventKind::Print, tr("a print")},
        {EventKind::SleepBegin, tr("a sleep")},
        {EventKind::MessageSend, tr("a put / message send")},
        {EventKind::MessageRecv, tr("a get / message receive")},
        {EventKind::PacketSend, tr("a socket send")},
        {EventKind::PacketRecv, tr("a socket receive")},
        {EventKind::SocketOp, tr("a socket operation (connect, accept, close…)")},
        {EventKind::CondWait, tr("a condition wait")},
        {EventKind::CondNotify, tr("a condition notify")},
        {EventKind::ProcessStart, tr("a process start")},
        {EventKind::IoWaitBegin, tr("a name lookup")},
        {EventKind::Mark, tr("a read of shared data")},
        {EventKind::CounterValue, tr("a write of shared data")},
    };
}

EventKind StepPanel::runUntilKind() const
{
    return EventKind(m_runUntilKind->currentData().toInt());
}

void StepPanel::setRunUntilKind(EventKind kind)
{
    const int index = m_runUntilKind->findData(int(kind));
    if (index >= 0)
        m_runUntilKind->setCurrentIndex(index);
}

void StepPanel::setReplayStatus(const QString &text, bool problem)
{
    m_replayStatus->setText(text);
    m_replayProblem = problem && !text.isEmpty();
    m_replayStatus->setStyleSheet(problem ? QStringLiteral("color: #c62828; font-weight: bold;")
                                          : QStringLiteral("font-weight: bold;"));
    m_replayStatus->setVisible(!text.isEmpty());
}

void StepPanel::showReplayProgress(const ReplayProgress &progress)
{
    using State = ReplayProgress::State;
    const int steps = int(progress.total);
    switch (progress.state) {
    case State::Replaying:
        setReplayStatus(tr("Replaying schedule: step %1 of %2").arg(progress.step).arg(steps));
        break;
    case State::Replayed:
        setReplayStatus(progress.runEnded
                            ? tr("Schedule replayed (%n step(s)).", nullptr, steps)
                            : tr("Schedule replayed (%n step(s)); you are the scheduler again.",
                                 nullptr, steps));
        break;
    case State::Stopped:
        setReplayStatus({});
        break;
    case State::Diverged:
        break;
    }
}

QString StepPanel::replayStatus() const
{
    return m_replayStatus->text();
}

void StepPanel::setPending(const QList<PendingAction> &actions, const Trace &trace)
{
    const quint32 keep = m_selectedActor;
    m_model->setPending(actions, trace);
    int row = m_model->rowOfActor(keep);
    if (row < 0 && m_model->rowCount() > 0)
        row = 0;
    if (row >= 0)
        m_list->setCurrentIndex(m_model->index(row));
    if (!actions.isEmpty())
        m_hint->setText(
            tr("%n thread(s) waiting for your decision. Double-click one to let it take "
               "one step.",
               nullptr, int(actions.size())));
    else
        m_hint->setText(idleHint());
    onCurrentChanged();
}

void StepPanel::selectActor(quint32 actor)
{
    m_selectedActor = actor;
    const int row = m_model->rowOfActor(actor);
    if (row >= 0) {
        m_list->setCurrentIndex(m_model->index(row));
        onCurrentChanged(); // re-highlight its line even if the row was already current
    }
}

void StepPanel::onCurrentChanged()
{
    const PendingAction *action = m_model->actionAt(m_list->currentIndex().row());
    if (!action)
        return;
    m_selectedActor = action->actor;
    if (action->site)
        Q_EMIT actionHighlighted(action->site);
}

} // namespace weft::ui
