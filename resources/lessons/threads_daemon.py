# SPDX-License-Identifier: MIT
# threads.daemon, in Python: a daemon thread does not keep its process alive.
# Weft passes the parameters form as arguments: python3 threads_daemon.py daemon=true daemon_ms=3000 main_ms=1000
import sys
import threading
import time

args = dict(arg.split("=", 1) for arg in sys.argv[1:])
daemon = args.get("daemon", "true") == "true"
daemon_s = int(args.get("daemon_ms", 3000)) / 1000
main_s = int(args.get("main_ms", 1000)) / 1000


def background():
    time.sleep(daemon_s)
    print("background: finished")  # never printed when daemon=True


t = threading.Thread(target=background, name="Background", daemon=daemon)
t.start()
time.sleep(main_s)
print("main: done, returning")  # main returns; the interpreter exits
