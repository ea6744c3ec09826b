# SPDX-License-Identifier: MIT
# process.manager, in Python: a manager process holds shared state for the others.
# Weft passes the parameters form as arguments: python3 process_manager.py workers=3 updates=10
import multiprocessing
import sys

args = dict(arg.split("=", 1) for arg in sys.argv[1:])
W = int(args.get("workers", 3))
N = int(args.get("updates", 10))


def work(shared, lock, n):
    for _ in range(n):
        with lock:  # the manager's lock: one update at a time
            shared["counter"] += 1  # a get and a set: each a request to the manager and its reply


if __name__ == "__main__":
    with multiprocessing.Manager() as manager:  # a server process
        shared = manager.dict(counter=0)
        lock = manager.Lock()
        workers = [multiprocessing.Process(target=work, args=(shared, lock, N), name=f"worker {w}")
                   for w in range(1, W + 1)]
        for w in workers:
            w.start()
        for w in workers:
            w.join()
        print(f"counter = {shared['counter']}")  # W * N
