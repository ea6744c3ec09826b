#pragma once

#include "core/interchange/untrustedtext.h"
#include "core/trace.h"

#include <QAbstractTableModel>

namespace weft::ui {

// The fields of one event as (field, value) rows: kind, time, lane, object,
// value, text, source. Empty when no event is selected.
class EventDetailsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    explicit EventDetailsModel(QObject *parent = nullptr);

    // eventIndex into trace.events(); out of range clears.
    void setEvent(const Trace &trace, int eventIndex);
    void clear();
    int eventIndex() const { return m_eventIndex; }
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
    void appendValue(const Trace &trace, const Event &event);
    // An actor's name, or "lane N" for one without.
    static QString laneName(const Trace &trace, quint32 actor);

    struct Row
    {
        QString field;
        QString value;
    };
    QList<Row> m_rows;
    int m_eventIndex = -1;
};

} // namespace weft::ui
