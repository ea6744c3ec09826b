// SPDX-License-Identifier: MIT
#include "eventdetailsmodel.h"

#include "core/derived/traceslices.h"
#include "ui/timeline/eventkindtext.h"

namespace weft::ui {

EventDetailsModel::EventDetailsModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

QString EventDetailsModel::formatDuration(qint64 ns)
{
    const double v = double(ns);
    const double a = std::abs(v);
    if (a < 1e3)
        return tr("%1 ns").arg(ns);
    if (a < 1e6)
        return tr("%1 µs").arg(v / 1e3, 0, 'f', 2);
    if (a < 1e9)
        return tr("%1 ms").arg(v / 1e6, 0, 'f', 3);
    return tr("%1 s").arg(v / 1e9, 0, 'f', 3);
}

QString EventDetailsModel::laneName(const Trace &trace, quint32 actor)
{
    return boundedText(actorDisplayName(trace, actor), kMaxValueChars);
}

QString EventDetailsModel::describeKind(EventKind kind)
{
    return eventKindText(kind);
}

void EventDetailsModel::appendValue(const Trace &trace, const Event &event, const SliceFacts *slice)
{
    // The value's meaning depends on the kind (see core/event.h): name it and give its unit.
    const auto actorName = [&](qint64 actor) {
        return laneName(trace, quint32(actor));
    };
    switch (event.kind) {
    case EventKind::ThreadStart:
        m_rows.append({tr("Native thread id"), QString::number(event.value)});
        return;
    case EventKind::ProcessStart:
        m_rows.append({tr("Process id"), QString::number(event.value)});
        return;
    case EventKind::ProcessExit:
        m_rows.append({tr("Exit code"), QString::number(event.value)});
        return;
    case EventKind::SleepBegin:
        m_rows.append({tr("Sleeps for"), formatDuration(event.value)});
        return;
    case EventKind::JoinWait:
    case EventKind::JoinDone:
        m_rows.append({tr("Joined thread"), actorName(event.value)});
        return;
    case EventKind::ThreadSpawn:
        m_rows.append({tr("Started thread"), actorName(event.value)});
        return;
    case EventKind::PacketSend:
    case EventKind::PacketRecv:
    case EventKind::MessageSend:
    case EventKind::MessageRecv:
        m_rows.append({tr("Bytes"), QString::number(event.value)});
        return;
    case EventKind::CondNotify:
        m_rows.append({tr("Waiters woken"), QString::number(event.value)});
        return;
    case EventKind::SpanBegin:
    case EventKind::SpanEnd:
        if (slice) {
            m_rows.append({tr("Duration"),
                           slice->unfinished ? tr("%1 (still open when the trace ended)")
                                                   .arg(formatDuration(slice->durationNs))
                                             : formatDuration(slice->durationNs)});
            m_rows.append({tr("Self time"), formatDuration(slice->selfNs)});
        } else if (event.value > 0) {
            // Known when the trace gave it (Chrome X, or B with its E).
            m_rows.append({tr("Duration"), formatDuration(event.value)});
        }
        return;
    case EventKind::Mark:
        if ((event.flags & WaitsFor) && event.value > 0) {
            m_rows.append({tr("Held by"), actorName(event.value)});
            return;
        }
        break;
    default:
        break;
    }
    if (event.value != 0 || event.kind == EventKind::CounterValue)
        m_rows.append({tr("Value"), QString::number(event.value)});
}

QString EventDetailsModel::objectName(const Trace &trace, quint32 object)
{
    return boundedText(objectDisplayName(trace, object), kMaxValueChars);
}

void EventDetailsModel::appendWait(const Trace &trace, int eventIndex)
{
    // Most events end no wait: deriving the causes (a second of a 10 M-event
    // trace) waits for the first that may.
    if (!WaitCauses::canHaveCause(trace.events()[std::size_t(eventIndex)].kind))
        return;
    if (!m_waitCauses || !m_waitCausesTrace.sharesDataWith(trace)) {
        m_waitCauses = std::make_shared<const WaitCauses>(trace);
        m_waitCausesTrace = trace;
    }
    m_wait = m_waitCauses->causeOf(eventIndex);
    if (!m_wait)
        return;
    const WaitCause &wait = *m_wait;
    const auto lineOf = [&](int index) {
        const quint16 site = index >= 0 ? trace.events()[std::size_t(index)].site : 0;
        return site ? trace.site(site).line : 0;
    };
    QString duration = formatDuration(wait.endNs - wait.startNs);
    if (!wait.ended)
        duration = tr("%1 (still waiting when the trace ended)").arg(duration);
    QString waited;
    if (wait.state == LaneState::WaitingJoin) {
        waited = tr("%1 for %2 to end").arg(duration, laneName(trace, wait.object));
    } else if (wait.holder == 0) {
        waited = tr("%1 on %2").arg(duration, objectName(trace, wait.object));
    } else if (const int line = lineOf(wait.holderAcquired); line > 0) {
        waited = tr("%1 on %2, held by %3 (acquired at line %4)")
                     .arg(duration, objectName(trace, wait.object), laneName(trace, wait.holder))
                     .arg(line);
    } else {
        waited = tr("%1 on %2, held by %3")
                     .arg(duration, objectName(trace, wait.object), laneName(trace, wait.holder));
    }
    m_rows.append({tr("Blocked"), waited});
    m_waitLink = WaitLink {wait.waiter, wait.startNs, wait.endNs, 0, 0, {}};
    if (wait.causeEvent < 0)
        return;
    const Event &cause = trace.events()[std::size_t(wait.causeEvent)];
    const QString who = laneName(trace, cause.actor);
    const QString when = formatDuration(cause.timeNs - trace.startNs());
    const int line = lineOf(wait.causeEvent);
    m_waitLink->causeActor = cause.actor;
    m_waitLink->causeNs = cause.timeNs;
    m_waitLink->label = line > 0
        ? tr("unblocked by %1: %2 (line %3)").arg(who, describeKind(cause.kind)).arg(line)
        : tr("unblocked by %1: %2").arg(who, describeKind(cause.kind));
    m_rows.append(
        {tr("Unblocked by"),
         line > 0 ? tr("%1: %2 at %3 (line %4)").arg(who, describeKind(cause.kind), when).arg(line)
                  : tr("%1: %2 at %3").arg(who, describeKind(cause.kind), when)});
}

void EventDetailsModel::setEvent(const Trace &trace, int eventIndex, const SliceFacts *slice)
{
    if (eventIndex < 0 || std::size_t(eventIndex) >= trace.events().size()) {
        clear();
        return;
    }
    beginResetModel();
    m_eventIndex = eventIndex;
    m_rows.clear();
    m_wait.reset();
    m_waitLink.reset();
    const Event &event = trace.events()[std::size_t(eventIndex)];

    m_rows.append({tr("Kind"),
                   tr("%1 (%2)").arg(describeKind(event.kind),
                                     QString::fromLatin1(eventKindName(event.kind)))});
    m_rows.append(
        {tr("Time"), tr("%1 after the start").arg(formatDuration(event.timeNs - trace.startNs()))});
    if (event.actor) {
        const ActorInfo actor = trace.actor(event.actor);
        QString lane = laneName(trace, event.actor);
        if (actor.nativeId)
            lane += tr(" (thread id %1)").arg(actor.nativeId);
        m_rows.append({tr("Lane"), lane});
    }
    if (event.object)
        m_rows.append({tr("Object"), objectName(trace, event.object)});
    const bool sliceBegin = event.kind == EventKind::SpanBegin;
    appendValue(trace, event, sliceBegin ? slice : nullptr);
    appendWait(trace, eventIndex);
    if (event.text) {
        m_rows.append({sliceBegin                             ? tr("Name")
                           : event.kind == EventKind::SpanEnd ? tr("Args")
                                                              : tr("Text"),
                       boundedText(trace.text(event.text), kMaxValueChars)});
    }
    if (sliceBegin) {
        if (const QString args = TraceSlices::argsOf(trace, eventIndex); !args.isEmpty())
            m_rows.append({tr("Args"), boundedText(args, kMaxValueChars)});
    }
    if (event.site) {
        const SourceSite site = trace.site(event.site);
        if (!site.file.isEmpty())
            m_rows.append(
                {tr("Source"),
                 tr("%1, line %2").arg(boundedText(site.file, kMaxValueChars)).arg(site.line)});
    }
    if (event.isAbnormal())
        m_rows.append({tr("Flags"), tr("abnormal")});
    if (event.flags & Imported)
        m_rows.append({tr("Origin"), tr("imported")});
    endResetModel();
}

void EventDetailsModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_eventIndex = -1;
    m_wait.reset();
    m_waitLink.reset();
    endResetModel();
}

QString EventDetailsModel::valueOf(const QString &field) const
{
    for (const Row &row : m_rows) {
        if (row.field == field)
            return row.value;
    }
    return {};
}

int EventDetailsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int EventDetailsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : 2;
}

QVariant EventDetailsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &row = m_rows[index.row()];
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole)
        return index.column() == 0 ? row.field : row.value;
    return {};
}

QVariant EventDetailsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return section == 0 ? tr("Field") : tr("Value");
}

} // namespace weft::ui
