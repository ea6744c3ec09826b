// SPDX-License-Identifier: MIT
#pragma once

#include "core/derived/sequencediagram.h"

#include <QString>

namespace weft::ui {

// The words of a sequence diagram, translated: an arrow's label ("send 53 B",
// "put 32 B", "connect"), a note's ("listen", "close"), and the longer text a
// tooltip shows (with the message's preview).
QString sequenceItemLabel(const Trace &trace, const SequenceDiagram::Item &item);
QString sequenceItemToolTip(const Trace &trace, const SequenceDiagram &diagram,
                            const SequenceDiagram::Item &item);
// Why a trace has no sequence diagram: for a disabled action's tooltip and the CLI.
QString noSequenceDiagramReason();

} // namespace weft::ui
