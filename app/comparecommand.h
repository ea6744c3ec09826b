// SPDX-License-Identifier: MIT
#pragma once

#include "core/trace.h"
#include "exportcommand.h"

#include <QStringList>
#include <QTextStream>
#include <optional>
#include <utility>

namespace weft {
class ScenarioRegistry;
} // namespace weft

namespace weft::app {

// `weft --compare A B --export FILE`: loads two traces (.weft or Chrome
// JSON) and writes one picture of both on a shared time scale, with the
// one-line difference. Exit codes as CommandLine's: 0 written, 2 a missing
// or malformed trace or a bad combination (the message names the file),
// 3 the picture could not be written. Without --export both traces are kept
// for the window to show (execute() returns -1, CommandLine::kOpenGui).
// `--compare-twin ID` runs the two traces first: a lesson and its Python twin.
class CompareCommand
{
public:
    CompareCommand(QTextStream &out, QTextStream &err);
    int execute(const QStringList &files, const QString &exportPath, const ExportShape &shape,
                const ExportLook &look);
    // `weft --compare-twin ID [--param k=v]… [--export FILE]`: runs the lesson
    // in C++, then its Python twin, with the same values where the twin has the
    // parameter, and draws (or shows) both. 2 for an unknown id or a lesson
    // without a twin, 1 when a run did not complete (the picture is still written).
    int executeTwin(const ScenarioRegistry &registry, const QString &id,
                    const QStringList &assignments, const QString &exportPath,
                    const ExportShape &shape, const ExportLook &look);
    // The pair to show in the window when no --export was given.
    const std::optional<std::pair<Trace, Trace>> &toOpen() const { return m_toOpen; }

private:
    int usage(const QString &message);
    int exportPair(const Trace &first, const Trace &second, const QString &firstLabel,
                   const QString &secondLabel, const QString &exportPath, const ExportShape &shape,
                   const ExportLook &look);

    QTextStream &m_out;
    QTextStream &m_err;
    std::optional<std::pair<Trace, Trace>> m_toOpen;
};

} // namespace weft::app
