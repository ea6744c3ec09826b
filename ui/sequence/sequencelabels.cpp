// SPDX-License-Identifier: MIT
#include "sequencelabels.h"

#include "core/interchange/untrustedtext.h"
#include "ui/timeline/timeruler.h"

#include <QCoreApplication>

namespace weft::ui {

namespace {
// The translation context of this file's strings, read by lupdate too.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(weft::ui::SequenceDiagram)
};

using Item = SequenceDiagram::Item;
constexpr qsizetype kMaxTagChars = 12;
using ItemKind = SequenceDiagram::ItemKind;

bool throughQueue(const Trace &trace, const Item &item)
{
    return trace.object(trace.events()[item.fromEvent].object).kind == ObjectKind::Queue;
}

// The socket operations the scenarios and the recorder name, in the reader's language.
QString socketOpText(const QString &op)
{
    if (op == QLatin1String("bind"))
        return Tr::tr("bind");
    if (op == QLatin1String("listen"))
        return Tr::tr("listen");
    if (op == QLatin1String("connect"))
        return Tr::tr("connect");
    if (op == QLatin1String("accept"))
        return Tr::tr("accept");
    if (op == QLatin1String("close"))
        return Tr::tr("close");
    if (op == QLatin1String("shutdown"))
        return Tr::tr("shutdown");
    return boundedText(op, 40); // from a file or a recorded program: shown as it is
}

} // namespace

QString sequenceItemLabel(const Trace &trace, const Item &item)
{
    switch (item.kind) {
    case ItemKind::Connect:
        return Tr::tr("connect → accept");
    case ItemKind::Packet:
        return Tr::tr("send %1 B").arg(item.bytes);
    case ItemKind::Message: {
        const QString verb = throughQueue(trace, item) ? Tr::tr("put %1 B").arg(item.bytes)
                                                       : Tr::tr("send %1 B").arg(item.bytes);
        // A preview's short first word is a message's tag ("P1#3"): which item went
        // to whom is the lesson of a queue. A long one stays in the tooltip.
        const QString preview = trace.text(item.text).section(QLatin1Char(' '), 0, 0);
        return preview.isEmpty() || preview.size() > kMaxTagChars
            ? verb
            : Tr::tr("%1: %2", "message verb and bytes, its tag")
                  .arg(verb, boundedText(preview, kMaxTagChars));
    }
    case ItemKind::Note:
        break;
    }
    switch (item.noteKind) {
    case EventKind::PacketSend:
        return Tr::tr("send %1 B (not received)").arg(item.bytes);
    case EventKind::PacketRecv:
        return Tr::tr("recv %1 B").arg(item.bytes);
    case EventKind::MessageSend:
        return throughQueue(trace, item) ? Tr::tr("put %1 B (not taken)").arg(item.bytes)
                                         : Tr::tr("send %1 B (not received)").arg(item.bytes);
    case EventKind::MessageRecv:
        return throughQueue(trace, item) ? Tr::tr("get %1 B").arg(item.bytes)
                                         : Tr::tr("recv %1 B").arg(item.bytes);
    default:
        return socketOpText(trace.text(item.text));
    }
}

QString sequenceItemToolTip(const Trace &trace, const SequenceDiagram &diagram, const Item &item)
{
    const Event &from = trace.events()[item.fromEvent];
    const Event &to = trace.events()[item.toEvent];
    const QString at = TimeRuler::formatDuration(item.timeNs - trace.startNs());
    const QString label = sequenceItemLabel(trace, item);
    if (!item.isArrow())
        return Tr::tr("%1 at %2 by %3")
            .arg(label, at, diagram.lifelines()[std::size_t(item.from)].name);
    QString text = Tr::tr("%1 from %2 to %3 at %4; received after %5")
                       .arg(label, diagram.lifelines()[std::size_t(item.from)].name,
                            diagram.lifelines()[std::size_t(item.to)].name, at,
                            TimeRuler::formatDuration(to.timeNs - from.timeNs));
    if (from.text && item.kind != ItemKind::Connect)
        text += QLatin1Char('\n') + boundedText(trace.text(from.text), 200);
    return text;
}

QString noSequenceDiagramReason()
{
    return Tr::tr(
        "This trace has no sockets or messages, so there is no sequence diagram to draw.");
}

} // namespace weft::ui
