// SPDX-License-Identifier: MIT
#include "tests/common/fakescenario.h"
#include "ui/models/scenariotreemodel.h"
#include "ui/panels/scenariopanel.h"

#include <QRadioButton>
#include <QSignalSpy>
#include <QTest>
#include <QTreeView>

using namespace weft;
using namespace weft::ui;

namespace {

QString currentId(const ScenarioPanel &panel)
{
    return panel.currentScenario() ? panel.currentScenario()->id() : QString();
}

} // namespace

class TestScenarioPanel : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void theSwitchPicksTheLessonsPython();
    void aLessonWithoutPythonCannotSwitch();
    void selectingAPythonLessonShowsItsSwitch();
    void movingOffAPythonCellKeepsALesson();
    void aPythonLessonThatCannotRunSaysWhy();

private:
    std::unique_ptr<ScenarioRegistry> m_registry;
    std::unique_ptr<ScenarioPanel> m_panel;
    QRadioButton *cpp() const { return m_panel->findChild<QRadioButton *>("languageCpp"); }
    QRadioButton *python() const { return m_panel->findChild<QRadioButton *>("languagePython"); }
};

void TestScenarioPanel::init()
{
    m_registry = testsupport::makeFakeRegistry();
    m_panel = std::make_unique<ScenarioPanel>(*m_registry);
    m_panel->resize(360, 600);
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
    QVERIFY(cpp() && python());
}

void TestScenarioPanel::cleanup()
{
    m_panel.reset();
    m_registry.reset();
}

void TestScenarioPanel::theSwitchPicksTheLessonsPython()
{
    QVERIFY(m_panel->selectScenario(QStringLiteral("fake.hello")));
    QVERIFY(cpp()->isChecked());
    QVERIFY(python()->isEnabled());
    QSignalSpy changed(m_panel.get(), &ScenarioPanel::currentScenarioChanged);

    QTest::mouseClick(python(), Qt::LeftButton);
    QCOMPARE(currentId(*m_panel), QStringLiteral("fake.hello.py"));
    QVERIFY(python()->isChecked());
    QCOMPARE(changed.count(), 1);
    // The twin keeps the lesson's parameters form.
    QCOMPARE(m_panel->parameterValues().integer(QStringLiteral("count")), 2);

    QTest::mouseClick(cpp(), Qt::LeftButton);
    QCOMPARE(currentId(*m_panel), QStringLiteral("fake.hello"));
    QVERIFY(cpp()->isChecked());
    QCOMPARE(changed.count(), 2);
}

void TestScenarioPanel::aLessonWithoutPythonCannotSwitch()
{
    QVERIFY(m_panel->selectScenario(QStringLiteral("fake.second")));
    QVERIFY(!python()->isEnabled());
    QVERIFY(!m_panel->selectLanguage(SourceLanguage::Python));
    QCOMPARE(currentId(*m_panel), QStringLiteral("fake.second"));
    QVERIFY(cpp()->isChecked());
}

void TestScenarioPanel::selectingAPythonLessonShowsItsSwitch()
{
    // As when a saved run of the Python lesson is opened.
    QVERIFY(m_panel->selectScenario(QStringLiteral("fake.hello.py")));
    QCOMPARE(currentId(*m_panel), QStringLiteral("fake.hello.py"));
    QVERIFY(python()->isChecked());
    QVERIFY(python()->isVisible());
}

void TestScenarioPanel::movingOffAPythonCellKeepsALesson()
{
    QVERIFY(m_panel->selectScenario(QStringLiteral("fake.hello.py")));
    auto *tree = m_panel->findChild<QTreeView *>(QStringLiteral("scenarioTree"));
    QVERIFY(tree);
    tree->setFocus();
    // The next lesson has no Python: its C++ cell is taken, not its empty one.
    QTest::keyClick(tree, Qt::Key_Down);
    QCOMPARE(currentId(*m_panel), QStringLiteral("fake.second"));
    QVERIFY(cpp()->isChecked());
}

void TestScenarioPanel::aPythonLessonThatCannotRunSaysWhy()
{
    const QString reason = QStringLiteral("python3 was not found (apt-get install python3)");
    auto *twin = const_cast<testsupport::FakePythonTwin *>(
        dynamic_cast<const testsupport::FakePythonTwin *>(
            m_registry->find(QStringLiteral("fake.hello.py"))));
    QVERIFY(twin);
    twin->setUnavailableReason(reason);
    // A fresh panel: the tree reads the lesson's state when it is built.
    m_panel = std::make_unique<ScenarioPanel>(*m_registry);
    QVERIFY(m_panel->selectScenario(QStringLiteral("fake.hello")));
    QVERIFY(!python()->isEnabled());
    QCOMPARE(python()->toolTip(), reason);
    const QModelIndex cell = m_panel->model()->indexOf(QStringLiteral("fake.hello.py"));
    QVERIFY(!(m_panel->model()->flags(cell) & Qt::ItemIsEnabled));
    QVERIFY(cell.data(Qt::ToolTipRole).toString().contains(reason));
}

QTEST_MAIN(TestScenarioPanel)
#include "tst_scenariopanel.moc"
