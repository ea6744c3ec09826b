// SPDX-License-Identifier: MIT
#pragma once

#include "ui/panels/syntaxpalette.h"

#include <QFile>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>

namespace weft::testsupport {

// What a syntax highlighter made of `needle` (its `occurrence`-th appearance
// in `document`), named by the palette role whose colour it wears: "keyword",
// "string", … or "plain". "mixed" when the needle's characters differ, so a
// half-coloured word fails as loudly as an uncoloured one. Decorators and
// preprocessor lines share a colour and both read as "decorator".
inline QString syntaxRoleAt(const QTextDocument &document, const QString &needle,
                            int occurrence = 0)
{
    using Role = ui::SyntaxPalette::Role;
    int position = -1;
    for (int i = 0; i <= occurrence; ++i) {
        position = int(document.toPlainText().indexOf(needle, position + 1));
        if (position < 0)
            return QStringLiteral("<%1 not in the document>").arg(needle);
    }
    const auto roleOf = [](const QTextCharFormat &format) -> QString {
        if (!format.hasProperty(QTextFormat::ForegroundBrush))
            return QStringLiteral("plain");
        const QColor color = format.foreground().color();
        const std::pair<Role, const char *> names[]
            = {{Role::Keyword, "keyword"},    {Role::Builtin, "builtin"}, {Role::Self, "self"},
               {Role::String, "string"},      {Role::Comment, "comment"}, {Role::Number, "number"},
               {Role::Decorator, "decorator"}};
        for (const ui::SyntaxPalette &palette :
             {ui::SyntaxPalette::light(), ui::SyntaxPalette::dark()}) {
            for (const auto &[role, name] : names) {
                if (palette.color(role) == color)
                    return QString::fromLatin1(name);
            }
        }
        return QStringLiteral("colour %1").arg(color.name());
    };
    QString seen;
    for (int at = position; at < position + needle.size(); ++at) {
        const QTextBlock block = document.findBlock(at);
        const int column = at - block.position();
        if (column >= block.length() - 1)
            continue; // the line break between blocks has no format
        QTextCharFormat format;
        for (const QTextLayout::FormatRange &range : block.layout()->formats()) {
            if (column >= range.start && column < range.start + range.length)
                format = range.format;
        }
        const QString role = roleOf(format);
        if (!seen.isEmpty() && role != seen)
            return QStringLiteral("mixed (%1, %2)").arg(seen, role);
        seen = role;
    }
    return seen;
}

// The text of a file the test ships as a resource. The highlighter samples live
// there: raw strings holding quotes and raw strings of their own confuse moc,
// which then writes no meta-object for the test.
inline QString resourceText(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("%s is missing from the test's resources", qPrintable(path));
    return QString::fromUtf8(file.readAll());
}

// What a `Highlighter` makes of `needle` in `source`, highlighting as an editor
// does: a document without a layout emits no contentsChange, so no highlighter
// would ever run on it.
template<class Highlighter>
QString highlightedRole(const QString &source, const QString &needle, int occurrence = 0)
{
    QTextDocument document;
    document.documentLayout();
    Highlighter highlighter(&document);
    document.setPlainText(source);
    return syntaxRoleAt(document, needle, occurrence);
}

} // namespace weft::testsupport
