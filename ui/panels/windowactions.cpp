// SPDX-License-Identifier: MIT
#include "windowactions.h"

#include "core/language.h"
#include "paletteicon.h"
#include "ui/timeline/themenotifier.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QMenu>
#include <QMenuBar>
#include <QStyle>
#include <QToolBar>

namespace weft::ui {

namespace {
constexpr const char *kStandardIconProperty = "weftStandardIcon";
} // namespace

void WindowActions::setStandardIcon(QAction *action, QStyle::StandardPixmap which)
{
    action->setIcon(paletteIcon(which));
    action->setProperty(kStandardIconProperty, int(which));
}

void WindowActions::refreshIcons()
{
    // A theme switch changes the palette under the icons: redraw them for it.
    for (QAction *action : findChildren<QAction *>()) {
        const QVariant which = action->property(kStandardIconProperty);
        if (which.isValid())
            action->setIcon(paletteIcon(QStyle::StandardPixmap(which.toInt())));
    }
}

QList<double> WindowActions::speedFactors()
{
    return {0.1, 0.25, 0.5, 1.0, 2.0, 5.0, 10.0};
}

WindowActions::WindowActions(QObject *parent)
    : QObject(parent)
{
    open = make(tr("&Open Trace…"), QKeySequence::Open, tr("Open a saved .weft trace"));
    setStandardIcon(open, QStyle::SP_DialogOpenButton);
    recordProgram = make(tr("&Record a Program…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R),
                         tr("Run a program of your own (C, C++, Python…) and draw its threads, "
                            "locks, sockets and processes"));
    setStandardIcon(recordProgram, QStyle::SP_MediaSeekForward);
    save = make(tr("&Save Trace…"), QKeySequence::Save, tr("Save the shown trace as a .weft file"));
    setStandardIcon(save, QStyle::SP_DialogSaveButton);
    exportPicture = make(tr("&Export Picture…"), QKeySequence(Qt::CTRL | Qt::Key_E),
                         tr("Export the timeline as PNG, SVG or PDF"));
    quit = make(tr("&Quit"), QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);
    preferences = make(tr("&Preferences…"), QKeySequence::Preferences,
                       tr("Replay speed, light or dark theme, and text size for projectors"));
    // Not every desktop defines a preferences key; Ctrl+, is the common one.
    if (preferences->shortcut().isEmpty())
        preferences->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    preferences->setMenuRole(QAction::PreferencesRole);
    find = make(tr("&Find Events…"), QKeySequence::Find,
                tr("Find events by name, lock, thread or bytes"));
    findNext = make(tr("Find &Next"), QKeySequence::FindNext);
    findPrevious = make(tr("Find &Previous"), QKeySequence::FindPrevious);

    zoomIn = make(tr("Zoom &In"), QKeySequence(Qt::Key_Plus));
    zoomIn->setShortcuts(
        {QKeySequence(Qt::Key_Plus), QKeySequence(Qt::Key_Equal), QKeySequence::ZoomIn});
    zoomOut = make(tr("Zoom &Out"), QKeySequence(Qt::Key_Minus));
    zoomOut->setShortcuts({QKeySequence(Qt::Key_Minus), QKeySequence::ZoomOut});
    fitAll = make(tr("&Fit All"), QKeySequence(Qt::Key_F), tr("Show the whole trace"));
    allArrows = make(tr("All &Arrows"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A),
                     tr("Draw every arrow; otherwise the selected lane's arrows, fans bundled, "
                        "and as many others as the picture has room for"));
    allArrows->setCheckable(true);
    presentationMode = make(tr("&Presentation Mode"), QKeySequence(Qt::Key_F11),
                            tr("Full screen with the timeline and the code only, at the projector "
                               "text size (F11 or Esc leaves)"));
    presentationMode->setCheckable(true);
    sequenceDiagram = make(tr("&Sequence Diagram"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D),
                           tr("Show the sockets' and messages' exchange as a sequence diagram: "
                              "one column per thread, time flowing down"));
    timeAxis = make(tr("&Time"), {}, tr("Draw each event at the moment it happened"));
    stepAxis = make(tr("&Steps"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T),
                    tr("Give each event its own column in the order it happened, leaving out "
                       "the time in between (and your thinking time while stepping)"));
    auto *axes = new QActionGroup(this);
    axes->setExclusionPolicy(QActionGroup::ExclusionPolicy::ExclusiveOptional);
    for (QAction *axis : {timeAxis, stepAxis}) {
        axis->setCheckable(true);
        axes->addAction(axis);
    }
    timeAxis->setChecked(true);
    connect(stepAxis, &QAction::toggled, timeAxis, [this](bool on) {
        if (!on)
            timeAxis->setChecked(true);
    });

    playPause = make(tr("&Play"), QKeySequence(Qt::Key_Space), tr("Play or pause the replay"));
    setStandardIcon(playPause, QStyle::SP_MediaPlay);
    previousEvent = make(tr("P&revious Event"), QKeySequence(Qt::Key_Left));
    setStandardIcon(previousEvent, QStyle::SP_MediaSeekBackward);
    nextEvent = make(tr("&Next Event"), QKeySequence(Qt::Key_Right));
    setStandardIcon(nextEvent, QStyle::SP_MediaSeekForward);
    previousLaneEvent
        = make(tr("Previous Event of Selected &Lane"), QKeySequence(Qt::SHIFT | Qt::Key_Left));
    nextLaneEvent
        = make(tr("Next Event of Selected L&ane"), QKeySequence(Qt::SHIFT | Qt::Key_Right));
    toStart = make(tr("To &Start"), QKeySequence(Qt::Key_Home));
    setStandardIcon(toStart, QStyle::SP_MediaSkipBackward);
    toEnd = make(tr("To &End"), QKeySequence(Qt::Key_End));
    setStandardIcon(toEnd, QStyle::SP_MediaSkipForward);
    oneEventPerSecond = make(tr("One Event per &Second"), {},
                             tr("Teaching mode: the replay moves one event per second"));
    oneEventPerSecond->setCheckable(true);

    speeds = new QActionGroup(this);
    speeds->setExclusive(true);
    for (double factor : speedFactors()) {
        QAction *speed = make(tr("%1×").arg(factor), {});
        speed->setCheckable(true);
        speed->setData(factor);
        speed->setChecked(factor == 1.0);
        speeds->addAction(speed);
    }

    run = make(tr("&Run"), QKeySequence(Qt::CTRL | Qt::Key_R), tr("Run the selected scenario"));
    setStandardIcon(run, QStyle::SP_MediaPlay);
    cancel = make(tr("&Cancel"), QKeySequence(Qt::Key_Escape), tr("Stop the running scenario"));
    setStandardIcon(cancel, QStyle::SP_MediaStop);
    stepMode = make(tr("S&tep Mode"), QKeySequence(Qt::CTRL | Qt::Key_T),
                    tr("Every thread stops before each traced action; you choose who goes next"));
    stepMode->setCheckable(true);
    stepAny = make(tr("Step &Next Thread"), QKeySequence(Qt::Key_N),
                   tr("Let the thread that has waited longest take one step"));
    stepSelected = make(tr("Step Selected Th&read"), QKeySequence(Qt::Key_S),
                        tr("Let the selected thread take one step"));
    runFreely = make(tr("Run &Freely"), {}, tr("Leave step mode and let the run finish"));
    runUntil = make(tr("Run &Until"), QKeySequence(Qt::CTRL | Qt::Key_U),
                    tr("Let every thread run until one is about to do the kind of action chosen "
                       "in the Step Mode panel"));
    replaySchedule = make(tr("Re&play Schedule"), {},
                          tr("Run the shown trace's scenario again with its parameters, granting "
                             "the same steps in the same order"));

    gettingStarted = make(tr("&Getting Started"), QKeySequence(Qt::Key_F1),
                          tr("What the colours and arrows mean; how to run, step and export"));
    languages = new QActionGroup(this);
    const QString saved = Language::saved();
    QStringList codes {QString()};
    codes << Language::available();
    for (const QString &code : codes) {
        auto *action = new QAction(
            code.isEmpty() ? tr("Follow the System") : Language::nativeName(code), languages);
        action->setData(code);
        action->setCheckable(true);
        action->setChecked(code == saved);
    }

    about = make(tr("&About Weft"), {});
    about->setMenuRole(QAction::AboutRole);

    connect(ThemeNotifier::instance(), &ThemeNotifier::themeChanged, this,
            &WindowActions::refreshIcons);
}

QAction *WindowActions::make(const QString &text, const QKeySequence &shortcut, const QString &tip)
{
    auto *action = new QAction(text, this);
    if (!shortcut.isEmpty())
        action->setShortcut(shortcut);
    const QString shortcutText = shortcut.toString(QKeySequence::NativeText);
    QString toolTip
        = tip.isEmpty() ? QString(text).remove(QLatin1Char('&')).remove(QStringLiteral("…")) : tip;
    if (!shortcutText.isEmpty())
        toolTip += QStringLiteral(" (%1)").arg(shortcutText);
    action->setToolTip(toolTip);
    action->setStatusTip(tip);
    return action;
}

void WindowActions::populateMenus(QMenuBar *menuBar, QMenu **viewMenu) const
{
    QMenu *file = menuBar->addMenu(tr("&File"));
    file->addAction(open);
    file->addAction(recordProgram);
    file->addAction(save);
    file->addAction(exportPicture);
    file->addSeparator();
    file->addAction(quit);

    QMenu *edit = menuBar->addMenu(tr("&Edit"));
    edit->addAction(find);
    edit->addAction(findNext);
    edit->addAction(findPrevious);
    edit->addSeparator();
    edit->addAction(preferences);

    QMenu *view = menuBar->addMenu(tr("&View"));
    view->addAction(zoomIn);
    view->addAction(zoomOut);
    view->addAction(fitAll);
    view->addAction(allArrows);
    view->addAction(sequenceDiagram);
    view->setToolTipsVisible(true); // a disabled Sequence Diagram says why
    QMenu *axis = view->addMenu(tr("A&xis"));
    axis->addAction(timeAxis);
    axis->addAction(stepAxis);
    view->addSeparator();
    view->addAction(presentationMode);
    view->addSeparator();
    *viewMenu = view;

    QMenu *playback = menuBar->addMenu(tr("&Playback"));
    playback->addAction(playPause);
    playback->addSeparator();
    playback->addAction(previousEvent);
    playback->addAction(nextEvent);
    playback->addAction(previousLaneEvent);
    playback->addAction(nextLaneEvent);
    playback->addAction(toStart);
    playback->addAction(toEnd);
    playback->addSeparator();
    QMenu *speedMenu = playback->addMenu(tr("&Speed"));
    speedMenu->addActions(speeds->actions());
    playback->addAction(oneEventPerSecond);

    QMenu *runMenu = menuBar->addMenu(tr("&Run"));
    runMenu->addAction(run);
    runMenu->addAction(cancel);
    runMenu->addSeparator();
    runMenu->addAction(stepMode);
    runMenu->addAction(stepAny);
    runMenu->addAction(stepSelected);
    runMenu->addAction(runFreely);
    runMenu->addAction(runUntil);
    runMenu->addSeparator();
    runMenu->addAction(replaySchedule);

    QMenu *help = menuBar->addMenu(tr("&Help"));
    help->addAction(gettingStarted);
    QMenu *language = help->addMenu(tr("&Language (after restart)"));
    language->addActions(languages->actions());
    help->addSeparator();
    help->addAction(about);
}

void WindowActions::populateToolBar(QToolBar *toolBar) const
{
    // What a lesson needs first (run, step, open, save, export) comes first, so
    // on a small screen only the zoom buttons, also in View and on the keys,
    // can end up in the overflow.
    toolBar->addAction(run);
    toolBar->addAction(cancel);
    toolBar->addAction(stepMode); // its steps are buttons in the Step Mode panel and keys
    toolBar->addAction(stepAxis);
    toolBar->addSeparator();
    toolBar->addAction(open);
    toolBar->addAction(save);
    toolBar->addAction(exportPicture);
    toolBar->addSeparator();
    // Icons that say it already: shown without their text (the tooltip names them).
    for (QAction *action : {toStart, previousEvent, playPause, nextEvent, toEnd}) {
        action->setPriority(QAction::LowPriority);
        toolBar->addAction(action);
    }
    toolBar->addSeparator();
    toolBar->addAction(zoomOut);
    toolBar->addAction(fitAll);
    toolBar->addAction(zoomIn);
}

double WindowActions::selectedSpeed() const
{
    QAction *checked = speeds->checkedAction();
    return checked ? checked->data().toDouble() : 1.0;
}

void WindowActions::selectSpeed(double factor)
{
    for (QAction *action : speeds->actions()) {
        if (qFuzzyCompare(action->data().toDouble(), factor))
            action->setChecked(true);
    }
}

} // namespace weft::ui
