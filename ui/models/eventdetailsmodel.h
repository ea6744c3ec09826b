// SPDX-License-Identifier: MIT
#pragma once

#include "core/derived/waitcauses.h"
#include "core/interchange/untrustedtext.h"
#include "core/trace.h"
#include "ui/timeline/selectionmarks.h"

#include <QAbstractTableModel>
#include <memory>
#include <optional>

namespace weft::ui {

// What the timeline derived about a slice whose SpanBegin is shown.
struct SliceFacts
{
    qint64 durationNs = 0;
    qint64 selfNs = 0; // not spent in the slices one row under it
    bool unfinished = false; // still open when the trace ended
};

// The fields of one event as (field, value) rows: kind, time, lane, object,
// value, text, source. Empty when no event is selected.
class EventDetailsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    explicit EventDetailsModel(QObject *parent = nullptr);

    // eventIndex into trace.events(); out of range clears. For a slice's
    // SpanBegin, `slice` adds its duration and self time; its args come from the trace.
    void setEvent(const Trace &trace, int eventIndex, const SliceFacts *slice = nullptr);
    void clear();
    int eventIndex() const { return m_eventIndex; }
    // When the event begins or ends a wait: how long, on what, who held it,
    // and which event of another lane ended it (for the timeline's arrow).
    const std::optional<WaitCause> &waitCause() const { return m_wait; }
    // The same wait as the timeline draws it: its span, the arrow from what
    // ended it and the arrow's label ("unblocked by T3: releases a lock (line 45)").
    const std::optional<WaitLink> &waitLink() const { return m_waitLink; }
    // The value shown for a field row, by its (translated) label; for tests.
    QString valueOf(const QString &field) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    static QString formatDuration(qint64 ns);
    // What an event of this kind means, in words ("starts waiting to join").
    static QString describeKind(EventKind kind);

    // Names and texts come from trace files: a value longer than this is cut
    // (with "…") before the table shapes it. A print of a few lines fits whole.
    static constexpr qsizetype kMaxValueChars = 16 * kMaxLabelChars;

private:
    void appendValue(const Trace &trace, const Event &event, const SliceFacts *slice);
    void appendWait(const Trace &trace, int eventIndex);
    // "L1" for an object, or "object N" when it has no name.
    static QString objectName(const Trace &trace, quint32 object);
    // An actor's name, or "lane N" for one without.
    static QString laneName(const Trace &trace, quint32 actor);

    struct Row
    {
        QString field;
        QString value;
    };
    QList<Row> m_rows;
    int m_eventIndex = -1;
    std::optional<WaitCause> m_wait;
    std::optional<WaitLink> m_waitLink;
    // Derived once per trace, on the first selection of an event in it.
    std::shared_ptr<const WaitCauses> m_waitCauses;
    Trace m_waitCausesTrace;
};

} // namespace weft::ui
