// SPDX-License-Identifier: MIT
#include "hostresolver.h"

#include "core/cancelled.h"
#include "core/runcontext.h"
#include "netsupport.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QHostInfo>
#include <QTimer>

namespace weft {

using namespace netsupport;

namespace {
// The translation context of this file's strings, read by lupdate too.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(weft::HostResolver)
};

QHostAddress preferIPv4(const QList<QHostAddress> &addresses)
{
    for (const QHostAddress &address : addresses) {
        if (address.protocol() == QAbstractSocket::IPv4Protocol)
            return address;
    }
    return addresses.isEmpty() ? QHostAddress() : addresses.first();
}

// RFC 6761: a name under .invalid never exists, and a resolver should say so
// at once. Saying so here means trying one asks no name server anything.
bool isReservedInvalid(QString name)
{
    if (name.endsWith(QLatin1Char('.')))
        name.chop(1);
    return name.compare(QLatin1String("invalid"), Qt::CaseInsensitive) == 0
        || name.endsWith(QLatin1String(".invalid"), Qt::CaseInsensitive);
}

// A lookup answered from Qt's cache posts its answer to this thread at once,
// as an object that deletes itself once delivered. A run that stops waiting
// before delivery would leave that object behind for good when the thread
// ends, so it is delivered (to a callback that no longer matters) and deleted
// here, while the callback's captures still exist.
void deliverAbandonedAnswer()
{
    QCoreApplication::sendPostedEvents();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
}
} // namespace

QHostAddress resolveHost(const QString &host, std::chrono::milliseconds timeout,
                         std::source_location location)
{
    RunContext &context = RunContext::require("weft::resolveHost");
    const QString name = host.trimmed();
    context.passGate(EventKind::IoWaitBegin, 0, Tr::tr("resolve %1").arg(name), location);

    QHostAddress literal;
    if (literal.setAddress(name))
        return literal;
    if (name.isEmpty() || name.size() > 253)
        fail(context, 0, SocketError::Kind::HostNotFound,
             Tr::tr("Cannot resolve host \"%1\": not a valid host name").arg(name.left(64)),
             location);
    if (isReservedInvalid(name))
        fail(context, 0, SocketError::Kind::HostNotFound,
             Tr::tr("Cannot resolve host \"%1\": %2")
                 .arg(name, Tr::tr("names under .invalid never exist")),
             location);

    context.record(EventKind::IoWaitBegin, location, 0, 0,
                   context.recorder().intern(Tr::tr("resolve %1").arg(name)));

    // QHostInfo delivers its answer through this thread's event loop; the loop
    // wakes every slice to check for a cancel and the deadline.
    QEventLoop loop;
    QTimer slice;
    slice.setSingleShot(true);
    QObject::connect(&slice, &QTimer::timeout, &loop, &QEventLoop::quit);
    bool answered = false;
    QHostInfo info;
    const int lookupId = QHostInfo::lookupHost(name, &loop, [&](const QHostInfo &result) {
        info = result;
        answered = true;
        loop.quit();
    });

    Deadline deadline(timeout, context.gate());
    while (!answered && !context.isCancelled() && !deadline.expired()) {
        slice.start(deadline.sliceMs());
        loop.exec();
    }
    if (!answered) {
        QHostInfo::abortHostLookup(lookupId);
        deliverAbandonedAnswer();
        context.record(EventKind::IoWaitEnd, location, 0, 0, 0, Abnormal);
        if (context.isCancelled())
            throw Cancelled {};
        fail(context, 0, SocketError::Kind::TimedOut,
             Tr::tr("Cannot resolve host \"%1\": no answer within %2 ms")
                 .arg(name)
                 .arg(timeout.count()),
             location);
    }

    const QHostAddress address = preferIPv4(info.addresses());
    if (info.error() != QHostInfo::NoError || address.isNull()) {
        context.record(EventKind::IoWaitEnd, location, 0, 0, 0, Abnormal);
        fail(context, 0, SocketError::Kind::HostNotFound,
             Tr::tr("Cannot resolve host \"%1\": %2")
                 .arg(name,
                      info.error() == QHostInfo::NoError ? Tr::tr("no address")
                                                         : info.errorString()),
             location);
    }
    context.record(EventKind::IoWaitEnd, location, 0, 0,
                   context.recorder().intern(Tr::tr("%1 is %2").arg(name, address.toString())));
    return address;
}

} // namespace weft
