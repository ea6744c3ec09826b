# SPDX-License-Identifier: MIT
# Observer effect of `weft record` on a Python program: threads adding to one
# counter under a threading.Lock (a POSIX semaphore in CPython 3.11).
#   /usr/bin/time -f %e /usr/bin/python3 bench/python_lock_counter.py
#   /usr/bin/time -f %e weft record -- /usr/bin/python3 bench/python_lock_counter.py
import sys
import threading

THREADS = int(sys.argv[1]) if len(sys.argv) > 1 else 4
INCREMENTS = int(sys.argv[2]) if len(sys.argv) > 2 else 100_000

counter = 0
lock = threading.Lock()


def work():
    global counter
    for _ in range(INCREMENTS):
        with lock:
            counter += 1


threads = [threading.Thread(target=work) for _ in range(THREADS)]
for t in threads:
    t.start()
for t in threads:
    t.join()
assert counter == THREADS * INCREMENTS, counter
