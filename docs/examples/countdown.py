# SPDX-License-Identifier: MIT
# The GIL lesson under the real CPython: two CPU-bound threads take turns.
#   weft record --python docs/examples/countdown.py
import threading


def countdown(n):
    while n > 0:
        n -= 1


threads = [threading.Thread(target=countdown, args=(2_000_000,)) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("done")
