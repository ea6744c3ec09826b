// SPDX-License-Identifier: MIT
#include "queueserver.h"

#include "core/runcontext.h"
#include "queueclient.h"

#include <algorithm>
#include <deque>
#include <optional>
#include <poll.h>
#include <stdexcept>

namespace weft {

struct QueueServer::State
{
    std::vector<FramedSocket> clients; // closed ones stay, invalid, to keep indices
    std::deque<QByteArray> items;
    std::deque<std::pair<std::size_t, QByteArray>> parkedPuts; // client, item
    std::deque<std::size_t> parkedGets;
};

QueueServer::QueueServer(QString name, quint32 depthCounter, int maxSize)
    : Thread(std::move(name))
    , m_depthCounter(depthCounter)
    , m_maxSize(maxSize)
{
}

QueueServer::~QueueServer()
{
    // Wait here, not in ~Thread: by then this class's members are gone while
    // run() might still be using them.
    requestStop();
    std::unique_lock lock(m_mutex);
    m_loopDone.wait(lock, [this] { return m_loopExited || !isAlive(); });
}

void QueueServer::addClient(FramedSocket socket)
{
    std::lock_guard lock(m_mutex);
    m_incoming.push_back(std::move(socket));
}

QueueStats QueueServer::stats() const
{
    std::lock_guard lock(m_mutex);
    return m_stats;
}

void QueueServer::run()
{
    struct ExitSignal
    {
        QueueServer *server;
        ~ExitSignal()
        {
            std::lock_guard lock(server->m_mutex);
            server->m_loopExited = true;
            server->m_loopDone.notify_all();
        }
    } exitSignal {this};
    RunContext &context = *RunContext::current();
    State state;
    recordDepth(state);
    while (!m_stop.load()) {
        {
            std::lock_guard lock(m_mutex);
            for (auto &socket : m_incoming)
                state.clients.push_back(std::move(socket));
            m_incoming.clear();
        }
        std::vector<pollfd> fds;
        std::vector<std::size_t> owners;
        for (std::size_t i = 0; i < state.clients.size(); ++i) {
            if (state.clients[i].isValid()) {
                fds.push_back({state.clients[i].fd(), POLLIN, 0});
                owners.push_back(i);
            }
        }
        // The timeout bounds how late a new client or a stop request is noticed.
        const int ready = ::poll(fds.data(), fds.size(), 10);
        context.throwIfCancelled();
        if (ready <= 0)
            continue;
        for (std::size_t k = 0; k < fds.size(); ++k) {
            if (!(fds[k].revents & (POLLIN | POLLHUP | POLLERR)))
                continue;
            const std::size_t client = owners[k];
            try {
                serveOne(state, client, state.clients[client].receive());
            } catch (const std::runtime_error &) {
                dropClient(state, client); // its process exited or closed the queue
            }
        }
    }
}

void QueueServer::serveOne(State &state, std::size_t client, const QByteArray &request)
{
    if (request.isEmpty())
        throw std::runtime_error("empty request");
    std::unique_lock lock(m_mutex);
    if (request.at(0) == QueueClient::Put) {
        QByteArray item = request.mid(1);
        if (!state.parkedGets.empty()) {
            const std::size_t getter = state.parkedGets.front();
            state.parkedGets.pop_front();
            ++m_stats.puts;
            ++m_stats.gets;
            lock.unlock();
            reply(state, getter, char(QueueClient::Item) + item);
        } else if (int(state.items.size()) < m_maxSize) {
            state.items.push_back(std::move(item));
            ++m_stats.puts;
            m_stats.maxDepth = std::max<qint64>(m_stats.maxDepth, qint64(state.items.size()));
            lock.unlock();
            recordDepth(state);
        } else {
            state.parkedPuts.push_back({client, std::move(item)});
            ++m_stats.blockedPuts;
            lock.unlock();
            reply(state, client, QByteArray(1, QueueClient::Wait));
            return;
        }
        reply(state, client, QByteArray(1, QueueClient::Accepted));
    } else if (request.at(0) == QueueClient::Get) {
        if (state.items.empty()) {
            state.parkedGets.push_back(client);
            ++m_stats.blockedGets;
            lock.unlock();
            reply(state, client, QByteArray(1, QueueClient::Wait));
            return;
        }
        QByteArray item = std::move(state.items.front());
        state.items.pop_front();
        ++m_stats.gets;
        std::optional<std::size_t> admitted;
        if (!state.parkedPuts.empty()) {
            // Room again: the oldest parked put goes in and its producer wakes.
            admitted = state.parkedPuts.front().first;
            state.items.push_back(std::move(state.parkedPuts.front().second));
            state.parkedPuts.pop_front();
            ++m_stats.puts;
        }
        lock.unlock();
        reply(state, client, char(QueueClient::Item) + item);
        recordDepth(state);
        if (admitted)
            reply(state, *admitted, QByteArray(1, QueueClient::Accepted));
    } else {
        throw std::runtime_error("unknown request");
    }
}

void QueueServer::reply(State &state, std::size_t client, const QByteArray &frame)
{
    try {
        state.clients[client].send(frame);
    } catch (const std::runtime_error &) {
        dropClient(state, client);
    }
}

void QueueServer::dropClient(State &state, std::size_t client)
{
    state.clients[client].close();
    std::erase_if(state.parkedPuts, [client](const auto &p) { return p.first == client; });
    std::erase(state.parkedGets, client);
}

void QueueServer::recordDepth(const State &state)
{
    RunContext &context = *RunContext::current();
    context.recorder().record(EventKind::CounterValue, RunContext::currentActor(), m_depthCounter,
                              qint64(state.items.size()));
}

} // namespace weft
