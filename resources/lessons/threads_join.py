# SPDX-License-Identifier: MIT
# threads.join, in Python: join() blocks the caller until the thread has finished.
# Weft passes the parameters form as arguments: python3 threads_join.py join=true worker_ms=3000 main_ms=5000 tick_ms=1000
import sys
import threading
import time

args = dict(arg.split("=", 1) for arg in sys.argv[1:])
use_join = args.get("join", "true") == "true"
worker_ms = int(args.get("worker_ms", 3000))
main_ms = int(args.get("main_ms", 5000))
tick_ms = int(args.get("tick_ms", 1000))

tick = tick_ms / 1000
worker_ticks = max(1, worker_ms // tick_ms)
main_ticks = max(1, main_ms // tick_ms)


def worker():
    for i in range(worker_ticks):
        print(f"worker: tick {i + 1} of {worker_ticks}")
        time.sleep(tick)


t = threading.Thread(target=worker, name="Worker")
t.start()
if use_join:
    t.join()  # main waits here until worker() returns
for i in range(main_ticks):
    print(f"main loop: tick {i + 1} of {main_ticks}")
    time.sleep(tick)
