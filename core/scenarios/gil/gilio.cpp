// SPDX-License-Identifier: MIT
// gil.io — an I/O-bound thread beside a CPU-bound one: the convoy effect.
//
// The Python this mirrors:
//     def io_thread(sock):
//         for _ in range(round_trips):
//             t0 = time.perf_counter()
//             sock.sendall(payload)          # releases the GIL around the system call
//             sock.recv(len(payload))        # releases the GIL while it waits
//             latencies.append(time.perf_counter() - t0)
//     def cpu_thread():
//         while not done:
//             pass                           # pure bytecode: holds the GIL
// Each time the I/O thread returns from a system call it must take the GIL
// back from the CPU-bound thread, which drops it only when asked, one switch
// interval later. So every round trip costs about two switch intervals with the
// GIL, against the network's own latency without it. The echo peer stands for
// another machine (it answers after a small delay, like a remote server) and
// never takes this GIL.

#include "core/net/tcplistener.h"
#include "core/net/tcpsocket.h"
#include "core/runcontext.h"
#include "core/sync/gil.h"
#include "core/thread.h"
#include "core/tracing.h"
#include "cpuwork.h"
#include "gilscenarios.h"

#include <QCoreApplication>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <vector>

namespace weft {
namespace {

struct Latencies
{
    qint64 medianUs = 0;
    qint64 meanUs = 0;
    qint64 maxUs = 0;
};

Latencies summarise(std::vector<qint64> us)
{
    Latencies result;
    if (us.empty())
        return result;
    std::sort(us.begin(), us.end());
    result.medianUs = us[us.size() / 2];
    qint64 sum = 0;
    for (qint64 v : us)
        sum += v;
    result.meanUs = sum / qint64(us.size());
    result.maxUs = us.back();
    return result;
}

class GilIoScenario : public Scenario
{
    Q_DECLARE_TR_FUNCTIONS(GilIoScenario)
public:
    QString id() const override { return QStringLiteral("gil.io"); }
    Topic topic() const override { return Topic::Gil; }
    QString title() const override
    {
        return tr("I/O beside a CPU-bound thread (the convoy effect)");
    }
    QString explanation() const override
    {
        return tr("One thread sends a small message to an echo peer over TCP and waits for it to "
                  "come back, again and again, while a CPU-bound thread computes beside it. "
                  "Without a GIL both run at once and a round trip takes microseconds. With the "
                  "GIL, the I/O thread releases it for every send and receive, and every time it "
                  "comes back it has to wait a whole switch interval before it may ask the "
                  "CPU-bound thread to drop it: about two switch intervals per round trip.");
    }
    QList<ParameterSpec> parameters() const override
    {
        return {ParameterSpec::integer(QStringLiteral("round_trips"), tr("Round trips"), 30, 1,
                                       1000, tr("Messages sent and echoed in each mode")),
                ParameterSpec::integer(QStringLiteral("payload_bytes"), tr("Message size (bytes)"),
                                       64, 1, 4096),
                ParameterSpec::integer(QStringLiteral("peer_delay_ms"), tr("Peer delay (ms)"), 1, 0,
                                       1000,
                                       tr("How long the echo peer takes to answer, like a remote "
                                          "server: while the I/O thread waits, the CPU-bound "
                                          "thread takes the GIL")),
                ParameterSpec::integer(QStringLiteral("switch_interval_ms"),
                                       tr("Switch interval (ms)"), 5, 1, 100,
                                       tr("How long a thread waits for the GIL before asking the "
                                          "holder to drop it (sys.setswitchinterval)"))};
    }
    QString sourceResource() const override { return QStringLiteral(":/scenarios/gil/gilio.cpp"); }
    std::chrono::milliseconds defaultTimeout(const ParameterValues &) const override
    {
        return std::chrono::minutes(3);
    }

    void run(RunContext &context) const override
    {
        const int roundTrips = int(context.parameters().integer(QStringLiteral("round_trips")));
        const int payloadBytes = int(context.parameters().integer(QStringLiteral("payload_bytes")));
        const auto interval = std::chrono::milliseconds(
            context.parameters().integer(QStringLiteral("switch_interval_ms")));
        const QByteArray payload(payloadBytes, 'x');
        const auto peerDelay = std::chrono::milliseconds(
            context.parameters().integer(QStringLiteral("peer_delay_ms")));

        // The echo peer: returns every byte it receives, one connection per mode.
        TcpListener listener(tr("echo listener"));
        listener.bind(); // 127.0.0.1, a port the kernel picks
        listener.listen(2);
        std::atomic<bool> stopServing {false};
        Thread echo(tr("echo peer"), [&] {
            while (auto connection = listener.accept(&stopServing)) {
                for (;;) {
                    const QByteArray data = connection->recv(64 * 1024);
                    if (data.isEmpty())
                        break; // the client closed
                    if (peerDelay.count() > 0)
                        sleepFor(peerDelay);
                    connection->send(data);
                }
                connection->close();
            }
        });
        echo.start();

        // One mode: the I/O thread's round trips with a CPU-bound thread beside
        // it; `gil` is null for the mode without a GIL.
        auto measure = [&](Gil *gil, const QString &suffix) {
            std::vector<qint64> latencies;
            std::atomic<bool> done {false};
            Thread cpu(tr("cpu %1").arg(suffix), [&] {
                GilHold hold(gil);
                quint64 state = 1;
                while (!done.load(std::memory_order_relaxed)) {
                    state = cpuWorkUnit(state);
                    checkCancelled();
                    if (gil)
                        gil->yieldIfRequested();
                }
            });
            Thread io(tr("io %1").arg(suffix), [&] {
                GilHold hold(gil);
                auto withoutGil = [gil](auto call) {
                    if (gil)
                        return gil->withoutGil(call);
                    return call();
                };
                TcpSocket socket(tr("client %1").arg(suffix));
                withoutGil([&] {
                    socket.connect(listener.address(), listener.port());
                    return 0;
                });
                for (int i = 0; i < roundTrips; ++i) {
                    const auto start = std::chrono::steady_clock::now();
                    withoutGil([&] {
                        socket.send(payload);
                        return 0;
                    });
                    qint64 received = 0;
                    while (received < payloadBytes) {
                        const qint64 got = withoutGil(
                            [&] { return qint64(socket.recv(payloadBytes - received).size()); });
                        if (got == 0)
                            throw std::runtime_error("the echo peer closed the connection");
                        received += got;
                    }
                    latencies.push_back(std::chrono::duration_cast<std::chrono::microseconds>(
                                            std::chrono::steady_clock::now() - start)
                                            .count());
                }
                withoutGil([&] {
                    socket.close();
                    return 0;
                });
            });
            cpu.start();
            io.start();
            io.join();
            done = true;
            cpu.join();
            return summarise(latencies);
        };

        const Latencies free = measure(nullptr, tr("(no GIL)"));
        Gil gil(QStringLiteral("GIL"), interval);
        const Latencies locked = measure(&gil, tr("(GIL)"));
        stopServing = true;
        echo.join();
        listener.close();

        const qint64 intervalUs
            = std::chrono::duration_cast<std::chrono::microseconds>(interval).count();
        // What the GIL added to a round trip, in switch intervals.
        const double intervals = double(locked.medianUs - free.medianUs) / double(intervalUs);
        Outcome outcome;
        outcome.summary
            = tr("%n round trip(s) of %2 bytes beside a CPU-bound thread. Without the GIL: median "
                 "%3 ms per round trip. With the GIL: median %4 ms, that is %5 switch intervals of "
                 "%6 ms more (%7 times a thread had to ask for the GIL).",
                 nullptr, roundTrips)
                  .arg(payloadBytes)
                  .arg(free.medianUs / 1000.0, 0, 'f', 3)
                  .arg(locked.medianUs / 1000.0, 0, 'f', 3)
                  .arg(intervals, 0, 'f', 1)
                  .arg(interval.count())
                  .arg(gil.dropRequestCount());
        outcome.setValue(QStringLiteral("round_trips"), roundTrips);
        outcome.setValue(QStringLiteral("nogil_median_us"), free.medianUs);
        outcome.setValue(QStringLiteral("nogil_mean_us"), free.meanUs);
        outcome.setValue(QStringLiteral("gil_median_us"), locked.medianUs);
        outcome.setValue(QStringLiteral("gil_mean_us"), locked.meanUs);
        outcome.setValue(QStringLiteral("gil_max_us"), locked.maxUs);
        outcome.setValue(QStringLiteral("switch_interval_us"), intervalUs);
        outcome.setValue(QStringLiteral("extra_permille_of_interval"), qint64(intervals * 1000));
        outcome.setValue(QStringLiteral("drop_requests"), qint64(gil.dropRequestCount()));
        context.setOutcome(outcome);
    }
};

} // namespace

std::unique_ptr<Scenario> makeGilIoScenario()
{
    return std::make_unique<GilIoScenario>();
}

} // namespace weft
