// SPDX-License-Identifier: MIT
#include "tests/common/fakescenario.h"
#include "ui/models/scenariotreemodel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace weft;
using namespace weft::ui;

class TestScenarioTreeModel : public QObject
{
    Q_OBJECT
private slots:
    void groupsByTopicInCatalogueOrder();
    void listsEveryRegisteredScenario();
    void topicsAreNotSelectable();
    void aPythonTwinSitsBesideItsLesson();
    void emptyRegistryGivesEmptyModel();
    void recordedProgramsFollowTheTopics();
};

void TestScenarioTreeModel::groupsByTopicInCatalogueOrder()
{
    auto registry = testsupport::makeFakeRegistry();
    ScenarioTreeModel model(*registry);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);

    // Threads, Locks, Sockets have scenarios; GIL, Processes, Sync do not and are left out.
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(0, 0).data().toString(), topicTitle(Topic::Threads));
    QCOMPARE(model.index(1, 0).data().toString(), topicTitle(Topic::Locks));
    QCOMPARE(model.index(2, 0).data().toString(), topicTitle(Topic::Sockets));
    QCOMPARE(model.rowCount(model.index(0, 0)), 2);
    QCOMPARE(model.rowCount(model.index(1, 0)), 1);
    QCOMPARE(model.rowCount(model.index(2, 0)), 1);

    const QModelIndex hello = model.index(0, 0, model.index(0, 0));
    QCOMPARE(hello.data().toString(), QStringLiteral("Hello"));
    QCOMPARE(hello.data(ScenarioTreeModel::ScenarioIdRole).toString(),
             QStringLiteral("fake.hello"));
    QCOMPARE(hello.parent(), model.index(0, 0));
    QCOMPARE(model.index(1, 0, model.index(0, 0)).data().toString(), QStringLiteral("Second"));
}

void TestScenarioTreeModel::listsEveryRegisteredScenario()
{
    auto registry = testsupport::makeFakeRegistry();
    ScenarioTreeModel model(*registry);
    QCOMPARE(model.scenarioCount(), registry->size());
    for (const Scenario *scenario : registry->all()) {
        const QModelIndex index = model.indexOf(scenario->id());
        QVERIFY2(index.isValid(), qPrintable(scenario->id()));
        QCOMPARE(model.scenarioAt(index), scenario);
        QCOMPARE(index.parent().data(ScenarioTreeModel::TopicRole).toInt(), int(scenario->topic()));
    }
    QVERIFY(!model.indexOf(QStringLiteral("no.such")).isValid());
}

void TestScenarioTreeModel::topicsAreNotSelectable()
{
    auto registry = testsupport::makeFakeRegistry();
    ScenarioTreeModel model(*registry);
    const QModelIndex topic = model.index(0, 0);
    QVERIFY(!(model.flags(topic) & Qt::ItemIsSelectable));
    QCOMPARE(model.scenarioAt(topic), nullptr);
    QVERIFY(model.flags(model.index(0, 0, topic)) & Qt::ItemIsSelectable);
}

void TestScenarioTreeModel::aPythonTwinSitsBesideItsLesson()
{
    auto registry = testsupport::makeFakeRegistry();
    ScenarioTreeModel model(*registry);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QModelIndex threads = model.index(0, 0);
    QCOMPARE(model.rowCount(threads), 2); // the twin has no row of its own

    const QModelIndex hello = model.index(0, ScenarioTreeModel::LessonColumn, threads);
    const QModelIndex helloPython = model.index(0, ScenarioTreeModel::PythonColumn, threads);
    QCOMPARE(model.scenarioAt(hello)->id(), QStringLiteral("fake.hello"));
    QCOMPARE(model.scenarioAt(helloPython)->id(), QStringLiteral("fake.hello.py"));
    QCOMPARE(model.indexOf(QStringLiteral("fake.hello.py")), helloPython);
    QCOMPARE(helloPython.parent(), threads);
    QVERIFY(model.flags(helloPython) & Qt::ItemIsSelectable);
    QCOMPARE(helloPython.data().toString(), QStringLiteral("Python"));
    QCOMPARE(helloPython.data(ScenarioTreeModel::ScenarioIdRole).toString(),
             QStringLiteral("fake.hello.py"));

    // A lesson without a twin has an empty cell there that cannot be chosen.
    const QModelIndex secondPython = model.index(1, ScenarioTreeModel::PythonColumn, threads);
    QCOMPARE(model.scenarioAt(secondPython), nullptr);
    QVERIFY(!(model.flags(secondPython) & Qt::ItemIsSelectable));
    QVERIFY(secondPython.data().isNull());
}

void TestScenarioTreeModel::emptyRegistryGivesEmptyModel()
{
    ScenarioRegistry registry;
    ScenarioTreeModel model(registry);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.scenarioCount(), 0);
}

void TestScenarioTreeModel::recordedProgramsFollowTheTopics()
{
    auto registry = testsupport::makeFakeRegistry();
    ScenarioTreeModel model(*registry);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRecordedPrograms({QStringLiteral("./server"), QStringLiteral("python3 a.py")});
    QCOMPARE(model.rowCount(), 4);
    const QModelIndex group = model.index(3, 0);
    QCOMPARE(group.data().toString(), QStringLiteral("Recorded"));
    QVERIFY(!(model.flags(group) & Qt::ItemIsSelectable));
    QCOMPARE(model.rowCount(group), 2);
    const QModelIndex second = model.index(1, 0, group);
    QCOMPARE(second.data().toString(), QStringLiteral("python3 a.py"));
    QCOMPARE(model.recordedIndexAt(second), 1);
    QCOMPARE(model.recordedIndex(1), second);
    QCOMPARE(model.scenarioAt(second), nullptr);
    QVERIFY(model.flags(second) & Qt::ItemIsSelectable);
    QCOMPARE(model.recordedIndexAt(model.indexOf(QStringLiteral("fake.hello"))), -1);
    QCOMPARE(model.scenarioCount(), registry->size());
    model.setRecordedPrograms({});
    QCOMPARE(model.rowCount(), 3);
}

QTEST_GUILESS_MAIN(TestScenarioTreeModel)
#include "tst_scenariotreemodel.moc"
