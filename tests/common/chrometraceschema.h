// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QStringList>

namespace weft::testsupport {

// Checks Chrome Trace Event JSON against the format's documented rules
// (the Trace Event Format document Perfetto and chrome://tracing follow),
// since Perfetto's trace_processor is not available here. Returns the
// problems found; empty means valid.
//   - the bare array or an object with a traceEvents array;
//   - every event: ph, name, pid, tid, ts (numeric);
//   - X: dur >= 0; B/E balanced per thread; X/B/E properly nested per thread;
//   - s/t/f and b/e: an id; every flow s has an f with the same cat, name, id
//     (and f not earlier); every b has a matching e, not earlier;
//   - C: args with at least one numeric value; M: args (name for *_name);
//   - i/I: scope s, if present, one of g, p, t.
QStringList validateChromeTrace(const QByteArray &json);

} // namespace weft::testsupport
