// SPDX-License-Identifier: MIT
// A recording's scratch directory: made with its owner's lock, removed at the
// end, and swept by the next recording only when its owner is gone.
#include "core/record/recordingdirectory.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <fcntl.h>
#include <memory>
#include <sys/file.h>
#include <unistd.h>

using namespace weft::record;

class TestRecordingDirectory : public QObject
{
    Q_OBJECT

private slots:
    void madeWithItsLockAndRemovedAtTheEnd();
    void aLiveRecordingIsNeverSwept();
    void aDeadOwnersDirectoryIsSwept();
    void otherDirectoriesStay();
    void anUnwritableBaseIsAnError();
};

namespace {

// What a weft killed mid-recording leaves: the directory, its files, and the lock
// file that no process holds any more.
QString abandonedIn(const QString &base, const char *suffix)
{
    QString path = base + QLatin1Char('/') + QLatin1String(RecordingDirectory::kPrefix)
        + QLatin1String(suffix);
    if (!QDir().mkpath(path))
        return {};
    for (const char *name : {RecordingDirectory::kLockName, "ring.1.1.0", "chunk.1.1.bin"}) {
        QFile file(path + QLatin1Char('/') + QLatin1String(name));
        if (!file.open(QIODevice::WriteOnly) || file.write("x") != 1)
            return {};
    }
    return path;
}

} // namespace

void TestRecordingDirectory::madeWithItsLockAndRemovedAtTheEnd()
{
    QTemporaryDir base;
    QString path;
    {
        RecordingDirectory dir(base.path());
        QVERIFY2(dir.isValid(), qPrintable(dir.errorString()));
        path = dir.path();
        QVERIFY(QFileInfo(path).fileName().startsWith(QLatin1String(RecordingDirectory::kPrefix)));
        QVERIFY(QFileInfo::exists(path + QLatin1Char('/')
                                  + QLatin1String(RecordingDirectory::kLockName)));
        QVERIFY(!QFileInfo::exists(path + QStringLiteral("/owner.pending")));
    }
    QVERIFY(!QFileInfo::exists(path));
}

void TestRecordingDirectory::aLiveRecordingIsNeverSwept()
{
    QTemporaryDir base;
    RecordingDirectory live(base.path());
    QVERIFY(live.isValid());
    QFile ring(live.path() + QStringLiteral("/ring.1.1.0"));
    QVERIFY(ring.open(QIODevice::WriteOnly));
    ring.close();
    // Another open of the lock file is another lock owner: flock() says "held".
    QCOMPARE(RecordingDirectory::removeAbandoned(base.path()), 0);
    QVERIFY(QFileInfo::exists(ring.fileName()));
    RecordingDirectory second(base.path());
    QVERIFY(second.isValid());
    QCOMPARE(RecordingDirectory::removeAbandoned(base.path()), 0);
    QVERIFY(QFileInfo::exists(second.path()));
}

void TestRecordingDirectory::aDeadOwnersDirectoryIsSwept()
{
    QTemporaryDir base;
    const QString first = abandonedIn(base.path(), "dead01");
    const QString second = abandonedIn(base.path(), "dead02");
    QVERIFY(!first.isEmpty() && !second.isEmpty());
    RecordingDirectory live(base.path());
    QVERIFY(live.isValid());
    QCOMPARE(RecordingDirectory::removeAbandoned(base.path()), 2);
    QVERIFY(!QFileInfo::exists(first));
    QVERIFY(!QFileInfo::exists(second));
    QVERIFY(QFileInfo::exists(live.path()));
}

void TestRecordingDirectory::otherDirectoriesStay()
{
    QTemporaryDir base;
    // Without a lock file: one being created right now, or one an older weft made.
    const QString unlocked = base.path() + QLatin1Char('/')
        + QLatin1String(RecordingDirectory::kPrefix) + QStringLiteral("young1");
    QVERIFY(QDir().mkpath(unlocked));
    // Not a recording's name at all, though abandoned-looking inside.
    const QString other = base.path() + QStringLiteral("/someone-else");
    QVERIFY(QDir().mkpath(other));
    QFile lock(other + QLatin1Char('/') + QLatin1String(RecordingDirectory::kLockName));
    QVERIFY(lock.open(QIODevice::WriteOnly));
    lock.close();
    QCOMPARE(RecordingDirectory::removeAbandoned(base.path()), 0);
    QVERIFY(QFileInfo::exists(unlocked));
    QVERIFY(QFileInfo::exists(other));
}

void TestRecordingDirectory::anUnwritableBaseIsAnError()
{
    RecordingDirectory dir(QStringLiteral("/nonexistent/weft/base"));
    QVERIFY(!dir.isValid());
    QVERIFY(!dir.errorString().isEmpty());
    QCOMPARE(RecordingDirectory::removeAbandoned(QStringLiteral("/nonexistent/weft/base")), 0);
}

QTEST_GUILESS_MAIN(TestRecordingDirectory)
#include "tst_recordingdirectory.moc"
