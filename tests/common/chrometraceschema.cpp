// SPDX-License-Identifier: MIT
#include "chrometraceschema.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>
#include <vector>

namespace weft::testsupport {

namespace {
const QString kPhases = QStringLiteral("BEXiICsStTfFbenMPOND");

QString idKey(const QJsonObject &e)
{
    const QJsonValue id = e.value(QLatin1String("id"));
    const QString idText = id.isString() ? id.toString() : QString::number(id.toDouble(), 'f', 0);
    return e.value(QLatin1String("cat")).toString() + QLatin1Char('\x1f')
        + e.value(QLatin1String("name")).toString() + QLatin1Char('\x1f') + idText;
}

struct Slice
{
    double begin;
    double end;
    int index;
};

void checkNesting(const QHash<QString, std::vector<Slice>> &slices, QStringList &problems)
{
    for (auto it = slices.cbegin(); it != slices.cend(); ++it) {
        std::vector<Slice> list = it.value();
        std::sort(list.begin(), list.end(), [](const Slice &a, const Slice &b) {
            return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
        });
        std::vector<Slice> stack;
        for (const Slice &s : list) {
            while (!stack.empty() && stack.back().end <= s.begin)
                stack.pop_back();
            // A tolerance of 1 ns: timestamps are microseconds with 3 decimals.
            if (!stack.empty() && s.end > stack.back().end + 0.0005) {
                problems << QStringLiteral(
                                "event %1 on thread %2 overlaps event %3 without nesting in it")
                                .arg(s.index)
                                .arg(it.key())
                                .arg(stack.back().index);
            }
            stack.push_back(s);
        }
    }
}
// Perfetto draws a flow only between slices: each end binds to the slice
// enclosing it on its thread ("bp":"e" for a finish), and a flow with an
// end outside every slice is dropped.
void checkFlowBinding(const QHash<QString, std::vector<Slice>> &slices,
                      const QHash<QString, std::vector<Slice>> &flowEnds, QStringList &problems)
{
    for (auto it = flowEnds.cbegin(); it != flowEnds.cend(); ++it) {
        const std::vector<Slice> lane = slices.value(it.key());
        for (const Slice &end : it.value()) {
            const bool bound = std::any_of(lane.begin(), lane.end(), [&](const Slice &s) {
                return s.begin <= end.begin + 0.0005 && end.begin <= s.end + 0.0005;
            });
            if (!bound)
                problems << QStringLiteral("flow event %1 on thread %2 lies outside every slice")
                                .arg(end.index)
                                .arg(it.key());
        }
    }
}
} // namespace

QStringList validateChromeTrace(const QByteArray &json)
{
    QStringList problems;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (doc.isNull())
        return {QStringLiteral("not JSON: %1 at %2")
                    .arg(parseError.errorString())
                    .arg(parseError.offset)};
    QJsonArray events;
    if (doc.isArray()) {
        events = doc.array();
    } else if (doc.object().value(QLatin1String("traceEvents")).isArray()) {
        events = doc.object().value(QLatin1String("traceEvents")).toArray();
    } else {
        return {QStringLiteral("neither an array nor an object with a traceEvents array")};
    }

    QHash<QString, QList<double>> flowStarts; // key -> ts of s
    QHash<QString, QList<double>> flowFinishes;
    QHash<QString, QList<double>> asyncBegins;
    QHash<QString, QList<double>> asyncEnds;
    QHash<QString, std::vector<Slice>> slices; // pid/tid -> X and B/E
    QHash<QString, std::vector<Slice>> flowEnds; // pid/tid -> ts of s and f
    QHash<QString, std::vector<std::pair<double, int>>> openB;
    for (int i = 0; i < events.size(); ++i) {
        if (!events.at(i).isObject()) {
            problems << QStringLiteral("event %1 is not an object").arg(i);
            continue;
        }
        const QJsonObject e = events.at(i).toObject();
        const QString ph = e.value(QLatin1String("ph")).toString();
        if (ph.size() != 1 || !kPhases.contains(ph)) {
            problems << QStringLiteral("event %1: bad ph '%2'").arg(i).arg(ph);
            continue;
        }
        for (const char *field : {"name", "pid", "tid", "ts"}) {
            if (!e.contains(QLatin1String(field)))
                problems << QStringLiteral("event %1 (%2): no %3")
                                .arg(i)
                                .arg(ph)
                                .arg(QLatin1String(field));
        }
        if (!e.value(QLatin1String("name")).isString())
            problems << QStringLiteral("event %1: name is not a string").arg(i);
        if (!e.value(QLatin1String("ts")).isDouble())
            problems << QStringLiteral("event %1: ts is not a number").arg(i);
        for (const char *field : {"pid", "tid"}) {
            const QJsonValue v = e.value(QLatin1String(field));
            if (!v.isDouble() && !v.isString())
                problems << QStringLiteral("event %1: %2 is neither number nor string")
                                .arg(i)
                                .arg(QLatin1String(field));
        }
        const double ts = e.value(QLatin1String("ts")).toDouble();
        const QString thread
            = QStringLiteral("%1/%2").arg(e.value(QLatin1String("pid")).toVariant().toString(),
                                          e.value(QLatin1String("tid")).toVariant().toString());
        const QChar p = ph.at(0);
        if (p == QLatin1Char('X')) {
            const QJsonValue dur = e.value(QLatin1String("dur"));
            if (!dur.isDouble() || dur.toDouble() < 0)
                problems << QStringLiteral("event %1: X without a dur >= 0").arg(i);
            slices[thread].push_back({ts, ts + dur.toDouble(), i});
        } else if (p == QLatin1Char('B')) {
            openB[thread].push_back({ts, i});
        } else if (p == QLatin1Char('E')) {
            auto &stack = openB[thread];
            if (stack.empty()) {
                problems << QStringLiteral("event %1: E without B").arg(i);
            } else {
                slices[thread].push_back({stack.back().first, ts, stack.back().second});
                stack.pop_back();
            }
        }
        if (QStringLiteral("stfbeSTF").contains(p)) {
            const QJsonValue id = e.value(QLatin1String("id"));
            if (!id.isDouble() && !id.isString())
                problems << QStringLiteral("event %1 (%2): no id").arg(i).arg(ph);
        }
        if (p == QLatin1Char('s') || p == QLatin1Char('f'))
            flowEnds[thread].push_back({ts, ts, i});
        if (p == QLatin1Char('s'))
            flowStarts[idKey(e)] << ts;
        else if (p == QLatin1Char('f'))
            flowFinishes[idKey(e)] << ts;
        else if (p == QLatin1Char('b'))
            asyncBegins[idKey(e)] << ts;
        else if (p == QLatin1Char('e'))
            asyncEnds[idKey(e)] << ts;
        if (p == QLatin1Char('C')) {
            const QJsonObject args = e.value(QLatin1String("args")).toObject();
            const bool numeric = std::any_of(args.begin(), args.end(),
                                             [](const QJsonValue &v) { return v.isDouble(); });
            if (!numeric)
                problems << QStringLiteral("event %1: C without numeric args").arg(i);
        }
        if (p == QLatin1Char('M')) {
            if (!e.value(QLatin1String("args")).isObject())
                problems << QStringLiteral("event %1: M without args").arg(i);
            const QString name = e.value(QLatin1String("name")).toString();
            if (name.endsWith(QLatin1String("_name"))
                && !e.value(QLatin1String("args"))
                        .toObject()
                        .value(QLatin1String("name"))
                        .isString())
                problems << QStringLiteral("event %1: %2 without args.name").arg(i).arg(name);
        }
        if ((p == QLatin1Char('i') || p == QLatin1Char('I')) && e.contains(QLatin1String("s"))) {
            const QString scope = e.value(QLatin1String("s")).toString();
            if (scope != QLatin1String("g") && scope != QLatin1String("p")
                && scope != QLatin1String("t"))
                problems << QStringLiteral("event %1: instant scope '%2'").arg(i).arg(scope);
        }
    }
    for (auto it = openB.cbegin(); it != openB.cend(); ++it) {
        if (!it.value().empty())
            problems << QStringLiteral("%1 B without E on %2").arg(it.value().size()).arg(it.key());
    }
    auto pairUp = [&](const QHash<QString, QList<double>> &starts,
                      const QHash<QString, QList<double>> &ends, const char *what) {
        for (auto it = starts.cbegin(); it != starts.cend(); ++it) {
            QList<double> a = it.value();
            QList<double> b = ends.value(it.key());
            if (a.size() != b.size()) {
                problems << QStringLiteral("%1 %2: %3 starts, %4 ends")
                                .arg(QLatin1String(what), it.key())
                                .arg(a.size())
                                .arg(b.size());
                continue;
            }
            std::sort(a.begin(), a.end());
            std::sort(b.begin(), b.end());
            for (int k = 0; k < a.size(); ++k) {
                if (b[k] < a[k])
                    problems << QStringLiteral("%1 %2 ends before it starts")
                                    .arg(QLatin1String(what), it.key());
            }
        }
        for (auto it = ends.cbegin(); it != ends.cend(); ++it) {
            if (!starts.contains(it.key()))
                problems << QStringLiteral("%1 %2 ends but never starts")
                                .arg(QLatin1String(what), it.key());
        }
    };
    pairUp(flowStarts, flowFinishes, "flow");
    pairUp(asyncBegins, asyncEnds, "async");
    checkNesting(slices, problems);
    checkFlowBinding(slices, flowEnds, problems);
    return problems;
}

} // namespace weft::testsupport
