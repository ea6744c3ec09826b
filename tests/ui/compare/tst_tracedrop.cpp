// SPDX-License-Identifier: MIT
// Trace files dropped on the main window: one over a trace asks "open it" or
// "compare with the run on screen", and each answer does what it says; two
// at once are compared; anything else is not taken.
#include "comparetraces.h"
#include "core/interchange/traceloader.h"
#include "core/scenarioregistry.h"
#include "ui/compare/comparecontroller.h"
#include "ui/compare/comparewindow.h"
#include "ui/compare/tracedrop.h"
#include "ui/mainwindow.h"

#include <QDropEvent>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace weft;
using namespace weft::ui;

namespace {

QString modeOf(const Trace &trace)
{
    for (const auto &[key, value] : trace.metadata().parameters)
        if (key == QLatin1String("mode"))
            return value;
    return {};
}

} // namespace

class TestTraceDrop : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void oneFileWithNothingShownOpensIt();
    void askThenCompare();
    void askThenOpen();
    void askThenCancel();
    void twoFilesAreCompared();
    void otherDragsAreNotTaken_data();
    void otherDragsAreNotTaken();

private:
    // Drops `paths` on the window, as a file manager would; true if the drop was taken.
    bool dropFiles(const QStringList &paths);
    QTemporaryDir m_dir;
    QString m_lockFile, m_serialFile;
    ScenarioRegistry m_registry;
    MainWindow *m_window = nullptr;
};

void TestTraceDrop::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_lockFile = m_dir.filePath(QStringLiteral("lock.weft"));
    m_serialFile = m_dir.filePath(QStringLiteral("serial.json"));
    QString error;
    QVERIFY2(saveTrace(testsupport::countingRun(5'000'000'000, 44, QStringLiteral("W"), 0,
                                                QStringLiteral("lock")),
                       m_lockFile, &error),
             qPrintable(error));
    QVERIFY2(saveTrace(testsupport::countingRun(7'000'000'000, 88, QStringLiteral("W"), 0,
                                                QStringLiteral("serial")),
                       m_serialFile, &error),
             qPrintable(error));
}

void TestTraceDrop::init()
{
    m_window = new MainWindow(m_registry);
    m_window->setInteractiveErrors(false);
    m_window->compareController()->setInteractiveErrors(false);
    m_window->show();
}

void TestTraceDrop::cleanup()
{
    delete m_window;
    m_window = nullptr;
}

bool TestTraceDrop::dropFiles(const QStringList &paths)
{
    QMimeData mime;
    QList<QUrl> urls;
    for (const QString &path : paths)
        urls << (path.contains(QLatin1String("://")) ? QUrl(path) : QUrl::fromLocalFile(path));
    mime.setUrls(urls);
    const QPointF at(m_window->width() / 2.0, m_window->height() / 2.0);
    QDragEnterEvent enter(at.toPoint(), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(m_window, &enter);
    if (!enter.isAccepted())
        return false;
    QDropEvent drop(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(m_window, &drop);
    return drop.isAccepted();
}

void TestTraceDrop::oneFileWithNothingShownOpensIt()
{
    QVERIFY(m_window->trace().isEmpty());
    QVERIFY(dropFiles({m_lockFile}));
    QVERIFY(!m_window->compareController()->traceDrop()->chooser()); // nothing to ask
    QCOMPARE(modeOf(m_window->trace()), QStringLiteral("lock"));
    QVERIFY(!m_window->compareController()->window());
}

void TestTraceDrop::askThenCompare()
{
    m_window->showTrace(testsupport::countingRun(1'000'000'000, 31, QStringLiteral("W"), 19801,
                                                 QStringLiteral("nolock")));
    QVERIFY(dropFiles({m_lockFile}));
    QMessageBox *chooser = m_window->compareController()->traceDrop()->chooser();
    QVERIFY(chooser);
    QTRY_VERIFY(chooser->isVisible());
    QVERIFY2(chooser->text().contains(QStringLiteral("lock.weft")), qPrintable(chooser->text()));
    QVERIFY(!m_window->compareController()->window()); // nothing happens before the answer
    auto *compare = chooser->findChild<QPushButton *>(QStringLiteral("compareDropped"));
    QVERIFY(compare);
    QTest::mouseClick(compare, Qt::LeftButton);
    CompareWindow *compared = m_window->compareController()->window();
    QVERIFY(compared);
    QVERIFY(compared->isVisible());
    QCOMPARE(compared->differenceText(),
             QStringLiteral("nolock: 19801 updates lost in 31 ms; lock: exact in 44 ms "
                            "(lock took 1.4× as long)"));
    QCOMPARE(modeOf(m_window->trace()), QStringLiteral("nolock")); // the screen keeps its run
}

void TestTraceDrop::askThenOpen()
{
    m_window->showTrace(testsupport::countingRun(1'000'000'000, 31, QStringLiteral("W"), 19801,
                                                 QStringLiteral("nolock")));
    QVERIFY(dropFiles({m_lockFile}));
    QMessageBox *chooser = m_window->compareController()->traceDrop()->chooser();
    QVERIFY(chooser);
    auto *open = chooser->findChild<QPushButton *>(QStringLiteral("openDropped"));
    QVERIFY(open);
    QTest::mouseClick(open, Qt::LeftButton);
    QCOMPARE(modeOf(m_window->trace()), QStringLiteral("lock"));
    QVERIFY(!m_window->compareController()->window());
    QTRY_VERIFY(!m_window->compareController()->traceDrop()->chooser()); // gone once answered
}

void TestTraceDrop::askThenCancel()
{
    m_window->showTrace(testsupport::countingRun(1'000'000'000, 31, QStringLiteral("W"), 19801,
                                                 QStringLiteral("nolock")));
    QVERIFY(dropFiles({m_lockFile}));
    QMessageBox *chooser = m_window->compareController()->traceDrop()->chooser();
    QVERIFY(chooser);
    QTest::keyClick(chooser, Qt::Key_Escape);
    QCOMPARE(modeOf(m_window->trace()), QStringLiteral("nolock"));
    QVERIFY(!m_window->compareController()->window());
}

void TestTraceDrop::twoFilesAreCompared()
{
    // With a trace on screen too: two files are compared with each other, not asked about.
    m_window->showTrace(testsupport::countingRun(1'000'000'000, 31, QStringLiteral("W"), 19801,
                                                 QStringLiteral("nolock")));
    QVERIFY(dropFiles({m_serialFile, m_lockFile}));
    QVERIFY(!m_window->compareController()->traceDrop()->chooser());
    CompareWindow *compared = m_window->compareController()->window();
    QVERIFY(compared);
    QVERIFY(compared->isVisible());
    QCOMPARE(compared->differenceText(),
             QStringLiteral("serial: exact in 88 ms; lock: exact in 44 ms "
                            "(serial took 2.0× as long)"));
    QCOMPARE(modeOf(m_window->trace()), QStringLiteral("nolock"));
}

void TestTraceDrop::otherDragsAreNotTaken_data()
{
    QTest::addColumn<QStringList>("urls");
    QTest::newRow("three files") << QStringList {QStringLiteral("/tmp/a.weft"),
                                                 QStringLiteral("/tmp/b.weft"),
                                                 QStringLiteral("/tmp/c.weft")};
    QTest::newRow("a web address") << QStringList {QStringLiteral("https://example.org/a.weft")};
    QTest::newRow("a file and a web address")
        << QStringList {QStringLiteral("/tmp/a.weft"), QStringLiteral("https://example.org/b")};
}

void TestTraceDrop::otherDragsAreNotTaken()
{
    QFETCH(QStringList, urls);
    QVERIFY(!dropFiles(urls));
    QVERIFY(!m_window->compareController()->traceDrop()->chooser());
    QVERIFY(!m_window->compareController()->window());
}

QTEST_MAIN(TestTraceDrop)
#include "tst_tracedrop.moc"
