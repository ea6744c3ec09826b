# SPDX-License-Identifier: MIT
# threads.create, in Python: start threads from a target function with an argument.
# Weft passes the parameters form as arguments: python3 threads_create.py threads=3 delay_ms=100
import sys
import threading
import time

args = dict(arg.split("=", 1) for arg in sys.argv[1:])
count = int(args.get("threads", 3))
delay = int(args.get("delay_ms", 100)) / 1000


def worker(n):
    print(f"worker {n} running in {threading.current_thread().name} "
          f"(id {threading.get_native_id()})")
    time.sleep(delay)


threads = [threading.Thread(target=worker, args=(i,)) for i in range(count)]
for t in threads:
    t.start()
for t in threads:
    t.join()
