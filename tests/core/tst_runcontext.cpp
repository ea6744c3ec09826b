// SPDX-License-Identifier: MIT
#include "core/runcontext.h"
#include "tests/common/scopedrun.h"

#include <QTest>
#include <stdexcept>
#include <thread>

using namespace weft;
using namespace weft::testsupport;

class TestRunContext : public QObject
{
    Q_OBJECT
private slots:
    void requireGivesTheBoundContext();
    void requireOutsideARunNamesTheCaller();
    void requireOnAnUnboundThreadThrows();
};

void TestRunContext::requireGivesTheBoundContext()
{
    ScopedRun run;
    QCOMPARE(&RunContext::require("weft::Test"), &run.context());
}

void TestRunContext::requireOutsideARunNamesTheCaller()
{
    QVERIFY(!RunContext::current());
    try {
        RunContext::require("weft::Test");
        QFAIL("no exception outside a run");
    } catch (const std::logic_error &error) {
        QCOMPARE(QString::fromUtf8(error.what()),
                 QStringLiteral(
                     "weft::Test used outside a scenario run (no run is bound to this thread)"));
    }
}

void TestRunContext::requireOnAnUnboundThreadThrows()
{
    // The binding is per thread: a run on this thread is not one on another.
    ScopedRun run;
    bool threw = false;
    std::thread other([&] {
        try {
            RunContext::require("weft::Test");
        } catch (const std::logic_error &) {
            threw = true;
        }
    });
    other.join();
    QVERIFY(threw);
}

QTEST_GUILESS_MAIN(TestRunContext)
#include "tst_runcontext.moc"
