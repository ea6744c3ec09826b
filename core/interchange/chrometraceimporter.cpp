// SPDX-License-Identifier: MIT
#include "chrometraceimporter.h"

#include "chromeeventconverter.h"
#include "chromesliceparser.h"
#include "chromesliceworkers.h"
#include "chrometracescanner.h"

#include <QCoreApplication>

namespace weft {

namespace {
// The translation context of this file's strings, read by lupdate too.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(weft::ChromeTraceImporter)
};
} // namespace

namespace {
// A slice that does not parse may hold many elements, and what simdjson
// says about the whole depends on where the slice was cut. Parsed one
// element at a time (cheap: only on the way to an error), the first bad
// element names the problem, the same whatever the slice size.
QString firstProblemIn(std::string_view json, ChromeTraceScanner::Slice slice,
                       const QString &problem)
{
    ChromeTraceScanner scanner(json);
    scanner.rewind(slice.begin);
    ChromeEventConverter converter;
    ChromeSliceParser parser(converter);
    ChromeTraceScanner::Slice element;
    QString elementProblem;
    while (scanner.nextSlice(1, &element) && element.begin < slice.end) {
        if (parser.parse(json, element, false, &elementProblem)
            == ChromeSliceParser::Status::Failed)
            return elementProblem;
    }
    return problem;
}
} // namespace

std::optional<Trace> ChromeTraceImporter::import(std::string_view json, QString *error)
{
    QString problem;
    auto failWith = [&](const QString &what) -> std::optional<Trace> {
        if (error)
            *error = what;
        return std::nullopt;
    };
    ChromeTraceScanner scanner(json);
    if (!scanner.start())
        return failWith(scanner.error());

    ChromeEventConverter converter;
    const qint64 total = qint64(json.size());
    bool reserved = false;
    {
        // The workers' parsers (several MB each) are gone before finish() sorts.
        ChromeSliceWorkers workers(m_workers >= 0 ? m_workers : ChromeSliceWorkers::defaultCount());
        workers.setCancelFlag(m_cancel);
        workers.setOnConverted([&](std::size_t end) {
            if (m_release)
                m_release(qint64(end));
            if (!reserved && end >= 2 * m_sliceBytes && json.size() > 8 * m_sliceBytes) {
                // Estimate from what the first slices yielded; untouched capacity costs no memory.
                const double perByte = double(converter.eventCount()) / double(end);
                converter.reserveEvents(std::size_t(perByte * double(json.size()) * 1.1) + 1024);
                reserved = true;
            }
            if (m_progress)
                m_progress(qint64(end), total, qint64(converter.eventCount()));
        });
        ChromeTraceScanner::Slice failed;
        switch (workers.run(json, scanner, converter, m_sliceBytes, &problem, &failed)) {
        case ChromeSliceWorkers::Result::Cancelled:
            return failWith(Tr::tr("loading was cancelled"));
        case ChromeSliceWorkers::Result::Failed:
            return failWith(firstProblemIn(json, failed, problem));
        case ChromeSliceWorkers::Result::Done:
            break;
        }
    }
    ChromeSliceParser parser(converter);
    if (scanner.failed()) {
        // The elements before the scanner's problem come first: a problem in
        // them is reported however the file is cut.
        if (const auto partial = scanner.partialBeforeFailure(); partial.end > partial.begin
            && parser.parse(json, partial, false, &problem) == ChromeSliceParser::Status::Failed)
            return failWith(firstProblemIn(json, partial, problem));
        return failWith(scanner.error());
    }
    if (scanner.ending() == ChromeTraceScanner::Ending::Truncated) {
        converter.warn(
            scanner.truncatedAt(),
            Tr::tr("the file ends inside an event (it looks truncated); that event was skipped"));
    }
    if (converter.eventCount() == 0 && converter.warningCount() == 0)
        return failWith(Tr::tr("the trace holds no events"));
    if (converter.eventCount() == 0) {
        const QStringList warnings = converter.warnings();
        return failWith(Tr::tr("no usable events; %n problem(s), the first: %1", nullptr,
                               int(std::min<qint64>(converter.warningCount(), INT_MAX)))
                            .arg(warnings.value(0)));
    }
    Trace trace = converter.finish(m_title);
    // Each timestamp is bounded, the distance from the first to the last is
    // not: refuse a span nothing could draw or measure without overflowing.
    if (const QString bad = Trace::checkTimeBounds(trace.startNs(), trace.endNs()); !bad.isEmpty())
        return failWith(bad);
    m_warningCount = converter.warningCount();
    m_warnings = converter.warnings();
    if (m_progress)
        m_progress(total, total, qint64(trace.events().size()));
    return trace;
}

} // namespace weft
