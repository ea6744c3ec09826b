# SPDX-License-Identifier: MIT
"""weft's Python probe: `python3 weft_probe.py SCRIPT [ARGS...]` runs SCRIPT as
__main__ (as `python3 SCRIPT ARGS...` would: same argv, __file__, sys.path[0],
output and exit status) and, when the process is recorded by `weft record`,
tells the recording library each threading.Thread's name and daemon flag as
the thread starts. Without the library it only runs the script."""

import os
import runpy
import sys
import threading


def _install():
    try:
        import ctypes
        # PyDLL: the call keeps the GIL (no extra GIL hand-over on the recording).
        report = ctypes.PyDLL(None).weft_record_thread_info
    except (ImportError, OSError, AttributeError):
        return
    report.argtypes = (ctypes.c_char_p, ctypes.c_int)
    report.restype = None

    def tell(thread):
        try:
            report(str(thread.name).encode("utf-8", "replace"), 1 if thread.daemon else 0)
        except Exception:
            pass

    original = threading.Thread._bootstrap_inner

    def _bootstrap_inner(self):
        tell(self)
        return original(self)

    threading.Thread._bootstrap_inner = _bootstrap_inner
    tell(threading.main_thread())


def _main():
    if len(sys.argv) < 2:
        sys.stderr.write("usage: python3 weft_probe.py SCRIPT [ARGS...]\n")
        return 2
    del sys.argv[0]
    _install()
    if sys.argv[0] == "-m" and len(sys.argv) > 1:
        del sys.argv[0]
        sys.path[0] = os.getcwd()
        runpy.run_module(sys.argv[0], run_name="__main__", alter_sys=True)
        return 0
    script = os.path.abspath(sys.argv[0])
    sys.path[0] = os.path.dirname(script)
    try:
        runpy.run_path(script, run_name="__main__")
    except (SystemExit, KeyboardInterrupt):
        raise
    except BaseException as error:
        # The traceback python3 would print: from the script's frame on, not ours.
        tb = error.__traceback__
        while tb is not None and tb.tb_frame.f_code.co_filename != script:
            tb = tb.tb_next
        if tb is not None:
            error.__traceback__ = tb
        sys.excepthook(type(error), error, error.__traceback__)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(_main())
