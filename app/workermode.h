// SPDX-License-Identifier: MIT
#pragma once

#include <QStringList>

namespace weft::app {

// `weft --worker ...`: this executable started as a child process by a
// scenario; runs its part and streams its events to the parent on stdout.
int runWorker(const QStringList &arguments);

} // namespace weft::app
