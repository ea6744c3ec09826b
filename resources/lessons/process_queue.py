# SPDX-License-Identifier: MIT
# process.queue, in Python: producer and consumer processes share a bounded queue.
# Weft passes the parameters form as arguments: python3 process_queue.py producers=2 consumers=2 messages=10 size=32 maxsize=3 produce_ms=0 consume_ms=20
import multiprocessing
import sys
import time

args = dict(arg.split("=", 1) for arg in sys.argv[1:])
P = int(args.get("producers", 2))
C = int(args.get("consumers", 2))
N = int(args.get("messages", 10))
SIZE = int(args.get("size", 32))  # each message is padded to this many characters
MAXSIZE = int(args.get("maxsize", 3))
PRODUCE_S = int(args.get("produce_ms", 0)) / 1000
CONSUME_S = int(args.get("consume_ms", 20)) / 1000


def producer(q, me, n):
    for i in range(1, n + 1):
        time.sleep(PRODUCE_S)
        q.put(f"P{me}#{i}".ljust(SIZE, "."))  # blocks while the queue is full


def consumer(q):
    while (item := q.get()) != "STOP":  # blocks while it is empty
        time.sleep(CONSUME_S)


if __name__ == "__main__":
    q = multiprocessing.Queue(MAXSIZE)
    producers = [multiprocessing.Process(target=producer, args=(q, p, N), name=f"producer {p}")
                 for p in range(1, P + 1)]
    consumers = [multiprocessing.Process(target=consumer, args=(q,), name=f"consumer {c}")
                 for c in range(1, C + 1)]
    for p in producers + consumers:
        p.start()
    for p in producers:
        p.join()
    for _ in consumers:
        q.put("STOP")  # one sentinel per consumer
    for c in consumers:
        c.join()
