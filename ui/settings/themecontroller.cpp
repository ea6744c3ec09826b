// SPDX-License-Identifier: MIT
#include "themecontroller.h"

#include "uifontscale.h"

#include <QApplication>
#include <QEvent>
#include <QStyle>
#include <QStyleFactory>
#include <QWidget>

namespace weft::ui {

namespace {

// Qt passes an application palette change on to existing widgets only once the event loop
// runs; the window is built (and its panels read their palette) before that.
void tellEveryWidget()
{
    QEvent change(QEvent::ApplicationPaletteChange);
    for (QWidget *widget : QApplication::allWidgets())
        QCoreApplication::sendEvent(widget, &change);
}

} // namespace

ThemeController::ThemeController(Preferences *preferences, QObject *parent)
    : QObject(parent)
    , m_preferences(preferences)
{
    if (QApplication::style())
        m_systemStyle = QApplication::style()->name();
    m_systemDark = Theme::isDarkPalette(QGuiApplication::palette());
    connect(m_preferences, &Preferences::changed, this, &ThemeController::apply);
    qApp->installEventFilter(this);
    apply();
}

ThemeController::~ThemeController()
{
    if (qApp)
        qApp->removeEventFilter(this);
}

Theme ThemeController::themeFor(const Preferences::Values &values) const
{
    const qreal scale = values.fontScalePercent / 100.0;
    switch (values.themeMode) {
    case Preferences::ThemeMode::Light:
        return Theme::light(scale);
    case Preferences::ThemeMode::Dark:
        return Theme::dark(scale);
    case Preferences::ThemeMode::FollowSystem:
        break;
    }
    return m_systemDark ? Theme::dark(scale) : Theme::light(scale);
}

void ThemeController::apply()
{
    const Theme theme = themeFor(m_preferences->values());
    // Widgets need our palette only when the chosen variant is not the desktop's.
    if (theme.isDark() != m_systemDark)
        overrideWidgets(theme.isDark());
    else
        restoreWidgets();
    // The panels' text grows with the timeline's: one projector text size for the whole window.
    UiFontScale::apply(theme.scale());
    Theme::setCurrent(theme);
}

bool ThemeController::eventFilter(QObject *watched, QEvent *event)
{
    // The application object hears of every palette change once; widgets hear it too.
    if (event->type() == QEvent::ApplicationPaletteChange && watched == qApp && !m_applying
        && !m_overriding) {
        const bool dark = Theme::isDarkPalette(QGuiApplication::palette());
        if (dark != m_systemDark) {
            m_systemDark = dark;
            apply();
        }
    }
    return QObject::eventFilter(watched, event);
}

void ThemeController::overrideWidgets(bool dark)
{
    if (m_overriding && m_overridingDark == dark)
        return;
    m_applying = true;
    if (QStyle *fusion = QStyleFactory::create(QStringLiteral("Fusion")))
        QApplication::setStyle(fusion);
    QApplication::setPalette(dark ? darkPalette() : lightPalette());
    tellEveryWidget();
    m_applying = false;
    m_overriding = true;
    m_overridingDark = dark;
}

void ThemeController::restoreWidgets()
{
    if (!m_overriding)
        return;
    m_applying = true;
    if (QStyle *style = QStyleFactory::create(m_systemStyle))
        QApplication::setStyle(style);
    // An empty palette resolves entirely to the platform's: the desktop's colours come
    // back and later desktop changes reach us again.
    QApplication::setPalette(QPalette());
    tellEveryWidget();
    m_applying = false;
    m_overriding = false;
}

QPalette ThemeController::darkPalette()
{
    const QColor window(0x2d, 0x2f, 0x36), base(0x1f, 0x20, 0x25), text(0xe8, 0xe9, 0xee),
        disabled(0x80, 0x85, 0x8f), button(0x35, 0x38, 0x42);
    QPalette p;
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x28, 0x2a, 0x31));
    p.setColor(QPalette::ToolTipBase, window);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, disabled);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, button);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(0xff, 0x52, 0x52));
    p.setColor(QPalette::Light, QColor(0x4a, 0x4e, 0x5a));
    p.setColor(QPalette::Midlight, QColor(0x3e, 0x41, 0x4b));
    p.setColor(QPalette::Mid, QColor(0x26, 0x28, 0x2e));
    p.setColor(QPalette::Dark, QColor(0x18, 0x19, 0x1d));
    p.setColor(QPalette::Shadow, QColor(0x0c, 0x0c, 0x0e));
    p.setColor(QPalette::Link, QColor(0x4d, 0xa3, 0xff));
    p.setColor(QPalette::LinkVisited, QColor(0xc0, 0x84, 0xfc));
    p.setColor(QPalette::Highlight, QColor(0x2f, 0x6f, 0xc6));
    p.setColor(QPalette::HighlightedText, Qt::white);
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabled);
    p.setColor(QPalette::Disabled, QPalette::Base, window);
    p.setColor(QPalette::Disabled, QPalette::Highlight, QColor(0x44, 0x47, 0x50));
    return p;
}

QPalette ThemeController::lightPalette()
{
    QStyle *fusion = QStyleFactory::create(QStringLiteral("Fusion"));
    QPalette palette = fusion ? fusion->standardPalette() : QPalette(QColor(0xef, 0xef, 0xef));
    delete fusion;
    return palette;
}

} // namespace weft::ui
