# SPDX-License-Identifier: MIT
# Four threads add to one counter under a lock: record it with
#   weft record --python docs/examples/counter.py
import threading
import time

counter = 0
lock = threading.Lock()


def worker(n):
    global counter
    for _ in range(3):
        with lock:
            value = counter
            time.sleep(0.002)   # hold the lock a while: the others wait for it
            counter = value + 1
    print(f"worker {n} done")


threads = [threading.Thread(target=worker, args=(i,)) for i in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("counter =", counter)
