// SPDX-License-Identifier: MIT
#include "core/derived/steporder.h"
#include "tests/common/liveseries.h"
#include "tests/common/sampletrace.h"
#include "ui/timeline/livemodelbuilder.h"

#include <QSignalSpy>
#include <QTest>
#include <map>

using namespace weft;
using namespace weft::ui;

class TestLiveModelBuilder : public QObject
{
    Q_OBJECT
private slots:
    void derivesWhatTheModelDerivesInPlace_data();
    void derivesWhatTheModelDerivesInPlace();
    void aLiveSnapshotIsDerivedReachingNow_data();
    void aLiveSnapshotIsDerivedReachingNow();
    void recycledModelsAreExtendedWithTheNextSnapshot();
    void onlyTheLatestWaitingSnapshotIsDerived();
    void discardedRequestsAreNotDelivered();
    void quitsWithADerivationInFlight();

private:
    testsupport::SampleTrace m_sample = testsupport::makeSampleTrace(5'000);
};

namespace {

using Delivery = std::pair<quint64, std::shared_ptr<DerivedSnapshot>>;

// Every result the builder delivers, in order.
std::vector<Delivery> *record(LiveModelBuilder &builder)
{
    auto *got = new std::vector<Delivery>;
    QObject::connect(&builder, &LiveModelBuilder::derived, &builder,
                     [got](quint64 ticket, const std::shared_ptr<DerivedSnapshot> &snapshot) {
                         got->emplace_back(ticket, snapshot);
                     });
    QObject::connect(&builder, &QObject::destroyed, [got] { delete got; });
    return got;
}

} // namespace

void TestLiveModelBuilder::derivesWhatTheModelDerivesInPlace_data()
{
    QTest::addColumn<bool>("stepAxis");
    QTest::newRow("time axis") << false;
    QTest::newRow("step axis") << true;
}

void TestLiveModelBuilder::derivesWhatTheModelDerivesInPlace()
{
    QFETCH(bool, stepAxis);
    LiveModelBuilder builder;
    const std::vector<Delivery> &got = *record(builder);
    const quint64 ticket = builder.request(m_sample.trace, stepAxis);
    QTRY_VERIFY(!builder.isBusy());
    QCOMPARE(got.size(), std::size_t(1));
    QCOMPARE(got[0].first, ticket);
    const DerivedSnapshot &snapshot = *got[0].second;
    QVERIFY(snapshot.axis.real().sharesDataWith(m_sample.trace));
    QCOMPARE(snapshot.axis.isStepAxis(), stepAxis);

    const Trace shown = stepAxis ? StepOrder::map(m_sample.trace) : m_sample.trace;
    const TimelineModel inPlace(shown);
    const TimelineModel &derived = snapshot.model;
    QCOMPARE(derived.startNs(), inPlace.startNs());
    QCOMPARE(derived.endNs(), inPlace.endNs());
    QCOMPARE(derived.lanes().size(), inPlace.lanes().size());
    QVERIFY(!derived.lanes().empty());
    for (std::size_t i = 0; i < derived.lanes().size(); ++i) {
        const Lane &a = derived.lanes()[i];
        const Lane &b = inPlace.lanes()[i];
        QCOMPARE(a.label, b.label);
        QCOMPARE(a.spans.size(), b.spans.size());
        for (std::size_t s = 0; s < a.spans.size(); ++s) {
            QCOMPARE(a.spans[s].startNs, b.spans[s].startNs);
            QCOMPARE(a.spans[s].endNs, b.spans[s].endNs);
            QCOMPARE(a.spans[s].state, b.spans[s].state);
        }
        QCOMPARE(a.locks.size(), b.locks.size());
        QCOMPARE(a.instants.size(), b.instants.size());
    }
    QCOMPARE(derived.flows().size(), inPlace.flows().size());
    QCOMPARE(derived.counters().size(), inPlace.counters().size());

    // Adopting it is a swap: the lanes' views of the slice storage move along.
    TimelineModel adopted;
    adopted.adopt(got[0].second->model);
    QCOMPARE(adopted.lanes().size(), inPlace.lanes().size());
    QCOMPARE(adopted.buildCount(), 1);
    QVERIFY(got[0].second->model.isEmpty());
}

void TestLiveModelBuilder::aLiveSnapshotIsDerivedReachingNow_data()
{
    derivesWhatTheModelDerivesInPlace_data();
}

void TestLiveModelBuilder::aLiveSnapshotIsDerivedReachingNow()
{
    // Derived to "now" on the worker, as the window's own derivation of a live
    // snapshot is: moving "now" afterwards then copies none of its states.
    QFETCH(bool, stepAxis);
    LiveModelBuilder builder;
    const std::vector<Delivery> &got = *record(builder);
    const qint64 now = m_sample.trace.endNs() + 5'000'000;
    builder.request(m_sample.trace, stepAxis, now);
    QTRY_VERIFY(!builder.isBusy());
    QCOMPARE(got.size(), std::size_t(1));
    const Trace shown = stepAxis ? StepOrder::map(m_sample.trace) : m_sample.trace;
    TimelineModel inPlace;
    inPlace.setLiveTrace(shown, stepAxis ? StepOrder::liveEnd(shown) : now);
    const TimelineModel &derived = got[0].second->model;
    QVERIFY(derived.endNs() > shown.endNs());
    QCOMPARE(derived.endNs(), inPlace.endNs());
    QCOMPARE(derived.lanes().size(), inPlace.lanes().size());
    for (std::size_t i = 0; i < derived.lanes().size(); ++i) {
        const Lane &a = derived.lanes()[i];
        const Lane &b = inPlace.lanes()[i];
        QCOMPARE(a.endNs, b.endNs);
        QCOMPARE(a.spans.size(), b.spans.size());
        if (!a.spans.empty())
            QCOMPARE(a.spans.back().endNs, b.spans.back().endNs);
    }
}

void TestLiveModelBuilder::recycledModelsAreExtendedWithTheNextSnapshot()
{
    // A live run as the view drives it: each delivered model is adopted and
    // the one shown before goes back to the worker, which extends it with the
    // next snapshot but one instead of deriving that whole.
    const Trace &whole = m_sample.trace;
    const std::size_t n = whole.events().size();
    const std::vector<Trace> series
        = testsupport::liveSeries(whole, {n / 5, 2 * n / 5, 3 * n / 5, 4 * n / 5});
    LiveModelBuilder builder;
    const std::vector<Delivery> &got = *record(builder);
    TimelineModel shown;
    int extended = 0;
    std::map<const TimelineModel *, int> extendsSeen; // the two models' counts so far
    for (const Trace &snapshot : series) {
        const qint64 now = snapshot.endNs() + 1'000;
        builder.request(snapshot, false, now);
        QTRY_VERIFY(!builder.isBusy());
        const std::shared_ptr<DerivedSnapshot> derived = got.back().second;
        int &seen = extendsSeen[&derived->model];
        extended += derived->model.extendCount() - seen;
        seen = derived->model.extendCount();
        TimelineModel inPlace;
        inPlace.setLiveTrace(snapshot, now);
        QCOMPARE(derived->model.endNs(), inPlace.endNs());
        QCOMPARE(derived->model.lanes().size(), inPlace.lanes().size());
        for (std::size_t i = 0; i < inPlace.lanes().size(); ++i) {
            QCOMPARE(derived->model.lanes()[i].spans.size(), inPlace.lanes()[i].spans.size());
            QCOMPARE(derived->model.lanes()[i].locks.size(), inPlace.lanes()[i].locks.size());
            QCOMPARE(derived->model.lanes()[i].instants.size(), inPlace.lanes()[i].instants.size());
        }
        QCOMPARE(derived->model.flows().size(), inPlace.flows().size());
        shown.adopt(derived->model);
        builder.recycle(derived);
    }
    // The first two are derived whole (the first model handed back is the
    // empty one shown before the run); each later one extends.
    QCOMPARE(got.size(), series.size());
    QVERIFY(extended > 0);
    QCOMPARE(extended, int(series.size()) - 2);
}

void TestLiveModelBuilder::onlyTheLatestWaitingSnapshotIsDerived()
{
    LiveModelBuilder builder;
    const std::vector<Delivery> &got = *record(builder);
    // The first starts at once; the second is still waiting when the third
    // replaces it (results only come back through this thread's event loop).
    const Trace first = m_sample.trace;
    const Trace second = first.withSchedule({}); // another snapshot with the same events
    const Trace third = first.withSchedule({});
    const quint64 a = builder.request(first, false);
    builder.request(second, false);
    const quint64 c = builder.request(third, false);
    QTRY_VERIFY(!builder.isBusy());
    QCOMPARE(got.size(), std::size_t(2));
    QCOMPARE(got[0].first, a);
    QCOMPARE(got[1].first, c);
    QVERIFY(got[0].second->axis.real().sharesDataWith(first));
    QVERIFY(got[1].second->axis.real().sharesDataWith(third));
}

void TestLiveModelBuilder::discardedRequestsAreNotDelivered()
{
    LiveModelBuilder builder;
    const std::vector<Delivery> &got = *record(builder);
    builder.request(m_sample.trace, false); // in flight when discarded
    builder.request(m_sample.trace.withSchedule({}), true); // waiting when discarded
    builder.discardPending();
    const Trace next = m_sample.trace.withSchedule({});
    const quint64 kept = builder.request(next, false);
    QTRY_VERIFY(!builder.isBusy());
    QCOMPARE(got.size(), std::size_t(1));
    QCOMPARE(got[0].first, kept);
    QVERIFY(got[0].second->axis.real().sharesDataWith(next));
}

void TestLiveModelBuilder::quitsWithADerivationInFlight()
{
    {
        LiveModelBuilder builder;
        builder.request(m_sample.trace, true);
        QVERIFY(builder.isBusy());
    } // waits for the worker; its result is dropped with the builder
    QCoreApplication::processEvents(); // nothing posted to the dead builder may run
}

QTEST_MAIN(TestLiveModelBuilder)
#include "tst_livemodelbuilder.moc"
