// SPDX-License-Identifier: MIT
#include "core/clock.h"

#include <QTest>
#include <vector>

using namespace weft;

namespace {

// A tick counter and a clock that return scripted values, so a read can be
// "preempted" between its two tick reads.
struct ScriptedClock
{
    std::vector<std::uint64_t> ticks;
    std::vector<std::int64_t> ns;
    std::size_t nextTick = 0;
    std::size_t nextNs = 0;

    ClockPair read(int attempts)
    {
        return tightestClockPair([this] { return ticks.at(nextTick++); },
                                 [this] { return ns.at(nextNs++); }, attempts);
    }
};

} // namespace

class TestClock : public QObject
{
    Q_OBJECT
private slots:
    void aPreemptedReadIsNotTheOneKept()
    {
        // The first read was preempted for 1000 ticks after its clock read: its
        // midpoint (600) would map 5000 ns onto ticks 500 later than it was read.
        ScriptedClock clock {{100, 1100, 2000, 2010, 3000, 3400}, {5000, 6000, 7000}};
        const ClockPair pair = clock.read(3);
        QCOMPARE(pair.ticks, std::uint64_t(2005));
        QCOMPARE(pair.ns, std::int64_t(6000));
        QCOMPARE(clock.nextTick, std::size_t(6)); // every attempt was made
    }

    void theFirstOfEquallyTightReadsIsKept()
    {
        ScriptedClock clock {{100, 110, 200, 210}, {5000, 6000}};
        const ClockPair pair = clock.read(2);
        QCOMPARE(pair.ticks, std::uint64_t(105));
        QCOMPARE(pair.ns, std::int64_t(5000));
    }

    void theRealClockPairsATickWithinItsBracket()
    {
        const std::int64_t before = monotonicNowNs();
        const ClockPair pair
            = tightestClockPair([] { return std::uint64_t(monotonicNowNs()); }, monotonicNowNs);
        const std::int64_t after = monotonicNowNs();
        // With the clock as its own tick counter, the pair's two halves agree.
        QVERIFY(pair.ns >= before && pair.ns <= after);
        QVERIFY(std::int64_t(pair.ticks) >= before && std::int64_t(pair.ticks) <= after);
    }
};

QTEST_GUILESS_MAIN(TestClock)
#include "tst_clock.moc"
