// SPDX-License-Identifier: MIT
#include "core/derivedcache.h"
#include "core/trace.h"
#include "core/tracebuilder.h"

#include <QTest>
#include <atomic>
#include <chrono>
#include <future>
#include <latch>
#include <thread>

using namespace weft;

namespace {
const char keyA = 0;
const char keyB = 0;

Trace someTrace()
{
    TraceBuilder builder;
    const quint32 main = builder.addActor({QStringLiteral("main"), 0, 0, true, false});
    builder.addEvent({.timeNs = 10, .actor = main, .kind = EventKind::ThreadStart});
    builder.addEvent({.timeNs = 20, .actor = main, .kind = EventKind::ThreadEnd});
    return builder.build();
}
} // namespace

class TestDerivedCache : public QObject
{
    Q_OBJECT
private slots:
    void derivesOncePerKey();
    void copiesOfATraceShareWhatWasDerived();
    void aChangedCopyStartsEmpty();
    void askersAtOnceGetOneDerivation();
    void differentKeysDeriveAtOnce();
};

void TestDerivedCache::derivesOncePerKey()
{
    const DerivedCache cache;
    int made = 0;
    const auto make = [&made] {
        return std::make_shared<const int>(++made);
    };
    const std::shared_ptr<const int> first = cache.get<int>(&keyA, make);
    const std::shared_ptr<const int> again = cache.get<int>(&keyA, make);
    const std::shared_ptr<const int> other = cache.get<int>(&keyB, make);
    QCOMPARE(first.get(), again.get());
    QCOMPARE(*first, 1);
    QCOMPARE(*other, 2);
    QCOMPARE(made, 2);
    QCOMPARE(cache.size(), std::size_t(2));
}

void TestDerivedCache::copiesOfATraceShareWhatWasDerived()
{
    const Trace trace = someTrace();
    const Trace copy = trace; // NOLINT(performance-unnecessary-copy-initialization)
    int made = 0;
    const auto make = [&made] {
        return std::make_shared<const int>(++made);
    };
    const auto a = trace.derived().get<int>(&keyA, make);
    const auto b = copy.derived().get<int>(&keyA, make);
    QCOMPARE(a.get(), b.get());
    QCOMPARE(made, 1);
}

void TestDerivedCache::aChangedCopyStartsEmpty()
{
    // Another schedule or other sites may derive differently: nothing is carried over.
    const Trace trace = someTrace();
    trace.derived().get<int>(&keyA, [] { return std::make_shared<const int>(1); });
    const Trace scheduled = trace.withSchedule(Schedule {});
    QCOMPARE(trace.derived().size(), std::size_t(1));
    QCOMPARE(scheduled.derived().size(), std::size_t(0));
    const auto value
        = scheduled.derived().get<int>(&keyA, [] { return std::make_shared<const int>(2); });
    QCOMPARE(*value, 2);
}

void TestDerivedCache::askersAtOnceGetOneDerivation()
{
    // The first asker is held inside its derivation until the second has
    // asked too; whenever the second got there, it must not derive again.
    const DerivedCache cache;
    std::atomic_int made {0};
    std::latch deriving(1), secondAsking(1);
    std::shared_ptr<const int> first, second;
    std::thread firstAsker([&] {
        first = cache.get<int>(&keyA, [&] {
            deriving.count_down();
            secondAsking.wait();
            return std::make_shared<const int>(++made);
        });
    });
    deriving.wait();
    std::thread secondAsker([&] {
        secondAsking.count_down();
        second = cache.get<int>(&keyA, [&] { return std::make_shared<const int>(++made); });
    });
    firstAsker.join();
    secondAsker.join();
    QCOMPARE(made.load(), 1);
    QCOMPARE(first.get(), second.get());
}

void TestDerivedCache::differentKeysDeriveAtOnce()
{
    // One derivation in progress does not hold up another: A's derivation
    // waits for B's to be done. Under one lock for both, B could not begin
    // until A gave up waiting (a bound on a hang, not a timing).
    const DerivedCache cache;
    std::promise<void> bDone;
    std::future<void> bDoneSeen = bDone.get_future();
    bool aSawB = false;
    std::latch aDeriving(1);
    std::thread aAsker([&] {
        cache.get<int>(&keyA, [&] {
            aDeriving.count_down();
            aSawB = bDoneSeen.wait_for(std::chrono::seconds(30)) == std::future_status::ready;
            return std::make_shared<const int>(1);
        });
    });
    std::thread bAsker([&] {
        aDeriving.wait(); // B asks while A is deriving
        cache.get<int>(&keyB, [] { return std::make_shared<const int>(2); });
        bDone.set_value();
    });
    aAsker.join();
    bAsker.join();
    QVERIFY(aSawB);
    QCOMPARE(cache.size(), std::size_t(2));
}

QTEST_GUILESS_MAIN(TestDerivedCache)
#include "tst_derivedcache.moc"
