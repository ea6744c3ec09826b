# SPDX-License-Identifier: MIT
# locks.counter, in Python: many threads add one to a shared counter, with or without a lock.
# Weft passes the parameters form as arguments: python3 locks_counter.py threads=200 mode=lock yield=true
import sys
import threading
import time

args = dict(arg.split("=", 1) for arg in sys.argv[1:])
count = int(args.get("threads", 200))
mode = args.get("mode", "lock")
yield_inside = args.get("yield", "true") == "true"
n = 10  # how many times each thread adds one

counter = 0
lock = threading.Lock()


def increment():
    global counter
    value = counter  # counter += 1, in the steps it really takes:
    if yield_inside:
        time.sleep(0)  # let another thread run between the read and the write
    counter = value + 1  # write back what was read, plus one


def add(n):
    for _ in range(n):
        if mode == "nolock":
            increment()
        else:
            with lock:
                increment()


if mode == "serial":  # start each thread and join it before starting the next
    for _ in range(count):
        t = threading.Thread(target=add, args=(n,))
        t.start()
        t.join()
else:  # "lock" and "nolock": start them all, then join them all
    threads = [threading.Thread(target=add, args=(n,)) for _ in range(count)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
print(counter, "expected", count * n)
