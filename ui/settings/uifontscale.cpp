// SPDX-License-Identifier: MIT
#include "uifontscale.h"

#include <QApplication>
#include <QEvent>
#include <QFontDatabase>
#include <QWidget>
#include <algorithm>

namespace weft::ui {

namespace {

struct State
{
    bool installed = false;
    qreal scale = 1.0;
    QFont base;
    QFont fixed;
};

State &state()
{
    static State s = [] {
        State initial;
        initial.base = QApplication::font();
        initial.fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
        // Code must stay legible even where the desktop's fixed font is tiny.
        initial.fixed.setPointSizeF(std::max(initial.fixed.pointSizeF(), 10.0));
        return initial;
    }();
    return s;
}

QFont scaled(QFont font, qreal scale)
{
    if (font.pointSizeF() > 0)
        font.setPointSizeF(font.pointSizeF() * scale);
    else if (font.pixelSize() > 0)
        font.setPixelSize(qRound(font.pixelSize() * scale));
    return font;
}

} // namespace

void UiFontScale::apply(qreal scale)
{
    State &s = state();
    if (s.installed && qFuzzyCompare(s.scale, scale))
        return;
    s.installed = true;
    s.scale = scale;
    QApplication::setFont(scaled(s.base, scale));
    // By class name, so the views keep no font of their own that would stop them following.
    const QFont fixed = scaled(s.fixed, scale);
    QApplication::setFont(fixed, "weft::ui::CodeEditor");
    QApplication::setFont(fixed, "weft::ui::OutputConsole");
    // Qt tells existing widgets only once the event loop runs; the window is built,
    // and measures its text, before that.
    QEvent change(QEvent::ApplicationFontChange);
    for (QWidget *widget : QApplication::allWidgets())
        QCoreApplication::sendEvent(widget, &change);
}

void UiFontScale::ensureInstalled()
{
    if (!state().installed)
        apply(state().scale);
}

qreal UiFontScale::scale()
{
    return state().scale;
}

QFont UiFontScale::baseFont()
{
    return state().base;
}

QFont UiFontScale::baseFixedFont()
{
    return state().fixed;
}

} // namespace weft::ui
