// SPDX-License-Identifier: MIT
#pragma once

#include "exportcommand.h"

#include <QCoreApplication>
#include <QStringList>
#include <QTextStream>

namespace weft::app {

// `weft record [-o out.weft] [--export pic.png] [--timeout MS] [--python] -- COMMAND ARGS…`:
// runs an unmodified program with the recording library preloaded, prints a
// one-paragraph outcome and exits with the program's own exit status (128 +
// signal if it was killed, 124 at the timeout, 127 if it could not be found),
// so it can stand in for the command in a script.
class RecordCommand
{
    Q_DECLARE_TR_FUNCTIONS(weft::RecordCommand)
public:
    static constexpr int kExitUsage = 2;

    // True for "weft record …": the first argument after the program's name.
    static bool isRecordCommand(int argc, char **argv);
    // Whether the record command asks for a picture (it then needs painting).
    static bool wantsExport(int argc, char **argv);

    // arguments: everything after "record".
    int execute(const QStringList &arguments);

private:
    int usageError(const QString &message);

    QTextStream m_out {stdout};
    QTextStream m_err {stderr};
};

} // namespace weft::app
