// SPDX-License-Identifier: MIT
#include "ui/timeline/statemaskpyramid.h"

#include <QTest>
#include <algorithm>
#include <random>

using namespace weft;
using namespace weft::ui;

class TestStateMaskPyramid : public QObject
{
    Q_OBJECT
private slots:
    void agreesWithEverySpan_data();
    void agreesWithEverySpan();
    void appendEqualsBuildingOnce();
    void findsTheFirstSpanStartingFrom_data();
    void findsTheFirstSpanStartingFrom();
};

namespace {

// Mostly running, now and then one of the rarer states: a rare wait is what a
// merged pixel must not lose.
std::vector<StateSpan> randomSpans(std::size_t count, unsigned seed)
{
    std::mt19937 random(seed);
    std::vector<StateSpan> spans(count);
    for (std::size_t i = 0; i < count; ++i) {
        const bool rare = random() % 97 == 0;
        spans[i] = {qint64(i), qint64(i + 1),
                    rare ? LaneState(random() % unsigned(LaneState::Count)) : LaneState::Running};
    }
    return spans;
}

// Spans two long, now and then with a gap of one before: spans that touch and
// spans that do not (the pyramid reads a touching span's end from the next's start).
std::vector<StateSpan> spansWithGaps(std::size_t count, unsigned seed)
{
    std::vector<StateSpan> spans = randomSpans(count, seed);
    std::mt19937 random(seed + 1);
    qint64 t = 0;
    for (StateSpan &span : spans) {
        t += random() % 10 == 0 ? 1 : 0;
        span.startNs = t;
        span.endNs = t + 2;
        t += 2;
    }
    return spans;
}

// The pyramid's copies of spans[i] (start, end, state) are the span's own.
bool copiesAgree(const StateMaskPyramid &pyramid, const std::vector<StateSpan> &spans,
                 std::size_t i)
{
    return pyramid.startOf(i) == spans[i].startNs && pyramid.endOf(spans, i) == spans[i].endNs
        && pyramid.stateOf(i) == spans[i].state;
}

} // namespace

void TestStateMaskPyramid::agreesWithEverySpan_data()
{
    QTest::addColumn<int>("count");
    for (const int count : {0, 1, 63, 64, 65, 4096, 4097, 300000})
        QTest::addRow("%d spans", count) << count;
}

void TestStateMaskPyramid::agreesWithEverySpan()
{
    QFETCH(int, count);
    const std::vector<StateSpan> spans = randomSpans(std::size_t(count), 7);
    StateMaskPyramid pyramid;
    pyramid.append(spans, 0);
    std::mt19937 random(11);
    for (int round = 0; round < 2000; ++round) {
        std::size_t first = count ? random() % std::size_t(count + 1) : 0;
        std::size_t last = count ? random() % std::size_t(count + 1) : 0;
        if (first > last)
            std::swap(first, last);
        QCOMPARE(pyramid.statesIn(spans, first, last),
                 StateMaskPyramid::statesInEach(spans, first, last));
    }
    QCOMPARE(pyramid.statesIn(spans, 0, spans.size()),
             StateMaskPyramid::statesInEach(spans, 0, spans.size()));
    if (count >= 300000)
        QCOMPARE(pyramid.levelCount(), 4); // 64, 4096, 262144 spans, then the whole lane
}

void TestStateMaskPyramid::appendEqualsBuildingOnce()
{
    // A live lane grows, and its open last span is dropped and added again as
    // "now" moves: the pyramid must answer as if built once from the final spans.
    std::vector<StateSpan> all = spansWithGaps(70000, 3);
    StateMaskPyramid grown;
    std::vector<StateSpan> spans;
    std::mt19937 random(5);
    while (spans.size() < all.size()) {
        const std::size_t from = spans.size();
        const std::size_t add = std::min(all.size() - from, std::size_t(random() % 5000));
        spans.insert(spans.end(), all.begin() + std::ptrdiff_t(from),
                     all.begin() + std::ptrdiff_t(from + add));
        grown.append(spans, from);
        if (!spans.empty() && random() % 2) { // the open span goes, as "now" moves back
            spans.pop_back();
            grown.append(spans, spans.empty() ? 0 : spans.size() - 1);
            for (std::size_t i = spans.size() >= 2 ? spans.size() - 2 : 0; i < spans.size(); ++i)
                QVERIFY2(copiesAgree(grown, spans, i), qPrintable(QString::number(i)));
            // It comes back as it was, or starting later: the span before it no
            // longer touches it.
            spans.push_back(all[spans.size()]);
            if (random() % 2 && spans.size() >= 2
                && spans[spans.size() - 2].endNs == spans.back().startNs)
                spans.back().startNs += 1;
            grown.append(spans, spans.size() - 1);
        }
        if (random() % 2 && spans.size() >= 2 && spans.back().endNs - spans.back().startNs > 1) {
            // Replaced in place, starting later: only the last span is new, yet
            // the one before it must learn that it no longer touches its next.
            spans.back().startNs += 1;
            grown.append(spans, spans.size() - 1);
        }
        for (std::size_t i = from >= 2 ? from - 2 : 0; i < spans.size(); ++i)
            QVERIFY2(copiesAgree(grown, spans, i), qPrintable(QString::number(i)));
        for (int round = 0; round < 20; ++round) {
            const std::size_t first = random() % (spans.size() + 1);
            const qint64 t = qint64(random() % (spans.size() + 1));
            QCOMPARE(
                grown.firstStartingFrom(spans, first, t),
                std::size_t(std::lower_bound(
                                spans.begin() + std::ptrdiff_t(first), spans.end(), t,
                                [](const StateSpan &s, qint64 time) { return s.startNs < time; })
                            - spans.begin()));
        }
        // Each span alone too: a range of a few spans mostly holds every state,
        // and would hide one span read wrong (their states are copied as they come).
        for (std::size_t i = from > 0 ? from - 1 : 0; i < spans.size(); ++i)
            QCOMPARE(grown.statesIn(spans, i, i + 1),
                     StateMaskPyramid::statesInEach(spans, i, i + 1));
        for (int round = 0; round < 50; ++round) {
            std::size_t first = random() % (spans.size() + 1), last = random() % (spans.size() + 1);
            if (first > last)
                std::swap(first, last);
            QCOMPARE(grown.statesIn(spans, first, last),
                     StateMaskPyramid::statesInEach(spans, first, last));
        }
    }
}

void TestStateMaskPyramid::findsTheFirstSpanStartingFrom_data()
{
    agreesWithEverySpan_data();
}

void TestStateMaskPyramid::findsTheFirstSpanStartingFrom()
{
    // Where a merged pixel's spans end: what std::lower_bound over the spans finds,
    // from any first span, for times before, among and after them.
    QFETCH(int, count);
    const std::vector<StateSpan> spans = randomSpans(std::size_t(count), 7);
    StateMaskPyramid pyramid;
    pyramid.append(spans, 0);
    std::mt19937 random(13);
    const auto expected = [&](std::size_t first, qint64 t) {
        return std::size_t(
            std::lower_bound(spans.begin() + std::ptrdiff_t(first), spans.end(), t,
                             [](const StateSpan &s, qint64 time) { return s.startNs < time; })
            - spans.begin());
    };
    for (int round = 0; round < 5000; ++round) {
        const std::size_t first = random() % std::size_t(count + 1);
        // Mostly near `first` (a pixel's few spans), sometimes far.
        const qint64 t = round % 4 ? qint64(first) + qint64(random() % 300) - 10
                                   : qint64(random() % std::size_t(count + 20)) - 10;
        QCOMPARE(pyramid.firstStartingFrom(spans, first, t), expected(first, t));
    }
    const std::vector<StateSpan> gapped = spansWithGaps(std::size_t(count), 7);
    StateMaskPyramid gappedPyramid;
    gappedPyramid.append(gapped, 0);
    for (std::size_t i = 0; i < gapped.size(); ++i)
        QVERIFY2(copiesAgree(gappedPyramid, gapped, i), qPrintable(QString::number(i)));
}

QTEST_GUILESS_MAIN(TestStateMaskPyramid)
#include "tst_statemaskpyramid.moc"
