// SPDX-License-Identifier: MIT
#pragma once

#include "core/trace.h"
#include "recordingdecoder.h"

#include <QString>
#include <QStringList>
#include <chrono>
#include <functional>
#include <memory>
#include <optional>

class QIODevice;

namespace weft::record {

class RecordingDirectory;
class RingDrainer;
class StreamingDecoder;

// Runs an unmodified program with the recording library preloaded and turns
// what it did into a Trace. The program gets our stdin, stdout and stderr and
// runs in a process group of its own (made the terminal's foreground group
// when we have one, so Ctrl+C and reads from the terminal reach it as they
// would without Weft); cancel() and the timeout kill that whole group, and
// whatever was recorded up to then is kept.
class ProgramRecorder
{
public:
    struct Options
    {
        QStringList command; // program and its arguments
        QString workingDirectory; // empty: ours
        QStringList environment; // "NAME=value" additions
        QString preloadLibrary; // absolute path of libweftrecord.so
        std::chrono::milliseconds timeout {0}; // 0: none
        // A python3 running a script runs it through weft's probe (thread names, daemons).
        bool pythonProbe = true;
        // False for a program Weft runs on its own behalf (a lesson): no terminal,
        // stdin and stdout on /dev/null (its prints are recorded events), stderr
        // into `stderrFile` if given (for the error a failed lesson reports).
        bool useTerminal = true;
        QString stderrFile;
        // Decode while the program runs and write the events to `streamTo`
        // as they settle (a .weft stream, see StreamingDecoder): memory stays
        // bounded however long it runs, and trace() then holds no events.
        // Null: discard them (only the outcome is wanted). Ignored for a
        // Python program (see streams()).
        bool stream = false;
        QIODevice *streamTo = nullptr;
    };

    ProgramRecorder();
    ~ProgramRecorder(); // kills a program still running

    // Starts the program. False with a message (and exitStatus() 127 or 126)
    // if it cannot be found or run.
    bool start(const Options &options, QString *error);
    // Reaps the program if it ended, enforces the timeout. True once it ended.
    bool poll();
    // Blocks until the program ends (or the timeout, or cancel() from a signal handler's flag).
    void waitForFinished(const volatile int *cancelFlag = nullptr);
    void cancel();
    bool isRunning() const { return m_pid > 0 && m_end.how == ProgramEnd::How::Running; }

    // What was recorded so far (live) or in all (after the end).
    Trace trace();
    // What trace() gives while the program runs, as a function that may be
    // called from any thread (a window takes it on a thread of its own: it
    // decodes every chunk again). It reads the chunk files and nothing of this
    // recorder; warnings wait for trace(). Gives empty traces when streaming
    // (the events go to the file). Call after start().
    std::function<Trace()> liveTraceTaker() const;
    const ProgramEnd &end() const { return m_end; }
    // The shell's convention: the exit code, 128 + signal, 124 timeout, 127 not found.
    int exitStatus() const;
    QStringList warnings() const { return m_warnings; }
    // Whether this recording streams (Options::stream, not a Python program);
    // the events written so far (all of them after trace()).
    bool isStreaming() const { return m_streaming != nullptr; }
    quint64 streamedEvents() const;
    bool streamFailed() const;
    // Whether a recording of this command can stream: Python programs are
    // decoded at the end (the GIL is found from records before it was found).
    static bool streams(const QStringList &command);
    QString recordingDirectory() const;

    // Where libweftrecord.so is: $WEFT_RECORD_LIBRARY, next to the executable
    // (a build tree), or the installed library directory.
    static QString defaultPreloadLibrary();
    // Problems we can see before running it: setuid, statically linked.
    static QString preloadObstacle(const QString &program);
    // weft_probe.py next to the recording library (empty if missing).
    static QString pythonProbe(const QString &preloadLibrary);
    // "python3 script.py args" -> "python3 <probe> script.py args" when the probe
    // exists; other commands (and python3 -c/-m/options) unchanged.
    static QStringList withPythonProbe(const QStringList &command, const QString &preloadLibrary);
    // The program's path as PATH finds it; empty if it cannot be found.
    static QString resolveProgram(const QString &program, const QString &workingDirectory);

private:
    void finishWith(ProgramEnd::How how, int code);
    Trace streamedTrace();
    // Adds `warnings` and the dropped-events and no-events warnings (where
    // they apply) to m_warnings, each once.
    void addWarnings(QStringList warnings, bool dropped, bool missingRootEvents);
    void killGroup();
    void passOnStop();
    void restoreTerminal();

    std::unique_ptr<RecordingDirectory> m_dir;
    // Copies the program's rings into chunk files while it runs (after m_dir: goes first).
    std::unique_ptr<RingDrainer> m_drainer;
    // Decodes and writes while the program runs (after the drainer: stops first).
    std::unique_ptr<StreamingDecoder> m_streaming;
    std::optional<Trace> m_streamed;
    ProgramEnd m_end;
    qint64 m_pid = 0;
    std::chrono::steady_clock::time_point m_started;
    std::chrono::milliseconds m_timeout {0};
    QStringList m_warnings;
    bool m_tookTerminal = false;
    bool m_sawRootEvents = false;
};

} // namespace weft::record
