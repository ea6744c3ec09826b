// SPDX-License-Identifier: MIT
// The other end of a connected Unix socket, for weft's Python probe: a
// multiprocessing Manager's connection is made in two processes, and only the
// kernel knows which socket is whose peer (sock_diag, as `ss -x` asks it). The
// question goes through raw system calls, so that it is not recorded as a
// socket of the program's.

#include "preload.h"

#include <cstring>
#include <linux/netlink.h>
#include <linux/sock_diag.h>
#include <linux/unix_diag.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <unistd.h>

namespace weft::record::preload {

namespace {

// Closes the netlink socket however the question ends.
class RawSocket
{
public:
    RawSocket()
        : m_fd(static_cast<int>(
            syscall(SYS_socket, AF_NETLINK, SOCK_DGRAM | SOCK_CLOEXEC, NETLINK_SOCK_DIAG)))
    {
    }
    ~RawSocket()
    {
        if (m_fd >= 0)
            syscall(SYS_close, m_fd);
    }
    RawSocket(const RawSocket &) = delete;
    RawSocket &operator=(const RawSocket &) = delete;
    int fd() const { return m_fd; }

private:
    int m_fd;
};

} // namespace

// `inode` is the socket's own (fstat's st_ino); 0 if the kernel does not say
// (no sock_diag, not a connected Unix socket, no answer within a second).
WEFT_EXPORT std::uint64_t weft_unix_peer(std::uint64_t inode)
{
    RawSocket netlink;
    if (netlink.fd() < 0 || inode == 0 || inode > 0xffffffffULL)
        return 0;
    const timeval second {1, 0};
    syscall(SYS_setsockopt, netlink.fd(), SOL_SOCKET, SO_RCVTIMEO, &second, sizeof second);

    struct
    {
        nlmsghdr header;
        unix_diag_req request;
    } question {};
    question.header.nlmsg_len = sizeof question;
    question.header.nlmsg_type = SOCK_DIAG_BY_FAMILY;
    question.header.nlmsg_flags = NLM_F_REQUEST;
    question.request.sdiag_family = AF_UNIX;
    question.request.udiag_states = ~0U;
    question.request.udiag_ino = static_cast<std::uint32_t>(inode);
    question.request.udiag_show = UDIAG_SHOW_PEER;
    question.request.udiag_cookie[0] = question.request.udiag_cookie[1] = ~0U;
    sockaddr_nl kernel {};
    kernel.nl_family = AF_NETLINK;
    if (syscall(SYS_sendto, netlink.fd(), &question, sizeof question, 0, &kernel, sizeof kernel)
        < 0)
        return 0;

    alignas(nlmsghdr) char answer[8192];
    const long got
        = syscall(SYS_recvfrom, netlink.fd(), answer, sizeof answer, 0, nullptr, nullptr);
    if (got < static_cast<long>(sizeof(nlmsghdr) + sizeof(unix_diag_msg)))
        return 0;
    nlmsghdr header;
    std::memcpy(&header, answer, sizeof header);
    if (header.nlmsg_type != SOCK_DIAG_BY_FAMILY || header.nlmsg_len > static_cast<unsigned>(got))
        return 0;
    unix_diag_msg message;
    std::memcpy(&message, answer + NLMSG_HDRLEN, sizeof message);
    if (message.udiag_ino != static_cast<std::uint32_t>(inode))
        return 0;
    // The attributes after the message: the peer's is its inode.
    std::size_t offset = NLMSG_HDRLEN + NLMSG_ALIGN(sizeof message);
    while (offset + sizeof(nlattr) <= header.nlmsg_len) {
        nlattr attribute;
        std::memcpy(&attribute, answer + offset, sizeof attribute);
        if (attribute.nla_len < sizeof(nlattr))
            break;
        if (attribute.nla_type == UNIX_DIAG_PEER && attribute.nla_len >= NLA_HDRLEN + 4) {
            std::uint32_t peer = 0;
            std::memcpy(&peer, answer + offset + NLA_HDRLEN, sizeof peer);
            return peer;
        }
        offset += NLA_ALIGN(attribute.nla_len);
    }
    return 0;
}

} // namespace weft::record::preload
