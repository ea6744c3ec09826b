// SPDX-License-Identifier: MIT
#include "outputconsole.h"

#include "lanepalette.h"
#include "ui/settings/uifontscale.h"
#include "ui/timeline/theme.h"

#include <QFontDatabase>
#include <QTextBlock>
#include <QTextCursor>
#include <algorithm>

namespace weft::ui {

namespace {

bool isOutput(const Event &event)
{
    return event.kind == EventKind::Print || event.kind == EventKind::Error;
}

} // namespace

OutputConsole::OutputConsole(QWidget *parent)
    : QPlainTextEdit(parent)
{
    setReadOnly(true);
    setLineWrapMode(QPlainTextEdit::WidgetWidth);
    setMaximumBlockCount(kMaxLines); // a runaway print loop must not eat the machine
    // Fixed-width at the projector text size: a class font, so no setFont() here.
    UiFontScale::ensureInstalled();
    setPlaceholderText(tr("Output of the scenario appears here."));
}

void OutputConsole::setTrace(const Trace &trace)
{
    // The live trace is re-sorted on every snapshot, so a late thread's print
    // may land before lines already shown; re-render whenever the set changes.
    // One walk over the events: at 10 M events each was ~50 ms of the window's.
    const std::vector<Event> &events = trace.events();
    std::vector<qint64> lineTimes;
    std::vector<quint32> lineEvents;
    for (std::size_t i = 0; i < events.size(); ++i) {
        if (isOutput(events[i])) {
            lineTimes.push_back(events[i].timeNs);
            lineEvents.push_back(quint32(i));
        }
    }
    const std::size_t count = lineTimes.size();
    const qint64 lastTime = count ? lineTimes.back() : 0;
    const std::size_t signature = count * 1000003u ^ std::size_t(lastTime);
    if (signature == m_signature && count == std::size_t(m_lines))
        return;
    m_signature = signature;

    clear();
    setExtraSelections({});
    m_lines = int(count);
    m_lineTimes = std::move(lineTimes);
    // Only the last kMaxLines stay in the document: inserting the others just
    // to have it drop them again took 12 s for 700 k lines.
    const std::size_t skipped = count > std::size_t(kMaxLines) ? count - kMaxLines : 0;
    QTextCursor cursor(document());
    cursor.beginEditBlock();
    const QTextCharFormat plain; // no colour of its own: the palette's text, light or dark theme
    const bool dark = Theme::isDarkPalette(palette());
    for (std::size_t line = skipped; line < count; ++line) {
        const Event &event = events[lineEvents[line]];
        if (line > skipped)
            cursor.insertBlock();
        QTextCharFormat lane;
        lane.setForeground(laneTextColor(event.actor, dark));
        lane.setFontWeight(QFont::Bold);
        cursor.insertText(QStringLiteral("[%1] ").arg(actorDisplayName(trace, event.actor)), lane);
        if (event.kind == EventKind::Error) {
            QTextCharFormat error;
            error.setForeground(dark ? QColor(0xff, 0x7a, 0x70) : QColor(0xc0, 0x10, 0x10));
            error.setFontWeight(QFont::Bold);
            cursor.insertText(tr("error: %1").arg(trace.text(event.text)), error);
        } else {
            cursor.insertText(trace.text(event.text), plain);
        }
    }
    cursor.endEditBlock();
    m_shownLines = m_lines;
    moveCursor(QTextCursor::End);
    ensureCursorVisible();
}

void OutputConsole::setPlayhead(qint64 ns)
{
    const int shown
        = int(std::upper_bound(m_lineTimes.begin(), m_lineTimes.end(), ns) - m_lineTimes.begin());
    if (shown == m_shownLines)
        return;
    m_shownLines = shown;
    QList<QTextEdit::ExtraSelection> selections;
    // Blocks beyond the maximum count were dropped from the top.
    const int dropped = std::max(0, m_lines - document()->blockCount());
    const int firstFuture = shown - dropped;
    if (shown < m_lines) {
        QTextCursor future(document()->findBlockByNumber(std::max(0, firstFuture)));
        future.movePosition(QTextCursor::End, QTextCursor::KeepAnchor);
        QTextEdit::ExtraSelection dim;
        dim.cursor = future;
        dim.format.setForeground(palette().color(QPalette::Disabled, QPalette::Text));
        selections.append(dim);
    }
    setExtraSelections(selections);
    if (firstFuture > 0) {
        setTextCursor(QTextCursor(document()->findBlockByNumber(firstFuture - 1)));
        ensureCursorVisible();
    }
}

void OutputConsole::clearOutput()
{
    clear();
    setExtraSelections({});
    m_lineTimes.clear();
    m_shownLines = 0;
    m_lines = 0;
    m_signature = 0;
}

} // namespace weft::ui
