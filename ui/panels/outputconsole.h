// SPDX-License-Identifier: MIT
#pragma once

#include "core/trace.h"

#include <QPlainTextEdit>
#include <vector>

namespace weft::ui {

// What the scenario printed, in time order, each line prefixed and coloured
// by the thread that printed it. Errors are included, in red, because a
// learner looks for "what went wrong" in the output first.
class OutputConsole : public QPlainTextEdit
{
    Q_OBJECT
public:
    explicit OutputConsole(QWidget *parent = nullptr);

    // The console keeps the last lines printed, the rest scroll away: a runaway
    // print loop must not eat the machine.
    static constexpr int kMaxLines = 20000;

    // Cheap to call repeatedly with a growing live trace: lines printed since
    // the last call are added to those shown; only a changed set (a late
    // thread's line among them) is rendered again. A live run's next snapshot
    // that keeps the last one's events (Trace::keptEventsOf) is read from its
    // new events only.
    void setTrace(const Trace &trace);
    void clearOutput();
    int lineCount() const { return m_lines; }
    // Replay: lines printed after the playhead are dimmed, as the timeline dims
    // what has not happened yet; the newest line before it stays in view.
    void setPlayhead(qint64 ns);
    int shownLineCount() const { return m_shownLines; }

private:
    // What tells a line apart from a line of another snapshot: its time,
    // thread and text.
    struct LineKey
    {
        qint64 timeNs = 0;
        quint32 actor = 0;
        quint32 text = 0;
        bool operator==(const LineKey &) const = default;
    };

    int m_lines = 0;
    int m_shownLines = 0;
    std::vector<LineKey> m_lineKeys; // every line printed, in order
    Trace m_trace; // the one they were read from
};

} // namespace weft::ui
