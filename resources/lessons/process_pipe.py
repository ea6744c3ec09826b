# SPDX-License-Identifier: MIT
# process.pipe, in Python: two processes talk through a duplex pipe.
# Weft passes the parameters form as arguments: python3 process_pipe.py messages=5 size=64
import multiprocessing
import sys

args = dict(arg.split("=", 1) for arg in sys.argv[1:])
N = int(args.get("messages", 5))
SIZE = int(args.get("size", 64))  # each message is padded to this many bytes


def echo(conn, n):
    for _ in range(n):
        conn.send(b"echo " + conn.recv())


if __name__ == "__main__":
    parent_conn, child_conn = multiprocessing.Pipe()
    p = multiprocessing.Process(target=echo, args=(child_conn, N), name="echo")
    p.start()
    for i in range(1, N + 1):
        parent_conn.send(f"m{i}".encode().ljust(SIZE, b"."))
        reply = parent_conn.recv()
    p.join()
