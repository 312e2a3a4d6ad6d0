"""Helper processes that end with the export that started them, however it ends.

A pool's workers are only stopped by the export's own shutdown; an export killed with
SIGKILL (or the OOM killer) never runs it, and its workers (hundreds of MB each) would live
on. On Linux each helper asks the kernel for SIGKILL when its parent dies
(``prctl(PR_SET_PDEATHSIG)``): immediate, and it works while the helper is deep in C code
holding the GIL. Elsewhere a daemon thread polls ``os.getppid()`` and exits when the parent
changed: slower (up to ``WATCH_SECONDS``) and it needs the GIL, hence only the fallback.

The death signal is tied to the parent *thread* that spawned the helper: helpers are
spawned by the thread running the pool, which outlives them (the pool is shut down there)."""

from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading
import time

WATCH_SECONDS = 0.5
_PR_SET_PDEATHSIG = 1


def die_with_parent(parent: int) -> str:
    """Make this process exit when process ``parent`` (the one that started it) dies.

    Returns how: "prctl" or "watchdog". Exits now when the parent has died already."""
    how = "prctl" if _death_signal() else "watchdog"
    if os.getppid() != parent:  # died before the signal was armed: it will never come
        os._exit(1)
    if how == "watchdog":
        threading.Thread(target=_watch, args=(parent,), daemon=True, name="lifeline").start()
    return how


def _death_signal() -> bool:
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        code = libc.prctl(_PR_SET_PDEATHSIG, ctypes.c_ulong(signal.SIGKILL), ctypes.c_ulong(0),
                          ctypes.c_ulong(0), ctypes.c_ulong(0))
    except (OSError, AttributeError):
        return False
    return code == 0


def _watch(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(WATCH_SECONDS)
    os._exit(1)
