// SPDX-License-Identifier: MIT
// windowshots — renders the real main window offscreen at a few moments of a
// real run (live, finished, replay stepped, step mode) into PNGs, so the
// window can be looked at without a display or a mouse. Not a test: it links
// the scenario catalogue, which tests/ui must not.
//
//   windowshots OUTDIR [SCENARIO_ID [key=value ...]]

#include "core/scenarioregistry.h"
#include "core/scenarios/catalogue.h"
#include "ui/mainwindow.h"
#include "ui/models/runsession.h"
#include "ui/panels/parameterform.h"
#include "ui/panels/scenariopanel.h"
#include "ui/panels/windowactions.h"
#include "ui/timeline/playback.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTextStream>

namespace {

void settle(int ms)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < ms)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
}

bool save(QWidget &window, const QString &path)
{
    settle(150);
    const bool ok = window.grab().save(path);
    QTextStream(stdout) << (ok ? "wrote " : "FAILED ") << path << '\n';
    return ok;
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true); // never read or write the user's layout
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        QTextStream(stderr) << "usage: windowshots OUTDIR [SCENARIO_ID [key=value ...]]\n";
        return 2;
    }
    const QDir out(args.at(1));
    QDir().mkpath(out.path());
    const QString id = args.size() > 2 ? args.at(2) : QStringLiteral("threads.create");

    weft::ui::MainWindow window(weft::catalogue());
    window.setInteractiveErrors(false);
    window.resize(qEnvironmentVariableIntValue("WINDOWSHOTS_WIDTH") > 0
                      ? qEnvironmentVariableIntValue("WINDOWSHOTS_WIDTH")
                      : 1600,
                  qEnvironmentVariableIntValue("WINDOWSHOTS_HEIGHT") > 0
                      ? qEnvironmentVariableIntValue("WINDOWSHOTS_HEIGHT")
                      : 1000);
    window.show();
    if (!window.selectScenario(id)) {
        QTextStream(stderr) << "unknown scenario " << id << '\n';
        return 2;
    }
    for (int i = 3; i < args.size(); ++i) {
        const QString key = args.at(i).section(QLatin1Char('='), 0, 0);
        const QString value = args.at(i).section(QLatin1Char('='), 1);
        window.scenarioPanel()->parameterForm()->setValue(key, value);
    }
    save(window, out.filePath(QStringLiteral("0-selected.png")));

    QSignalSpy live(window.runSession(), &weft::ui::RunSession::liveTraceUpdated);
    QSignalSpy shown(&window, &weft::ui::MainWindow::traceShown);
    window.runSelectedScenario();
    if (live.wait(5000) && window.runSession()->isRunning())
        save(window, out.filePath(QStringLiteral("1-live.png")));
    if (shown.isEmpty() && !shown.wait(120000)) {
        QTextStream(stderr) << "the run did not finish\n";
        return 1;
    }
    save(window, out.filePath(QStringLiteral("2-finished.png")));
    // View ▸ Sequence Diagram, if the trace has sockets or messages.
    if (window.windowActions()->sequenceDiagram->isEnabled()) {
        window.windowActions()->sequenceDiagram->trigger();
        settle(300);
        save(window, out.filePath(QStringLiteral("2-sequence.png")));
    }
    // Presentation mode (F11): full screen, the timeline and the code only.
    window.windowActions()->presentationMode->trigger();
    settle(500);
    save(window, out.filePath(QStringLiteral("2-presentation.png")));
    window.windowActions()->presentationMode->trigger();
    settle(300);

    window.windowActions()->toStart->trigger();
    const int steps = int(window.trace().events().size() / 3);
    for (int i = 0; i < steps; ++i)
        window.windowActions()->nextEvent->trigger();
    save(window, out.filePath(QStringLiteral("3-stepped.png")));

    // Step mode: start a run with every thread parked at its gate, let a few go.
    window.windowActions()->stepMode->setChecked(true);
    window.runSelectedScenario();
    settle(800);
    for (int i = 0; i < 4; ++i) {
        window.windowActions()->stepAny->trigger();
        settle(300);
    }
    save(window, out.filePath(QStringLiteral("4-stepmode.png")));
    window.windowActions()->runFreely->trigger();
    if (window.runSession()->isRunning())
        shown.wait(120000);
    return 0;
}
