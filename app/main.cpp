// SPDX-License-Identifier: MIT
#include "commandline.h"
#include "core/language.h"
#include "core/mallochugepages.h"
#include "core/scenarios/catalogue.h"
#include "ui/compare/comparecontroller.h"
#include "ui/compare/runcomparison.h"
#include "ui/help/gettingstarteddialog.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QCoreApplication>
#include <memory>

namespace {

// Headless modes get a QCoreApplication, so `weft --run` works over SSH and in
// CI; export needs a GUI application for fonts and painting, but never a display.
std::unique_ptr<QCoreApplication> makeApplication(int &argc, char **argv,
                                                  weft::app::CommandLine::Mode mode)
{
    using Mode = weft::app::CommandLine::Mode;
    if (mode == Mode::Gui)
        return std::make_unique<QApplication>(argc, argv);
    if (mode == Mode::HeadlessWithPainting) {
        if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")
            && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        return std::make_unique<QApplication>(argc, argv);
    }
    return std::make_unique<QCoreApplication>(argc, argv);
}

} // namespace

int main(int argc, char **argv)
{
    const auto mode = weft::app::CommandLine::modeFor(argc, argv);
    // The window and --export open whole traces: they run with huge pages for
    // malloc (this may re-execute weft once). Headless runs, recordings and
    // scenario workers keep the allocator they were started with.
    if (mode != weft::app::CommandLine::Mode::Headless)
        weft::MallocHugePages::enable(argv);

    QCoreApplication::setApplicationName(QStringLiteral("weft"));
    QCoreApplication::setApplicationVersion(QStringLiteral(WEFT_VERSION));
    QCoreApplication::setOrganizationName(QStringLiteral("Weft"));

    auto application = makeApplication(argc, argv, mode);
    weft::Language::install(weft::Language::effective());

    weft::app::CommandLine commandLine(weft::catalogue());
    commandLine.setWindowLoadsFrom(weft::ui::MainWindow::kBackgroundLoadBytes);
    const int status = commandLine.execute(QCoreApplication::arguments());
    if (status != weft::app::CommandLine::kOpenGui)
        return status;

    weft::ui::MainWindow window(weft::catalogue());
    if (commandLine.traceToOpen())
        window.showTrace(*commandLine.traceToOpen());
    window.show();
    if (!commandLine.pathToOpen().isEmpty())
        window.openTraceFile(commandLine.pathToOpen()); // a large file: in the background
    if (const auto &pair = commandLine.comparisonToOpen()) {
        window.showTrace(pair->first);
        window.compareController()->showComparison(
            weft::ui::RunComparison(pair->first, pair->second));
    }
    // A first-run tour: the colours, the arrows, and how to run, step and export.
    if (weft::ui::GettingStartedDialog::isFirstRun()) {
        auto *tour = new weft::ui::GettingStartedDialog(&window);
        tour->setAttribute(Qt::WA_DeleteOnClose);
        tour->show();
    }
    return QApplication::exec();
}
