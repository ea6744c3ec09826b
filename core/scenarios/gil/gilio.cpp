// SPDX-License-Identifier: MIT
// gil.io — an I/O-bound thread beside a CPU-bound one: the convoy effect.
//
// The Python this mirrors:
//     def io_thread():
//         sock = socket.create_connection(("127.0.0.1", port))
//         for _ in range(round_trips):
//             t0 = time.perf_counter()
//             sock.sendall(payload)          # releases the GIL around the system call
//             echoed = b""
//             while len(echoed) < len(payload):
//                 chunk = sock.recv(len(payload) - len(echoed))  # releases the GIL while it waits
//                 if not chunk:
//                     raise ConnectionError("the echo peer closed the connection")
//                 echoed += chunk
//             latencies.append(time.perf_counter() - t0)
//         sock.close()
//     def cpu_thread():
//         while not done:
//             pass                           # pure bytecode: holds the GIL
//     cpu = threading.Thread(target=cpu_thread)
//     io = threading.Thread(target=io_thread)
//     cpu.start(); io.start()
//     io.join(); done = True; cpu.join()
//
// While the I/O thread waits for the reply, the CPU-bound thread takes the GIL
// and drops it only when asked, one switch interval after the I/O thread wants
// it back. (A send returns before the other thread has woken to take it.) So a
// round trip costs about one switch interval with the GIL, as CPython measures
// too, against the network's own latency without it. The echo peer stands for
// another machine (it answers after a small delay, like a remote server) and
// never takes this GIL.
//
// C++ has no GIL, so here it is an emulation of CPython's (core/sync/gil.h).
// A GilHold is what a Python thread does implicitly: it holds the GIL while the
// thread runs, hands it over between stretches of work when asked
// (yieldIfRequested), and lets go of it around blocking I/O (withoutGil), as
// CPython's socket calls do. Given no GIL, the same code runs without one.

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
#include <stdexcept>
#include <utility>
#include <vector>

namespace weft {
namespace {

// This file's strings, in the scenario's translation context (lupdate reads it too).
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(GilIoScenario)
};

using Clock = std::chrono::steady_clock;

// def io_thread(): `gil` is null for the run without a GIL.
void ioThread(Gil *gil, const QString &name, const TcpListener &peer, const QByteArray &payload,
              int roundTrips, std::vector<qint64> &latenciesUs)
{
    GilHold hold(gil); // a Python thread holds the GIL while it runs bytecode
    TcpSocket sock(name);
    hold.withoutGil([&] { sock.connect(peer.address(), peer.port()); }); // create_connection
    for (int i = 0; i < roundTrips; ++i) {
        const auto t0 = Clock::now();
        hold.withoutGil([&] { sock.send(payload); }); // sock.sendall(payload)
        QByteArray echoed;
        while (echoed.size() < payload.size()) {
            const QByteArray chunk
                = hold.withoutGil([&] { return sock.recv(payload.size() - echoed.size()); });
            if (chunk.isEmpty())
                throw std::runtime_error("the echo peer closed the connection");
            echoed += chunk;
        }
        latenciesUs.push_back(
            std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - t0).count());
    }
    hold.withoutGil([&] { sock.close(); });
}

// def cpu_thread():
void cpuThread(Gil *gil, const std::atomic<bool> &done)
{
    GilHold hold(gil);
    quint64 state = 1;
    while (!done.load(std::memory_order_relaxed)) {
        state = cpuWorkUnit(state); // pass: pure bytecode
        hold.yieldIfRequested(); // the eval loop's check between bytecodes
    }
}

// Both threads, once: returns the I/O thread's round-trip times in microseconds.
std::vector<qint64> ioBesideCpu(Gil *gil, const QString &suffix, const TcpListener &peer,
                                const QByteArray &payload, int roundTrips)
{
    std::vector<qint64> latenciesUs;
    std::atomic<bool> done {false};
    Thread cpu(Tr::tr("cpu %1").arg(suffix), [&] { cpuThread(gil, done); });
    Thread io(Tr::tr("io %1").arg(suffix), [&] {
        ioThread(gil, Tr::tr("client %1").arg(suffix), peer, payload, roundTrips, latenciesUs);
    });
    cpu.start();
    io.start();
    io.join();
    done = true;
    cpu.join();
    return latenciesUs;
}

// The other machine: returns every byte it receives, one connection per run.
void echoPeer(TcpListener &listener, const std::atomic<bool> &stop, std::chrono::milliseconds delay)
{
    while (auto connection = listener.accept(&stop)) {
        for (;;) {
            const QByteArray data = connection->recv(64 * 1024);
            if (data.isEmpty())
                break; // the client closed
            if (delay.count() > 0)
                sleepFor(delay); // a remote server takes a while to answer
            connection->send(data);
        }
        connection->close();
    }
}

// What the lesson leaves for its outcome.
struct IoTally
{
    int roundTrips = 0;
    int payloadBytes = 0;
    std::chrono::milliseconds switchInterval {};
    std::vector<qint64> withoutGilUs;
    std::vector<qint64> withGilUs;
    quint64 dropRequests = 0;
};

IoTally convoy(int roundTrips, int payloadBytes, std::chrono::milliseconds peerDelay,
               std::chrono::milliseconds switchInterval)
{
    TcpListener listener(Tr::tr("echo listener"));
    listener.bind(); // 127.0.0.1, a port the kernel picks
    listener.listen(2);
    std::atomic<bool> stopServing {false};
    Thread echo(Tr::tr("echo peer"), [&] { echoPeer(listener, stopServing, peerDelay); });
    echo.start();

    const QByteArray payload(payloadBytes, 'x');
    auto withoutGil = ioBesideCpu(nullptr, Tr::tr("(no GIL)"), listener, payload, roundTrips);
    Gil gil(QStringLiteral("GIL"), switchInterval); // sys.setswitchinterval(...)
    auto withGil = ioBesideCpu(&gil, Tr::tr("(GIL)"), listener, payload, roundTrips);

    stopServing = true;
    echo.join();
    listener.close();
    return {roundTrips,         payloadBytes,          switchInterval, std::move(withoutGil),
            std::move(withGil), gil.dropRequestCount()};
}

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

Outcome gilIoOutcome(const IoTally &tally)
{
    const Latencies free = summarise(tally.withoutGilUs);
    const Latencies locked = summarise(tally.withGilUs);
    const qint64 intervalUs
        = std::chrono::duration_cast<std::chrono::microseconds>(tally.switchInterval).count();
    // What the GIL added to a round trip, in switch intervals.
    const double intervals = double(locked.medianUs - free.medianUs) / double(intervalUs);
    Outcome outcome;
    outcome.summary
        = Tr::tr("%n round trip(s) of %2 bytes beside a CPU-bound thread. Without the GIL: median "
                 "%3 ms per round trip. With the GIL: median %4 ms, that is %5 switch intervals "
                 "of %6 ms more (%7 times a thread had to ask for the GIL).",
                 nullptr, tally.roundTrips)
              .arg(tally.payloadBytes)
              .arg(double(free.medianUs) / 1000.0, 0, 'f', 3)
              .arg(double(locked.medianUs) / 1000.0, 0, 'f', 3)
              .arg(intervals, 0, 'f', 1)
              .arg(tally.switchInterval.count())
              .arg(tally.dropRequests);
    outcome.setValue(QStringLiteral("round_trips"), tally.roundTrips);
    outcome.setValue(QStringLiteral("nogil_median_us"), free.medianUs);
    outcome.setValue(QStringLiteral("nogil_mean_us"), free.meanUs);
    outcome.setValue(QStringLiteral("gil_median_us"), locked.medianUs);
    outcome.setValue(QStringLiteral("gil_mean_us"), locked.meanUs);
    outcome.setValue(QStringLiteral("gil_max_us"), locked.maxUs);
    outcome.setValue(QStringLiteral("switch_interval_us"), intervalUs);
    outcome.setValue(QStringLiteral("extra_permille_of_interval"), qint64(intervals * 1000));
    outcome.setValue(QStringLiteral("drop_requests"), qint64(tally.dropRequests));
    return outcome;
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
                  "GIL, the I/O thread releases it for every send and receive. A send returns "
                  "before the CPU-bound thread has taken the GIL, but while the reply travels the "
                  "CPU-bound thread takes it, and the I/O thread must wait a whole switch "
                  "interval before it may ask for it back: about one switch interval per round "
                  "trip.");
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
        const ParameterValues &p = context.parameters();
        context.setOutcome(gilIoOutcome(
            convoy(int(p.integer(QStringLiteral("round_trips"))),
                   int(p.integer(QStringLiteral("payload_bytes"))),
                   std::chrono::milliseconds(p.integer(QStringLiteral("peer_delay_ms"))),
                   std::chrono::milliseconds(p.integer(QStringLiteral("switch_interval_ms"))))));
    }
};

} // namespace

std::unique_ptr<Scenario> makeGilIoScenario()
{
    return std::make_unique<GilIoScenario>();
}

} // namespace weft
