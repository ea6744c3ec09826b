// SPDX-License-Identifier: MIT
#include "syntaxpalette.h"

#include <QPalette>
#include <cmath>

namespace weft::ui {

namespace {
qreal relativeLuminance(const QColor &color)
{
    const auto linear = [](qreal c) {
        return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * linear(color.redF()) + 0.7152 * linear(color.greenF())
        + 0.0722 * linear(color.blueF());
}
} // namespace

SyntaxPalette::SyntaxPalette(bool dark, const QColor &background, const QColor &currentLine,
                             const std::array<QColor, kRoleCount> &colors)
    : m_dark(dark)
    , m_background(background)
    , m_currentLine(currentLine)
    , m_colors(colors)
{
}

// Order of the colours: Keyword, Builtin, Self, String, Comment, Number,
// Decorator, Preprocessor. Decorators and preprocessor lines share a colour:
// both are "about the code" rather than code, and never meet in one file.
SyntaxPalette SyntaxPalette::light()
{
    // A saturated yellow current line survives a washed-out projector; every
    // colour below is dark enough to read on it as well as on white.
    return SyntaxPalette(false, QColor(0xff, 0xff, 0xff), QColor(0xff, 0xe2, 0x7a),
                         {QColor(0x00, 0x33, 0xb3), QColor(0x00, 0x62, 0x7a),
                          QColor(0x94, 0x33, 0x6b), QColor(0x0a, 0x6b, 0x1b),
                          QColor(0x5f, 0x63, 0x68), QColor(0xa1, 0x4a, 0x00),
                          QColor(0x6a, 0x3e, 0x9d), QColor(0x6a, 0x3e, 0x9d)});
}

SyntaxPalette SyntaxPalette::dark()
{
    // A dim amber current line: bright yellow would leave light text unreadable.
    return SyntaxPalette(true, QColor(0x1f, 0x20, 0x25), QColor(0x4a, 0x3f, 0x13),
                         {QColor(0x8d, 0xb4, 0xff), QColor(0x4e, 0xc9, 0xb0),
                          QColor(0xf2, 0x9c, 0xc4), QColor(0xa5, 0xd6, 0x7f),
                          QColor(0xb0, 0xb6, 0xbf), QColor(0xf5, 0xa6, 0x6b),
                          QColor(0xd7, 0xae, 0xfb), QColor(0xd7, 0xae, 0xfb)});
}

SyntaxPalette SyntaxPalette::forPalette(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128 ? dark() : light();
}

QList<SyntaxPalette::Role> SyntaxPalette::roles()
{
    return {Role::Keyword, Role::Builtin, Role::Self,      Role::String,
            Role::Comment, Role::Number,  Role::Decorator, Role::Preprocessor};
}

QTextCharFormat SyntaxPalette::format(Role role) const
{
    QTextCharFormat f;
    f.setForeground(color(role));
    if (role == Role::Keyword)
        f.setFontWeight(QFont::Bold);
    if (role == Role::Comment)
        f.setFontItalic(true);
    return f;
}

qreal SyntaxPalette::contrast(const QColor &a, const QColor &b)
{
    const qreal la = relativeLuminance(a);
    const qreal lb = relativeLuminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

} // namespace weft::ui
