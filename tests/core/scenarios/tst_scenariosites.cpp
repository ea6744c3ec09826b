// SPDX-License-Identifier: MIT
// The code panel highlights an event's source line. For a learner that line
// must be the lesson's own (`counter = value + 1`, `lock.acquire()`), never the
// tracing plumbing that recorded it. This runs every scenario of the catalogue
// and reads the line each event points at in the scenario's embedded source.

#include "core/scenarios/catalogue.h"
#include "core/trace.h"
#include "tests/common/scenariorun.h"

#include <QFile>
#include <QRegularExpression>
#include <QTest>

using namespace weft;

namespace {

// Calls that only a tracing helper should make: a line holding one of them is
// plumbing, whatever else it does.
const QRegularExpression kPlumbing(QStringLiteral(
    R"(\b(record|passGate|intern|addObject|addThreadActor|source_location)\s*[(:])"));

QStringList sourceLines(const Scenario &scenario)
{
    QFile file(scenario.sourceResource());
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'));
}

// ":/scenarios/locks/locksrace.cpp" -> "locks/locksrace.cpp", the form sites use.
QString siteFileOf(const Scenario &scenario)
{
    return scenario.sourceResource().section(QStringLiteral(":/scenarios/"), 1);
}

} // namespace

class TestScenarioSites : public QObject
{
    Q_OBJECT
private slots:
    void everyEventPointsAtALineOfTheLesson_data();
    void everyEventPointsAtALineOfTheLesson();
};

void TestScenarioSites::everyEventPointsAtALineOfTheLesson_data()
{
    QTest::addColumn<QString>("id");
    // The Python lessons run a real interpreter under the recording library:
    // tests/core/scenarios/python checks them (label "record").
    for (const Scenario *scenario : catalogue().all())
        if (scenario->language() == SourceLanguage::Cpp)
            QTest::newRow(qPrintable(scenario->id())) << scenario->id();
}

void TestScenarioSites::everyEventPointsAtALineOfTheLesson()
{
    QFETCH(QString, id);
    const Scenario *scenario = catalogue().find(id);
    QVERIFY(scenario);
    const QStringList lines = sourceLines(*scenario);
    QVERIFY2(!lines.isEmpty(), qPrintable(scenario->sourceResource()));
    const QString ownFile = siteFileOf(*scenario);

    const Trace trace = testsupport::runWith(*scenario, {});
    QStringList problems;
    int sited = 0;
    for (const Event &event : trace.events()) {
        if (event.site == 0)
            continue;
        ++sited;
        const SourceSite site = trace.site(event.site);
        const QString where = QStringLiteral("%1 at %2:%3")
                                  .arg(QLatin1String(eventKindName(event.kind)), site.file)
                                  .arg(site.line);
        if (site.file != ownFile) {
            problems << QStringLiteral("%1 is outside %2").arg(where, ownFile);
            continue;
        }
        if (site.line < 1 || site.line > lines.size()) {
            problems << QStringLiteral("%1 is past the file's end").arg(where);
            continue;
        }
        const QString text = lines.at(site.line - 1).trimmed();
        if (kPlumbing.match(text).hasMatch())
            problems << QStringLiteral("%1 is plumbing: %2").arg(where, text);
    }
    problems.removeDuplicates();
    QVERIFY2(sited > 0, "no event carries a source line");
    QVERIFY2(problems.isEmpty(), qPrintable(problems.mid(0, 12).join(QLatin1Char('\n'))));
}

QTEST_GUILESS_MAIN(TestScenarioSites)
#include "tst_scenariosites.moc"
