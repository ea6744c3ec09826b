// SPDX-License-Identifier: MIT
#include "core/runner.h"
#include "core/scenarios/catalogue.h"
#include "tests/common/processresources.h"

#include <QTest>

using namespace weft;
using weft::testsupport::ProcessResources;

namespace {
constexpr int kRounds = 20;

// Small but valid values: every integer or real parameter is brought down to
// at most 4 (or its minimum), so each run is short but does the real thing.
ParameterValues quickParameters(const Scenario &scenario)
{
    ParameterValues values = ParameterValues::defaults(scenario.parameters());
    for (const ParameterSpec &spec : scenario.parameters()) {
        if (spec.type == ParameterSpec::Type::Integer) {
            const qint64 small = std::max<qint64>(spec.minimum.toLongLong(), 4);
            values.set(spec.key, std::min(spec.defaultValue.toLongLong(), small));
        } else if (spec.type == ParameterSpec::Type::Real) {
            const double small = std::max(spec.minimum.toDouble(), 0.004);
            values.set(spec.key, std::min(spec.defaultValue.toDouble(), small));
        }
    }
    return values;
}

bool acceptable(Outcome::Status status)
{
    return status == Outcome::Status::Completed || status == Outcome::Status::Deadlocked;
}
} // namespace

class TestSoak : public QObject
{
    Q_OBJECT
private slots:
    void everyScenarioManyTimesLeavesNothingBehind();
};

void TestSoak::everyScenarioManyTimesLeavesNothingBehind()
{
    const auto scenarios = catalogue().all();
    QVERIFY(!scenarios.empty());
    RunOptions options;
    options.timeout = std::chrono::seconds(60);

    // One warm-up round: Qt creates some process-wide helpers (e.g. the host
    // lookup thread pool) on first use; they are not leaks.
    for (const Scenario *scenario : scenarios)
        Runner::run(*scenario, quickParameters(*scenario), options);
    QTRY_VERIFY_WITH_TIMEOUT(ProcessResources::ofThisProcess().children == 0, 5000);
    const ProcessResources before = ProcessResources::ofThisProcess();

    for (const Scenario *scenario : scenarios) {
        const ParameterValues parameters = quickParameters(*scenario);
        for (int round = 0; round < kRounds; ++round) {
            const Trace trace = Runner::run(*scenario, parameters, options);
            QVERIFY2(acceptable(trace.outcome().status),
                     qPrintable(QStringLiteral("%1 round %2: %3 — %4")
                                    .arg(scenario->id())
                                    .arg(round)
                                    .arg(outcomeStatusName(trace.outcome().status),
                                         trace.outcome().summary)));
        }
    }

    // Threads of Qt's own pools may take a moment to retire. Fewer than before is
    // no leak: an idle pool thread of the warm-up (QHostInfo's lookups, for the
    // socket lessons) expires after 30 s, sooner than the rounds of the lessons
    // after them end.
    QTRY_VERIFY2_WITH_TIMEOUT(
        ProcessResources::ofThisProcess().holdsNoMoreThan(before),
        qPrintable(QStringLiteral("before: %1, after: %2")
                       .arg(before.describe(), ProcessResources::ofThisProcess().describe())),
        10000);
}

QTEST_GUILESS_MAIN(TestSoak)
#include "tst_soak.moc"
