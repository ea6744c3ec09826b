// SPDX-License-Identifier: MIT
#pragma once

#include "core/record/programrecorder.h"

#include <QList>
#include <QString>

namespace weft::ui {

// The programs the user recorded, most recent first, remembered between
// sessions, so the scenario browser can offer them again under "Recorded".
class RecordingHistory
{
public:
    static constexpr int kMaxEntries = 10;

    // Loads from QSettings.
    RecordingHistory();

    const QList<record::ProgramRecorder::Options> &entries() const { return m_entries; }
    // Moves an equal entry to the front (or adds it) and saves.
    void add(const record::ProgramRecorder::Options &options);

    // "./prog 'two words'": how an entry reads in the browser.
    static QString displayText(const record::ProgramRecorder::Options &options);

private:
    void save() const;

    QList<record::ProgramRecorder::Options> m_entries;
};

} // namespace weft::ui
