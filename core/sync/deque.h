// SPDX-License-Identifier: MIT
#pragma once

#include "core/countertrack.h"

#include <QString>
#include <deque>
#include <functional>
#include <mutex>
#include <source_location>
#include <stdexcept>

namespace weft {

// What every Deque<T> records, whatever its items: the gate each call passes,
// the MessageSend of an append and the MessageRecv of a popleft (labelled with
// the item's name, so the timeline pairs them into an arrow from the thread
// that put an item to the thread that took it), and the length as a counter
// track "<name> depth". Everything is recorded with the caller's line.
class DequeTrace
{
public:
    explicit DequeTrace(const QString &name);

    void beforeAppend(const QString &label, const std::source_location &location);
    void appended(const QString &label, qint64 bytes, qint64 length,
                  const std::source_location &location);
    void beforePopleft(const std::source_location &location);
    void popped(const QString &label, qint64 bytes, qint64 length,
                const std::source_location &location);

    QString name() const { return m_name; }
    quint32 object() const { return m_object; }

private:
    QString m_name;
    quint32 m_object = 0;
    CounterTrack m_depth;
};

// A traced double-ended queue used as a queue between threads (Python's
// collections.deque with append() and popleft()).
//
// As in Python, each call on its own is atomic, but "wait until there is room
// (or an item), then append (or pop)" is not: a bounded queue built on it
// still needs a lock and conditions. The item's send and receive are recorded
// under the deque's own lock, so the trace's order of sends and receives is
// the deque's order.
template<typename T> class Deque
{
public:
    // `label` names an item on the timeline ("P1#3"): the same text at both
    // ends pairs an append with the popleft that took that item.
    Deque(const QString &name, std::function<QString(const T &)> label)
        : m_trace(name)
        , m_label(std::move(label))
    {
    }
    Deque(const Deque &) = delete;
    Deque &operator=(const Deque &) = delete;

    void append(T item, std::source_location location = std::source_location::current())
    {
        const QString label = m_label(item);
        m_trace.beforeAppend(label, location);
        std::lock_guard lock(m_mutex);
        m_items.push_back(std::move(item));
        m_trace.appended(label, qint64(sizeof(T)), qint64(m_items.size()), location);
    }

    // Throws std::out_of_range on an empty deque, as Python raises IndexError.
    T popleft(std::source_location location = std::source_location::current())
    {
        m_trace.beforePopleft(location);
        std::lock_guard lock(m_mutex);
        if (m_items.empty())
            throw std::out_of_range("popleft from an empty weft::Deque");
        T item = std::move(m_items.front());
        m_items.pop_front();
        m_trace.popped(m_label(item), qint64(sizeof(T)), qint64(m_items.size()), location);
        return item;
    }

    int size() const
    {
        std::lock_guard lock(m_mutex);
        return int(m_items.size());
    }
    bool empty() const { return size() == 0; }

    QString name() const { return m_trace.name(); }
    quint32 object() const { return m_trace.object(); }

private:
    DequeTrace m_trace;
    std::function<QString(const T &)> m_label;
    mutable std::mutex m_mutex;
    std::deque<T> m_items;
};

} // namespace weft
