# SPDX-License-Identifier: MIT
# threads.subclass, in Python: a Thread subclass that overrides run().
# Weft passes the parameters form as arguments: python3 threads_subclass.py steps=3 delay_ms=500
import sys
import threading
import time

args = dict(arg.split("=", 1) for arg in sys.argv[1:])
steps = int(args.get("steps", 3))
delay = int(args.get("delay_ms", 500)) / 1000


class Worker(threading.Thread):
    def __init__(self, name, steps):
        super().__init__(name=name)
        self.steps = steps

    def run(self):  # start() calls this in the new thread
        for i in range(self.steps):
            print(f"{self.name}: step {i + 1} of {self.steps}")
            time.sleep(delay)


alpha, beta = Worker("Alpha", steps), Worker("Beta", steps)
alpha.start()
beta.start()
alpha.join()
beta.join()
