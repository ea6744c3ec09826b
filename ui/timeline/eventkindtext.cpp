// SPDX-License-Identifier: MIT
#include "eventkindtext.h"

#include <QCoreApplication>

namespace weft::ui {

namespace {
// The event details panel's context: its translations predate this file.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(weft::ui::EventDetailsModel)
};
} // namespace

QString eventKindText(EventKind kind)
{
    switch (kind) {
    case EventKind::None:
        break;
    case EventKind::ThreadStart:
        return Tr::tr("thread starts");
    case EventKind::ThreadEnd:
        return Tr::tr("thread ends");
    case EventKind::ProcessStart:
        return Tr::tr("process starts");
    case EventKind::ProcessExit:
        return Tr::tr("process exits");
    case EventKind::Print:
        return Tr::tr("print");
    case EventKind::SleepBegin:
        return Tr::tr("starts sleeping");
    case EventKind::SleepEnd:
        return Tr::tr("wakes up");
    case EventKind::LockWait:
        return Tr::tr("waits for a lock");
    case EventKind::LockAcquired:
        return Tr::tr("acquires a lock");
    case EventKind::LockReleased:
        return Tr::tr("releases a lock");
    case EventKind::JoinWait:
        return Tr::tr("starts waiting in join()");
    case EventKind::JoinDone:
        return Tr::tr("join() returns");
    case EventKind::IoWaitBegin:
        return Tr::tr("starts waiting on I/O");
    case EventKind::IoWaitEnd:
        return Tr::tr("I/O wait ends");
    case EventKind::PacketSend:
        return Tr::tr("sends bytes");
    case EventKind::PacketRecv:
        return Tr::tr("receives bytes");
    case EventKind::MessageSend:
        return Tr::tr("sends a message");
    case EventKind::MessageRecv:
        return Tr::tr("receives a message");
    case EventKind::CounterValue:
        return Tr::tr("counter changes");
    case EventKind::Error:
        return Tr::tr("error");
    case EventKind::Mark:
        return Tr::tr("mark");
    case EventKind::SpanBegin:
        return Tr::tr("phase begins");
    case EventKind::SpanEnd:
        return Tr::tr("phase ends");
    case EventKind::CondWait:
        return Tr::tr("waits on a condition");
    case EventKind::CondWake:
        return Tr::tr("woken from a condition wait");
    case EventKind::CondNotify:
        return Tr::tr("notifies a condition");
    case EventKind::SocketOp:
        return Tr::tr("socket call");
    case EventKind::ThreadSpawn:
        return Tr::tr("starts another thread");
    case EventKind::StepWait:
        return Tr::tr("waits for your step");
    case EventKind::Count:
        break;
    }
    return QString::fromLatin1(eventKindName(kind));
}

} // namespace weft::ui
