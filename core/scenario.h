// SPDX-License-Identifier: MIT
#pragma once

#include "parameter.h"

#include <QList>
#include <QString>
#include <chrono>

namespace weft {

class RunContext;

enum class Topic { Threads, Locks, Gil, Processes, Sockets, Sync };
QString topicTitle(Topic topic); // translated

// The language a lesson is written in: C++ on Weft's traced primitives, or a
// Python script run under the real interpreter (its twin).
enum class SourceLanguage { Cpp, Python };

// One runnable lesson. Subclasses live one per file under core/scenarios/<topic>/
// and embed that very file as a resource, so the code panel shows what ran.
class Scenario
{
public:
    virtual ~Scenario() = default;

    virtual QString id() const = 0; // stable, e.g. "threads.join"
    virtual Topic topic() const = 0;
    virtual QString title() const = 0; // translated
    virtual QString explanation() const = 0; // translated, a few sentences
    virtual QList<ParameterSpec> parameters() const { return {}; }
    virtual SourceLanguage language() const { return SourceLanguage::Cpp; }
    // The same lesson in the other language ("threads.create" <-> "threads.create.py"),
    // as a Python lesson names it; a C++ lesson finds its twin in the registry.
    virtual QString twinId() const { return {}; }
    // Why this lesson cannot run on this machine (translated, with what to
    // install); empty when it can. The browser greys it out with the reason.
    virtual QString unavailableReason() const { return {}; }
    // Resource path of the scenario's own source, e.g. ":/scenarios/threads/threadscreate.cpp".
    virtual QString sourceResource() const = 0;
    // How long a run with these parameters may take on a loaded 2-core machine
    // before it is stopped; scenarios whose work grows with a parameter scale it.
    virtual std::chrono::milliseconds defaultTimeout(const ParameterValues &) const
    {
        return std::chrono::seconds(60);
    }

    // Runs on the scenario's main thread (a traced lane named "MainThread").
    // Uses traced primitives only and states its outcome with context.setOutcome().
    virtual void run(RunContext &context) const = 0;

    // The embedded source text; empty if the resource is missing.
    QString sourceText() const;
};

} // namespace weft
