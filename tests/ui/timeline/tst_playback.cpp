// SPDX-License-Identifier: MIT
#include "tests/common/sampletrace.h"
#include "ui/timeline/playback.h"

#include <QSignalSpy>
#include <QTest>

using namespace weft;
using namespace weft::ui;

class TestPlayback : public QObject
{
    Q_OBJECT
private slots:
    void startsAtTheFirstEvent();
    void stepsExactlyToEventTimes();
    void stepsWithinALane();
    void homeAndEnd();
    void scrubbingFollowsTheEvents();
    void speedIsClamped();
    void playsToTheEndAndStops();
    void emptyTraceIsHarmless();

private:
    testsupport::SampleTrace m_sample = testsupport::makeSampleTrace();
};

void TestPlayback::startsAtTheFirstEvent()
{
    Playback playback;
    QSignalSpy playhead(&playback, &Playback::playheadChanged);
    playback.setTrace(m_sample.trace);
    QCOMPARE(playback.playhead(), m_sample.trace.startNs());
    QCOMPARE(playback.currentEventIndex(), 0);
    QVERIFY(!playhead.isEmpty());
}

void TestPlayback::stepsExactlyToEventTimes()
{
    Playback playback;
    playback.setTrace(m_sample.trace);
    const auto &events = m_sample.trace.events();
    QSignalSpy current(&playback, &Playback::currentEventChanged);
    for (int i = 1; i < int(events.size()); ++i) {
        playback.stepForward();
        QCOMPARE(playback.currentEventIndex(), i);
        QCOMPARE(playback.playhead(), events[std::size_t(i)].timeNs);
    }
    QCOMPARE(current.count(), int(events.size()) - 1);
    QCOMPARE(current.last().at(0).toInt(), int(events.size()) - 1);
    // Past the end (where a finished run leaves the playhead): from the first again.
    playback.stepForward();
    QCOMPARE(playback.currentEventIndex(), 0);
    QCOMPARE(playback.playhead(), events.front().timeNs);
    playback.toEnd();
    for (int i = int(events.size()) - 2; i >= 0; --i) {
        playback.stepBackward();
        QCOMPARE(playback.currentEventIndex(), i);
        QCOMPARE(playback.playhead(), events[std::size_t(i)].timeNs);
    }
    playback.stepBackward();
    QCOMPARE(playback.currentEventIndex(), 0);
}

void TestPlayback::stepsWithinALane()
{
    Playback playback;
    playback.setTrace(m_sample.trace);
    const auto &events = m_sample.trace.events();
    std::vector<int> ofB;
    for (int i = 0; i < int(events.size()); ++i)
        if (events[std::size_t(i)].actor == m_sample.b)
            ofB.push_back(i);
    for (int index : ofB) {
        playback.stepLaneForward(m_sample.b);
        QCOMPARE(playback.currentEventIndex(), index);
        QCOMPARE(playback.playhead(), events[std::size_t(index)].timeNs);
    }
    playback.stepLaneForward(m_sample.b); // no more: stays
    QCOMPARE(playback.currentEventIndex(), ofB.back());
    playback.stepLaneBackward(m_sample.b);
    QCOMPARE(playback.currentEventIndex(), ofB[ofB.size() - 2]);
}

void TestPlayback::homeAndEnd()
{
    Playback playback;
    playback.setTrace(m_sample.trace);
    playback.toEnd();
    QCOMPARE(playback.playhead(), m_sample.trace.endNs());
    QCOMPARE(playback.currentEventIndex(), int(m_sample.trace.events().size()) - 1);
    playback.toStart();
    QCOMPARE(playback.playhead(), m_sample.trace.startNs());
    QCOMPARE(playback.currentEventIndex(), 0);
}

void TestPlayback::scrubbingFollowsTheEvents()
{
    Playback playback;
    playback.setTrace(m_sample.trace);
    playback.setPlayhead(50); // between the events at 45 and 60
    const auto &events = m_sample.trace.events();
    const int index = playback.currentEventIndex();
    QCOMPARE(events[std::size_t(index)].timeNs, 45);
    QVERIFY(events[std::size_t(index + 1)].timeNs > 50);
    playback.stepForward();
    QCOMPARE(playback.playhead(), 60);
}

void TestPlayback::speedIsClamped()
{
    Playback playback;
    playback.setSpeed(100);
    QCOMPARE(playback.speed(), Playback::kMaxSpeed);
    playback.setSpeed(0);
    QCOMPARE(playback.speed(), Playback::kMinSpeed);
    playback.setSpeed(2);
    QCOMPARE(playback.speed(), 2.0);
}

void TestPlayback::playsToTheEndAndStops()
{
    Playback playback;
    playback.setTrace(m_sample.trace);
    playback.setSpeed(Playback::kMaxSpeed);
    QSignalSpy playing(&playback, &Playback::playingChanged);
    playback.play();
    QVERIFY(playback.isPlaying());
    QTRY_VERIFY_WITH_TIMEOUT(!playback.isPlaying(), 30000);
    QCOMPARE(playback.playhead(), m_sample.trace.endNs());
    QCOMPARE(playing.count(), 2);

    // Teaching mode: one event per tick, each exactly an event's time.
    playback.toStart();
    playback.setOneEventPerSecond(true);
    QSignalSpy current(&playback, &Playback::currentEventChanged);
    playback.play();
    QVERIFY(current.wait(5000));
    QCOMPARE(playback.currentEventIndex(), 1);
    QCOMPARE(playback.playhead(), m_sample.trace.events()[1].timeNs);
    playback.pause();
    QVERIFY(!playback.isPlaying());
}

void TestPlayback::emptyTraceIsHarmless()
{
    Playback playback;
    playback.setTrace(Trace());
    playback.stepForward();
    playback.stepBackward();
    playback.toEnd();
    playback.play();
    QVERIFY(!playback.isPlaying());
    QCOMPARE(playback.currentEventIndex(), -1);
}

QTEST_GUILESS_MAIN(TestPlayback)
#include "tst_playback.moc"
