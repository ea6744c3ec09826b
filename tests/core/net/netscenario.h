#pragma once

// A scenario made of a lambda, so the socket engine tests run traced code
// through the real Runner (lanes, cancellation, timeout) without a catalogue entry.

#include "core/runner.h"
#include "core/scenario.h"

#include <functional>

namespace weft::test {

class NetScenario : public Scenario
{
public:
    explicit NetScenario(std::function<void(RunContext &)> body)
        : m_body(std::move(body))
    {
    }
    QString id() const override { return QStringLiteral("test.net"); }
    Topic topic() const override { return Topic::Sockets; }
    QString title() const override { return QStringLiteral("net test"); }
    QString explanation() const override { return {}; }
    QString sourceResource() const override { return {}; }
    void run(RunContext &context) const override { m_body(context); }

private:
    std::function<void(RunContext &)> m_body;
};

inline Trace runNet(std::function<void(RunContext &)> body,
                    std::chrono::milliseconds timeout = std::chrono::seconds(60))
{
    NetScenario scenario(std::move(body));
    RunOptions options;
    options.timeout = timeout;
    return Runner::run(scenario, ParameterValues(), options);
}

// Sum of PacketSend / PacketRecv values per channel object.
inline QHash<quint32, qint64> bytesPerChannel(const Trace &trace, EventKind kind)
{
    QHash<quint32, qint64> sums;
    for (const Event &e : trace.eventsOfKind(kind))
        sums[e.object] += e.value;
    return sums;
}

inline std::vector<Event> socketOps(const Trace &trace, const QString &op)
{
    std::vector<Event> result;
    for (const Event &e : trace.eventsOfKind(EventKind::SocketOp)) {
        if (trace.text(e.text) == op)
            result.push_back(e);
    }
    return result;
}

} // namespace weft::test
