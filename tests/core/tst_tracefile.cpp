// SPDX-License-Identifier: MIT
#include "core/tracebuilder.h"
#include "core/tracefile.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>
#include <cstring>
#include <limits>
#include <sys/stat.h>

using namespace weft;

namespace {
Trace sampleTrace()
{
    TraceBuilder b;
    const quint32 p = b.addProcess({1234, QStringLiteral("weft")});
    ActorInfo main;
    main.name = QStringLiteral("MainThread");
    main.nativeId = 1234;
    main.process = p;
    main.isMainThread = true;
    const quint32 a = b.addActor(main);
    const quint32 lock = b.addObject({QStringLiteral("L1"), ObjectKind::Lock});
    const quint32 text = b.intern(QStringLiteral("héllo 你好"));
    const quint16 site = b.addSite({QStringLiteral("threads/threadscreate.cpp"), 42});
    b.addEvent({100, 0, a, 0, 0, 0, EventKind::ThreadStart, NoFlags});
    b.addEvent({200, 0, a, lock, 0, site, EventKind::LockAcquired, NoFlags});
    b.addEvent({300, 0, a, 0, text, site, EventKind::Print, NoFlags});
    b.addEvent({400, 0, a, lock, 0, site, EventKind::LockReleased, NoFlags});
    b.addEvent({500, 7, a, 0, 0, 0, EventKind::ThreadEnd, Abnormal});
    b.metadata().scenarioId = QStringLiteral("threads.create");
    b.metadata().title = QStringLiteral("Start threads");
    b.metadata().parameters = {{QStringLiteral("threads"), QStringLiteral("3")}};
    b.metadata().outcome.status = Outcome::Status::Completed;
    b.metadata().outcome.summary = QStringLiteral("ok");
    b.metadata().outcome.setValue(QStringLiteral("final"), 173);
    b.metadata().droppedEvents = 2;
    return b.build();
}

Trace steppedTrace()
{
    Schedule schedule;
    schedule.append({1, EventKind::LockAcquired, 1});
    schedule.append({1, EventKind::Print, 1});
    schedule.setLeftStepMode(true);
    return sampleTrace().withSchedule(schedule);
}

// Version 2 ends with the schedule: a flags byte and a step count (5 bytes when
// empty), then 7 bytes per step.
constexpr qsizetype kEmptyScheduleBytes = 5;
constexpr qsizetype kScheduleStepBytes = 7;
} // namespace

class TestTraceFile : public QObject
{
    Q_OBJECT
private slots:
    void roundTripIsEqual();
    void saveAndLoadFile();
    void rejectsBadInput_data();
    void rejectsBadInput();
    void rejectsEveryTruncation();
    void rejectsDirectoryAndMissingFile();
    void refusesDevicesFifosAndHugeFiles();
    void roundTripKeepsSchedule();
    void rejectsBadSchedule_data();
    void rejectsBadSchedule();
    void rejectsEveryTruncationOfASchedule();
    void loadsVersion1();
};

void TestTraceFile::roundTripIsEqual()
{
    const Trace original = sampleTrace();
    QString error;
    const auto loaded = TraceFile::deserialize(TraceFile::serialize(original), &error);
    QVERIFY2(loaded, qPrintable(error));
    QVERIFY(*loaded == original);
    QCOMPARE(loaded->text(3), QString());
    QCOMPARE(loaded->text(1), QStringLiteral("héllo 你好"));
    QCOMPARE(loaded->outcome().value(QStringLiteral("final")), qint64(173));
    // Version 2 files still load.
    const auto v2 = TraceFile::deserialize(TraceFile::serializeVersion2(original), &error);
    QVERIFY2(v2, qPrintable(error));
    QVERIFY(*v2 == original);
}

void TestTraceFile::saveAndLoadFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("run.weft"));
    QString error;
    QVERIFY2(TraceFile::save(sampleTrace(), path, &error), qPrintable(error));
    const auto loaded = TraceFile::load(path, &error);
    QVERIFY2(loaded, qPrintable(error));
    QVERIFY(*loaded == sampleTrace());
}

void TestTraceFile::rejectsBadInput_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("expected");
    QByteArray good = TraceFile::serializeVersion2(sampleTrace());
    QTest::newRow("empty") << QByteArray() << "empty";
    QTest::newRow("json") << QByteArray("[{\"ph\":\"B\"}]") << "not a Weft trace";
    QByteArray version = good;
    version[8] = 9;
    QTest::newRow("version") << version << "unsupported trace version 9";
    QByteArray trailing = good + "xx";
    QTest::newRow("trailing") << trailing << "unexpected bytes";
    // The last event ends where the (empty) schedule begins.
    const qsizetype eventsEnd = good.size() - kEmptyScheduleBytes;
    QByteArray badKind = good;
    badKind[eventsEnd - 2] = char(200);
    QTest::newRow("kind") << badKind << "unknown kind 200";
    QByteArray badActor = good;
    badActor[eventsEnd - 16] = char(99);
    QTest::newRow("actor") << badActor << "does not exist";
    // Issue 12: times out of order, a span no qint64 holds, a negative dropped count.
    auto withTime = [&](int event, qint64 ns) {
        QByteArray bytes = good;
        std::memcpy(bytes.data() + eventsEnd - 32 * (5 - event), &ns, 8);
        return bytes;
    };
    QTest::newRow("out of order") << withTime(2, 50) << "event 2 (at byte";
    QTest::newRow("INT64_MIN") << withTime(0, std::numeric_limits<qint64>::min()) << "years";
    QTest::newRow("INT64_MAX") << withTime(4, std::numeric_limits<qint64>::max()) << "years";
    QTest::newRow("span of 80 years")
        << withTime(4, qint64(80 * 365.25 * 24 * 3600) * 1'000'000'000) << "span 80 years";
    TraceBuilder dropped;
    dropped.addEvent({1, 0, 0, 0, 0, 0, EventKind::Mark, NoFlags});
    dropped.metadata().droppedEvents = quint64(-1);
    QTest::newRow("negative dropped count")
        << TraceFile::serializeVersion2(dropped.build()) << "negative dropped-event count -1";
    // Tables that cost far more in memory than in the file: lanes, and
    // strings or objects no event could point to.
    TraceBuilder threads;
    for (quint32 i = 0; i <= kMaxTraceActors; ++i)
        threads.addActor(ActorInfo {});
    threads.addEvent({1, 0, 1, 0, 0, 0, EventKind::Mark, NoFlags});
    QTest::newRow("too many threads")
        << TraceFile::serializeVersion2(threads.build()) << "100001 threads";
    TraceBuilder processes;
    for (quint32 i = 0; i <= kMaxTraceActors; ++i)
        processes.addProcess(ProcessInfo {});
    QTest::newRow("too many processes")
        << TraceFile::serializeVersion2(processes.build()) << "100001 processes";
    TraceBuilder parameters;
    for (int i = 0; i < 2000; ++i)
        parameters.metadata().parameters.append({QString(), QString()});
    QTest::newRow("too many parameters")
        << TraceFile::serializeVersion2(parameters.build()) << "2000 parameters";
    TraceBuilder counters;
    for (quint32 i = 0; i <= kMaxTraceCounters; ++i) {
        counters.addObject(ObjectInfo {});
        counters.addEvent({1, 0, 0, i + 1, 0, 0, EventKind::CounterValue, NoFlags});
    }
    QTest::newRow("too many counter tracks")
        << TraceFile::serializeVersion2(counters.build()) << "100001 counter tracks";
    TraceBuilder strings;
    for (int i = 0; i < 70000; ++i)
        strings.appendString(QString());
    strings.addEvent({1, 0, 0, 0, 1, 0, EventKind::Mark, NoFlags});
    QTest::newRow("strings no event uses")
        << TraceFile::serializeVersion2(strings.build())
        << "70000 strings; its events can refer to at most 65537";
    TraceBuilder objects;
    for (int i = 0; i < 70000; ++i)
        objects.addObject(ObjectInfo {});
    objects.addEvent({1, 0, 0, 1, 0, 0, EventKind::Mark, NoFlags});
    QTest::newRow("objects no event uses")
        << TraceFile::serializeVersion2(objects.build())
        << "70000 objects; its events can refer to at most 65537";
}

void TestTraceFile::rejectsBadInput()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, expected);
    QString error;
    QVERIFY(!TraceFile::deserialize(bytes, &error));
    QVERIFY2(error.contains(expected), qPrintable(error));
}

void TestTraceFile::rejectsEveryTruncation()
{
    const QByteArray good = TraceFile::serializeVersion2(sampleTrace());
    for (qsizetype n = 0; n < good.size(); ++n) {
        QString error;
        QVERIFY(!TraceFile::deserialize(good.left(n), &error));
        QVERIFY(!error.isEmpty());
    }
}

void TestTraceFile::rejectsDirectoryAndMissingFile()
{
    QTemporaryDir dir;
    QString error;
    QVERIFY(!TraceFile::load(dir.path(), &error));
    QVERIFY2(error.contains(QStringLiteral("directory")), qPrintable(error));
    QVERIFY(!TraceFile::load(dir.filePath(QStringLiteral("missing.weft")), &error));
    QVERIFY2(error.contains(QStringLiteral("cannot open")), qPrintable(error));
}

void TestTraceFile::refusesDevicesFifosAndHugeFiles()
{
    // Issue 12: /dev/zero grew past 3.5 GB; a FIFO with no writer blocked forever.
    QTemporaryDir dir;
    const QString fifo = dir.filePath(QStringLiteral("fifo"));
    QVERIFY(::mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0);
    const QString huge = dir.filePath(QStringLiteral("huge.weft"));
    {
        QFile file(huge);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QVERIFY(file.resize(TraceFile::maxFileBytes() + 1)); // sparse: no disk used
    }
    QElapsedTimer timer;
    timer.start();
    QString error;
    QVERIFY(!TraceFile::load(QStringLiteral("/dev/zero"), &error));
    QVERIFY2(error.contains(QStringLiteral("device")), qPrintable(error));
    QVERIFY(!TraceFile::load(fifo, &error));
    QVERIFY2(error.contains(QStringLiteral("FIFO")), qPrintable(error));
    QVERIFY(!TraceFile::load(huge, &error));
    QVERIFY2(error.contains(
                 QStringLiteral("up to %1 MB").arg(TraceFile::maxFileBytes() / (1024 * 1024))),
             qPrintable(error));
    QVERIFY(timer.elapsed() < 5000);
}

void TestTraceFile::roundTripKeepsSchedule()
{
    const Trace original = steppedTrace();
    QString error;
    const auto loaded = TraceFile::deserialize(TraceFile::serialize(original), &error);
    QVERIFY2(loaded, qPrintable(error));
    QVERIFY(*loaded == original);
    QCOMPARE(loaded->schedule().size(), 2);
    QCOMPARE(loaded->schedule().at(1).kind, EventKind::Print);
    QCOMPARE(loaded->schedule().at(1).site, quint16(1));
    QVERIFY(loaded->schedule().leftStepMode());
    // The schedule is part of equality: the same trace without it differs.
    QVERIFY(!(*loaded == sampleTrace()));
}

void TestTraceFile::rejectsBadSchedule_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("expected");
    const QByteArray good = TraceFile::serializeVersion2(steppedTrace());
    const qsizetype lastStep = good.size() - kScheduleStepBytes; // u32 actor, u8 kind, u16 site
    const qsizetype flags = good.size() - 2 * kScheduleStepBytes - kEmptyScheduleBytes;
    QByteArray badFlags = good;
    badFlags[flags] = char(6);
    QTest::newRow("flags") << badFlags << "unknown schedule flags 6";
    QByteArray badCount = good;
    badCount[flags + 1] = char(3);
    QTest::newRow("count") << badCount << "schedule steps count 3 is larger";
    QByteArray badKind = good;
    badKind[lastStep + 4] = char(200);
    QTest::newRow("kind") << badKind << "schedule step 1 has unknown kind 200";
    QByteArray noneKind = good;
    noneKind[lastStep + 4] = char(0);
    QTest::newRow("none kind") << noneKind << "schedule step 1 has unknown kind 0";
    QByteArray badActor = good;
    badActor[lastStep] = char(2);
    QTest::newRow("actor") << badActor << "schedule step 1 refers to an actor";
    QByteArray zeroActor = good;
    zeroActor[lastStep] = char(0);
    QTest::newRow("actor 0") << zeroActor << "schedule step 1 refers to an actor";
    QByteArray badSite = good;
    badSite[lastStep + 5] = char(9);
    QTest::newRow("site") << badSite << "schedule step 1 refers to an actor or site";
    QTest::newRow("trailing") << good + "x"
                              << "unexpected bytes";
}

void TestTraceFile::rejectsBadSchedule()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, expected);
    QString error;
    QVERIFY(!TraceFile::deserialize(bytes, &error));
    QVERIFY2(error.contains(expected), qPrintable(error));
    QVERIFY2(error.startsWith(QLatin1String("at byte ")), qPrintable(error));
}

void TestTraceFile::rejectsEveryTruncationOfASchedule()
{
    const QByteArray good = TraceFile::serializeVersion2(steppedTrace());
    const qsizetype scheduleStart = good.size() - 2 * kScheduleStepBytes - kEmptyScheduleBytes;
    for (qsizetype n = scheduleStart; n < good.size(); ++n) {
        QString error;
        QVERIFY(!TraceFile::deserialize(good.left(n), &error));
        QVERIFY2(error.startsWith(QLatin1String("at byte ")), qPrintable(error));
    }
}

void TestTraceFile::loadsVersion1()
{
    // A version 1 file is version 2 without the schedule section.
    QByteArray old = TraceFile::serializeVersion2(sampleTrace());
    old.chop(kEmptyScheduleBytes);
    old[8] = 1;
    QString error;
    const auto loaded = TraceFile::deserialize(old, &error);
    QVERIFY2(loaded, qPrintable(error));
    QVERIFY(*loaded == sampleTrace());
    QVERIFY(loaded->schedule().isEmpty());
    QVERIFY(!loaded->schedule().wasStepped());
    // And a version 1 file never has a schedule section after its events.
    QVERIFY(!TraceFile::deserialize(old + QByteArray(kEmptyScheduleBytes, 0), &error));
    QVERIFY2(error.contains(QLatin1String("unexpected bytes")), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestTraceFile)
#include "tst_tracefile.moc"
