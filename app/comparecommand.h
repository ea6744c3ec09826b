// SPDX-License-Identifier: MIT
#pragma once

#include "exportcommand.h"

#include <QStringList>
#include <QTextStream>

namespace weft::app {

// `weft --compare A B --export FILE`: loads two traces (.weft or Chrome
// JSON) and writes one picture of both on a shared time scale, with the
// one-line difference. Exit codes as CommandLine's: 0 written, 2 a missing
// or malformed trace or a bad combination (the message names the file),
// 3 the picture could not be written.
class CompareCommand
{
public:
    CompareCommand(QTextStream &out, QTextStream &err);
    int execute(const QStringList &files, const QString &exportPath, const ExportShape &shape,
                const ExportLook &look);

private:
    QTextStream &m_out;
    QTextStream &m_err;
};

} // namespace weft::app
