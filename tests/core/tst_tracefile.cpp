#include "core/tracebuilder.h"
#include "core/tracefile.h"

#include <QTemporaryDir>
#include <QTest>

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
    QByteArray good = TraceFile::serialize(sampleTrace());
    QTest::newRow("empty") << QByteArray() << "empty";
    QTest::newRow("json") << QByteArray("[{\"ph\":\"B\"}]") << "not a Weft trace";
    QByteArray version = good;
    version[8] = 9;
    QTest::newRow("version") << version << "unsupported trace version 9";
    QByteArray trailing = good + "xx";
    QTest::newRow("trailing") << trailing << "unexpected bytes";
    QByteArray badKind = good;
    badKind[badKind.size() - 2] = char(200);
    QTest::newRow("kind") << badKind << "unknown kind 200";
    QByteArray badActor = good;
    badActor[badActor.size() - 16] = char(99);
    QTest::newRow("actor") << badActor << "does not exist";
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
    const QByteArray good = TraceFile::serialize(sampleTrace());
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

QTEST_GUILESS_MAIN(TestTraceFile)
#include "tst_tracefile.moc"
