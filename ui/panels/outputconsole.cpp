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
    // One walk over the events: at 10 M events each was ~50 ms of the window's.
    // Over the new ones only when the trace keeps those read last time: in a
    // long live run, the walk over all of them was a share of every poll.
    const std::vector<Event> &events = trace.events();
    const std::size_t readBefore = m_trace.events().size();
    const bool keepsRead = readBefore > 0 && trace.keptEventsOf(m_trace) == readBefore;
    std::vector<LineKey> keys;
    if (keepsRead)
        keys = m_lineKeys;
    const std::size_t firstRead = keys.size(); // the line lineEvents[0] is
    std::vector<quint32> lineEvents;
    for (std::size_t i = keepsRead ? readBefore : 0; i < events.size(); ++i) {
        if (isOutput(events[i])) {
            keys.push_back({events[i].timeNs, events[i].actor, events[i].text});
            lineEvents.push_back(quint32(i));
        }
    }
    m_trace = trace;
    if (keys == m_lineKeys)
        return;
    // A live run's snapshots keep the events they had (Recorder::liveSnapshot()),
    // so the lines shown are usually the first of the new ones: only the rest
    // are added (rendering 20 000 lines again on each poll held the window up).
    // A late thread's line that lands among them renders everything again.
    const std::size_t count = keys.size();
    const bool extends = !m_lineKeys.empty() && count > m_lineKeys.size()
        && std::equal(m_lineKeys.begin(), m_lineKeys.end(), keys.begin())
        && count - m_lineKeys.size() <= std::size_t(kMaxLines);
    // Only the last kMaxLines stay in the document: inserting the others just
    // to have it drop them again took 12 s for 700 k lines.
    const std::size_t from = extends     ? m_lineKeys.size()
        : count > std::size_t(kMaxLines) ? count - kMaxLines
                                         : 0;
    Q_ASSERT(from >= firstRead); // a trace read from its new events only extends the lines
    if (!extends)
        clear();
    setExtraSelections({});
    m_lines = int(count);
    m_lineKeys = std::move(keys);
    QTextCursor cursor(document());
    cursor.movePosition(QTextCursor::End);
    cursor.beginEditBlock();
    const QTextCharFormat plain; // no colour of its own: the palette's text, light or dark theme
    const bool dark = Theme::isDarkPalette(palette());
    for (std::size_t line = from; line < count; ++line) {
        const Event &event = events[lineEvents[line - firstRead]];
        if (line > from || extends)
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
        = int(std::upper_bound(m_lineKeys.begin(), m_lineKeys.end(), ns,
                               [](qint64 t, const LineKey &key) { return t < key.timeNs; })
              - m_lineKeys.begin());
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
    m_lineKeys.clear();
    m_trace = Trace();
    m_shownLines = 0;
    m_lines = 0;
}

} // namespace weft::ui
