# SPDX-License-Identifier: MIT
# How CPython behaves on this machine, as Weft's Python lessons show it: run it
# plain and under `weft record --python` (bench/python/fidelity.sh does both)
# and compare. Prints one "name value" line per figure.
#   countdown: sequential vs two threads (the GIL: about the same) vs two
#              processes (about half on 2 cores);
#   convoy:    an echo round trip on loopback alone and beside a CPU-bound
#              thread (each round trip waits about one switch interval);
#   start:     starting and joining a thread vs a forked process.
import multiprocessing
import socket
import statistics
import sys
import threading
import time

WORK = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000_000
ROUND_TRIPS = 100


def countdown(n):
    while n > 0:
        n -= 1


def timed(run):
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def sequential():
    countdown(WORK)


def two_threads():
    threads = [threading.Thread(target=countdown, args=(WORK // 2,)) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()


def two_processes():
    processes = [multiprocessing.Process(target=countdown, args=(WORK // 2,)) for _ in range(2)]
    for p in processes:
        p.start()
    for p in processes:
        p.join()


def echo_server(listener, busy):
    """The lesson's server: echoes each message, in a process whose other
    thread may be CPU-bound (it then waits for the GIL after every recv)."""
    stop = threading.Event()

    def spin():
        while not stop.is_set():
            countdown(10_000)

    spinner = threading.Thread(target=spin)
    if busy:
        spinner.start()
    conn, _ = listener.accept()
    with conn:
        while data := conn.recv(64):
            conn.sendall(data)
    stop.set()
    if busy:
        spinner.join()


def round_trip_ms(busy):
    """The median echo round trip, timed by a client in this process against
    a server in a forked one."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    server = multiprocessing.Process(target=echo_server, args=(listener, busy))
    server.start()
    times = []
    with socket.create_connection(listener.getsockname()) as client:
        for _ in range(ROUND_TRIPS):
            start = time.perf_counter()
            client.sendall(b"ping")
            client.recv(64)
            times.append(time.perf_counter() - start)
    server.join()
    listener.close()
    return statistics.median(times) * 1000


def start_ms(make):
    times = []
    for _ in range(20):
        worker = make()
        start = time.perf_counter()
        worker.start()
        worker.join()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


if __name__ == "__main__":
    multiprocessing.set_start_method("fork")
    seq = timed(sequential)
    threads = timed(two_threads)
    processes = timed(two_processes)
    print(f"countdown_sequential_s {seq:.3f}")
    print(f"countdown_threads_ratio {threads / seq:.2f}")
    print(f"countdown_processes_ratio {processes / seq:.2f}")
    print(f"switch_interval_ms {sys.getswitchinterval() * 1000:.1f}")
    print(f"echo_alone_ms {round_trip_ms(False):.3f}")
    print(f"echo_beside_cpu_ms {round_trip_ms(True):.3f}")
    print(f"thread_start_ms {start_ms(lambda: threading.Thread(target=int)):.3f}")
    print(f"fork_start_ms {start_ms(lambda: multiprocessing.Process(target=int)):.3f}")
