// SPDX-License-Identifier: MIT
#include "core/mallochugepages.h"

#include <QCoreApplication>
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTest>
#include <cstdio>
#include <cstdlib>
#include <cstring>

using namespace weft;

namespace {

constexpr const char *kProbe = "--probe";

const char *outcomeName(MallocHugePages::Outcome outcome)
{
    switch (outcome) {
    case MallocHugePages::Outcome::Relaunched:
        return "relaunched";
    case MallocHugePages::Outcome::ChosenByUser:
        return "chosen-by-user";
    case MallocHugePages::Outcome::Declined:
        return "declined";
    case MallocHugePages::Outcome::Failed:
        return "failed";
    }
    return "?";
}

// The test's own binary, run as a program that enables huge pages: prints the
// outcome, GLIBC_TUNABLES as the process now sees it (what its children get),
// and GLIBC_TUNABLES as the process was started with (/proc/self/environ is
// the environment execve gave it, which glibc's tunables were read from).
int probe(char **argv)
{
    const MallocHugePages::Outcome outcome = MallocHugePages::enable(argv);
    const char *now = std::getenv(MallocHugePages::kTunables);
    QByteArray startedWith = "<unset>";
    QFile environ(QStringLiteral("/proc/self/environ"));
    if (environ.open(QIODevice::ReadOnly)) {
        for (const QByteArray &entry : environ.readAll().split('\0')) {
            if (entry.startsWith(QByteArray(MallocHugePages::kTunables) + '='))
                startedWith = entry.mid(int(std::strlen(MallocHugePages::kTunables)) + 1);
        }
    }
    std::printf("%s\n%s\n%s\n%s\n", outcomeName(outcome), now ? now : "<unset>",
                startedWith.constData(), std::getenv(MallocHugePages::kSaved) ? "saved" : "-");
    return 0;
}

bool sanitizerBuild()
{
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
    return true;
#else
    return false;
#endif
}

} // namespace

class TstMallocHugePages : public QObject
{
    Q_OBJECT

    // outcome, GLIBC_TUNABLES now, GLIBC_TUNABLES at start, whether the saved copy is left
    static QStringList runProbe(const QProcessEnvironment &environment)
    {
        QProcess process;
        process.setProcessEnvironment(environment);
        process.start(QCoreApplication::applicationFilePath(), {QString::fromLatin1(kProbe)});
        if (!process.waitForFinished(30000))
            return {QStringLiteral("timed out")};
        return QString::fromLocal8Bit(process.readAllStandardOutput()).split(QLatin1Char('\n'));
    }

    static QProcessEnvironment environmentWith(const char *tunables)
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.remove(QString::fromLatin1(MallocHugePages::kTunables));
        environment.remove(QString::fromLatin1(MallocHugePages::kOptOut));
        environment.remove(QString::fromLatin1(MallocHugePages::kSaved));
        environment.remove(QStringLiteral("LD_PRELOAD"));
        if (tunables)
            environment.insert(QString::fromLatin1(MallocHugePages::kTunables),
                               QString::fromLatin1(tunables));
        return environment;
    }

private Q_SLOTS:
    void relaunchesWithTheTunableAndHidesItFromChildren_data()
    {
        QTest::addColumn<QString>("given"); // "<unset>": no GLIBC_TUNABLES at all
        QTest::addColumn<QString>("startedWith");
        QTest::newRow("unset") << "<unset>"
                               << "glibc.malloc.hugetlb=1";
        QTest::newRow("empty") << ""
                               << "glibc.malloc.hugetlb=1";
        // glibc rewrites the variable in place as it reads it, and then only the
        // first tunable is left to see in /proc/self/environ.
        QTest::newRow("the user's own") << "glibc.malloc.tcache_count=7"
                                        << "glibc.malloc.tcache_count=7";
    }
    void relaunchesWithTheTunableAndHidesItFromChildren()
    {
        if (sanitizerBuild())
            QSKIP("a sanitizer's allocator stands in for malloc: enable() declines");
        QFETCH(QString, given);
        QFETCH(QString, startedWith);
        const QByteArray tunables = given.toLatin1();
        const QStringList lines = runProbe(
            environmentWith(given == QLatin1String("<unset>") ? nullptr : tunables.data()));
        QCOMPARE(lines.value(0), QStringLiteral("relaunched"));
        // The process was executed again with the tunable added ...
        QCOMPARE(lines.value(2), startedWith);
        // ... and what it starts sees GLIBC_TUNABLES as the user had it.
        QCOMPARE(lines.value(1), given);
        QCOMPARE(lines.value(3), QStringLiteral("-"));
    }

    void leavesTheUsersChoiceAlone()
    {
        const QStringList lines = runProbe(environmentWith("glibc.malloc.hugetlb=0"));
        QCOMPARE(lines.value(0), QStringLiteral("chosen-by-user"));
        QCOMPARE(lines.value(1), QStringLiteral("glibc.malloc.hugetlb=0"));
        QCOMPARE(lines.value(2), QStringLiteral("glibc.malloc.hugetlb=0"));
    }

    void canBeTurnedOff_data()
    {
        QTest::addColumn<QString>("variable");
        QTest::newRow("opt-out") << QString::fromLatin1(MallocHugePages::kOptOut);
        // valgrind and heaptrack preload themselves; /proc/self/exe would escape them
        QTest::newRow("a preloaded tool") << QStringLiteral("LD_PRELOAD");
    }
    void canBeTurnedOff()
    {
        QFETCH(QString, variable);
        QProcessEnvironment environment = environmentWith(nullptr);
        environment.insert(variable,
                           variable == QLatin1String("LD_PRELOAD")
                               ? QStringLiteral("libnotthere-weft-test.so")
                               : QStringLiteral("1"));
        const QStringList lines = runProbe(environment);
        QCOMPARE(lines.value(0), QStringLiteral("declined"));
        QCOMPARE(lines.value(1), QStringLiteral("<unset>"));
        QCOMPARE(lines.value(2), QStringLiteral("<unset>"));
    }
};

int main(int argc, char **argv)
{
    if (argc == 2 && std::strcmp(argv[1], kProbe) == 0)
        return probe(argv);
    QCoreApplication application(argc, argv);
    TstMallocHugePages test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_mallochugepages.moc"
