// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QPair>
#include <QString>

namespace weft {

// Where a replayed run would connect, if not to this machine: a trace file
// chooses its scenario's parameters, and a file someone sent must not choose
// where Weft connects without the user saying yes. Returns "host port N" for a
// `host` parameter other than 127.0.0.1, ::1 or localhost; empty otherwise.
QString remoteReplayTarget(const QList<QPair<QString, QString>> &parameters);

} // namespace weft
