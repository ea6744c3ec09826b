# SPDX-License-Identifier: MIT
# threads.identity, in Python: every thread has a name and a native id, the main thread too.
# Weft passes the parameters form as arguments: python3 threads_identity.py threads=3
import sys
import threading

args = dict(arg.split("=", 1) for arg in sys.argv[1:])
count = int(args.get("threads", 3))


def show():
    t = threading.current_thread()
    print(f"{t.name}: native id {t.native_id}")


show()  # the main thread is a thread like any other
threads = [threading.Thread(target=show) for _ in range(count)]
for t in threads:
    t.start()
for t in threads:
    t.join()
