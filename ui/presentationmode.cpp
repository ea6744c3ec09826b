// SPDX-License-Identifier: MIT
#include "presentationmode.h"

#include <QAction>
#include <QDockWidget>
#include <QMainWindow>
#include <QScreen>
#include <QShortcut>

namespace weft::ui {

namespace {
// The code panel's share of the width in presentation: enough for the lines
// that ran at projector text size, the rest for the timeline.
constexpr double kCodeShare = 0.36;
} // namespace

PresentationMode::PresentationMode(QMainWindow *window, QAction *toggle, QDockWidget *keep,
                                   QAction *cancel)
    : QObject(window)
    , m_window(window)
    , m_toggle(toggle)
    , m_keep(keep)
    , m_cancel(cancel)
    , m_escape(new QShortcut(QKeySequence(Qt::Key_Escape), window))
{
    m_escape->setContext(Qt::WindowShortcut);
    connect(m_toggle, &QAction::toggled, this, &PresentationMode::setActive);
    connect(m_escape, &QShortcut::activated, this, [this] { setActive(false); });
    // Two enabled shortcuts on one key would both be ambiguous, so Esc is ours
    // only while Cancel has nothing to stop.
    connect(m_cancel, &QAction::changed, this, &PresentationMode::updateEscape);
    updateEscape();
}

void PresentationMode::setActive(bool on)
{
    if (on == m_active)
        return;
    m_active = on;
    if (on)
        enter();
    else
        leave();
    m_toggle->setChecked(on);
    updateEscape();
}

void PresentationMode::updateEscape()
{
    m_escape->setEnabled(m_active && !m_cancel->isEnabled());
}

void PresentationMode::enter()
{
    m_savedDocks = m_window->saveState();
    m_savedWindowState = m_window->windowState();
    for (QDockWidget *dock : m_window->findChildren<QDockWidget *>()) {
        if (dock != m_keep)
            dock->hide();
    }
    m_keep->show();
    m_keep->raise();
    m_window->setWindowState((m_savedWindowState & ~Qt::WindowMaximized) | Qt::WindowFullScreen);
    // The full-screen size arrives later; the screen's is the size it will have.
    const int width
        = m_window->screen() ? m_window->screen()->geometry().width() : m_window->width();
    m_window->resizeDocks({m_keep}, {int(width * kCodeShare)}, Qt::Horizontal);
}

void PresentationMode::leave()
{
    m_window->setWindowState(m_savedWindowState);
    m_window->restoreState(m_savedDocks);
}

} // namespace weft::ui
