// SPDX-License-Identifier: MIT
#include "core/interchange/traceloader.h"
#include "ui/models/traceloadjob.h"
#include "ui/timeline/derivedsnapshot.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace weft;
using namespace weft::ui;

namespace {
QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        return {};
    return path;
}

// About 4 MB: several slices, so progress comes more than once.
QByteArray bigTrace(int events)
{
    QByteArray json = R"({"traceEvents":[)";
    for (int i = 0; i < events; ++i) {
        if (i)
            json += ",\n";
        json += R"({"name":"task","ph":"X","ts":)" + QByteArray::number(i)
            + R"(,"dur":1,"pid":1,"tid":)" + QByteArray::number(i % 4) + R"(,"args":{"n":)"
            + QByteArray::number(i) + "}}";
    }
    json += "]}";
    return json;
}
} // namespace

class TestTraceLoadJob : public QObject
{
    Q_OBJECT
private slots:
    void loadsAndReportsProgress();
    void cancelKeepsNothing();
    void badFileFailsWithTheLoadersMessage();
    void oneLoadAtATime();
};

void TestTraceLoadJob::loadsAndReportsProgress()
{
    QTemporaryDir dir;
    const QByteArray json = bigTrace(50000);
    const QString path = writeFile(dir, QStringLiteral("big.json"), json);
    QVERIFY(!path.isEmpty());
    TraceLoadJob job;
    QSignalSpy progress(&job, &TraceLoadJob::progress);
    QSignalSpy loaded(&job, &TraceLoadJob::loaded);
    QSignalSpy failed(&job, &TraceLoadJob::failed);
    // The timeline's model, derived on the loading thread, is there to take on loaded().
    std::shared_ptr<DerivedSnapshot> derived;
    connect(&job, &TraceLoadJob::loaded, this, [&] { derived = job.takeDerived(); });
    QVERIFY(job.start(path));
    QVERIFY(job.isRunning());
    QVERIFY(loaded.wait(60000));
    QVERIFY(!job.isRunning());
    QCOMPARE(failed.count(), 0);
    const auto trace = loaded.at(0).at(0).value<Trace>();
    QCOMPARE(trace.events().size(), std::size_t(100000)); // each X is a begin and an end
    QString error;
    const auto direct = loadTraceFile(path, &error);
    QVERIFY(direct);
    QVERIFY(trace.events() == direct->events());
    // What the window reads first (states, slices, arrows) was derived on the
    // loading thread, not left for the window; a trace loaded directly has none.
    QVERIFY(trace.derived().size() >= 3);
    QVERIFY(derived);
    QVERIFY(derived->model.trace().sharesDataWith(trace));
    QVERIFY(!derived->axis.isStepAxis());
    QCOMPARE(derived->model.lanes().size(), std::size_t(4)); // tids 0-3
    QVERIFY(!job.takeDerived()); // taken once
    QCOMPARE(direct->derived().size(), std::size_t(0));
    QVERIFY(progress.count() >= 2);
    qint64 lastDone = 0;
    qint64 lastEvents = 0;
    for (const QList<QVariant> &report : progress) {
        QVERIFY(report.at(0).toLongLong() >= lastDone);
        QVERIFY(report.at(2).toLongLong() >= lastEvents);
        QCOMPARE(report.at(1).toLongLong(), qint64(json.size()));
        lastDone = report.at(0).toLongLong();
        lastEvents = report.at(2).toLongLong();
    }
    QCOMPARE(lastDone, qint64(json.size()));
    QVERIFY(lastEvents > 0);
}

void TestTraceLoadJob::cancelKeepsNothing()
{
    QTemporaryDir dir;
    const QString path = writeFile(dir, QStringLiteral("big.json"), bigTrace(50000));
    TraceLoadJob job;
    QSignalSpy progress(&job, &TraceLoadJob::progress);
    QSignalSpy loaded(&job, &TraceLoadJob::loaded);
    QSignalSpy failed(&job, &TraceLoadJob::failed);
    QSignalSpy cancelled(&job, &TraceLoadJob::cancelled);
    QVERIFY(job.start(path));
    // Whether the load is still going or already done when Cancel comes, it
    // ends in cancelled() alone.
    job.cancel();
    QVERIFY(cancelled.wait(60000));
    QCOMPARE(loaded.count(), 0);
    QCOMPARE(failed.count(), 0);
    QVERIFY(!job.isRunning());
    // The job can load again afterwards.
    QVERIFY(job.start(path));
    QVERIFY(loaded.wait(60000));
    QCOMPARE(cancelled.count(), 1);
}

void TestTraceLoadJob::badFileFailsWithTheLoadersMessage()
{
    QTemporaryDir dir;
    const QString path = writeFile(dir, QStringLiteral("bad.json"),
                                   R"({"traceEvents":[{"name":"a","ph":"X","ts":tru}]})");
    QString expected;
    QVERIFY(!loadTraceFile(path, &expected));
    TraceLoadJob job;
    QSignalSpy failed(&job, &TraceLoadJob::failed);
    QSignalSpy loaded(&job, &TraceLoadJob::loaded);
    QVERIFY(job.start(path));
    QVERIFY(failed.wait(60000));
    QCOMPARE(failed.at(0).at(0).toString(), expected);
    QVERIFY(expected.contains(QLatin1String("at byte")));
    QCOMPARE(loaded.count(), 0);

    QSignalSpy failedAgain(&job, &TraceLoadJob::failed);
    QVERIFY(job.start(dir.filePath(QStringLiteral("missing.json"))));
    QVERIFY(failedAgain.wait(60000));
    QVERIFY(failedAgain.at(0).at(0).toString().contains(QLatin1String("missing.json")));
}

void TestTraceLoadJob::oneLoadAtATime()
{
    QTemporaryDir dir;
    const QString path = writeFile(dir, QStringLiteral("big.json"), bigTrace(2000));
    TraceLoadJob job;
    QSignalSpy loaded(&job, &TraceLoadJob::loaded);
    QVERIFY(job.start(path));
    QVERIFY(!job.start(path));
    QCOMPARE(job.path(), path);
    QVERIFY(loaded.wait(60000));
    QCOMPARE(loaded.count(), 1);
}

QTEST_MAIN(TestTraceLoadJob)
#include "tst_traceloadjob.moc"
