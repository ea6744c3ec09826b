// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <chrono>
#include <utility>

namespace weft {

// One end of a local stream socket (socketpair) carrying length-prefixed
// frames between two processes. Untraced: the traced endpoints (Connection,
// QueueClient) build on it and record what the user should see.
//
// Every wait is sliced, so a thread blocked here notices a cancelled run
// within a few milliseconds and unwinds with weft::Cancelled.
class FramedSocket
{
public:
    static constexpr qsizetype kMaxFrameBytes = 16 * 1024 * 1024;

    FramedSocket() = default;
    explicit FramedSocket(int fd); // takes ownership of fd
    ~FramedSocket();
    FramedSocket(FramedSocket &&other) noexcept;
    FramedSocket &operator=(FramedSocket &&other) noexcept;
    FramedSocket(const FramedSocket &) = delete;
    FramedSocket &operator=(const FramedSocket &) = delete;

    // A connected pair, close-on-exec so no other child inherits it by accident.
    // Throws std::system_error if the system is out of descriptors.
    static std::pair<FramedSocket, FramedSocket> pair();

    bool isValid() const { return m_fd >= 0; }
    int fd() const { return m_fd; }
    int release();
    void close();

    // Throws std::runtime_error if the other end is gone.
    void send(const QByteArray &frame);
    // Blocks until a whole frame arrived. Throws std::runtime_error when the
    // other end closed the socket, weft::Cancelled when the run is cancelled.
    QByteArray receive();
    // True if reading would not block (a frame, or the end of the stream, is waiting).
    bool waitReadable(std::chrono::milliseconds timeout) const;

private:
    void readExactly(char *data, qsizetype size);
    int m_fd = -1;
};

} // namespace weft
