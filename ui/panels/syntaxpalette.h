// SPDX-License-Identifier: MIT
#pragma once

#include <QColor>
#include <QList>
#include <QTextCharFormat>
#include <array>

class QPalette;

namespace weft::ui {

// The colours of highlighted source, one set per theme variant, shared by the
// Python and C++ highlighters and the code editor's current line. Every role
// keeps a contrast of at least kMinContrast against the editor's background
// and against the current-line highlight: a projector washes out anything
// less, and the current line keeps its syntax colours instead of turning
// into one flat colour.
class SyntaxPalette
{
public:
    enum class Role { Keyword, Builtin, Self, String, Comment, Number, Decorator, Preprocessor };
    static constexpr int kRoleCount = 8;
    static constexpr qreal kMinContrast = 4.5; // WCAG AA for body text

    static SyntaxPalette light();
    static SyntaxPalette dark();
    // Dark when the palette's Base (the text background) is dark.
    static SyntaxPalette forPalette(const QPalette &palette);
    static QList<Role> roles();

    bool isDark() const { return m_dark; }
    QColor color(Role role) const { return m_colors[std::size_t(role)]; }
    // Keywords bold, comments italic: a second cue besides hue, for readers
    // (and projectors) that do not tell the colours apart.
    QTextCharFormat format(Role role) const;
    QColor background() const { return m_background; } // the Base these colours were chosen for
    QColor currentLine() const { return m_currentLine; }

    // WCAG 2 contrast ratio, 1 (none) to 21 (black on white).
    static qreal contrast(const QColor &a, const QColor &b);

private:
    SyntaxPalette(bool dark, const QColor &background, const QColor &currentLine,
                  const std::array<QColor, kRoleCount> &colors);

    bool m_dark = false;
    QColor m_background;
    QColor m_currentLine;
    std::array<QColor, kRoleCount> m_colors;
};

} // namespace weft::ui
