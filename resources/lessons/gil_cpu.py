# SPDX-License-Identifier: MIT
# gil.cpu, in Python: CPU-bound threads take turns under the GIL; processes run at the same time.
# Weft passes the parameters form as arguments: python3 gil_cpu.py threads=2 work=3000 switch_interval_ms=5
import multiprocessing
import sys
import threading
import time

args = dict(arg.split("=", 1) for arg in sys.argv[1:])
workers = int(args.get("threads", 2))
N = int(args.get("work", 3000)) * 1000  # a unit of work: a thousand turns of the loop
sys.setswitchinterval(int(args.get("switch_interval_ms", 5)) / 1000)


def count(n):
    while n > 0:
        n -= 1


if __name__ == "__main__":
    t0 = time.perf_counter()
    for _ in range(workers):
        count(N)
    print(f"sequential: {time.perf_counter() - t0:.3f} s")

    threads = [threading.Thread(target=count, args=(N,)) for _ in range(workers)]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print(f"threads: {time.perf_counter() - t0:.3f} s")  # about as long: one GIL, one at a time

    processes = [multiprocessing.Process(target=count, args=(N,)) for _ in range(workers)]
    t0 = time.perf_counter()
    for p in processes:
        p.start()
    for p in processes:
        p.join()
    print(f"processes: {time.perf_counter() - t0:.3f} s")  # each process has a GIL of its own
