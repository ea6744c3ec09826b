// SPDX-License-Identifier: MIT
#include "workerhost.h"

#include "core/recorder.h"
#include "core/runcontext.h"
#include "core/stepgate.h"
#include "core/thread.h"
#include "eventstreamwriter.h"
#include "workercontext.h"
#include "workerroles.h"

#include <QCoreApplication>
#include <QUrl>
#include <cstdio>
#include <optional>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace weft {

namespace {
// The translation context of this file's strings, read by lupdate too.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(weft::WorkerHost)
};

int fail(const QString &message)
{
    std::fprintf(stderr, "weft --worker: %s\n", qPrintable(message));
    std::fflush(stderr);
    return WorkerHost::kExitBadArguments;
}

bool isStream(int fd)
{
    struct stat st;
    return ::fstat(fd, &st) == 0 && (S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode));
}

std::optional<WorkerEndpoint> parseEndpoint(const QString &text)
{
    const qsizetype colon = text.indexOf(QLatin1Char(':'));
    if (colon <= 0)
        return std::nullopt;
    bool ok = false;
    WorkerEndpoint endpoint;
    endpoint.fd = text.left(colon).toInt(&ok);
    if (!ok || endpoint.fd < WorkerHost::kFirstEndpointFd)
        return std::nullopt;
    for (const QString &name : text.mid(colon + 1).split(QLatin1Char(','), Qt::SkipEmptyParts))
        endpoint.channels << QUrl::fromPercentEncoding(name.toUtf8());
    if (endpoint.channels.isEmpty())
        return std::nullopt;
    return endpoint;
}
} // namespace

QString WorkerHost::endpointArgument(int fd, const QStringList &channels)
{
    QStringList encoded;
    for (const QString &name : channels)
        encoded << QString::fromLatin1(QUrl::toPercentEncoding(name));
    return QStringLiteral("%1:%2").arg(fd).arg(encoded.join(QLatin1Char(',')));
}

int WorkerHost::run(const QStringList &arguments)
{
    if (arguments.isEmpty() || arguments.first().startsWith(QLatin1Char('-')))
        return fail(Tr::tr("missing role. Worker mode is how Weft starts its own child processes; "
                           "roles: %1")
                        .arg(WorkerRoles::instance().names().join(QStringLiteral(", "))));
    const auto role = WorkerRoles::instance().find(arguments.first());
    if (!role)
        return fail(Tr::tr("unknown role '%1'; roles: %2")
                        .arg(arguments.first(),
                             WorkerRoles::instance().names().join(QStringLiteral(", "))));

    std::vector<WorkerEndpoint> endpoints;
    QStringList assignments;
    for (int i = 1; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        if (argument == QLatin1String("--endpoint")) {
            const auto endpoint
                = i + 1 < arguments.size() ? parseEndpoint(arguments.at(++i)) : std::nullopt;
            if (!endpoint)
                return fail(
                    Tr::tr("--endpoint needs FD:NAME[,NAME], with FD >= %1").arg(kFirstEndpointFd));
            if (!isStream(endpoint->fd))
                return fail(Tr::tr("descriptor %1 given with --endpoint is not an open socket")
                                .arg(endpoint->fd));
            endpoints.push_back(*endpoint);
        } else if (argument.contains(QLatin1Char('=')) && !argument.startsWith(QLatin1Char('-'))) {
            assignments << argument;
        } else {
            return fail(Tr::tr("unexpected argument '%1' for role %2").arg(argument, role->name));
        }
    }
    QString error;
    const auto parameters = ParameterValues::fromAssignments(role->parameters, assignments, &error);
    if (!parameters)
        return fail(Tr::tr("role %1: %2").arg(role->name, error));
    if (!isStream(kEventStreamFd))
        return fail(
            Tr::tr("no event stream on descriptor %1: worker mode is started by Weft itself, "
                   "not by hand")
                .arg(kEventStreamFd));

    // A worker never outlives the parent that reads it, even if the parent is killed.
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);

    Recorder recorder;
    StepGate gate;
    RunContext context(recorder, gate, *parameters);
    EventStreamWriter writer(recorder);
    writer.start(kEventStreamFd, std::chrono::milliseconds(10));

    // Not destroyed on the way out: a daemon thread may still be sleeping in it.
    auto *worker = new WorkerContext(context, *parameters, std::move(endpoints));
    int exitCode = 0;
    Thread mainThread(QStringLiteral("MainThread"), [&] {
        exitCode = role->run(*worker);
        worker->waitForNonDaemonThreads();
    });
    mainThread.startIn(context, true);
    mainThread.join();
    if (!mainThread.errorMessage().isEmpty()) {
        std::fprintf(stderr, "weft --worker %s: %s\n", qPrintable(role->name),
                     qPrintable(mainThread.errorMessage()));
        exitCode = 1;
    }
    writer.stop();
    std::fflush(stdout);
    std::fflush(stderr);
    // _exit, not return: destructors would wait for daemon threads, and the
    // point is that the process ends under them.
    ::_exit(exitCode);
}

} // namespace weft
